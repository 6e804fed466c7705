import { classifyServerErrors, classifyUnreadable, URL_TOO_LONG_TEXT } from './classify.js';
import type { CallContext, ClassifiedFailure } from './classify.js';
import { encodeRequest } from './encode.js';
import type { WireField } from './encode.js';
import { readEnvelope } from './envelope.js';
import {
  abortErrorFor,
  HasOffersError,
  NetworkError,
  RateLimitError,
  TimeoutError,
  UnknownOutcomeError,
} from './errors.js';
import type { ServerError } from './errors.js';
import type { JsonValue } from './json.js';
import { newRequestId } from './log.js';
import type { ClientLog } from './log.js';
import { encodeMultipart } from './multipart.js';
import type { FilePart } from './multipart.js';
import { isReadMethod, rateLimitRetryDelay, retryDelay, serverWindowMs, sleep } from './retry.js';
import { DEFAULT_RATE_LIMIT } from './throttle.js';
import type { RateLimit, SlidingWindowLimiter } from './throttle.js';
import { isTlsErrorCode, TransportFailure } from './transport.js';
import type { HttpResponse, Transport } from './transport.js';

/** Everything one call needs from the client; copied per client, never changed afterwards. */
export interface CallSettings {
  readonly endpoint: string;
  readonly networkId: string;
  readonly networkToken: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryDelayMs: number;
  readonly rateLimit: RateLimit | false;
  /** Shared by the clients that send to this network; undefined when `rateLimit` is false. */
  readonly limiter: SlidingWindowLimiter | undefined;
  readonly signal: AbortSignal | undefined;
  readonly transport: Transport;
  readonly log: ClientLog;
  readonly redact: (text: string) => string;
}

export interface CallRequest {
  readonly target: string;
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Sent as a multipart POST with every parameter in the query string, as the API expects. */
  readonly upload?: FilePart;
}

type AttemptResult =
  | { readonly ok: true; readonly data: JsonValue; readonly status: number }
  | {
      readonly ok: false;
      readonly failure: ClassifiedFailure;
      readonly status: number | undefined;
    };

/**
 * Sends one API call with retries and returns the envelope's `data`.
 *
 * Rate-limit errors are retried for every call because the server did not run it. Broken
 * connections, timeouts and unreadable responses are retried only for reads; a write in that state
 * raises UnknownOutcomeError and is never sent again. At most `maxRetries + 1` requests are sent,
 * plus one when a GET is rejected as too long and resent as a POST. The worst-case duration is
 * therefore about `(maxRetries + 2) * timeoutMs` plus the waits between attempts.
 */
export async function executeCall(
  settings: CallSettings,
  request: CallRequest,
): Promise<JsonValue> {
  const requestId = newRequestId();
  try {
    return await sendWithRetries(settings, request, requestId);
  } catch (error) {
    const signal = settings.signal;
    if (signal?.aborted !== true || error !== signal.reason) throw error;
    const context = { target: request.target, method: request.method, requestId };
    throw abortErrorFor(signal, `${request.target}.${request.method}`, context);
  }
}

