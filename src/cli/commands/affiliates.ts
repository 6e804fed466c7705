import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const affiliatesSpec: ResourceSpec = {
  command: 'affiliates',
  singular: 'affiliate',
  target: 'Affiliate',
  containable: true,
  writable: true,
  tableColumns: ['id', 'company', 'status', 'country', 'account_manager_id', 'date_added'],
  select: (client) => client.affiliates as RecordResource,
  examples: {
    where: 'status=active',
    whereIn: 'status=active,pending',
    fields: 'id,company,status',
    id: '12',
    create: "company='Acme Media' status=active country=US zipcode=10001 phone=+10000000001",
    update: 'status=blocked',
  },
};

/** Registers `tsoffers affiliates list|get|create|update`. */
export function registerAffiliates(program: Command, context: CommandContext): Command {
  return registerResource(program, context, affiliatesSpec);
}
