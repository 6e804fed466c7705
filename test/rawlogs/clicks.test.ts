import { describe, expect, it } from 'vitest';

import { FormatError } from '../../src/index.js';

import {
  CLICK_COLUMNS,
  Click,
  datetimeField,
  decodeCsvRecords,
  numberField,
  unzipCsvMember,
} from '../../src/rawlogs/index.js';
import { collect, inChunks, recordedClicksZip } from './helpers.js';

async function recordedClicks(): Promise<Click[]> {
  const records = await collect(
    decodeCsvRecords(unzipCsvMember(inChunks(recordedClicksZip(), 64))),
  );
  return records.map((record) => Click.from(record));
}

describe('Click', () => {
  it('recorded header matches the click columns', async () => {
    const [first] = await recordedClicks();
    expect(Object.keys(first?.fields ?? {})).toEqual([...CLICK_COLUMNS]);
    expect(CLICK_COLUMNS.length).toBe(57);
  });

  it('typed accessors on recorded rows', async () => {
    const [first, second] = await recordedClicks();
    expect(first?.transactionId).toBe('1020f1afc9b6af45c4efe622938512');
    expect(first?.offerId).toBe(13);
    expect(first?.affiliateId).toBe(3);
    expect(first?.advertiserId).toBe(44);
    expect(first?.datetime?.toISOString()).toBe('2016-09-09T14:00:28.000Z');
    expect(first?.revenueCents).toBeUndefined();
    expect(first?.isUnique).toBe(false);
    expect(second?.revenueCents).toBe(250);
    expect(second?.offerId).toBe(84);
    expect(String(second)).toBe('Click: 102f149014c5fae4576c577c26347c');
    expect(second?.toJSON().fields).toBeUndefined();
    expect(second?.toJSON().country_code).toBe('ES');
  });

  it('rejects a record without click columns', () => {
    expect(() => Click.from({ conversion_id: '1' })).toThrow(/lacks the columns transaction_id/);
  });
});

describe('field readers', () => {
  it('numberField reads numbers and empties', () => {
    expect(numberField({ n: '250' }, 'n')).toBe(250);
    expect(numberField({ n: '1.5' }, 'n')).toBe(1.5);
    expect(numberField({ n: '' }, 'n')).toBeUndefined();
  });

  it('numberField rejects text', () => {
    expect(() => numberField({ n: 'abc' }, 'n')).toThrow(FormatError);
    expect(() => numberField({ n: 'abc' }, 'n')).toThrow(
      '"n" contains "abc", which is not a number',
    );
  });

  it('datetimeField reads UTC times', () => {
    expect(datetimeField({ t: '2016-09-09 14:00:44' }, 't')?.getTime()).toBe(
      Date.UTC(2016, 8, 9, 14, 0, 44),
    );
    expect(datetimeField({ t: '' }, 't')).toBeUndefined();
  });

  it('datetimeField rejects other forms', () => {
    for (const text of [
      '2016-09-09T14:00:44Z',
      '2016-13-09 14:00:44',
      '2016-02-30 10:00:00',
      '1473429644',
    ]) {
      expect(() => datetimeField({ t: text }, 't'), text).toThrow(/YYYY-MM-DD HH:MM:SS/);
    }
  });

  it('missing column names the columns present', () => {
    expect(() => numberField({ a: '1' }, 'b')).toThrow('no column "b". Its columns are a.');
  });
});
