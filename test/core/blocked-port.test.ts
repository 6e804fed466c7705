import { describe, expect, it } from 'vitest';

import { HasOffers, NetworkError } from '../../src/index.js';
import { TEST_TOKEN } from './script-server.js';

describe('blocked port endpoint', () => {
  // fetch rejects port 1 before opening a connection, so nothing is sent anywhere.
  it('fails at once and says why', async () => {
    const retries: string[] = [];
    const client = new HasOffers({
      networkId: 'demo',
      networkToken: TEST_TOKEN,
      endpoint: 'http://127.0.0.1:1/Apiv3/json',
      maxRetries: 3,
      retryDelayMs: 0,
      rateLimit: false,
      logger: { info: (line) => retries.push(line) },
    });
    const error = await client.call('Offer', 'findAll').then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(1);
    expect(retries).toEqual([]);
    const message = (error as NetworkError).message;
    expect(message).toContain('http://127.0.0.1:1/Apiv3/json');
    expect(message).toContain("the port is on the Fetch standard's blocked list");
    expect(message).not.toContain('could not reach');
    expect(message).not.toContain(TEST_TOKEN);
  });
});
