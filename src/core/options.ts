import { UsageError } from './errors.js';
import { isLogLevel } from './log.js';
import { redact } from './redact.js';
import type { Logger, LogLevel } from './log.js';
import { DEFAULT_RETRY_DELAY_MS } from './retry.js';
import { DEFAULT_RATE_LIMIT } from './throttle.js';
import type { RateLimit } from './throttle.js';
import type { FetchFunction } from './transport.js';

/** Options of `new HasOffers()` and `withOptions()`. */
export interface HasOffersOptions {
  /** Network id, such as `demo`. @default process.env.HASOFFERS_NETWORK_ID */
  readonly networkId?: string;
  /** Network API token. @default process.env.HASOFFERS_NETWORK_TOKEN */
  readonly networkToken?: string;
  /** API URL. @default process.env.HASOFFERS_ENDPOINT, else `https://{networkId}.api.hasoffers.com/Apiv3/json` */
  readonly endpoint?: string;
  /** Time limit of one attempt in milliseconds. @default 30000 */
  readonly timeoutMs?: number;
  /** Retries after the first attempt; `n` means at most n + 1 requests per call. @default 3 */
  readonly maxRetries?: number;
  /**
   * Base wait before the first retry in milliseconds; doubles per retry, with jitter. After a
   * rate-limit reply the client first waits out the server's window (from the message, such as
   * `Configured: 50/10s window`, else `rateLimit.windowMs`), scaled by `retryDelayMs / 1000`, so
   * the default waits the whole window and tests that shrink this option shrink that wait too.
   * @default 1000
   */
  readonly retryDelayMs?: number;
  /**
   * Client-side limit on requests per network (endpoint and network id), shared by this client and
   * its `withOptions` copies but not by other clients. Every attempt, retries included, waits for a
   * free slot before it is sent; the wait does not count against `timeoutMs` and ends when `signal`
   * aborts. A request keeps its slot from sending until a full window after its response, so the
   * server never sees more than `calls` requests in any `windowMs`. `false` turns the limit off.
   * @default { calls: 50, windowMs: 10_000 }, the documented HasOffers limit
   */
  readonly rateLimit?: RateLimit | false;
  /** Destination of log lines, such as `console`. @default warnings and errors to the console */
  readonly logger?: Logger;
  /** Lowest level written to the logger. @default 'info' */
  readonly logLevel?: LogLevel;
  /** Fetch implementation to send requests with. @default undici fetch with a keep-alive Agent */
  readonly fetch?: FetchFunction;
  /** Aborts every call of this client when it fires. */
  readonly signal?: AbortSignal;
  /** Verify TLS certificates. Turning it off logs a warning. @default true */
  readonly rejectUnauthorized?: boolean;
}

/** Options after defaults and checks. */
export interface ResolvedOptions {
  readonly networkId: string;
  readonly networkToken: string;
  readonly endpoint: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryDelayMs: number;
  readonly rateLimit: RateLimit | false;
  readonly logger: Logger | undefined;
  readonly logLevel: LogLevel;
  readonly fetch: FetchFunction | undefined;
  readonly signal: AbortSignal | undefined;
  readonly rejectUnauthorized: boolean;
}

