import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { CLICK_COLUMNS, createRawLogs } from '../../src/rawlogs/index.js';
import { callData } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';
import type { BracketValue } from './helpers.js';
import type { LogRecord, RawLogs } from '../../src/rawlogs/index.js';

let emulator: Emulator;
let rawLogs: RawLogs;

beforeAll(async () => {
  emulator = await startEmulator({ today: '2016-09-12', rawLogs: { days: 2, rowsPerHour: 3 } });
  rawLogs = createRawLogs({
    call: (target, method, params) =>
      callData(emulator, target, method, params as Record<string, BracketValue>),
    download: async (url, signal) => {
      const response = await fetch(url, signal === undefined ? {} : { signal });
      if (!response.ok || response.body === null)
        throw new Error(`download failed: ${response.status}`);
      return response.body;
    },
  });
});
afterAll(async () => {
  await emulator.close();
});

async function collect(records: AsyncIterable<LogRecord>): Promise<LogRecord[]> {
  const rows: LogRecord[] = [];
  for await (const record of records) rows.push(record);
  return rows;
}

describe('raw log reader against the emulator', () => {
  it('lists days and files', async () => {
    const days = await rawLogs.clicks.listDateDirs();
    expect(days.map((day) => day.dirName)).toEqual(['20160912', '20160911']);
    const files = await rawLogs.clicks.listLogs('20160911');
    expect(files).toHaveLength(24);
  });

  it('reads every click of a day', async () => {
    const rows = await collect(rawLogs.clicks.findAll('20160911'));
    expect(rows).toHaveLength(24 * 3);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CLICK_COLUMNS]);
    expect(rows.every((row) => row['datetime']?.startsWith('2016-09-11 '))).toBe(true);
  });

  it('reads conversions files', async () => {
    const [file] = await rawLogs.conversions.listLogs('20160912');
    const rows = await collect(rawLogs.conversions.records(file?.filename ?? ''));
    expect(rows).toHaveLength(3);
    expect(rows[0]?.['status']).toMatch(/^(approved|pending|rejected)$/);
  });
});
