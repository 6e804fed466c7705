import { HasOffers } from '../index.js';
import type { Logger, LogLevel, RateLimit } from '../index.js';
import type { CliIo, TextStream } from './io.js';
import type { ConnectionFlags } from './settings.js';
import { resolveSettings } from './settings.js';

/** Credentials and connection options for one client. */
export interface ClientSettings {
  networkId: string;
  networkToken: string;
  endpoint?: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** Pace of calls, or `false` to send without waiting. Unset keeps the client's default. */
  rateLimit?: RateLimit | false;
  /** Destination stream and lowest level of the client's retry and request log lines. */
  log?: { stream: TextStream; level: LogLevel };
}

/** How much of the client's log to show: `--verbose` adds every request, `--quiet` keeps errors. */
export interface Verbosity {
  quiet?: boolean;
  verbose?: boolean;
}

/** Builds a client from explicit settings. */
export function createClient(settings: ClientSettings): HasOffers {
  return new HasOffers({
    networkId: settings.networkId,
    networkToken: settings.networkToken,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
    ...(settings.rateLimit === undefined ? {} : { rateLimit: settings.rateLimit }),
    ...(settings.log === undefined
      ? {}
      : { logger: streamLogger(settings.log.stream), logLevel: settings.log.level }),
  });
}

/** Chooses the client's log level from the verbosity flags. */
export function logLevelFor(verbosity: Verbosity): LogLevel {
  if (verbosity.verbose === true) return 'debug';
  return verbosity.quiet === true ? 'error' : 'info';
}

function streamLogger(stream: TextStream): Logger {
  const line = (level: string) => (message: string) => stream.write(`${level}: ${message}\n`);
  return { debug: line('debug'), info: line('info'), warn: line('warning'), error: line('error') };
}

/**
 * Retries of a command that sends many calls (`--all`, raw log exports) when `--retries` is not
 * given. Between retries the client waits at least one second, doubling each time, so six
 * retries span several 10-second rate-limit windows of the API.
 */
export const LONG_RUN_RETRIES = 6;

/** Options of {@link connectClient}. */
export interface ConnectOptions {
  /** The command sends many calls, so it retries longer unless `--retries` sets the count. */
  longRun?: boolean;
}

/** Resolves the connection settings from flags, environment and profile, and builds a client. */
export async function connectClient(
  flags: ConnectionFlags & Verbosity,
  io: CliIo,
  protect: (secret: string) => void,
  options: ConnectOptions = {},
): Promise<HasOffers> {
  const settings = await resolveSettings(flags, io.env);
  protect(settings.networkToken);
  for (const warning of settings.warnings) io.stderr.write(`${warning}\n`);
  if (options.longRun === true && settings.maxRetries === undefined) {
    settings.maxRetries = LONG_RUN_RETRIES;
  }
  return createClient({ ...settings, log: { stream: io.stderr, level: logLevelFor(flags) } });
}
