import type { Command } from 'commander';

import { CliUsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { readSecret } from '../read-secret.js';
import { updateProfile } from './config.js';

interface LoginFlags {
  verify: boolean;
}

/** Registers `tsoffers login`, which checks credentials and stores them in a profile. */
export function registerLogin(program: Command, context: CommandContext): void {
  program
    .command('login')
    .description('check a network id and token, then store them in a profile (mode 0600)')
    .option('--no-verify', 'store the credentials without checking them against the API')
    .addHelpText(
      'after',
      `
The token is read from HASOFFERS_NETWORK_TOKEN, else from stdin (hidden prompt on a terminal).

Examples:
  $ tsoffers login --network-id demo
  $ printenv HO_TOKEN | tsoffers login --network-id demo --profile staging
  $ tsoffers login --network-id demo --endpoint http://127.0.0.1:8080/Apiv3/json`,
    )
    .action(async (flags: LoginFlags, command: Command) => {
      const globals = context.globals(command);
      const networkId = globals.networkId ?? context.io.env.HASOFFERS_NETWORK_ID;
      if (networkId === undefined || networkId === '') {
        throw new CliUsageError('missing network id: pass --network-id ID to tsoffers login');
      }
      const token =
        globals.token ??
        context.io.env.HASOFFERS_NETWORK_TOKEN ??
        (await readSecret(context.io, 'Network token: '));
      context.protect(token);
      if (token === '') {
        throw new CliUsageError(
          'missing network token: type it at the prompt, pipe it on stdin, or set HASOFFERS_NETWORK_TOKEN',
        );
      }
      const endpoint = globals.endpoint ?? context.io.env.HASOFFERS_ENDPOINT;

      if (flags.verify) {
        const { checkCredentials } = await import('./whoami.js');
        const { createClient, logLevelFor } = await import('../connect.js');
        const client = createClient({
          networkId,
          networkToken: token,
          ...(endpoint === undefined ? {} : { endpoint }),
          log: { stream: context.io.stderr, level: logLevelFor(globals) },
        });
        try {
          const identity = await checkCredentials(client);
          context.note(command, `credentials accepted by network ${networkId}${identity}`);
        } finally {
          await client.close();
        }
      }

      await updateProfile(context, command, (profile) => {
        profile.networkId = networkId;
        profile.networkToken = token;
        if (endpoint !== undefined) profile.endpoint = endpoint;
      });
    });
}
