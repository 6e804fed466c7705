import { afterEach, describe, expect, it } from 'vitest';

import {
  AbortError,
  HasOffersError,
  NetworkError,
  RateLimitError,
  TimeoutError,
  UnknownOutcomeError,
} from '../../src/core/errors.js';
import {
  isReadMethod,
  MAX_RETRY_DELAY_MS,
  rateLimitRetryDelay,
  retryDelay,
  serverWindowMs,
} from '../../src/core/retry.js';
import {
  errorBody,
  okBody,
  RATE_LIMIT_BODY,
  scriptClient,
  startScriptServer,
} from './script-server.js';
import type { Reply, ScriptServer } from './script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(script: (index: number) => Reply): Promise<ScriptServer> {
  server = await startScriptServer((_request, index) => script(index));
  return server;
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call succeeded');
}

describe('attempt budget', () => {
  for (const maxRetries of [0, 1, 3]) {
    it(`maxRetries ${maxRetries} sends ${maxRetries + 1} requests`, async () => {
      const local = await serve(() => ({ body: RATE_LIMIT_BODY }));
      const error = await rejectionOf(
        scriptClient(local, { maxRetries }).call('Offer', 'create', { data: { a: 1 } }),
      );
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).attempts).toBe(maxRetries + 1);
      expect(local.seen).toHaveLength(maxRetries + 1);
    });
  }

  it('rate limit then success returns the data', async () => {
    const local = await serve((index) =>
      index < 2 ? { body: RATE_LIMIT_BODY } : { body: okBody('["7"]') },
    );
    const ids = await scriptClient(local, { maxRetries: 2 }).call('Offer', 'findAllIds');
    expect(ids).toEqual(['7']);
    expect(local.seen).toHaveLength(3);
  });
});

