import { CommanderError } from 'commander';

import { createContext } from './context.js';
import type { CliIo } from './io.js';
import { redactingStream } from './io.js';
import { buildProgram } from './program.js';
import { exitCodeFor, formatError } from './report-error.js';
import { ExitCode } from './exit-codes.js';

/**
 * Runs the command line with `argv` (without the node and script paths) and returns the exit
 * code. Every exit goes through here, so commands throw instead of calling `process.exit`.
 */
export async function run(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const secrets = new Set<string>();
  if (io.env.HASOFFERS_NETWORK_TOKEN) secrets.add(io.env.HASOFFERS_NETWORK_TOKEN);
  for (const secret of tokensInArguments(argv)) secrets.add(secret);
  const safeIo: CliIo = {
    ...io,
    stdout: redactingStream(io.stdout, () => [...secrets]),
    stderr: redactingStream(io.stderr, () => [...secrets]),
  };
  const context = createContext(safeIo, (secret) => secrets.add(secret));
  const program = buildProgram(context, version);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    // Commander has already printed its own message (help, version or a usage error).
    if (!(error instanceof CommanderError)) safeIo.stderr.write(formatError(error));
    return exitCodeFor(error);
  } finally {
    await context.closeClients();
  }
}

function tokensInArguments(argv: readonly string[]): string[] {
  const tokens: string[] = [];
  argv.forEach((argument, index) => {
    if (argument === '--token' && argv[index + 1] !== undefined) tokens.push(argv[index + 1] ?? '');
    if (argument.startsWith('--token=')) tokens.push(argument.slice('--token='.length));
  });
  return tokens;
}
