import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const conversionsSpec: ResourceSpec = {
  command: 'conversions',
  singular: 'conversion',
  target: 'Conversion',
  containable: true,
  writable: true,
  tableColumns: [
    'id',
    'datetime',
    'offer_id',
    'affiliate_id',
    'status',
    'payout',
    'revenue',
    'currency',
  ],
  select: (client) => client.conversions as RecordResource,
};

/** Registers `tsoffers conversions list|get|create|update`. */
export function registerConversions(program: Command, context: CommandContext): Command {
  return registerResource(program, context, conversionsSpec);
}
