import type { Command } from 'commander';

import type { HasOffers } from '../../index.js';
import type { CommandContext } from '../context.js';
import { writeOne } from '../output/format.js';
import { resolveSettings } from '../settings.js';

/**
 * Checks credentials with `Application.getBrandInformation`, a read that any valid network token
 * may call, and returns a description such as ` (brand: Example Network)`.
 */
export async function checkCredentials(client: HasOffers): Promise<string> {
  const brand = await client.call('Application', 'getBrandInformation', {});
  const name = findBrandName(brand);
  return name === undefined ? '' : ` (brand: ${name})`;
}

/** Registers `tsoffers whoami`. */
export function registerWhoami(program: Command, context: CommandContext): void {
  program
    .command('whoami')
    .description('check the credentials and print which network they reach')
    .addHelpText(
      'after',
      `
Exits with code 3 when the server rejects the network id or token.

Examples:
  $ tsoffers whoami
  $ HASOFFERS_NETWORK_ID=demo tsoffers whoami --json`,
    )
    .action(async (_flags: unknown, command: Command) => {
      const settings = await resolveSettings(context.globals(command), context.io.env);
      const client = await context.connect(command);
      const brand = await client.call('Application', 'getBrandInformation', {});
      const { sources } = settings;
      const usesProfile = Object.values(sources).some((source) => source.startsWith('profile '));
      writeOne(context.format(command), context.io.stdout, {
        networkId: settings.networkId,
        networkIdFrom: sources.networkId,
        networkTokenFrom: sources.networkToken,
        endpoint: client.toJSON().endpoint,
        endpointFrom: sources.endpoint,
        // The profile name only means something when a value was read from it.
        ...(usesProfile ? { profile: settings.profile } : {}),
        brand: findBrandName(brand) ?? '',
        credentials: 'accepted',
      });
    });
}

function findBrandName(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  for (const key of ['name', 'company', 'network_name']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  for (const value of Object.values(record)) {
    const nested = findBrandName(value);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
