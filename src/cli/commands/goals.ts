import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const goalsSpec: ResourceSpec = {
  command: 'goals',
  singular: 'goal',
  target: 'Goal',
  containable: true,
  writable: true,
  tableColumns: ['id', 'offer_id', 'name', 'status', 'default_payout', 'payout_type'],
  select: (client) => client.goals as RecordResource,
  examples: {
    where: 'status=active',
    whereIn: 'status=active,deleted',
    fields: 'id,offer_id,name',
    id: '12',
    create: 'offer_id=12 name=Signup payout_type=cpa_flat default_payout=2.00 status=active',
    update: 'default_payout=3.00',
  },
};

/** Registers `tsoffers goals list|get|create|update`. */
export function registerGoals(program: Command, context: CommandContext): Command {
  return registerResource(program, context, goalsSpec);
}
