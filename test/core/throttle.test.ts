import { afterEach, describe, expect, it } from 'vitest';

import { AbortError, UsageError } from '../../src/core/errors.js';
import { okBody, scriptClient, startScriptServer } from './script-server.js';
import type { ScriptServer } from './script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The largest number of arrivals that fall in any window of `windowMs`. */
function maxArrivalsPerWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let max = 0;
  for (const [index, start] of sorted.entries()) {
    const inWindow = sorted.slice(index).filter((time) => time < start + windowMs).length;
    max = Math.max(max, inWindow);
  }
  return max;
}

async function okServer(): Promise<ScriptServer> {
  server = await startScriptServer(() => ({ body: okBody('["1"]') }));
  return server;
}

describe('client rate limit', () => {
  it('60 parallel calls stay within 10 per 300 ms', async () => {
    const local = await okServer();
    const client = scriptClient(local, { rateLimit: { calls: 10, windowMs: 300 } });
    const calls = Array.from({ length: 60 }, () => client.call('Offer', 'findAllIds'));
    const results = await Promise.all(calls);
    expect(results.every((ids) => JSON.stringify(ids) === '["1"]')).toBe(true);
    expect(local.seen).toHaveLength(60);
    expect(
      maxArrivalsPerWindow(
        local.seen.map((request) => request.arrivedAt),
        300,
      ),
    ).toBe(10);
  });

  it('withOptions copies share the budget', async () => {
    const local = await okServer();
    const base = scriptClient(local, { rateLimit: { calls: 5, windowMs: 300 } });
    const copy = base.withOptions({ timeoutMs: 5_000 });
    const calls = Array.from({ length: 30 }, (_, index) =>
      (index % 2 === 0 ? base : copy).call('Offer', 'findAllIds'),
    );
    await Promise.all(calls);
    expect(local.seen).toHaveLength(30);
    expect(
      maxArrivalsPerWindow(
        local.seen.map((request) => request.arrivedAt),
        300,
      ),
    ).toBe(5);
  });

  it('retries wait for a slot too', async () => {
    // The first request of every page is cut off, so each call is sent twice.
    const seenPages = new Set<string>();
    server = await startScriptServer((request) => {
      const page = request.query.get('page')?.[0] ?? '';
      if (seenPages.has(page)) return { body: okBody('true') };
      seenPages.add(page);
      return 'reset';
    });
    const client = scriptClient(server, { rateLimit: { calls: 3, windowMs: 300 }, maxRetries: 1 });
    const calls = Array.from({ length: 6 }, (_, page) => client.call('Offer', 'findAll', { page }));
    await Promise.all(calls);
    expect(server.seen).toHaveLength(12);
    expect(
      maxArrivalsPerWindow(
        server.seen.map((request) => request.arrivedAt),
        300,
      ),
    ).toBe(3);
  });

  it('abort ends the wait for a slot', async () => {
    const local = await okServer();
    const controller = new AbortController();
    const client = scriptClient(local, {
      rateLimit: { calls: 1, windowMs: 60_000 },
      signal: controller.signal,
    });
    await client.call('Offer', 'findAllIds');
    const waiting = client.call('Offer', 'findAllIds');
    const reason = new Error('stopped while waiting for a slot');
    setTimeout(() => controller.abort(reason), 20);
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    await expect(waiting).rejects.toMatchObject({ cause: reason });
    expect(local.seen).toHaveLength(1);
  });

  it('invalid rateLimit options are rejected', async () => {
    const local = await okServer();
    const make = (rateLimit: unknown) => () =>
      scriptClient(local, { rateLimit: rateLimit as { calls: number; windowMs: number } });
    expect(make({ calls: 0, windowMs: 100 })).toThrow(UsageError);
    expect(make({ calls: 0, windowMs: 100 })).toThrow(/rateLimit.calls is 0/);
    expect(make({ calls: 5 })).toThrow(/rateLimit has no windowMs/);
    expect(make(true)).toThrow(/Pass \{ calls, windowMs \} or false/);
  });
});
