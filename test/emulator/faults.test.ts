import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { callApi, callData, readJson } from './helpers.js';
import type { Emulator, FaultRule } from '../../src/emulator/index.js';

const started: Emulator[] = [];

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const emulator = await startEmulator({ rateLimit: false, ...options });
  started.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

async function addFaults(emulator: Emulator, rules: FaultRule | FaultRule[]): Promise<Response> {
  return fetch(`${emulator.origin}/__admin/faults`, {
    method: 'POST',
    body: JSON.stringify(rules),
  });
}

async function offerCount(emulator: Emulator): Promise<number> {
  return (await callData(emulator, 'Offer', 'findAllIds')).length;
}

const NEW_OFFER = {
  data: {
    name: 'Fault test',
    preview_url: 'http://a.example',
    offer_url: 'http://b.example',
    expiration_date: '2030-01-01 00:00:00',
  },
};

describe('rate limit', () => {
  it('rejects the 51st call with the recorded text', async () => {
    const emulator = await start({ rateLimit: { calls: 50, windowMs: 10_000 } });
    for (let call = 1; call <= 50; call++) {
      const reply = await callApi(emulator, 'Offer', 'findById', { id: '1' });
      expect(reply.body.response.status).toBe(1);
    }
    const limited = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    expect(limited.status).toBe(200);
    expect(limited.body.response.status).toBe(-1);
    expect(limited.body.response.data).toBe('');
    expect(limited.body.response.errors).toEqual([
      {
        publicMessage:
          'API usage exceeded rate limit.  Configured: 50/10s window; Your usage: 51.  See https://help.tune.com/hasoffers/rate-limit-error/ for guidance.',
      },
    ]);
    const next = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    expect(next.body.response.errorMessage).toContain('Your usage: 52.');
  });

  it('uses the configured limit in its text', async () => {
    const emulator = await start({ rateLimit: { calls: 2, windowMs: 60_000 } });
    await callApi(emulator, 'Offer', 'findById', { id: '1' });
    await callApi(emulator, 'Offer', 'findById', { id: '1' });
    const limited = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    expect(limited.body.response.errorMessage).toContain(
      'Configured: 2/60s window; Your usage: 3.',
    );
  });

  it('can be switched off', async () => {
    const emulator = await start({ rateLimit: false });
    const replies = await Promise.all(
      Array.from({ length: 80 }, () => callApi(emulator, 'Offer', 'findById', { id: '1' })),
    );
    expect(replies.filter((reply) => reply.body.response.status !== 1)).toHaveLength(0);
  });
});

