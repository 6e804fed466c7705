import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { NetworkError, TimeoutError, UnknownOutcomeError } from '../../src/core/errors.js';
import { TEST_TOKEN } from './script-server.js';
import { HasOffers } from '../../src/client.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Starts a server that sends headers and half a body, then stalls or drops the connection. */
async function startPartialServer(
  ending: 'stall' | 'drop',
): Promise<{ endpoint: string; count: () => number }> {
  let count = 0;
  server = createServer((request, response) => {
    count++;
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"request":{},"response":{"status":1,"data":{"1":');
    if (ending === 'drop') setTimeout(() => response.socket?.destroy(), 10);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}/Apiv3/json`, count: () => count };
}

function client(endpoint: string): HasOffers {
  return new HasOffers({
    networkId: 'demo',
    networkToken: TEST_TOKEN,
    endpoint,
    timeoutMs: 200,
    maxRetries: 1,
    retryDelayMs: 0,
    logger: {},
  });
}

describe('partial response bodies', () => {
  it('a stalled body times out and reads retry', async () => {
    const local = await startPartialServer('stall');
    const error = await client(local.endpoint)
      .call('Offer', 'findAll')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(local.count()).toBe(2);
  });

  it('a dropped body on a write is an unknown outcome', async () => {
    const local = await startPartialServer('drop');
    const error = await client(local.endpoint)
      .call('Offer', 'create', { data: { name: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect((error as UnknownOutcomeError).cause).toBeInstanceOf(NetworkError);
    expect(local.count()).toBe(1);
  });
});
