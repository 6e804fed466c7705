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
};

/** Registers `tsoffers goals list|get|create|update`. */
export function registerGoals(program: Command, context: CommandContext): Command {
  return registerResource(program, context, goalsSpec);
}
