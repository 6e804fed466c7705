import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const offerFilesSpec: ResourceSpec = {
  command: 'offer-files',
  singular: 'offer file',
  target: 'OfferFile',
  containable: true,
  writable: true,
  select: (client) => client.offerFiles as RecordResource,
};

/** Registers `tsoffers offer-files list|get|create|update`. */
export function registerOfferFiles(program: Command, context: CommandContext): Command {
  return registerResource(program, context, offerFilesSpec);
}
