import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { callApi, callData } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, seed: 21, today: '2024-03-31' });
});
afterAll(async () => {
  await emulator.close();
});

interface StoredConversion {
  Conversion: { payout: string; datetime: string; status: string };
}

async function conversionsOf(offerId: string): Promise<StoredConversion[]> {
  const data = await callData(emulator, 'Conversion', 'findAll', {
    filters: { offer_id: offerId },
  });
  return Array.isArray(data) ? [] : (Object.values(data) as StoredConversion[]);
}

function equalTo(...values: string[]) {
  return { conditional: 'EQUAL_TO', values };
}

describe('Report.getStats', () => {
  it('sums stored conversions per offer', async () => {
    const stored = await conversionsOf('4');
    const payout = stored.reduce((sum, row) => sum + Number(row.Conversion.payout), 0);
    const report = await callData(emulator, 'Report', 'getStats', {
      fields: ['Stat.offer_id', 'Offer.name', 'Stat.conversions', 'Stat.payout', 'Stat.clicks'],
      groups: ['Stat.offer_id'],
      filters: { 'Stat.offer_id': equalTo('4') },
    });
    expect(report.count).toBe(1);
    const row = report.data[0];
    expect(row.Stat.offer_id).toBe('4');
    expect(row.Stat.conversions).toBe(String(stored.length));
    expect(row.Stat.payout).toBe(payout.toFixed(2));
    expect(Number(row.Stat.clicks)).toBeGreaterThan(0);
    const offer = await callData(emulator, 'Offer', 'findById', { id: '4' });
    expect(row.Offer.name).toBe(offer.Offer.name);
  });

  it('returns totals matching its rows', async () => {
    const report = await callData(emulator, 'Report', 'getStats', {
      fields: ['Stat.date', 'Stat.clicks', 'Stat.conversions'],
      groups: ['Stat.date'],
      filters: { 'Stat.date': { conditional: 'BETWEEN', values: ['2024-03-01', '2024-03-10'] } },
      sort: { 'Stat.date': 'asc' },
      totals: '1',
    });
    const dates = report.data.map((row: { Stat: { date: string } }) => row.Stat.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0] >= '2024-03-01').toBe(true);
    expect(dates.at(-1) <= '2024-03-10').toBe(true);
    const clicks = report.data.reduce(
      (sum: number, row: { Stat: { clicks: string } }) => sum + Number(row.Stat.clicks),
      0,
    );
    expect(report.totals.Stat.clicks).toBe(String(clicks));
  });

  it('pages and sorts by a measure', async () => {
    const request = {
      fields: ['Stat.affiliate_id', 'Stat.clicks'],
      groups: ['Stat.affiliate_id'],
      sort: { 'Stat.clicks': 'desc' },
      limit: 5,
    };
    const first = await callData(emulator, 'Report', 'getStats', { ...request, page: 1 });
    const second = await callData(emulator, 'Report', 'getStats', { ...request, page: 2 });
    const clicks = [...first.data, ...second.data].map((row: { Stat: { clicks: string } }) =>
      Number(row.Stat.clicks),
    );
    expect(clicks).toEqual([...clicks].sort((a, b) => b - a));
    expect(first.pageCount).toBe(Math.ceil(first.count / 5));
    expect(first.data).toHaveLength(5);
  });

  it('includes a newly created conversion', async () => {
    const fields = { fields: ['Stat.conversions'], filters: { 'Stat.offer_id': equalTo('6') } };
    const before = await callData(emulator, 'Report', 'getStats', fields);
    await callData(emulator, 'Conversion', 'create', {
      data: { offer_id: '6', affiliate_id: '2', payout: '3', revenue: '4', status: 'approved' },
    });
    const after = await callData(emulator, 'Report', 'getStats', fields);
    expect(Number(after.data[0].Stat.conversions)).toBe(
      Number(before.data[0]?.Stat.conversions ?? 0) + 1,
    );
  });

  it('rejects bad fields and conditionals', async () => {
    const field = await callApi(emulator, 'Report', 'getStats', { fields: ['Stat.nonsense'] });
    expect(field.body.response.errorMessage).toBe(
      'Field "Stat.nonsense" is not a field of StatReport.',
    );
    const conditional = await callApi(emulator, 'Report', 'getStats', {
      fields: ['Stat.clicks'],
      filters: { 'Stat.date': { conditional: 'AROUND', values: ['2024-03-01'] } },
    });
    expect(conditional.body.response.errorMessage).toContain(
      'conditional "AROUND" on "Stat.date" is not valid',
    );
    const between = await callApi(emulator, 'Report', 'getStats', {
      fields: ['Stat.clicks'],
      filters: { 'Stat.date': { conditional: 'BETWEEN', values: ['2024-03-01'] } },
    });
    expect(between.body.response.errorMessage).toBe(
      'Report filter BETWEEN on "Stat.date" takes 2 value(s), got 1.',
    );
  });
});

describe('Report.getConversions', () => {
  it('lists conversions with conditional filters', async () => {
    const stored = await conversionsOf('8');
    const notApproved = stored.filter((row) => row.Conversion.status !== 'approved');
    const report = await callData(emulator, 'Report', 'getConversions', {
      fields: ['Stat.id', 'Stat.status', 'Stat.payout', 'Stat.datetime'],
      filters: {
        'Stat.offer_id': equalTo('8'),
        'Stat.status': { conditional: 'NOT_EQUAL_TO', values: 'approved' },
        'Stat.ip': { conditional: 'NOT_NULL' },
      },
      sort: { 'Stat.datetime': 'desc' },
    });
    expect(report.count).toBe(notApproved.length);
    const times = report.data.map((row: { Stat: { datetime: string } }) => row.Stat.datetime);
    expect(times).toEqual([...times].sort().reverse());
    expect(
      report.data.every((row: { Stat: { status: string } }) => row.Stat.status !== 'approved'),
    ).toBe(true);
  });

  it('matches LIKE on a joined name', async () => {
    const offer = await callData(emulator, 'Offer', 'findById', { id: '3' });
    const prefix = String(offer.Offer.name).split(' ')[0] ?? '';
    const report = await callData(emulator, 'Report', 'getConversions', {
      fields: ['Offer.name', 'Stat.count'],
      groups: ['Offer.name'],
      filters: { 'Offer.name': { conditional: 'LIKE', values: `${prefix}%` } },
    });
    expect(report.data.length).toBeGreaterThan(0);
    expect(
      report.data.every((row: { Offer: { name: string } }) => row.Offer.name.startsWith(prefix)),
    ).toBe(true);
  });
});
