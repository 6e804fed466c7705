import { checkRule } from './faults.js';
import { DEFAULT_RATE_LIMIT } from './rate-limit.js';
import type { FaultRule } from './faults.js';
import type { RateLimitOptions } from './rate-limit.js';
import type { DatasetSize } from './seed.js';

/** Receives the emulator's log lines: starts, stops, and errors it turns into replies. */
export type EmulatorLog = (level: 'info' | 'error', message: string) => void;

/** Writes errors to stderr and drops info lines, so tests stay quiet unless something breaks. */
export const defaultLog: EmulatorLog = (level, message) => {
  if (level === 'error') process.stderr.write(`tsoffers emulator: ${message}\n`);
};

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Address to listen on. @default '127.0.0.1' */
  host?: string;
  /** Seed of all generated data and fault chances. @default 1 */
  seed?: number;
  /**
   * Size of the seeded data: small (dozens of rows), medium (20,000 conversions), large (150,000
   * conversions). @default 'small'
   */
  dataset?: DatasetSize;
  /** Calls allowed per window per network, or false to switch the limit off. @default 50 per 10 s */
  rateLimit?: RateLimitOptions | false;
  /** Faults active from the start; more can be added through `/__admin/faults`. */
  faults?: FaultRule[];
  /** Lifetime of raw log download links, in milliseconds. @default 8 hours */
  linkTtlMs?: number;
  /** Raw log history: number of days and rows per hourly file. @default 7 days, 20 rows */
  rawLogs?: { days?: number; rowsPerHour?: number };
  /** Network id clients must send. @default 'demo' */
  networkId?: string;
  /** Network token clients must send. @default a token derived from the seed */
  networkToken?: string;
  /** Last day of seeded history and raw logs, `YYYY-MM-DD` (UTC). @default today */
  today?: string;
  /** Maximum number of calls kept for `/__admin/requests`. @default 10000 */
  maxLoggedRequests?: number;
  /** Log line receiver. @default errors to stderr, info dropped */
  log?: EmulatorLog;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  dataset: DatasetSize;
  rateLimit: RateLimitOptions | false;
  faults: FaultRule[];
  linkTtlMs: number;
  rawLogs: { days: number; rowsPerHour: number };
  networkId: string;
  networkToken: string;
  today: string;
  maxLoggedRequests: number;
  log: EmulatorLog;
}

const DATASETS: readonly DatasetSize[] = ['small', 'medium', 'large'];

/** Fills defaults and rejects bad values with a message naming the option and the fix. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const seed = integer('seed', options.seed ?? 1, 0, 2 ** 32 - 1);
  const dataset = options.dataset ?? 'small';
  if (!DATASETS.includes(dataset)) {
    throw new TypeError(
      `dataset ${JSON.stringify(dataset)} is not valid. Use one of: ${DATASETS.join(', ')}.`,
    );
  }
  return {
    port: integer('port', options.port ?? 0, 0, 65535),
    host: options.host ?? '127.0.0.1',
    seed,
    dataset,
    rateLimit: resolveRateLimit(options.rateLimit),
    faults: (options.faults ?? []).map(checkRule),
    linkTtlMs: integer('linkTtlMs', options.linkTtlMs ?? 8 * 3_600_000, 1, 2 ** 31 - 1),
    rawLogs: {
      days: integer('rawLogs.days', options.rawLogs?.days ?? 7, 1, 400),
      rowsPerHour: integer(
        'rawLogs.rowsPerHour',
        options.rawLogs?.rowsPerHour ?? 20,
        0,
        10_000_000,
      ),
    },
    networkId: nonEmpty('networkId', options.networkId ?? 'demo'),
    networkToken: nonEmpty('networkToken', options.networkToken ?? defaultToken(seed)),
    today: resolveToday(options.today),
    maxLoggedRequests: integer(
      'maxLoggedRequests',
      options.maxLoggedRequests ?? 10_000,
      0,
      10_000_000,
    ),
    log: options.log ?? defaultLog,
  };
}

function resolveRateLimit(value: RateLimitOptions | false | undefined): RateLimitOptions | false {
  if (value === false) return false;
  const limit = value ?? DEFAULT_RATE_LIMIT;
  return {
    calls: integer('rateLimit.calls', limit.calls, 1, Number.MAX_SAFE_INTEGER),
    windowMs: integer('rateLimit.windowMs', limit.windowMs, 1, Number.MAX_SAFE_INTEGER),
  };
}

function resolveToday(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new TypeError(`today ${JSON.stringify(value)} is not a valid date. Use YYYY-MM-DD.`);
  }
  return value;
}

/** Derives a token in the service's `NET…` form from the seed, so runs are repeatable. */
function defaultToken(seed: number): string {
  return `NET${(seed * 2654435761 + 0x9e3779b9).toString(36).toUpperCase().padStart(12, '0')}emu`;
}

function integer(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}.`);
  }
  return value;
}

function nonEmpty(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string, got ${JSON.stringify(value)}.`);
  }
  return value;
}
