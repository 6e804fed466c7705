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
  examples: {
    where: 'status=approved',
    whereIn: 'status=approved,pending',
    fields: 'id,offer_id,status,payout',
    id: '12',
    create: 'offer_id=12 affiliate_id=12 payout=1.50 revenue=2.00 status=approved',
    update: 'status=rejected',
  },
};

/** Registers `tsoffers conversions list|get|create|update`. */
export function registerConversions(program: Command, context: CommandContext): Command {
  return registerResource(program, context, conversionsSpec);
}
