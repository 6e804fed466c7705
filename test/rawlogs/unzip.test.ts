import { describe, expect, it } from 'vitest';

import { FormatError, HasOffersError } from '../../src/index.js';

import { decodeCsvRecords, unzipCsvMember } from '../../src/rawlogs/index.js';
import {
  collect,
  inChunks,
  recordedClicksZip,
  toCsv,
  toRecords,
  zipWithDataDescriptors,
  zipWithSizes,
} from './helpers.js';
import type { ZipMethod } from './helpers.js';

function readZip(bytes: Uint8Array, chunkSize: number): Promise<Record<string, string>[]> {
  return collect(decodeCsvRecords(unzipCsvMember(inChunks(bytes, chunkSize))));
}

const TABLE = [['n', 'text']];
for (let n = 0; n < 3000; n++) {
  TABLE.push([String(n), `value ${n}, "quoted"\nnext line ü ${'z'.repeat(n % 17)}`]);
}
const CSV_TEXT = toCsv(TABLE);

describe('unzipCsvMember', () => {
  for (const size of [1, 7, 512, 1 << 20]) {
    it(`recorded clicks ZIP in ${size}-byte chunks`, async () => {
      const records = await readZip(recordedClicksZip(), size);
      expect(records.length).toBe(2);
      expect(records[0]?.offer_id).toBe('13');
      expect(records[0]?.transaction_id).toBe('1020f1afc9b6af45c4efe622938512');
      expect(records[1]?.offer_id).toBe('84');
      expect(records[1]?.transaction_id).toBe('102f149014c5fae4576c577c26347c');
      expect(Object.keys(records[0] ?? {}).length).toBe(57);
      expect(records[1]?.revenue_cents).toBe('250');
      expect(records[0]?.req_connection_speed).toBe('mobile');
    });
  }

  const builders = { sizes: zipWithSizes, 'data descriptors': zipWithDataDescriptors };
  for (const [layout, build] of Object.entries(builders)) {
    for (const method of ['stored', 'deflated'] as ZipMethod[]) {
      for (const size of [1, 333, 65_536]) {
        it(`${method} member with ${layout}, ${size}-byte chunks`, async () => {
          // One-byte chunks over the whole table take long; its first rows prove the same.
          const table = size === 1 ? TABLE.slice(0, 60) : TABLE;
          const zip = build({ 'clicks-1473418800-SlY9UO.csv': toCsv(table) }, method);
          expect(await readZip(zip, size)).toEqual(toRecords(table));
        });
      }
    }
  }

  it('skips members that are not CSV', async () => {
    const zip = zipWithSizes({ 'readme.txt': 'not a log\n', 'log.CSV': 'a\n"1"\n' }, 'deflated');
    expect(await readZip(zip, 5)).toEqual([{ a: '1' }]);
  });

  it('reads only the first CSV member', async () => {
    const zip = zipWithDataDescriptors({ 'one.csv': 'a\n"1"\n', 'two.csv': 'b\n"2"\n' }, 'stored');
    expect(await readZip(zip, 9)).toEqual([{ a: '1' }]);
  });

  it('rejects a ZIP without a CSV member', async () => {
    const zip = zipWithSizes({ 'clicks.txt': 'a\n"1"\n' }, 'deflated');
    const failure = readZip(zip, 64);
    await expect(failure).rejects.toBeInstanceOf(FormatError);
    await expect(failure).rejects.toBeInstanceOf(HasOffersError);
    await expect(failure).rejects.toMatchObject({ name: 'FormatError' });
    await expect(failure).rejects.toThrow(/has no CSV member/);
  });

  it('rejects bytes that are not a ZIP', async () => {
    const notZip = new TextEncoder().encode('<Error>AccessDenied</Error>');
    await expect(readZip(notZip, 64)).rejects.toThrow(/no CSV member/);
  });

  for (const [layout, build] of Object.entries(builders)) {
    for (const method of ['stored', 'deflated'] as ZipMethod[]) {
      it(`rejects truncated ${method} ZIP with ${layout}`, async () => {
        const zip = build({ 'member.csv': CSV_TEXT }, method);
        const cuts = [zip.length - 1, zip.length - 30, Math.floor(zip.length / 2), 40];
        for (const cut of cuts) {
          const failure = readZip(zip.slice(0, cut), 4096);
          await expect(failure, `cut at ${cut} of ${zip.length}`).rejects.toBeInstanceOf(
            FormatError,
          );
        }
      });
    }
  }

  it('truncation message names the archive', async () => {
    const zip = zipWithSizes({ 'member.csv': CSV_TEXT }, 'deflated');
    const records = collect(
      decodeCsvRecords(unzipCsvMember(inChunks(zip.slice(0, zip.length - 10), 4096), '"x.zip"')),
    );
    await expect(records).rejects.toThrow(/ZIP archive "x\.zip" is truncated/);
  });

  it('rejects a corrupt deflate stream', async () => {
    const zip = zipWithSizes({ 'member.csv': CSV_TEXT }, 'deflated');
    const corrupt = zip.slice();
    corrupt.fill(0xff, 60, 160);
    await expect(readZip(corrupt, 4096)).rejects.toBeInstanceOf(FormatError);
  });
});
