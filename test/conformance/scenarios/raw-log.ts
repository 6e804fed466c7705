import { expect } from 'vitest';

import type { LogRecord } from '../../../src/rawlogs/index.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { replayClient } from './common.js';

const FILE_0909 = '20160909/clicks-1473411600-SlY9UO.zip';
const RECORDED_TRANSACTIONS = [
  { offer_id: '13', transaction_id: '1020f1afc9b6af45c4efe622938512' },
  { offer_id: '84', transaction_id: '102f149014c5fae4576c577c26347c' },
];

async function collect(records: AsyncIterable<LogRecord>): Promise<LogRecord[]> {
  const result: LogRecord[] = [];
  for await (const record of records) result.push(record);
  return result;
}

function transactions(
  records: readonly LogRecord[],
): { offer_id: string | undefined; transaction_id: string | undefined }[] {
  return records.map((record) => ({
    offer_id: record.offer_id,
    transaction_id: record.transaction_id,
  }));
}

export async function replayRawLog(server: ReplayServer): Promise<void> {
  const client = replayClient(server);
  const clicks = client.rawLogs.clicks;

  const dirs = await clicks.listDateDirs();
  expect(dirs.map((dir) => dir.dirName)).toEqual(['20160909', '20160908', '20160907']);
  expect(dirs[0]?.displayName).toBe('Sep 9, 2016');

  for (let listing = 0; listing < 3; listing++) {
    const logs = await clicks.listLogs('20160909');
    expect(logs).toHaveLength(3);
    expect(logs[0]?.filename).toBe(FILE_0909);
    expect(logs[0]?.displayName).toBe('Sep 9, 2016 - 09:00 am');
  }

  // Each client caches links, so fresh copies ask again for the three recorded link replies.
  const link = await clicks.getDownloadLink(FILE_0909);
  expect(link).toBe('https://s3.amazonaws.com/ho-adserverlogs-prod/qproc/raw-logs/clicks/blabla');
  const firstRead = await collect(clicks.records(FILE_0909));
  expect(firstRead).toHaveLength(2);
  expect(Object.keys(firstRead[0]!)).toHaveLength(57);
  expect(transactions(firstRead)).toEqual(RECORDED_TRANSACTIONS);

  const second = client.withOptions({}).rawLogs.clicks;
  expect(await second.getDownloadLink(FILE_0909)).toBe(link);
  expect(transactions(await collect(second.records(FILE_0909)))).toEqual(RECORDED_TRANSACTIONS);
  expect(await client.withOptions({}).rawLogs.clicks.getDownloadLink(FILE_0909)).toBe(link);

  const day = await collect(clicks.findAll('20160912'));
  expect(day).toHaveLength(4);
  expect(transactions(day)).toEqual([...RECORDED_TRANSACTIONS, ...RECORDED_TRANSACTIONS]);

  const downloads = server.received.filter((request) =>
    request.path.startsWith('/ho-adserverlogs-prod/'),
  );
  expect(downloads.map((request) => request.path)).toEqual([
    '/ho-adserverlogs-prod/qproc/raw-logs/clicks/blabla',
    '/ho-adserverlogs-prod/qproc/raw-logs/clicks/blabla',
    '/ho-adserverlogs-prod/qproc/raw-logs/clicks/11111/20160912/clicks-1473670800-Zxuwqd.zip',
    '/ho-adserverlogs-prod/qproc/raw-logs/clicks/11111/20160912/clicks-1473667200-UdOyz5.zip',
  ]);
  // Download requests carry no credentials.
  expect(downloads.every((request) => request.query === '')).toBe(true);
}
