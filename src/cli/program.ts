import { Command, Option } from 'commander';

import { registerAdvertisers } from './commands/advertisers.js';
import { registerAffiliateUsers } from './commands/affiliate-users.js';
import { registerAffiliates } from './commands/affiliates.js';
import { registerCall } from './commands/call.js';
import { registerCompletion } from './commands/completion.js';
import { registerConfig } from './commands/config.js';
import { registerConversions } from './commands/conversions.js';
import { registerEmulator } from './commands/emulator.js';
import { registerGoals } from './commands/goals.js';
import { registerLogin } from './commands/login.js';
import { registerOfferFiles } from './commands/offer-files.js';
import { registerOffers } from './commands/offers.js';
import { registerRawLogs } from './commands/rawlogs.js';
import { registerReport } from './commands/report.js';
import { registerTags } from './commands/tags.js';
import { registerWhoami } from './commands/whoami.js';
import type { CommandContext } from './context.js';

export const ROOT_HELP = `
Examples:
  $ tsoffers login --network-id mynetwork
  $ tsoffers offers list --where 'status=active' --sort -id --limit 10
  $ tsoffers report stats --groups Stat.offer_id --from 2024-05-01 --to 2024-05-07 --csv
  $ tsoffers emulator --port 8080

Exit codes:
    0  success
    1  any other failure
    2  usage error: bad flag, argument or configuration (nothing is sent),
       or field values that the server rejected
    3  authentication failed
    4  not found
    5  rate limited after every retry
    6  network failure or timeout (a write may or may not have been applied)
    7  partial failure: some items failed
  130  interrupted by Ctrl-C or SIGTERM

Environment:
  HASOFFERS_NETWORK_ID, HASOFFERS_NETWORK_TOKEN, HASOFFERS_ENDPOINT  connection settings
  TSOFFERS_PROFILE  profile to use; TSOFFERS_CONFIG  configuration file path
  TSOFFERS_PACE  client rate limit as CALLS/SECONDS or off, like --pace`;

/** Builds the command tree. Output goes through the context, and errors are thrown, not exited. */
export function buildProgram(context: CommandContext, version: string): Command {
  const program = new Command('tsoffers')
    .description('Command line for the HasOffers (TUNE) Network API v3')
    .version(version, '-V, --version', 'print the tsoffers version')
    .addOption(new Option('--profile <name>', 'stored profile to use (see tsoffers login)'))
    .addOption(
      new Option('--network-id <id>', 'network id (else HASOFFERS_NETWORK_ID, else the profile)'),
    )
    .addOption(
      new Option(
        '--token <token>',
        'network token; discouraged because it stays in shell history (else HASOFFERS_NETWORK_TOKEN, else the profile)',
      ),
    )
    .addOption(
      new Option(
        '--endpoint <url>',
        'API endpoint URL (else HASOFFERS_ENDPOINT, else the profile)',
      ),
    )
    .addOption(new Option('--timeout <ms>', 'time limit per request attempt, in milliseconds'))
    .addOption(
      new Option(
        '--retries <n>',
        'retries after a rate limit or a failed read (0 sends each call once)',
      ),
    )
    .addOption(
      new Option(
        '--pace <calls/seconds>',
        'maximum calls the client sends per window of seconds, or off to send without waiting (else TSOFFERS_PACE, else 50/10)',
      ),
    )
    .addOption(new Option('--json', 'print JSON'))
    .addOption(new Option('--ndjson', 'print one JSON record per line'))
    .addOption(new Option('--csv', 'print CSV with a header row'))
    .addOption(new Option('-q, --quiet', 'print no progress bars or messages on stderr'))
    .addOption(new Option('-v, --verbose', 'print every API request on stderr (token masked)'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
    })
    .addHelpText('after', ROOT_HELP);

  registerOffers(program, context);
  registerAffiliates(program, context);
  registerAffiliateUsers(program, context);
  registerAdvertisers(program, context);
  registerConversions(program, context);
  registerGoals(program, context);
  registerTags(program, context);
  registerOfferFiles(program, context);
  registerReport(program, context);
  registerRawLogs(program, context);
  registerCall(program, context);
  registerWhoami(program, context);
  registerLogin(program, context);
  registerConfig(program, context);
  registerEmulator(program, context);
  registerCompletion(program, context);
  return program;
}
