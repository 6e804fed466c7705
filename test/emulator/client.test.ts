import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  HasOffers,
  RateLimitError,
  UnknownOutcomeError,
  ValidationError,
  or,
  where,
} from '../../src/index.js';
import { startEmulator } from '../../src/emulator/index.js';
import { readJson } from './helpers.js';
import type { Emulator, FaultRule } from '../../src/emulator/index.js';
import type { HasOffersOptions } from '../../src/index.js';

let emulator: Emulator;
const clients: HasOffers[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, seed: 5, today: '2024-03-31' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await fetch(`${emulator.origin}/__admin/reset`, { method: 'POST' });
});
afterAll(async () => {
  await emulator.close();
});

function clientFor(target: Emulator, options: HasOffersOptions = {}): HasOffers {
  const client = new HasOffers({
    networkId: target.networkId,
    networkToken: target.networkToken,
    endpoint: target.url,
    retryDelayMs: 1,
    logger: { warn: () => undefined, error: () => undefined },
    ...options,
  });
  clients.push(client);
  return client;
}

async function addFault(rule: FaultRule): Promise<void> {
  await fetch(`${emulator.origin}/__admin/faults`, { method: 'POST', body: JSON.stringify(rule) });
}

interface LoggedCall {
  httpMethod: string;
  target: string;
  method: string;
  outcome: string;
}

async function loggedCalls(): Promise<LoggedCall[]> {
  return readJson(await fetch(`${emulator.origin}/__admin/requests`));
}

const NEW_OFFER = {
  name: 'Client offer',
  preview_url: 'http://www.example.com',
  offer_url: 'http://www.example.com/go',
  expiration_date: '2030-12-12 23:59:59',
};

