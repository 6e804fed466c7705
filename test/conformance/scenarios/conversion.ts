import { expect } from 'vitest';

import { RateLimitError } from '../../../src/core/errors.js';
import { Conversion } from '../../../src/models/records.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { rejectionOf, replayClient } from './common.js';

const LIMITED_QUERY = { fields: ['datetime', 'country_code'], limit: 1 } as const;

export async function replayConversion(server: ReplayServer): Promise<void> {
  const lines: string[] = [];
  const client = replayClient(server, {
    maxRetries: 1,
    logger: { debug: (line) => lines.push(line), info: (line) => lines.push(line) },
    logLevel: 'debug',
  });
  const data = {
    status_code: 22,
    status: 'pending',
    revenue: 1,
    affiliate_id: 1,
    offer_id: 1,
    payout: 1,
  };

  const created = await client.conversions.create(data);
  expect(created).toBeInstanceOf(Conversion);
  expect(created.id).toBe('99630');
  expect(created.fields).toMatchObject({
    revenue: '1.00000',
    payout: '1.00000',
    status: 'pending',
  });
  expect(created.num('revenue')).toBe(1);
  expect(created.toString()).toBe('Conversion: 99630');

  const found = await client.conversions.findById('99630');
  expect(found?.fields.revenue).toBe('1.00000');
  expect(await client.conversions.findById(100000)).toBeNull();

  const page = await client.conversions.findAll({ limit: 2 });
  expect(page.items.map((item) => item.id)).toEqual(['3', '1']);
  expect(page.count).toBe(49816);

  const updated = await created.update({ revenue: 2 });
  expect(updated.id).toBe('99630');
  expect(updated.fields.revenue).toBe('2.00000');

  const empty = await client.conversions.findAll({ filters: { goal_id: 100000 }, limit: 1 });
  expect(empty.items).toEqual([]);
  expect(empty).toMatchObject({ count: 0, pageCount: 0, paginated: true });

  const byOffer = await client.conversions.findAll({ filters: { offer_id: 9 } });
  expect(byOffer.items.map((item) => item.id)).toEqual(['55632', '42018']);
  expect(byOffer.paginated).toBe(false);

  const none = await client.conversions.findAll({ filters: { offer_id: 11 } });
  expect(none.items).toEqual([]);

  const filtered = await client.conversions.findAll({
    filters: { status: 'approved', source: 'FP', offer_id: 7, session_ip: '127.0.0.1' },
  });
  expect(filtered.items.map((item) => item.id)).toEqual(['73']);

  const selected = await client.conversions.findAll({ ...LIMITED_QUERY, filters: { offer_id: 7 } });
  expect(selected.items).toHaveLength(1);
  expect(selected.items[0]?.fields).toEqual({
    datetime: '2016-02-22 04:29:09',
    country_code: 'CZ',
  });

  // One rate-limit answer, then success on the retry.
  const retried = await client.conversions.findAll({ ...LIMITED_QUERY, filters: { offer_id: 13 } });
  expect(retried.items[0]?.id).toBe('251');
  expect(retried.items[0]?.fields).toEqual({ datetime: '2016-02-29 09:20:59', country_code: 'CZ' });
  expect(lines.filter((line) => line.includes('RateLimitError, retry in'))).toHaveLength(1);

  // maxRetries 2 means exactly three attempts, which uses up the three recorded rate-limit answers.
  const error = await rejectionOf(
    client
      .withOptions({ maxRetries: 2 })
      .conversions.findAll({ ...LIMITED_QUERY, filters: { offer_id: 14 } }),
  );
  expect(error).toBeInstanceOf(RateLimitError);
  expect((error as RateLimitError).attempts).toBe(3);
  expect((error as RateLimitError).serverMessage).toContain(
    'API usage exceeded rate limit.  Configured: 50/10s window',
  );
}
