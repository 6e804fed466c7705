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
};

/** Registers `tsoffers affiliate-users list|get|create|update`. */
export function registerAffiliateUsers(program: Command, context: CommandContext): Command {
  return registerResource(program, context, affiliateUsersSpec);
}