describe('broken connections', () => {
  it('read is retried after a reset', async () => {
    const local = await serve((index) => (index === 0 ? 'reset' : { body: okBody('null') }));
    expect(
      await scriptClient(local, { maxRetries: 1 }).call('Offer', 'findById', { id: 1 }),
    ).toBeNull();
    expect(local.seen).toHaveLength(2);
  });

  it('write is never resent after a reset', async () => {
    const local = await serve(() => 'reset');
    const error = await rejectionOf(
      scriptClient(local, { maxRetries: 3 }).call('Offer', 'create', { data: { name: 'x' } }),
    );
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect(error.message).toContain('Offer.create may or may not have been applied');
    expect(error.message).toContain('did not send this write again');
    expect((error as UnknownOutcomeError).cause).toBeInstanceOf(NetworkError);
    expect(local.seen).toHaveLength(1);
  });

  it('write is never resent after a timeout', async () => {
    const local = await serve(() => 'hang');
    const client = scriptClient(local, { maxRetries: 3, timeoutMs: 150 });
    const error = await rejectionOf(client.call('Offer', 'update', { id: 1, data: { name: 'x' } }));
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect((error as UnknownOutcomeError).cause).toBeInstanceOf(TimeoutError);
    expect(local.seen).toHaveLength(1);
  });

  it('read timeout is retried, then reported', async () => {
    const local = await serve((index) => (index === 0 ? 'hang' : { body: okBody('true') }));
    expect(
      await scriptClient(local, { maxRetries: 1, timeoutMs: 150 }).call('Offer', 'getCategories', {
        id: 1,
      }),
    ).toBe(true);
    expect(local.seen).toHaveLength(2);

    const hanging = await serve(() => 'hang');
    const error = await rejectionOf(
      scriptClient(hanging, { maxRetries: 0, timeoutMs: 150 }).call('Offer', 'findAll'),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      'Offer.findAll timed out after 150 ms. Raise timeoutMs if the server is slow.',
    );
  });

  it('write answered by an HTML 502 is not resent', async () => {
    const local = await serve(() => ({
      status: 502,
      body: '<h1>Bad Gateway</h1>',
      contentType: 'text/html',
    }));
    const error = await rejectionOf(
      scriptClient(local, { maxRetries: 3 }).call('Offer', 'create', { data: { a: 1 } }),
    );
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect(error.message).toContain('HTTP 502');
    expect(local.seen).toHaveLength(1);
  });

  it('read answered by truncated JSON is retried', async () => {
    const local = await serve((index) =>
      index === 0 ? { body: '{"response":{"sta' } : { body: okBody('["1"]') },
    );
    expect(await scriptClient(local, { maxRetries: 1 }).call('Offer', 'findAllIds')).toEqual(['1']);
    expect(local.seen).toHaveLength(2);
  });

  it('refused connection is retried for writes', async () => {
    const local = await serve(() => ({ body: okBody('true') }));
    const endpoint = local.endpoint;
    await local.close();
    server = undefined;
    const client = scriptClient({ endpoint, seen: [], close: async () => {} }, { maxRetries: 2 });
    const error = await rejectionOf(client.call('Offer', 'create', { data: { name: 'x' } }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(3);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('long GET answered with 414 is resent as POST', async () => {
    const local = await serve((index) =>
      index === 0
        ? { status: 414, body: 'Request-URI Too Long', contentType: 'text/plain' }
        : { body: okBody('true') },
    );
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(line) };
    const client = scriptClient(local, { maxRetries: 0, logger, logLevel: 'debug' });
    expect(await client.call('Offer', 'update', { id: 1, data: { name: 'x' } })).toBe(true);
    expect(local.seen.map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /Offer.update attempt 1\/1: HTTP 414 in \d+ ms, URL too long, resent as POST/,
    );
    expect(lines[1]).toMatch(/Offer.update attempt 1\/1: HTTP 200 in \d+ ms, ok/);
    expect(local.seen[1]?.form.get('data[name]')).toEqual(['x']);
  });
});

describe('abort signal', () => {
  it('aborting stops the call with the reason', async () => {
    const local = await serve(() => 'hang');
    const controller = new AbortController();
    const call = scriptClient(local, { signal: controller.signal, maxRetries: 5 }).call(
      'Offer',
      'findAll',
    );
    const reason = new Error('stopped by caller');
    setTimeout(() => controller.abort(reason), 50);
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toBeInstanceOf(HasOffersError);
    expect(error.name).toBe('AbortError');
    expect(error.cause).toBe(reason);
    expect(error.message).toBe(
      "Offer.findAll was aborted by the caller's signal: stopped by caller",
    );
    expect((error as AbortError).target).toBe('Offer');
    expect(local.seen).toHaveLength(1);
  });

  it('aborting during the wait before a retry', async () => {
    const local = await serve(() => ({ body: RATE_LIMIT_BODY }));
    const controller = new AbortController();
    const client = scriptClient(local, {
      signal: controller.signal,
      maxRetries: 3,
      retryDelayMs: 60_000,
      // The retry line is logged just before the wait starts, so the abort lands inside it.
      logger: {
        info: () => setTimeout(() => controller.abort(new Error('stopped while waiting')), 20),
      },
    });
    const error = await rejectionOf(client.call('Offer', 'findAll'));
    expect(error).toBeInstanceOf(AbortError);
    expect((error.cause as Error).message).toBe('stopped while waiting');
    expect(local.seen).toHaveLength(1);
  });

  it('aborted signal sends nothing', async () => {
    const local = await serve(() => ({ body: okBody('true') }));
    const signal = AbortSignal.abort(new Error('already stopped'));
    const error = await rejectionOf(scriptClient(local, { signal }).call('Offer', 'findAll'));
    expect(error).toBeInstanceOf(AbortError);
    expect(error.message).toContain('already stopped');
    expect(local.seen).toHaveLength(0);
  });
});

describe('retry policy', () => {
  it('classifies reads by method name', () => {
    expect(['findAll', 'getStats', 'listLogs', 'validateUrl'].every(isReadMethod)).toBe(true);
    expect(
      ['create', 'update', 'blockAffiliate', 'setForOffer', 'addToOffer'].some(isReadMethod),
    ).toBe(false);
  });

  it('backoff doubles with jitter and a cap', () => {
    expect(retryDelay(1, 100, () => 0)).toBe(50);
    expect(retryDelay(1, 100, () => 1)).toBe(100);
    expect(retryDelay(3, 100, () => 1)).toBe(400);
    expect(retryDelay(30, 100, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('rate-limit wait covers the server window', () => {
    expect(serverWindowMs(RATE_LIMIT_BODY)).toBe(10_000);
    expect(serverWindowMs('Configured: 1/3600s window; Your usage: 2.')).toBe(3_600_000);
    expect(serverWindowMs('Configured: 5/500ms window')).toBe(500);
    expect(serverWindowMs('API usage exceeded rate limit.')).toBeUndefined();
    // Default retryDelayMs: the whole window, plus the jittered backoff.
    expect(rateLimitRetryDelay(1, 1_000, 10_000, () => 0)).toBe(10_500);
    expect(rateLimitRetryDelay(1, 1_000, 10_000, () => 1)).toBe(11_000);
    expect(rateLimitRetryDelay(30, 1_000, 10_000, () => 1)).toBe(10_000 + MAX_RETRY_DELAY_MS);
    // A smaller retryDelayMs scales the window wait with it.
    expect(rateLimitRetryDelay(1, 10, 10_000, () => 0)).toBe(105);
    expect(rateLimitRetryDelay(1, 0, 10_000, () => 0)).toBe(0);
  });
});

describe('retry after a rate-limit answer', () => {
  async function loggedDelays(body: string, options: object): Promise<number[]> {
    const local = await serve((index) => (index < 2 ? { body } : { body: okBody('true') }));
    const delays: number[] = [];
    const logger = {
      info: (line: string) => delays.push(Number(/retry in (\d+) ms/.exec(line)?.[1])),
    };
    const client = scriptClient(local, { maxRetries: 2, retryDelayMs: 10, logger, ...options });
    expect(await client.call('Offer', 'findAll')).toBe(true);
    expect(local.seen).toHaveLength(3);
    return delays;
  }

  it('waits the window stated by the server', async () => {
    const delays = await loggedDelays(RATE_LIMIT_BODY, {});
    expect(delays).toHaveLength(2);
    // 10 s window scaled by retryDelayMs 10 / 1000 is 100 ms, then 5-10 ms and 10-20 ms backoff.
    expect(delays[0]).toBeGreaterThanOrEqual(105);
    expect(delays[0]).toBeLessThanOrEqual(110);
    expect(delays[1]).toBeGreaterThanOrEqual(110);
    expect(delays[1]).toBeLessThanOrEqual(120);
  });

  it('falls back to the configured window', async () => {
    const bare = errorBody('[{"publicMessage":"API usage exceeded rate limit."}]');
    const delays = await loggedDelays(bare, { rateLimit: { calls: 100, windowMs: 3_000 } });
    // 3 s window scaled to 30 ms, then 5-10 ms backoff.
    expect(delays[0]).toBeGreaterThanOrEqual(35);
    expect(delays[0]).toBeLessThanOrEqual(40);
  });
});