async function sendWithRetries(
  settings: CallSettings,
  request: CallRequest,
  requestId: string,
): Promise<JsonValue> {
  const context = { target: request.target, method: request.method, requestId };
  const isRead = isReadMethod(request.method);
  let encoded = encodeCall(settings, request, false);
  const totalAttempts = settings.maxRetries + 1;

  for (let attempt = 1; ; attempt++) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    const prefix = `[${requestId}] ${request.target}.${request.method} attempt ${attempt}/${totalAttempts}`;
    let started = performance.now();
    let result = await attemptOnce(settings, encoded, context);
    if (isUrlTooLong(result) && encoded.httpMethod === 'GET') {
      // The server rejected the request line before running the call, so resending is safe. The
      // resend is part of this attempt, so such a call can send maxRetries + 2 requests.
      const tooLongMs = Math.round(performance.now() - started);
      settings.log.debug(
        `${prefix}: HTTP ${result.status ?? 414} in ${tooLongMs} ms, URL too long, resent as POST`,
      );
      encoded = encodeCall(settings, request, true);
      started = performance.now();
      result = await attemptOnce(settings, encoded, context);
    }
    const elapsed = Math.round(performance.now() - started);
    const status = result.status === undefined ? 'no response' : `HTTP ${result.status}`;

    if (result.ok) {
      settings.log.debug(`${prefix}: ${status} in ${elapsed} ms, ok`);
      return result.data;
    }
    const { error, retry } = result.failure;
    const canRepeat = retry === 'any' || (retry === 'read' && isRead);
    if (retry === 'read' && !isRead) {
      settings.log.debug(`${prefix}: ${status} in ${elapsed} ms, outcome unknown, not retried`);
      throw unknownOutcome(error, context, attempt);
    }
    if (!canRepeat || attempt >= totalAttempts) {
      const reason = canRepeat ? 'no retries left' : 'not retryable';
      settings.log.debug(`${prefix}: ${status} in ${elapsed} ms, ${error.name}, ${reason}`);
      throw withAttempts(error, attempt);
    }
    const delay = delayBeforeRetry(settings, error, attempt);
    // Retries go out at info, so they show without debug output.
    settings.log.info(`${prefix}: ${status} in ${elapsed} ms, ${error.name}, retry in ${delay} ms`);
    await sleep(delay, settings.signal);
  }
}

function delayBeforeRetry(settings: CallSettings, error: HasOffersError, retry: number): number {
  if (!(error instanceof RateLimitError)) return retryDelay(retry, settings.retryDelayMs);
  const configured = settings.rateLimit === false ? DEFAULT_RATE_LIMIT : settings.rateLimit;
  const windowMs = serverWindowMs(error.serverMessage ?? '') ?? configured.windowMs;
  return rateLimitRetryDelay(retry, settings.retryDelayMs, windowMs);
}

interface OutgoingRequest {
  readonly httpMethod: 'GET' | 'POST';
  readonly url: string;
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
}

function encodeCall(
  settings: CallSettings,
  request: CallRequest,
  forcePost: boolean,
): OutgoingRequest {
  const routing: WireField[] = [
    ['Target', request.target],
    ['Method', request.method],
    ['NetworkId', settings.networkId],
    ['NetworkToken', settings.networkToken],
  ];
  const { endpoint } = settings;
  if (request.upload === undefined) {
    return encodeRequest({ endpoint, routing, params: request.params, forcePost });
  }
  const withQuery = encodeRequest({
    endpoint,
    routing,
    params: request.params,
    maxUrlLength: Infinity,
  });
  const multipart = encodeMultipart(request.upload);
  return {
    httpMethod: 'POST',
    url: withQuery.url,
    body: multipart.body,
    contentType: multipart.contentType,
  };
}

async function attemptOnce(
  settings: CallSettings,
  outgoing: OutgoingRequest,
  context: CallContext,
): Promise<AttemptResult> {
  const release =
    settings.limiter === undefined || settings.rateLimit === false
      ? undefined
      : await settings.limiter.acquire(settings.rateLimit, settings.signal);
  try {
    return await sendAndRead(settings, outgoing, context);
  } finally {
    release?.();
  }
}

async function sendAndRead(
  settings: CallSettings,
  outgoing: OutgoingRequest,
  context: CallContext,
): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal =
    settings.signal === undefined ? timeout : AbortSignal.any([settings.signal, timeout]);
  let response: HttpResponse;
  try {
    response = await settings.transport.send({ ...outgoing, signal });
  } catch (error) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    return {
      ok: false,
      failure: transportFailure(error, timeout.aborted, settings, context),
      status: undefined,
    };
  }
  const withStatus = { ...context, httpStatus: response.status };
  const outcome = readEnvelope(response.text);
  if (outcome.kind === 'server-error') {
    // Servers echo request values in error text, so the token is masked before anything keeps it.
    const errors = outcome.errors.map((error) => redactServerError(error, settings.redact));
    return {
      ok: false,
      failure: classifyServerErrors(errors, withStatus),
      status: response.status,
    };
  }
  if (outcome.kind === 'data' && response.status >= 200 && response.status < 300) {
    return { ok: true, data: outcome.data, status: response.status };
  }
  const reason =
    outcome.kind === 'unreadable' ? outcome.reason : 'an API envelope that reports no error';
  const excerpt = outcome.kind === 'unreadable' ? outcome.excerpt : '';
  return {
    ok: false,
    failure: classifyUnreadable(
      reason,
      settings.redact(excerpt),
      withStatus,
      shownEndpoint(settings),
    ),
    status: response.status,
  };
}

