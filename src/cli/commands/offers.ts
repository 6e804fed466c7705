import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const offersSpec: ResourceSpec = {
  command: 'offers',
  singular: 'offer',
  target: 'Offer',
  containable: true,
  writable: true,
  select: (client) => client.offers as RecordResource,
};

/** Registers `tsoffers offers list|get|create|update`. */
export function registerOffers(program: Command, context: CommandContext): Command {
  return registerResource(program, context, offersSpec);
}
