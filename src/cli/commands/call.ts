import type { Command } from 'commander';

import { controllerNames, findController, methodNames } from '../../catalogue.js';
import { describeMethod, lookupMethod, validateCall } from '../call-validation.js';
import { CliUsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { writeOne } from '../output/format.js';
import { parseKeyValues } from '../params.js';

interface CallFlags {
  list?: boolean;
}

/** Registers `tsoffers call`, the raw access to any method of the API catalogue. */
export function registerCall(program: Command, context: CommandContext): void {
  program
    .command('call')
    .description('call any API method with key=value parameters, checked against the catalogue')
    .argument('[target]', 'API target (controller), e.g. Offer')
    .argument('[method]', 'method of the target, e.g. findAll')
    .argument(
      '[params...]',
      'parameters as key=value; nest with data.name=x or filters[id][GREATER_THAN]=5',
    )
    .option('--list', 'list targets, the methods of a target, or the parameters of a method')
    .addHelpText(
      'after',
      `
Parameters are strings; lists use key[]=value and nested objects use dots or brackets.

Examples:
  $ tsoffers call --list
  $ tsoffers call --list Offer
  $ tsoffers call --list Offer generateTrackingLink
  $ tsoffers call Offer findAll 'filters[status]=active' fields[]=id fields[]=name limit=5
  $ tsoffers call Offer generateTrackingLink offer_id=1 affiliate_id=2 options.tiny_url=1
  $ tsoffers call Affiliate update id=3 data.status=active --json`,
    )
    .action(
      async (
        target: string | undefined,
        method: string | undefined,
        pairs: string[],
        flags: CallFlags,
        command: Command,
      ) => {
        if (flags.list === true) {
          context.io.stdout.write(listCatalogue(target, method));
          return;
        }
        if (target === undefined || method === undefined) {
          const missing = target === undefined ? 'target and method' : `method for ${target}`;
          const browse =
            target === undefined ? 'tsoffers call --list' : `tsoffers call ${target} --list`;
          throw new CliUsageError(
            `missing ${missing}: use tsoffers call Target method key=value…, or '${browse}' to browse`,
          );
        }
        const params = parseKeyValues(pairs);
        validateCall(target, method, params);
        const client = await context.connect(command);
        // Ordered, because id-keyed results come in the server's sort order, which a plain
        // object would replace with ascending ids.
        const result = await client.call(target, method, params, { ordered: true });
        writeOne(context.format(command), context.io.stdout, result, { ordered: true });
      },
    );
}

function listCatalogue(target: string | undefined, method: string | undefined): string {
  if (target === undefined) return controllerNames().join('\n') + '\n';
  if (method === undefined) {
    if (findController(target) === undefined) lookupMethod(target, '');
    return methodNames(target).join('\n') + '\n';
  }
  return describeMethod(target, method, lookupMethod(target, method));
}