// Network ids become part of the default host name, so only DNS label characters pass.
const NETWORK_ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Applies defaults from options and environment variables and rejects invalid values. */
export function resolveOptions(options: HasOffersOptions, env: NodeJS.ProcessEnv): ResolvedOptions {
  const networkId = options.networkId ?? env.HASOFFERS_NETWORK_ID;
  const networkToken = options.networkToken ?? env.HASOFFERS_NETWORK_TOKEN;
  const idSource = options.networkId === undefined ? 'HASOFFERS_NETWORK_ID' : 'networkId';
  const tokenSource =
    options.networkToken === undefined ? 'HASOFFERS_NETWORK_TOKEN' : 'networkToken';

  if (networkId === undefined || networkId === '') {
    throw new UsageError(
      'Missing network id. Pass the networkId option or set HASOFFERS_NETWORK_ID.',
    );
  }
  if (!NETWORK_ID_PATTERN.test(networkId)) {
    throw new UsageError(
      `Invalid network id ${JSON.stringify(networkId)} from ${idSource}. Use the id from your network's API URL: letters, digits and hyphens.`,
    );
  }
  if (networkToken === undefined || networkToken === '') {
    throw new UsageError(
      'Missing network token. Pass the networkToken option or set HASOFFERS_NETWORK_TOKEN.',
    );
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected
  if (/[\s\u0000-\u001f\u007f]/.test(networkToken)) {
    // The token itself is never shown, even when it is malformed.
    throw new UsageError(
      `Invalid network token from ${tokenSource}: it contains whitespace or control characters.`,
    );
  }

  return {
    networkId,
    networkToken,
    endpoint: checkEndpoint(
      options.endpoint ?? env.HASOFFERS_ENDPOINT,
      networkId,
      options.endpoint === undefined,
      (text) => redact(text, [networkToken]),
    ),
    timeoutMs: checkNumber(options.timeoutMs, 'timeoutMs', 30_000, 1, MAX_TIMER_MS),
    maxRetries: checkNumber(options.maxRetries, 'maxRetries', 3, 0),
    retryDelayMs: checkNumber(
      options.retryDelayMs,
      'retryDelayMs',
      DEFAULT_RETRY_DELAY_MS,
      0,
      MAX_TIMER_MS,
    ),
    rateLimit: checkRateLimit(options.rateLimit),
    logger: options.logger,
    logLevel: checkLogLevel(options.logLevel),
    fetch: checkFunction(options.fetch),
    signal: options.signal,
    rejectUnauthorized: options.rejectUnauthorized ?? true,
  };
}

function checkEndpoint(
  endpoint: string | undefined,
  networkId: string,
  fromEnv: boolean,
  redactText: (text: string) => string,
): string {
  if (endpoint === undefined || endpoint === '')
    return `https://${networkId}.api.hasoffers.com/Apiv3/json`;
  const source = fromEnv ? 'HASOFFERS_ENDPOINT' : 'endpoint';
  const shown = redactText(JSON.stringify(endpoint));
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(
      `Invalid ${source} ${shown}. Pass an absolute URL such as https://demo.api.hasoffers.com/Apiv3/json.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`Invalid ${source} ${shown}: the protocol must be https or http.`);
  }
  if (url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new UsageError(
      `Invalid ${source} ${redactText(JSON.stringify(url.origin + url.pathname))}: remove the fragment and user info.`,
    );
  }
  return endpoint;
}

// Node fires timers longer than this after 1 ms instead, with a TimeoutOverflowWarning.
const MAX_TIMER_MS = 2 ** 31 - 1;

function checkNumber(
  value: number | undefined,
  name: string,
  fallback: number,
  minimum: number,
  maximum = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    const range =
      maximum === Number.MAX_SAFE_INTEGER
        ? `of ${minimum} or more`
        : `from ${minimum} to ${maximum}`;
    throw new UsageError(
      `Option ${name} is ${JSON.stringify(value)}. Pass a whole number ${range}.`,
    );
  }
  return value;
}

function checkRateLimit(rateLimit: RateLimit | false | undefined): RateLimit | false {
  if (rateLimit === undefined) return DEFAULT_RATE_LIMIT;
  if (rateLimit === false) return false;
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    throw new UsageError(
      `Option rateLimit is ${JSON.stringify(rateLimit)}. Pass { calls, windowMs } or false.`,
    );
  }
  for (const key of ['calls', 'windowMs'] as const) {
    if (rateLimit[key] === undefined) {
      throw new UsageError(
        `Option rateLimit has no ${key}. Pass both, such as { calls: 50, windowMs: 10000 }, or false.`,
      );
    }
  }
  return {
    calls: checkNumber(rateLimit.calls, 'rateLimit.calls', 0, 1),
    windowMs: checkNumber(rateLimit.windowMs, 'rateLimit.windowMs', 0, 1, MAX_TIMER_MS),
  };
}

function checkLogLevel(level: unknown): LogLevel {
  if (level === undefined) return 'info';
  if (!isLogLevel(level)) {
    throw new UsageError(
      `Option logLevel is ${JSON.stringify(level)}. Use debug, info, warn or error.`,
    );
  }
  return level;
}

function checkFunction(fetch: FetchFunction | undefined): FetchFunction | undefined {
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new UsageError('Option fetch must be a function with the signature of globalThis.fetch.');
  }
  return fetch;
}
