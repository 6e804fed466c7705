import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, badNetworkBody, buildEcho, errorBody, successBody } from './envelope.js';
import { resolveHandler } from './dispatch.js';
import { maskParams } from './request-log.js';
import { readRequestParams } from './request-params.js';
import type { ParsedRequest } from './request-params.js';
import { parseParams, scalar } from './params.js';
import { DEFAULT_RATE_LIMIT, rateLimitMessage } from './rate-limit.js';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { HandlerTable, NetworkInfo, UploadedFile } from './context.js';
import type { FaultRule } from './faults.js';
import type { ParamMap } from './params.js';
import type { EmulatorState } from './state.js';

export type ApiContext = Context<{ Bindings: HttpBindings }>;

/** Maximum request target (path and query) accepted, in bytes, like a stock Apache limit. */
export const MAX_URL_BYTES = 8190;
export const URL_TOO_LONG_TEXT =
  "The requested URL's length exceeds the capacity limit for this server.";

interface CallResult {
  body: string;
  outcome: string;
}

/** Serves `/Apiv3/json`: params, faults, credentials, rate limit, then the handler. */
export function apiRoute(
  state: EmulatorState,
  network: NetworkInfo,
  handlers: Record<string, HandlerTable>,
) {
  return async (c: ApiContext): Promise<Response> => {
    const requestId = randomUUID();
    const url = new URL(c.req.url);
    if (Buffer.byteLength(url.pathname + url.search) > MAX_URL_BYTES) {
      const params = parseParams(url.searchParams);
      logCall(state, requestId, c.req.method, params, 'http-414: URL too long');
      return htmlError(414, 'Request-URI Too Long', URL_TOO_LONG_TEXT, requestId);
    }
    let parsed: ParsedRequest;
    try {
      parsed = await readRequestParams(c.req.raw);
    } catch (error) {
      state.options.log('error', `request ${requestId}: unreadable body: ${describe(error)}`);
      return htmlError(400, 'Bad Request', 'The request body is not valid form data.', requestId);
    }
    const { params, upload } = parsed;
    const target = scalar(params, 'Target') ?? '';
    const method = scalar(params, 'Method') ?? '';
    const faults = state.faults.take(target, method);
    const log = (outcome: string) => logCall(state, requestId, c.req.method, params, outcome);

    const early = await applyFaultsBefore(c, faults, requestId, log);
    if (early !== undefined) return early;

    const result = await runCall(state, network, handlers, params, upload, faults);
    if (hasFault(faults, 'reset-after')) {
      log(`${result.outcome}, then fault:reset-after`);
      return resetConnection(c);
    }
    const truncate = hasFault(faults, 'truncated-json');
    log(truncate ? `${result.outcome}, then fault:truncated-json` : result.outcome);
    const body = truncate ? result.body.slice(0, Math.floor(result.body.length / 2)) : result.body;
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId },
    });
  };
}

/** Applies latency, then returns a reset or a 5xx page when such a fault fired. */
async function applyFaultsBefore(
  c: ApiContext,
  faults: FaultRule[],
  requestId: string,
  log: (outcome: string) => void,
): Promise<Response | undefined> {
  let delay = 0;
  for (const rule of faults) if (rule.kind === 'latency') delay += rule.latencyMs ?? 0;
  if (delay > 0) await sleep(delay);
  if (hasFault(faults, 'reset-before')) {
    log('fault:reset-before');
    return resetConnection(c);
  }
  const serverError = faults.find((rule) => rule.kind === 'http-5xx');
  if (serverError === undefined) return undefined;
  log('fault:http-5xx');
  const text = 'The server encountered an internal error.';
  return htmlError(serverError.status ?? 500, 'Internal Server Error', text, requestId);
}

async function runCall(
  state: EmulatorState,
  network: NetworkInfo,
  handlers: Record<string, HandlerTable>,
  params: ParamMap,
  upload: UploadedFile | undefined,
  faults: FaultRule[],
): Promise<CallResult> {
  if (scalar(params, 'NetworkId') !== state.options.networkId) {
    return { body: badNetworkBody(), outcome: 'error: network id is not valid' };
  }
  const echo = buildEcho(params);
  try {
    if (scalar(params, 'NetworkToken') !== state.options.networkToken) {
      throw ApiError.message('NetworkToken is not valid.');
    }
    checkRateLimit(state, hasFault(faults, 'rate-limit'));
    const handler = resolveHandler(
      handlers,
      scalar(params, 'Target') ?? '',
      scalar(params, 'Method') ?? '',
    );
    const data = await handler({
      params,
      store: state.store,
      network,
      upload,
      now: () => new Date(),
    });
    return { body: successBody(echo, data), outcome: 'ok' };
  } catch (error) {
    if (error instanceof ApiError) {
      return { body: errorBody(echo, error), outcome: `error: ${error.message}` };
    }
    const detail = describe(error);
    const call = `${scalar(params, 'Target')}.${scalar(params, 'Method')}`;
    const trace = error instanceof Error ? error.stack : detail;
    state.options.log('error', `internal error in ${call}: ${trace}`);
    const internal = ApiError.message(`Internal error in the emulator: ${detail}`);
    return { body: errorBody(echo, internal), outcome: `internal error: ${detail}` };
  }
}

/** Applies the per-network limit; a `rate-limit` fault rejects the call as if the limit were hit. */
function checkRateLimit(state: EmulatorState, forced: boolean): void {
  const limiter = state.limiter;
  const usage = limiter?.take(Date.now());
  if (usage === undefined && !forced) return;
  const configured =
    state.options.rateLimit === false ? DEFAULT_RATE_LIMIT : state.options.rateLimit;
  throw ApiError.message(rateLimitMessage(configured, usage ?? configured.calls + 1));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hasFault(faults: FaultRule[], kind: FaultRule['kind']): boolean {
  return faults.some((rule) => rule.kind === kind);
}

/** Destroys the TCP connection, so the client sees a reset instead of a reply. */
function resetConnection(c: ApiContext): Response {
  c.env.incoming.socket.destroy();
  return new Response(null, { status: 204 });
}

function htmlError(status: number, title: string, text: string, requestId: string): Response {
  const body =
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n' +
    `<html><head>\n<title>${status} ${title}</title>\n</head><body>\n` +
    `<h1>${title}</h1>\n<p>${text}<br />\n</p>\n</body></html>\n`;
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/html; charset=iso-8859-1', 'X-Request-Id': requestId },
  });
}

function logCall(
  state: EmulatorState,
  id: string,
  httpMethod: string,
  params: ParamMap,
  outcome: string,
): void {
  state.requests.add({
    id,
    receivedAt: new Date().toISOString(),
    httpMethod,
    target: scalar(params, 'Target') ?? '',
    method: scalar(params, 'Method') ?? '',
    params: maskParams(params),
    outcome,
  });
}
