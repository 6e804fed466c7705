import type { Command } from 'commander';
import { Option } from 'commander';

import type { CommandContext } from '../context.js';
import { parsePositiveInteger } from '../settings.js';
import { CliUsageError } from '../cli-error.js';

interface EmulatorFlags {
  port: string;
  host: string;
  seed: string;
  size: 'small' | 'medium' | 'large';
  rateLimit: boolean;
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
    .option('--no-rate-limit', 'switch off the 50 calls per 10 seconds limit')
    .addHelpText(
      'after',
      `
Examples:
  $ tsoffers emulator
  $ tsoffers emulator --port 0 --seed 7 --size medium --no-rate-limit`,
    )
    .action(async (flags: EmulatorFlags, command: Command) => {
      const port = parsePort(flags.port);
      const seed = parseSeed(flags.seed);
      const { startEmulator } = await import('../../emulator/index.js');
      const emulator = await startEmulator({
        port,
        host: flags.host,
        seed,
        dataset: flags.size,
        ...(flags.rateLimit ? {} : { rateLimit: false as const }),
      });
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
