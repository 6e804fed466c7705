import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HasOffers } from '../../src/index.js';
import { startEmulator } from '../../src/emulator/index.js';
import { callApi, callData, encodeBrackets, readJson } from './helpers.js';
import type { BracketValue } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, seed: 9, today: '2024-03-31' });
});
afterAll(async () => {
  await emulator.close();
});

async function errorOf(target: string, method: string, params: Record<string, BracketValue>) {
  const reply = await callApi(emulator, target, method, params);
  expect(reply.status).toBe(200);
  expect(reply.body.response.status).toBe(-1);
  return reply.body.response.errors[0].publicMessage as string;
}

describe('paging edge cases', () => {
  it('sends no page wrapper for limit=0', async () => {
    const data = await callData(emulator, 'Offer', 'findAll', { limit: '0' });
    expect(data.page).toBeUndefined();
    expect(Object.keys(data).length).toBeGreaterThan(1);
  });

  it('rejects a negative limit', async () => {
    expect(await errorOf('Offer', 'findAll', { limit: '-1' })).toBe(
      'limit must be a non-negative whole number, got "-1".',
    );
  });

  it('returns an empty page past the end', async () => {
    const data = await callData(emulator, 'Offer', 'findAll', { limit: '2', page: '999' });
    expect(data.page).toBe(999);
    expect(data.count).toBeGreaterThan(0);
    expect(data.data).toEqual([]);
  });
});

describe('bad find params', () => {
  it('rejects sort on an unknown field', async () => {
    expect(await errorOf('Offer', 'findAll', { sort: { nope: 'asc' } })).toBe(
      'Field "nope" cannot be used in sort: Offer has no such field.',
    );
  });

  it('rejects a contain alias in the wrong case', async () => {
    const message = await errorOf('Offer', 'findById', { id: '1', contain: ['country'] });
    expect(message.startsWith('Contain "country" is not valid for Offer.')).toBe(true);
  });

  it('rejects a malformed filter name', async () => {
    const query = encodeBrackets({
      NetworkId: emulator.networkId,
      NetworkToken: emulator.networkToken,
      Target: 'Offer',
      Method: 'findAll',
    });
    const response = await fetch(`${emulator.url}?${query}&filters[[x]=1`);
    const reply = await readJson(response);
    expect(response.status).toBe(200);
    expect(reply.response.errors[0].publicMessage).toBe(
      'Field "[x" cannot be used in filters: Offer has no such field.',
    );
  });

  it('takes the last of duplicate keys', async () => {
    const query = encodeBrackets({
      NetworkId: emulator.networkId,
      NetworkToken: emulator.networkToken,
      Target: 'Offer',
      Method: 'findById',
    });
    const reply = await readJson(await fetch(`${emulator.url}?${query}&id=1&id=2`));
    expect(reply.response.data.Offer.id).toBe('2');
  });

  it('echoes unicode as PHP escapes', async () => {
    const reply = await callApi(emulator, 'Offer', 'findAll', {
      filters: { name: { LIKE: '%☃😀%' } },
    });
    expect(reply.text).toContain('"name":{"LIKE":"%\\u2603\\ud83d\\ude00%"}');
    expect(reply.body.response.data).toEqual([]);
  });
});

describe('concurrent writes', () => {
  it('hands out unique ids in order', async () => {
    const client = new HasOffers({
      networkId: emulator.networkId,
      networkToken: emulator.networkToken,
      endpoint: emulator.url,
    });
    try {
      const created = await Promise.all(
        Array.from({ length: 40 }, (_, i) => client.tags.create({ name: `parallel_${i}` })),
      );
      const ids = created.map((tag) => Number(tag.id));
      expect(new Set(ids).size).toBe(40);
      const stored = (
        (await client.call('Tag', 'findAllIds', {}, { unchecked: true })) as string[]
      ).map(Number);
      expect(stored).toEqual([...stored].sort((a, b) => a - b));
      expect(stored.slice(-40)).toEqual([...ids].sort((a, b) => a - b));
    } finally {
      await client.close();
    }
  });
});
