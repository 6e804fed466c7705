import type { Command } from 'commander';
import { Option } from 'commander';

import type { CommandContext } from '../context.js';
import { parsePositiveInteger } from '../settings.js';
import { CliUsageError } from '../cli-error.js';
import { parseRateLimit } from '../rate-limit.js';

interface EmulatorFlags {
  port: string;
  host: string;
  seed: string;
  size: 'small' | 'medium' | 'large';
  /** `false` from `--no-rate-limit`, text from `--rate-limit CALLS/SECONDS`. */
  rateLimit?: boolean | string;
}

/** Registers `tsoffers emulator`, which runs the local API emulator until Ctrl-C. */
export function registerEmulator(program: Command, context: CommandContext): void {
  program
    .command('emulator')
    .description('run a local HasOffers API emulator with seeded data until Ctrl-C')
    .option('--port <port>', 'TCP port; 0 picks a free one', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--seed <n>', 'seed of the generated data, for repeatable runs', '1')
    .addOption(
      new Option('--size <size>', 'amount of seeded data')
        .choices(['small', 'medium', 'large'])
        .default('small'),
    )
    .option(
      '--rate-limit <calls/seconds>',
      'calls allowed per window of seconds, like the API (default: 50/10)',
    )
    .option('--no-rate-limit', 'switch off the rate limit')
    .addHelpText(
      'after',
      `
Examples:
  $ tsoffers emulator
  $ tsoffers emulator --port 0 --seed 7 --size medium --no-rate-limit
  $ tsoffers emulator --port 0 --rate-limit 5/1`,
    )
    .action(async (flags: EmulatorFlags, command: Command) => {
      const port = parsePort(flags.port);
      const seed = parseSeed(flags.seed);
      const rateLimit = parseEmulatorRateLimit(flags.rateLimit);
      const { startEmulator } = await import('../../emulator/index.js');
      const emulator = await listenOrExplain(flags.host, port, () =>
        startEmulator({
          port,
          host: flags.host,
          seed,
          dataset: flags.size,
          ...(rateLimit === undefined ? {} : { rateLimit }),
        }),
      );
      context.io.stdout.write(
        [
          `emulator listening on ${emulator.url}`,
          '',
          `export HASOFFERS_ENDPOINT=${emulator.url}`,
          `export HASOFFERS_NETWORK_ID=${emulator.networkId}`,
          `export HASOFFERS_NETWORK_TOKEN=${emulator.networkToken}`,
          '',
        ].join('\n'),
      );
      context.note(command, 'press Ctrl-C to stop');
      await waitForStopSignal();
      await emulator.close();
      context.note(command, 'emulator stopped');
    });
}

// A busy port is the common way to fail here, so it gets a sentence with the fix instead of the
// system error code.
async function listenOrExplain<T>(host: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new CliUsageError(
        `port ${port} on ${host} is already in use: pass --port 0 to pick a free port, or another --port`,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'EACCES') {
      throw new CliUsageError(
        `cannot listen on ${host} port ${port} (${code}): pass --host 127.0.0.1, or --port 0 for a free port`,
      );
    }
    throw error;
  }
}

function parseEmulatorRateLimit(
  value: boolean | string | undefined,
): { calls: number; windowMs: number } | false | undefined {
  if (value === false) return false;
  if (value === true || value === undefined) return undefined;
  return parseRateLimit('--rate-limit', value);
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function parsePort(text: string): number {
  if (text.trim() === '0') return 0;
  const port = parsePositiveInteger('--port', text);
  if (port > 65535) throw new CliUsageError(`invalid --port '${text}': expected 0 to 65535`);
  return port;
}

function parseSeed(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) > 2 ** 32 - 1) {
    throw new CliUsageError(
      `invalid --seed '${text}': expected a whole number from 0 to 4294967295`,
    );
  }
  return Number(text);
}
