import { Agent, fetch as undiciFetch } from 'undici';

/** The part of a fetch request the client uses. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal: AbortSignal;
}

/** The part of a fetch response the client reads; the global `Response` fits. */
export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  readonly body: AsyncIterable<Uint8Array> | null;
}

/** A fetch implementation, such as `globalThis.fetch` or undici's `fetch`. */
export type FetchFunction = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface HttpRequest {
  readonly httpMethod: 'GET' | 'POST';
  readonly url: string;
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  readonly signal: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly text: string;
  readonly serverRequestId: string | undefined;
}

/** Error codes meaning the connection failed before any byte of the request left. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

// TLS verification failures (Node's OpenSSL error codes); repeating the request cannot fix them.
const TLS_CODE_PATTERN = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/;

export function isTlsErrorCode(code: string | undefined): boolean {
  return code !== undefined && TLS_CODE_PATTERN.test(code);
}

/**
 * A failure below HTTP. `sent` is true when the server may have received the request.
 * `blockedPort` is true when fetch rejected the URL's port without connecting.
 */
export class TransportFailure extends Error {
  constructor(
    readonly sent: boolean,
    readonly code: string | undefined,
    cause: unknown,
    readonly blockedPort = false,
  ) {
    super(`connection failed${code === undefined ? '' : ` (${code})`}`, { cause });
    this.name = 'TransportFailure';
  }
}

export interface TransportOptions {
  readonly fetch?: FetchFunction;
  readonly rejectUnauthorized: boolean;
}

/** Sends HTTP requests over a keep-alive undici Agent, or over a fetch the caller injected. */
export class Transport {
  private agent: Agent | undefined;
  private readonly fetchFunction: FetchFunction;

  constructor(options: TransportOptions) {
    this.fetchFunction = options.fetch ?? this.createUndiciFetch(options.rejectUnauthorized);
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.contentType !== undefined) headers['content-type'] = request.contentType;
    const init: FetchInit = { method: request.httpMethod, headers, signal: request.signal };
    if (request.body !== undefined) init.body = request.body;

    let response: FetchResponse;
    try {
      response = await this.fetchFunction(request.url, init);
    } catch (error) {
      throw toTransportFailure(error, request.signal);
    }
    try {
      const text = await response.text();
      return {
        status: response.status,
        text,
        serverRequestId: response.headers.get('x-request-id') ?? undefined,
      };
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      throw new TransportFailure(true, errorCode(error), error);
    }
  }

  /** Opens a plain GET (no credentials) and returns the body as a stream of chunks. */
  async open(
    url: string,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: AsyncIterable<Uint8Array> }> {
    const init: FetchInit = {
      method: 'GET',
      headers: {},
      signal: signal ?? new AbortController().signal,
    };
    let response: FetchResponse;
    try {
      response = await this.fetchFunction(url, init);
    } catch (error) {
      throw toTransportFailure(error, init.signal);
    }
    return { status: response.status, body: response.body ?? emptyBody() };
  }

  async close(): Promise<void> {
    const agent = this.agent;
    this.agent = undefined;
    await agent?.close();
  }

  private createUndiciFetch(rejectUnauthorized: boolean): FetchFunction {
    return async (url, init) => {
      this.agent ??= new Agent({ keepAliveTimeout: 10_000, connect: { rejectUnauthorized } });
      return undiciFetch(url, { ...init, dispatcher: this.agent });
    };
  }
}

function toTransportFailure(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  if (isBadPortError(error)) return new TransportFailure(false, undefined, error, true);
  const code = errorCode(error);
  const notSent = code !== undefined && (NOT_SENT_CODES.has(code) || isTlsErrorCode(code));
  return new TransportFailure(!notSent, code, error);
}

/**
 * Fetch implementations refuse ports on the Fetch standard's "bad port" list (1, 21, 25, 6000 and
 * others). undici 7 and Node 20's fetch report it as a cause with the message "bad port" and no code.
 */
function isBadPortError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current.message === 'bad port') return true;
    current = current.cause;
  }
  return false;
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

async function* emptyBody(): AsyncIterable<Uint8Array> {}
