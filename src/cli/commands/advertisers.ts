import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const advertisersSpec: ResourceSpec = {
  command: 'advertisers',
  singular: 'advertiser',
  target: 'Advertiser',
  containable: true,
  writable: true,
  tableColumns: ['id', 'company', 'status', 'country', 'account_manager_id', 'date_added'],
  select: (client) => client.advertisers as RecordResource,
  examples: {
    where: 'status=active',
    whereIn: 'status=active,pending',
    fields: 'id,company,status',
    id: '12',
    create: "company='Acme Shop' status=active country=US zipcode=10001 phone=+10000000001",
    update: 'status=blocked',
  },
};

/** Registers `tsoffers advertisers list|get|create|update`. */
export function registerAdvertisers(program: Command, context: CommandContext): Command {
  return registerResource(program, context, advertisersSpec);
}
