import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HasOffers } from '../../src/client.js';
import type { HasOffersOptions } from '../../src/core/options.js';
import { parseQueryMultimap } from '../helpers/replay-server.js';

/** What the scripted server does with one request. */
export type Reply =
  | { readonly status?: number; readonly body: string; readonly contentType?: string }
  | 'reset'
  | 'hang';

export interface SeenRequest {
  /** performance.now() when the request's body had arrived. */
  readonly arrivedAt: number;
  readonly method: string;
  readonly url: string;
  readonly query: Map<string, string[]>;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Form body fields, when the request was a urlencoded POST. */
  readonly form: Map<string, string[]>;
}

export interface ScriptServer {
  readonly endpoint: string;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a 127.0.0.1 server (port 0) that replies to each request with `script(request, index)`. */
export async function startScriptServer(
  script: (request: SeenRequest, index: number) => Reply,
): Promise<ScriptServer> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      const body = Buffer.concat(chunks);
      const isForm = (request.headers['content-type'] ?? '').startsWith(
        'application/x-www-form-urlencoded',
      );
      const entry: SeenRequest = {
        arrivedAt: performance.now(),
        method: request.method ?? '',
        url,
        query: parseQueryMultimap(url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''),
        headers: request.headers,
        body,
        form: isForm ? parseQueryMultimap(body.toString('utf8')) : new Map(),
      };
      seen.push(entry);
      const reply = script(entry, seen.length - 1);
      if (reply === 'reset') {
        request.socket.destroy();
        return;
      }
      if (reply === 'hang') return;
      response.writeHead(reply.status ?? 200, {
        'content-type': reply.contentType ?? 'application/json',
      });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/Apiv3/json`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const TEST_TOKEN = 'NETsecret-token_123';

/**
 * A client for a scripted server with a recognisable token, no waits between retries and no
 * client-side rate limit (tests of the limit turn it on).
 */
export function scriptClient(server: ScriptServer, options: HasOffersOptions = {}): HasOffers {
  return new HasOffers({
    networkId: 'demo',
    networkToken: TEST_TOKEN,
    endpoint: server.endpoint,
    retryDelayMs: 0,
    rateLimit: false,
    logger: {},
    ...options,
  });
}

/** Body of a successful envelope around `data` (a JSON text). */
export function okBody(dataJson: string): string {
  return `{"request":{},"response":{"status":1,"httpStatus":200,"data":${dataJson},"errors":[],"errorMessage":null}}`;
}

/** Body of an error envelope with the given `errors` JSON. */
export function errorBody(errorsJson: string, errorMessage: string | null = null): string {
  return `{"request":{},"response":{"status":-1,"httpStatus":200,"data":"","errors":${errorsJson},"errorMessage":${JSON.stringify(errorMessage)}}}`;
}

export const RATE_LIMIT_BODY = errorBody(
  '[{"publicMessage":"API usage exceeded rate limit.  Configured: 50/10s window; Your usage: 51.  See https://help.tune.com/hasoffers/rate-limit-error/ for guidance."}]',
);