describe('fault injection', () => {
  it('resets before a write without applying it', async () => {
    const emulator = await start();
    const before = await offerCount(emulator);
    await addFaults(emulator, {
      kind: 'reset-before',
      target: 'Offer',
      method: 'create',
      count: 1,
    });
    await expect(callApi(emulator, 'Offer', 'create', NEW_OFFER)).rejects.toThrow();
    expect(await offerCount(emulator)).toBe(before);
    const retry = await callApi(emulator, 'Offer', 'create', NEW_OFFER);
    expect(retry.body.response.status).toBe(1);
    expect(await offerCount(emulator)).toBe(before + 1);
  });

  it('resets after a write that was applied', async () => {
    const emulator = await start();
    const before = await offerCount(emulator);
    await addFaults(emulator, { kind: 'reset-after', target: 'Offer', method: 'create', count: 1 });
    await expect(callApi(emulator, 'Offer', 'create', NEW_OFFER)).rejects.toThrow();
    expect(await offerCount(emulator)).toBe(before + 1);
  });

  it('sends 5xx with an HTML body', async () => {
    const emulator = await start();
    await addFaults(emulator, { kind: 'http-5xx', status: 503, count: 2 });
    const first = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    const second = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    const third = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    expect(first.status).toBe(503);
    expect(first.text).toContain('<html>');
    expect(second.status).toBe(503);
    expect(third.status).toBe(200);
  });

  it('truncates JSON replies', async () => {
    const emulator = await start();
    const whole = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    await addFaults(emulator, { kind: 'truncated-json', target: 'Offer', count: 1 });
    const cut = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    expect(cut.status).toBe(200);
    expect(cut.body).toBeUndefined();
    expect(cut.text.length).toBeGreaterThan(0);
    expect(whole.text.startsWith(cut.text)).toBe(true);
  });

  it('sends rate-limit bursts for one method only', async () => {
    const emulator = await start();
    await addFaults(emulator, {
      kind: 'rate-limit',
      target: 'Conversion',
      method: 'findAll',
      count: 2,
    });
    const other = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    const first = await callApi(emulator, 'Conversion', 'findAll', { limit: 1 });
    const second = await callApi(emulator, 'Conversion', 'findAll', { limit: 1 });
    const third = await callApi(emulator, 'Conversion', 'findAll', { limit: 1 });
    expect(other.body.response.status).toBe(1);
    expect(first.body.response.errorMessage).toContain('API usage exceeded rate limit.');
    expect(second.body.response.errorMessage).toContain('Your usage: 51.');
    expect(third.body.response.status).toBe(1);
  });

  it('draws chances from the seed', async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      const emulator = await start({ seed, faults: [{ kind: 'http-5xx', probability: 0.5 }] });
      const statuses: number[] = [];
      for (let call = 0; call < 24; call++) {
        statuses.push((await callApi(emulator, 'Offer', 'findById', { id: '1' })).status);
      }
      return statuses;
    };
    const first = await pattern(5);
    const again = await pattern(5);
    expect(again).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it('delays calls with latency faults', async () => {
    const emulator = await start();
    await addFaults(emulator, { kind: 'latency', latencyMs: 20, count: 1 });
    const reply = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    expect(reply.body.response.status).toBe(1);
    const remaining = await readJson(await fetch(`${emulator.origin}/__admin/faults`));
    expect(remaining).toEqual([]);
  });

  it('rejects malformed fault rules', async () => {
    const emulator = await start();
    const response = await addFaults(emulator, { kind: 'latency', latencyMs: -5 } as FaultRule);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toBe(
      'Fault latencyMs must be an integer from 0 to 2147483647, got -5.',
    );
  });

  it('rejects a misspelled rule key', async () => {
    const emulator = await start();
    const typo = { kind: 'http-5xx', methd: 'findAll' } as unknown as FaultRule;
    const response = await addFaults(emulator, typo);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toBe(
      'Fault key "methd" is not valid. Use: kind, target, method, count, probability, latencyMs, status.',
    );
    const active = await readJson(await fetch(`${emulator.origin}/__admin/faults`));
    expect(active).toEqual([]);
  });

  it('rejects latency beyond the timer range', async () => {
    const emulator = await start();
    const response = await addFaults(emulator, { kind: 'latency', latencyMs: 1e12 });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toBe(
      'Fault latencyMs must be an integer from 0 to 2147483647, got 1000000000000.',
    );
  });

  it('checks rules passed at start', async () => {
    const typo = { kind: 'latency', latency: 5 } as unknown as FaultRule;
    await expect(startEmulator({ faults: [typo] })).rejects.toThrow('Fault key "latency"');
  });
});

describe('admin routes', () => {
  it('lists requests with the token masked', async () => {
    const emulator = await start();
    await callApi(emulator, 'Offer', 'findById', { id: '9' });
    const text = await (await fetch(`${emulator.origin}/__admin/requests`)).text();
    expect(text).not.toContain(emulator.networkToken);
    const requests = JSON.parse(text);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      httpMethod: 'GET',
      target: 'Offer',
      method: 'findById',
      outcome: 'ok',
      params: { NetworkToken: '***', id: '9' },
    });
  });

  it('shortens long values in the request list', async () => {
    const emulator = await start();
    await callApi(
      emulator,
      'Offer',
      'findById',
      { id: '1', note: 'x'.repeat(100_000) },
      { post: true },
    );
    const requests = await readJson(await fetch(`${emulator.origin}/__admin/requests`));
    const note: string = requests[0].params.note;
    expect(note.startsWith('x'.repeat(1024))).toBe(true);
    expect(note.endsWith('... (100000 characters)')).toBe(true);
    expect(note.length).toBeLessThan(1100);
  });

  it('resets state to the seed', async () => {
    const emulator = await start();
    const before = await offerCount(emulator);
    await callApi(emulator, 'Offer', 'create', NEW_OFFER);
    await fetch(`${emulator.origin}/__admin/reset`, { method: 'POST' });
    expect(await offerCount(emulator)).toBe(before);
    const requests = await readJson(await fetch(`${emulator.origin}/__admin/requests`));
    expect(requests).toHaveLength(1);
  });
});