describe('client records against the emulator', () => {
  it('finds an offer with contained models', async () => {
    const client = clientFor(emulator);
    const offer = await client.offers.findById(1, { contain: ['Country', 'Advertiser'] });
    expect(offer?.id).toBe('1');
    expect(String(offer)).toBe(`Offer: ${offer?.fields['name']}`);
    expect(await client.offers.findById(999999)).toBeNull();
  });

  it('keeps server sort order', async () => {
    const client = clientFor(emulator);
    const page = await client.offers.findAll({ sort: ['-id'], limit: 5, fields: ['id', 'name'] });
    expect(page.items.map((offer) => offer.id)).toEqual(['30', '29', '28', '27', '26']);
    expect(page.count).toBe(30);
    expect(page.pageCount).toBe(6);
  });

  it('iterates every page', async () => {
    const client = clientFor(emulator);
    const ids: string[] = [];
    for await (const offer of client.offers.iterate({ pageSize: 7, fields: ['id'] }))
      ids.push(offer.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(await client.offers.findAllIds()).toHaveLength(30);
  });

  it('filters with the builder', async () => {
    const client = clientFor(emulator);
    const high = await client.offers.findAll({ filters: where('id').gt(27), sort: ['id'] });
    expect(high.items.map((offer) => offer.id)).toEqual(['28', '29', '30']);

    const fifth = await client.offers.findById(5);
    const name = String(fifth?.fields['name']);
    const sameName = await client.offers.findAll({ filters: { name } });
    const either = await client.offers.findAll({
      filters: or(where('id').lt(3), where('name').eq(name)),
    });
    const expected = new Set(['1', '2', ...sameName.items.map((offer) => offer.id)]);
    expect(new Set(either.items.map((offer) => offer.id))).toEqual(expected);
    expect(expected.has('5')).toBe(true);
  });

  it('creates and updates an offer', async () => {
    const client = clientFor(emulator);
    const created = await client.offers.create(NEW_OFFER);
    const updated = await client.offers.update(created.id, { name: 'Renamed' });
    expect(updated.id).toBe(created.id);
    expect((await client.offers.findById(created.id))?.fields['name']).toBe('Renamed');
  });

  it('raises validation errors with the server text', async () => {
    const client = clientFor(emulator);
    const failure = client.affiliates.update(1, { status: 'null' });
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toMatchObject({
      errors: [
        {
          err_code: 3,
          err_msg: 'Status must be one of: pending, active, blocked, deleted, rejected',
          attribute_name: 'status',
          publicMessage: 'Could not update affiliate.',
        },
      ],
    });
  });

  it('uploads an offer file', async () => {
    const client = clientFor(emulator);
    const bytes = new TextEncoder().encode('creative bytes');
    const file = await client.offerFiles.create(
      { offer_id: 2, display: 'Banner', type: 'file' },
      bytes,
      { fileName: 'banner.txt' },
    );
    expect(file.fields['size']).toBe(String(bytes.length));
    const served = await fetch(String(file.fields['url']));
    expect(await served.text()).toBe('creative bytes');
  });
});

describe('client failure handling against the emulator', () => {
  it('rejects a wrong token', async () => {
    const client = clientFor(emulator, { networkToken: 'NETnot-the-token' });
    await expect(client.offers.findById(1)).rejects.toBeInstanceOf(AuthenticationError);
    const wrongNetwork = clientFor(emulator, { networkId: 'other' });
    await expect(wrongNetwork.offers.findById(1)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('retries a rate-limited read', async () => {
    const client = clientFor(emulator);
    await addFault({ kind: 'rate-limit', target: 'Offer', method: 'findById', count: 1 });
    expect((await client.offers.findById(3))?.id).toBe('3');
    const calls = (await loggedCalls()).filter((call) => call.method === 'findById');
    expect(calls).toHaveLength(2);
  });

  it('gives up after the retry budget', async () => {
    const limited = await startEmulator({ rateLimit: { calls: 1, windowMs: 3_600_000 } });
    try {
      const client = clientFor(limited, { maxRetries: 2 });
      await client.offers.findById(1);
      await expect(client.offers.findById(1)).rejects.toBeInstanceOf(RateLimitError);
    } finally {
      await limited.close();
    }
  });

  it('retries a read after a reset', async () => {
    const client = clientFor(emulator);
    await addFault({ kind: 'reset-before', target: 'Offer', method: 'findById', count: 1 });
    expect((await client.offers.findById(4))?.id).toBe('4');
  });

  it('never resends a write with unknown outcome', async () => {
    const client = clientFor(emulator);
    const before = (await client.offers.findAllIds()).length;
    await addFault({ kind: 'reset-after', target: 'Offer', method: 'create', count: 1 });
    await expect(client.offers.create(NEW_OFFER)).rejects.toBeInstanceOf(UnknownOutcomeError);
    const creates = (await loggedCalls()).filter((call) => call.method === 'create');
    expect(creates).toHaveLength(1);
    expect((await client.offers.findAllIds()).length).toBe(before + 1);
  });

  it('switches to POST for long requests', async () => {
    const client = clientFor(emulator);
    const ids = Array.from({ length: 1500 }, (_, index) => index + 1);
    const page = await client.offers.findAll({ filters: { id: ids }, fields: ['id'] });
    expect(page.items).toHaveLength(30);
    const calls = (await loggedCalls()).filter((call) => call.method === 'findAll');
    expect(calls.map((call) => call.httpMethod)).toEqual(['POST']);
  });
});

describe('client reports and raw logs against the emulator', () => {
  it('reads grouped stats with totals', async () => {
    const client = clientFor(emulator);
    const report = await client.reports.getStats({
      fields: ['Stat.offer_id', 'Stat.clicks'],
      groups: ['Stat.offer_id'],
      filters: { 'Stat.date': { conditional: 'BETWEEN', values: ['2024-03-01', '2024-03-31'] } },
      sort: { 'Stat.clicks': 'desc' },
      totals: true,
      limit: 3,
    });
    expect(report.rows).toHaveLength(3);
    const clicks = report.rows.map((row) => Number(row['Stat']?.['clicks']));
    expect(clicks).toEqual([...clicks].sort((a, b) => b - a));
    expect(Number(report.totals?.['Stat']?.['clicks'])).toBeGreaterThanOrEqual(clicks[0] ?? 0);
  });

  it('reads a day of clicks', async () => {
    const client = clientFor(emulator);
    const [day] = await client.rawLogs.clicks.listDateDirs();
    let rows = 0;
    for await (const record of client.rawLogs.clicks.findAll(day?.dirName ?? '')) {
      if (record['transaction_id']?.length === 30) rows++;
    }
    expect(rows).toBe(24 * 20);
  });
});
