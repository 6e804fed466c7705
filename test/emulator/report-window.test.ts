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

interface DayRow {
  Stat: { date: string; offer_id?: string; clicks: string; conversions: string };
}

const between = (low: string, high: string) => ({ conditional: 'BETWEEN', values: [low, high] });

async function errorOf(method: string, params: Record<string, string | string[]>) {
  const reply = await callApi(emulator, 'Report', method, params);
  expect(reply.body.response.status).toBe(-1);
  return reply.body.response.errors[0].publicMessage as string;
}

describe('report date window', () => {
  it('keeps BETWEEN on dates inclusive', async () => {
    const report = await callData(emulator, 'Report', 'getStats', {
      fields: ['Stat.date', 'Stat.clicks'],
      groups: ['Stat.date'],
      filters: { 'Stat.date': between('2024-03-20', '2024-03-22') },
      sort: { 'Stat.date': 'asc' },
    });
    const dates = report.data.map((row: DayRow) => row.Stat.date);
    expect(dates).toEqual(['2024-03-20', '2024-03-21', '2024-03-22']);
  });

  it('groups by date and offer with totals', async () => {
    const report = await callData(emulator, 'Report', 'getStats', {
      fields: ['Stat.date', 'Stat.offer_id', 'Stat.clicks', 'Stat.conversions'],
      groups: ['Stat.date', 'Stat.offer_id'],
      filters: { 'Stat.date': between('2024-03-25', '2024-03-31') },
      totals: '1',
    });
    const rows = report.data as DayRow[];
    const keys = rows.map((row) => `${row.Stat.date}/${row.Stat.offer_id}`);
    expect(new Set(keys).size).toBe(rows.length);
    const clicks = rows.reduce((sum, row) => sum + Number(row.Stat.clicks), 0);
    const conversions = rows.reduce((sum, row) => sum + Number(row.Stat.conversions), 0);
    expect(report.totals.Stat.clicks).toBe(String(clicks));
    expect(report.totals.Stat.conversions).toBe(String(conversions));
    expect(clicks).toBeGreaterThan(0);
  });

  it('shifts dates by hour_offset', async () => {
    const hourly = (low: string, offset: string) =>
      callData(emulator, 'Report', 'getStats', {
        fields: ['Stat.date', 'Stat.hour', 'Stat.clicks'],
        groups: ['Stat.date', 'Stat.hour'],
        filters: { 'Stat.date': between(low, '2024-03-20') },
        hour_offset: offset,
      });
    const plain = await hourly('2024-03-19', '0');
    const shifted = await hourly('2024-03-20', '3');
    const plainClicks = new Map<string, string>();
    for (const row of plain.data) {
      plainClicks.set(`${row.Stat.date} ${row.Stat.hour}`, row.Stat.clicks);
    }
    // Hour H of the 20th three hours ahead is hour H-3 of the same day, or 21+H of the 19th.
    const expected = new Map<string, string>();
    for (let hour = 0; hour < 24; hour++) {
      const source = hour >= 3 ? `2024-03-20 ${hour - 3}` : `2024-03-19 ${hour + 21}`;
      const clicks = plainClicks.get(source);
      if (clicks !== undefined) expected.set(`2024-03-20 ${hour}`, clicks);
    }
    const actual = new Map<string, string>();
    for (const row of shifted.data) {
      actual.set(`${row.Stat.date} ${row.Stat.hour}`, row.Stat.clicks);
    }
    expect(expected.size).toBeGreaterThan(3);
    expect(actual).toEqual(expected);
  });

  it('rejects a data_start that is not a date', async () => {
    const message = await errorOf('getStats', {
      fields: ['Stat.clicks'],
      data_start: '2024-03-20 00:00:00',
    });
    expect(message).toBe('data_start must be a date as YYYY-MM-DD, got "2024-03-20 00:00:00".');
  });

  it('rejects an hour_offset that is not a whole number', async () => {
    const message = await errorOf('getStats', { fields: ['Stat.clicks'], hour_offset: '1.5' });
    expect(message).toBe('hour_offset must be a whole number of hours, got "1.5".');
  });

  it('rejects a currency it cannot convert to', async () => {
    const message = await errorOf('getStats', { fields: ['Stat.payout'], currency: 'EUR' });
    expect(message).toContain('Currency "EUR" is not available in the emulator');
  });
});

describe('Report.getConversions count', () => {
  it('returns only the count', async () => {
    const filters = { 'Stat.offer_id': { conditional: 'EQUAL_TO', values: ['8'] } };
    const full = await callData(emulator, 'Report', 'getConversions', {
      fields: ['Stat.id'],
      filters,
    });
    const count = await callData(emulator, 'Report', 'getConversions', {
      fields: ['Stat.id'],
      filters,
      count: '1',
    });
    expect(full.count).toBeGreaterThan(0);
    expect(count).toBe(full.count);
  });
});
