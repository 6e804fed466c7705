import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

import type { Command } from 'commander';

import { CliUsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { checkWritableFields } from '../model-fields.js';
import { writeOne } from '../output/format.js';
import { parseKeyValues } from '../params.js';
import type { RecordResource, ResourceSpec } from './resource.js';
import { checkId, registerResource } from './resource.js';

export const offerFilesSpec: ResourceSpec = {
  command: 'offer-files',
  singular: 'offer file',
  target: 'OfferFile',
  containable: true,
  writable: true,
  tableColumns: ['id', 'offer_id', 'display', 'type', 'status', 'width', 'height'],
  select: (client) => client.offerFiles as RecordResource,
  examples: {
    where: 'status=active',
    whereIn: 'status=active,pending',
    fields: 'id,offer_id,display',
    id: '12',
    create: "offer_id=12 display='Summer banner' type='image banner'",
    update: 'status=pending',
  },
};

interface UploadFlags {
  offerId: string;
  type: string;
  display?: string;
}

/** Registers `tsoffers offer-files list|get|create|update|upload`. */
export function registerOfferFiles(program: Command, context: CommandContext): Command {
  const group = registerResource(program, context, offerFilesSpec);
  group
    .command('upload <path> [field=value...]')
    .description('upload a creative file (banner, thumbnail, …) for an offer')
    .requiredOption('--offer-id <id>', 'offer the file belongs to')
    .option(
      '--type <type>',
      "file type, e.g. 'image banner', 'offer thumbnail', 'file'",
      'image banner',
    )
    .option('--display <name>', 'display name (default: the file name)')
    .addHelpText(
      'after',
      `
Examples:
  $ tsoffers offer-files upload banner.png --offer-id 12
  $ tsoffers offer-files upload thumb.jpg --offer-id 12 --type 'offer thumbnail' is_private=1`,
    )
    .action(async (path: string, pairs: string[], flags: UploadFlags, command: Command) => {
      const offerId = checkId('offer', flags.offerId);
      await checkReadableFile(path);
      const data = {
        ...parseKeyValues(pairs),
        offer_id: offerId,
        type: flags.type,
        display: flags.display ?? basename(path),
        filename: basename(path),
      };
      checkWritableFields('OfferFile', data);
      const client = await context.connect(command);
      const created = await client.offerFiles.create(data, path);
      writeOne(context.format(command), context.io.stdout, created);
    });
  return group;
}

async function checkReadableFile(path: string): Promise<void> {
  let isFile = false;
  try {
    isFile = (await stat(path)).isFile();
  } catch {
    throw new CliUsageError(`file '${path}' not found: check the path`);
  }
  if (!isFile)
    throw new CliUsageError(`'${path}' is not a file: pass the path of the file to upload`);
}
