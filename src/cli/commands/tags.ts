import type { Command } from 'commander';

import type { CommandContext } from '../context.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { registerResource } from './resource.js';

export const tagsSpec: ResourceSpec = {
  command: 'tags',
  singular: 'tag',
  target: 'Tag',
  containable: false,
  writable: true,
  tableColumns: ['id', 'name', 'active'],
  select: (client) => client.tags as RecordResource,
  examples: {
    where: 'active=1',
    whereIn: 'id=1,2,3',
    fields: 'id,name',
    id: '2',
    create: "name='Summer sale'",
    update: "name='Winter sale'",
  },
};

/** Registers `tsoffers tags list|get|create|update`. */
export function registerTags(program: Command, context: CommandContext): Command {
  return registerResource(program, context, tagsSpec);
}
