import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const affiliateUsersSpec: ResourceSpec = {
  command: 'affiliate-users',
  singular: 'affiliate user',
  target: 'AffiliateUser',
  containable: true,
  writable: true,
  tableColumns: ['id', 'affiliate_id', 'email', 'first_name', 'last_name', 'status'],
  select: (client) => client.affiliateUsers as RecordResource,
  examples: {
    where: 'status=active',
    whereIn: 'status=active,blocked',
    fields: 'id,email,status',
    id: '12',
    create:
      'affiliate_id=12 email=jo@example.com first_name=Jo last_name=Doe password=Secret123! password_confirmation=Secret123! status=active',
    update: 'status=blocked',
  },
};

/** Registers `tsoffers affiliate-users list|get|create|update`. */
export function registerAffiliateUsers(program: Command, context: CommandContext): Command {
  return registerResource(program, context, affiliateUsersSpec);
}
