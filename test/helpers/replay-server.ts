import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { fetch as undiciFetch } from 'undici';

import type { FetchFunction } from '../../src/core/transport.js';

export const CASSETTE_DIR = '/work/shared/conformance/pyoffers-cassettes';

export interface Interaction {
  readonly request: { readonly method: string; readonly url: string; readonly body?: string };
  readonly response: {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: string;
    readonly body_encoding?: string;
  };
}

/** A request the replay server received, with its body bytes. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  /** Index of the interaction served, or -1 when nothing matched. */
  readonly served: number;
}

export interface ReplayServer {
  /** API endpoint on this server: `http://127.0.0.1:<port>/Apiv3/json`. */
  readonly endpoint: string;
  readonly origin: string;
  readonly interactions: readonly Interaction[];
  /** `used[i]` is true once interaction i was served. */
  readonly used: readonly boolean[];
  readonly received: readonly ReceivedRequest[];
  /** Fetch that sends S3 download links to this server and refuses any other host. */
  readonly fetch: FetchFunction;
  close(): Promise<void>;
}

export function loadCassette(name: string): Interaction[] {
  return JSON.parse(readFileSync(join(CASSETTE_DIR, name), 'utf8')) as Interaction[];
}

/**
 * Parses a query string as a multimap: keys in any order, values of a repeated key in order,
 * empty segments (`&&`) skipped, `+` read as a space.
 */
export function parseQueryMultimap(query: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const segment of query.split('&')) {
    if (segment === '') continue;
    const equals = segment.indexOf('=');
    const rawKey = equals === -1 ? segment : segment.slice(0, equals);
    const rawValue = equals === -1 ? '' : segment.slice(equals + 1);
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    const values = result.get(key) ?? [];
    values.push(value);
    result.set(key, values);
  }
  return result;
}

export function multimapsEqual(left: Map<string, string[]>, right: Map<string, string[]>): boolean {
  if (left.size !== right.size) return false;
  for (const [key, values] of left) {
    const other = right.get(key);
    if (other === undefined || other.length !== values.length) return false;
    if (values.some((value, index) => value !== other[index])) return false;
  }
  return true;
}

function queryOf(url: string): string {
  const mark = url.indexOf('?');
  return mark === -1 ? '' : url.slice(mark + 1);
}

/** Starts a server on 127.0.0.1 (port 0) that replays one cassette, first unused match first. */
export async function startReplayServer(
  cassette: string | readonly Interaction[],
): Promise<ReplayServer> {
  const interactions = typeof cassette === 'string' ? loadCassette(cassette) : cassette;
  const recorded = interactions.map((interaction) => ({
    method: interaction.request.method,
    query: parseQueryMultimap(queryOf(interaction.request.url)),
  }));
  const used = interactions.map(() => false);
  const received: ReceivedRequest[] = [];

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      const query = parseQueryMultimap(queryOf(url));
      const index = recorded.findIndex(
        (entry, position) =>
          !used[position] && entry.method === request.method && multimapsEqual(entry.query, query),
      );
      received.push({
        method: request.method ?? '',
        path: url.split('?')[0] ?? '',
        query: queryOf(url),
        headers: request.headers,
        body: Buffer.concat(chunks),
        served: index,
      });
      if (index === -1) {
        response.writeHead(599, { 'content-type': 'text/plain' });
        response.end(`no unused recorded interaction matches ${request.method} ${url}`);
        return;
      }
      used[index] = true;
      const recordedResponse = interactions[index]!.response;
      const body =
        recordedResponse.body_encoding === 'base64'
          ? Buffer.from(recordedResponse.body, 'base64')
          : Buffer.from(recordedResponse.body, 'utf8');
      response.writeHead(recordedResponse.status, {
        'content-type': recordedResponse.headers['content-type'] ?? 'application/json',
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const fetch: FetchFunction = async (url, init) => {
    const local = url.replace(/^https:\/\/s3\.amazonaws\.com(?=\/)/, origin);
    if (!local.startsWith(`${origin}/`)) throw new Error(`test fetch refused a request to ${url}`);
    return undiciFetch(local, init);
  };

  return {
    endpoint: `${origin}/Apiv3/json`,
    origin,
    interactions,
    used,
    received,
    fetch,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
