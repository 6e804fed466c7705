import { CommanderError } from 'commander';

import { CliError } from './cli-error.js';
import { toCliWording } from './client-wording.js';
import { ExitCode } from './exit-codes.js';

interface ErrorKind {
  exitCode: ExitCode;
  nextStep?: string;
}

// Keyed by class name because each client error class sets `name` to its own class name.
const CLIENT_ERRORS: Readonly<Record<string, ErrorKind>> = {
  UsageError: { exitCode: ExitCode.usage },
  AuthenticationError: {
    exitCode: ExitCode.authentication,
    nextStep:
      'check the network id and token with tsoffers whoami, or store new ones with tsoffers login',
  },
  NotFoundError: { exitCode: ExitCode.notFound },
  ValidationError: { exitCode: ExitCode.usage },
  RateLimitError: {
    exitCode: ExitCode.rateLimited,
    nextStep:
      'the network allows about 50 calls per 10 seconds; wait a little and run the command again',
  },
  NetworkError: {
    exitCode: ExitCode.network,
    nextStep: 'check the endpoint and the connection, then run the command again',
  },
  TimeoutError: {
    exitCode: ExitCode.network,
    nextStep: 'run the command again, or allow more time with --timeout MS',
  },
  UnknownOutcomeError: {
    exitCode: ExitCode.network,
    nextStep:
      'the change may have been applied; look the record up before running the command again',
  },
  HasOffersError: { exitCode: ExitCode.failure },
};

/** Returns the process exit code for an error raised while running a command. */
export function exitCodeFor(raised: unknown): ExitCode {
  const error = unwrapAbort(raised);
  if (error instanceof CommanderError) return commanderExitCode(error);
  if (error instanceof CliError) return error.exitCode;
  return clientErrorKind(error)?.exitCode ?? ExitCode.failure;
}

/**
 * Formats an error for stderr as `error: <what failed>`, followed by the server's field errors
 * and a `hint:` line with the next step when one is known.
 */
export function formatError(raised: unknown): string {
  const error = unwrapAbort(raised);
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`error: ${error instanceof CliError ? message : toCliWording(message)}`];
  for (const fieldError of fieldErrors(error)) lines.push(`  ${fieldError}`);
  const nextStep = clientErrorKind(error)?.nextStep;
  if (nextStep !== undefined) lines.push(`hint: ${nextStep}`);
  return lines.join('\n') + '\n';
}

// The client wraps an aborted call in AbortError with the abort reason as cause. When the CLI
// aborted it (Ctrl-C, a failed output file), that reason carries the exit code and message.
function unwrapAbort(error: unknown): unknown {
  if (error instanceof Error && error.name === 'AbortError' && error.cause instanceof CliError) {
    return error.cause;
  }
  return error;
}

function commanderExitCode(error: CommanderError): ExitCode {
  if (error.exitCode === 0) return ExitCode.ok;
  return ExitCode.usage;
}

function clientErrorKind(error: unknown): ErrorKind | undefined {
  if (!(error instanceof Error)) return undefined;
  return Object.hasOwn(CLIENT_ERRORS, error.name) ? CLIENT_ERRORS[error.name] : undefined;
}

// Lists field errors of a validation error that the message itself does not already name.
function fieldErrors(error: unknown): string[] {
  if (!(error instanceof Error) || !('errors' in error) || !Array.isArray(error.errors)) return [];
  const lines: string[] = [];
  for (const entry of error.errors as unknown[]) {
    if (entry === null || typeof entry !== 'object') continue;
    const { attribute_name: field, err_msg: text } = entry as Record<string, unknown>;
    if (typeof text !== 'string' || error.message.includes(text)) continue;
    lines.push(typeof field === 'string' ? `${field}: ${text}` : text);
  }
  return lines;
}
