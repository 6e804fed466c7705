import { afterEach, describe, expect, it, vi } from 'vitest';

import { HasOffers } from '../../src/client.js';
import { UsageError } from '../../src/core/errors.js';
import { resolveOptions } from '../../src/core/options.js';
import { okBody, startScriptServer } from './script-server.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('options', () => {
  it('reads credentials and endpoint from the environment', () => {
    const resolved = resolveOptions(
      {},
      {
        HASOFFERS_NETWORK_ID: 'acme',
        HASOFFERS_NETWORK_TOKEN: 'NETabc',
        HASOFFERS_ENDPOINT: 'http://127.0.0.1:1/Apiv3/json',
      },
    );
    expect(resolved).toMatchObject({
      networkId: 'acme',
      networkToken: 'NETabc',
      endpoint: 'http://127.0.0.1:1/Apiv3/json',
    });
  });

  it('defaults the endpoint to the network host', () => {
    const resolved = resolveOptions({ networkId: 'acme', networkToken: 'NETabc' }, {});
    expect(resolved.endpoint).toBe('https://acme.api.hasoffers.com/Apiv3/json');
    expect(resolved).toMatchObject({
      timeoutMs: 30000,
      maxRetries: 3,
      retryDelayMs: 1000,
      rejectUnauthorized: true,
    });
  });

  it('missing credentials name the option and variable', () => {
    expect(() => resolveOptions({ networkToken: 'x' }, {})).toThrow(
      /networkId option or set HASOFFERS_NETWORK_ID/,
    );
    expect(() => resolveOptions({ networkId: 'acme' }, {})).toThrow(
      /networkToken option or set HASOFFERS_NETWORK_TOKEN/,
    );
  });

  it('malformed values are rejected without echoing the token', () => {
    expect(() => resolveOptions({ networkId: 'a b', networkToken: 'x' }, {})).toThrow(
      /Invalid network id "a b" from networkId/,
    );
    const error = (() => {
      try {
        resolveOptions({}, { HASOFFERS_NETWORK_ID: 'acme', HASOFFERS_NETWORK_TOKEN: 'NET secret' });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('HASOFFERS_NETWORK_TOKEN');
    expect(error.message).not.toContain('NET secret');
    expect(() =>
      resolveOptions({ networkId: 'a', networkToken: 'b', endpoint: 'ftp://x' }, {}),
    ).toThrow(/https or http/);
    expect(() => resolveOptions({ networkId: 'a', networkToken: 'b', maxRetries: -1 }, {})).toThrow(
      /maxRetries is -1/,
    );
    expect(() => resolveOptions({ networkId: 'a', networkToken: 'b', timeoutMs: 1.5 }, {})).toThrow(
      /timeoutMs/,
    );
  });

  it('timer options stay within the timer range', () => {
    // Node runs timers longer than 2^31 - 1 ms after 1 ms, which would time out every call.
    const base = { networkId: 'a', networkToken: 'b' };
    expect(() => resolveOptions({ ...base, timeoutMs: 2 ** 31 }, {})).toThrow(
      'Option timeoutMs is 2147483648. Pass a whole number from 1 to 2147483647.',
    );
    expect(() => resolveOptions({ ...base, retryDelayMs: 2 ** 31 }, {})).toThrow(
      /retryDelayMs is 2147483648/,
    );
    expect(resolveOptions({ ...base, timeoutMs: 2 ** 31 - 1 }, {}).timeoutMs).toBe(2 ** 31 - 1);
    expect(resolveOptions({ ...base, maxRetries: 1000 }, {}).maxRetries).toBe(1000);
  });

  it('constructor uses environment variables', () => {
    vi.stubEnv('HASOFFERS_NETWORK_ID', 'fromenv');
    vi.stubEnv('HASOFFERS_NETWORK_TOKEN', 'NETfromenv');
    vi.stubEnv('HASOFFERS_ENDPOINT', '');
    expect(JSON.parse(JSON.stringify(new HasOffers({ logger: {} })))).toEqual({
      networkId: 'fromenv',
      networkToken: '***',
      endpoint: 'https://fromenv.api.hasoffers.com/Apiv3/json',
    });
  });

  it('turning TLS verification off logs a warning', () => {
    const warnings: string[] = [];
    new HasOffers({
      networkId: 'a',
      networkToken: 'b',
      rejectUnauthorized: false,
      logger: { warn: (line) => warnings.push(line) },
    });
    expect(warnings).toEqual([
      'tsoffers TLS certificate verification is off (rejectUnauthorized: false); use this only for testing.',
    ]);
  });
});

describe('withOptions', () => {
  it('returns a configured copy and leaves the original', async () => {
    const server = await startScriptServer(() => ({ body: okBody('true') }));
    try {
      const options = {
        networkId: 'one',
        networkToken: 'NETone',
        endpoint: server.endpoint,
        logger: {},
      };
      const client = new HasOffers(options);
      const copy = client.withOptions({ networkId: 'two' });
      await copy.call('Offer', 'findAll');
      await client.call('Offer', 'findAll');
      expect(server.seen.map((request) => request.query.get('NetworkId')?.[0])).toEqual([
        'two',
        'one',
      ]);
      expect(options.networkId).toBe('one');
    } finally {
      await server.close();
    }
  });

  it('calls never mutate caller parameters', async () => {
    const server = await startScriptServer(() => ({ body: okBody('{"Offer":{"id":"1"}}') }));
    try {
      const client = new HasOffers({
        networkId: 'one',
        networkToken: 'NETone',
        endpoint: server.endpoint,
        logger: {},
      });
      const data = Object.freeze({ name: 'x', nested: Object.freeze({ a: 1 }) });
      const filters = Object.freeze({ status: Object.freeze(['a', 'b']) });
      // The raw call, because Offer has no object-valued field for the nested value.
      await client.call('Offer', 'create', { data });
      await client.offers.findAll({ filters });
      await client.offers.findAll({ filters });
      expect(data).toEqual({ name: 'x', nested: { a: 1 } });
      expect(server.seen[2]?.query.get('filters[status][]')).toEqual(['a', 'b']);
    } finally {
      await server.close();
    }
  });
});