// The query string may carry parameters a user pasted with the URL, so only origin and path show.
function shownEndpoint(settings: CallSettings): string {
  try {
    const url = new URL(settings.endpoint);
    return settings.redact(`${url.origin}${url.pathname}`);
  } catch {
    return 'the endpoint';
  }
}

function transportFailure(
  error: unknown,
  timedOut: boolean,
  settings: CallSettings,
  context: CallContext,
): ClassifiedFailure {
  const name = `${context.target}.${context.method}`;
  if (timedOut) {
    const message = `${name} timed out after ${settings.timeoutMs} ms. Raise timeoutMs if the server is slow.`;
    return { error: new TimeoutError(message, { ...context }), retry: 'read' };
  }
  if (error instanceof TransportFailure && error.blockedPort) {
    const message =
      `${name} failed: fetch does not connect to the port of ${shownEndpoint(settings)}, because the port is on the Fetch standard's blocked list. ` +
      'Run the server on another port and change the endpoint option (HASOFFERS_ENDPOINT).';
    return { error: new NetworkError(message, { ...context }), retry: 'never' };
  }
  const sent = error instanceof TransportFailure ? error.sent : true;
  const code = error instanceof TransportFailure ? error.code : undefined;
  const cause = sanitizedCause(error, settings.redact);
  if (isTlsErrorCode(code)) {
    const message =
      `${name} failed: TLS certificate verification of ${settings.redact(settings.endpoint)} failed (${code}). ` +
      'Fix the server certificate, or pass rejectUnauthorized: false for a test server.';
    return { error: new NetworkError(message, { ...context, cause }), retry: 'never' };
  }
  const message =
    `${name} failed: could not reach ${settings.redact(settings.endpoint)}` +
    `${code === undefined ? '' : ` (${code})`}. Check the endpoint and the network connection.`;
  return { error: new NetworkError(message, { ...context, cause }), retry: sent ? 'read' : 'any' };
}

// The original error may quote the request URL, so only its redacted text and code are kept.
function sanitizedCause(error: unknown, redact: (text: string) => string): Error {
  const root =
    error instanceof TransportFailure && error.cause instanceof Error ? error.cause : error;
  const text = root instanceof Error ? `${root.name}: ${root.message}` : String(root);
  const inner =
    root instanceof Error && root.cause instanceof Error ? ` (${root.cause.message})` : '';
  return new Error(redact(`${text}${inner}`));
}

function redactServerError(error: ServerError, redact: (text: string) => string): ServerError {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    result[key] = typeof value === 'string' ? redact(value) : value;
  }
  return result as ServerError;
}

function isUrlTooLong(result: AttemptResult): boolean {
  if (result.ok) return false;
  return (
    result.status === 414 || (result.failure.error.serverMessage ?? '').includes(URL_TOO_LONG_TEXT)
  );
}

function unknownOutcome(
  error: HasOffersError,
  context: CallContext,
  attempts: number,
): UnknownOutcomeError {
  const message =
    `${context.target}.${context.method} may or may not have been applied: ${error.message}\n` +
    'The client did not send this write again. Check the record on the server before repeating it.';
  return new UnknownOutcomeError(message, { ...context, attempts, cause: error });
}

function withAttempts(error: HasOffersError, attempts: number): HasOffersError {
  Object.defineProperty(error, 'attempts', { value: attempts });
  return error;
}
