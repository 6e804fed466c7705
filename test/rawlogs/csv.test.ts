import { describe, expect, it } from 'vitest';

import { FormatError } from '../../src/index.js';

import { CsvRecordDecoder, decodeCsvRecords } from '../../src/rawlogs/index.js';
import { collect, inChunks, toCsv, toRecords } from './helpers.js';

const encoder = new TextEncoder();
const CHUNK_SIZES = [1, 2, 3, 5, 7, 64, 100_000];

function decode(text: string, chunkSize: number): Promise<Record<string, string>[]> {
  return collect(decodeCsvRecords(inChunks(encoder.encode(text), chunkSize)));
}

const AWKWARD_TABLE = [
  ['id', 'text', 'note'],
  ['1', 'plain', ''],
  ['2', 'comma, inside', 'quote " inside'],
  ['3', 'two ""quotes""', 'line\nbreak'],
  ['4', 'crlf\r\ninside', 'trailing quote "'],
  ['5', 'ünïcödé ✓ 😀 漢字', '"'],
  ['6', '', ','],
];

describe('decodeCsvRecords', () => {
  for (const lineEnd of ['\n', '\r\n']) {
    for (const size of CHUNK_SIZES) {
      it(`awkward quoting, ${JSON.stringify(lineEnd)} lines, ${size}-byte chunks`, async () => {
        const records = await decode(toCsv(AWKWARD_TABLE, lineEnd), size);
        expect(records).toEqual(toRecords(AWKWARD_TABLE));
      });
    }
  }

  it('bare numbers beside quoted strings', async () => {
    const text = 'transaction_id,offer_id,revenue_cents\n"abc",13,""\n"def",84,"250"\n';
    const records = await decode(text, 3);
    expect(records).toEqual([
      { transaction_id: 'abc', offer_id: '13', revenue_cents: '' },
      { transaction_id: 'def', offer_id: '84', revenue_cents: '250' },
    ]);
  });

  it('last row without line break', async () => {
    const records = await decode('a,b\n"1","2"\n"3","4"', 1);
    expect(records).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('byte order mark before header', async () => {
    const records = await decode('\uFEFFa,b\r\n1,2\r\n', 1);
    expect(records).toEqual([{ a: '1', b: '2' }]);
  });

  it('header only yields nothing', async () => {
    expect(await decode('a,b\n', 1)).toEqual([]);
    expect(await decode('a,b', 1)).toEqual([]);
    expect(await decode('', 1)).toEqual([]);
  });

  it('quoted header names', async () => {
    const records = await decode('"a,1","b""2"\n"x","y"\n', 2);
    expect(records).toEqual([{ 'a,1': 'x', 'b"2': 'y' }]);
  });

  it('column named __proto__ stays a field', async () => {
    const [record] = await decode('__proto__,b\n"x","y"\n', 4);
    expect(Object.keys(record ?? {})).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });

  it('many rows across chunk boundaries', async () => {
    const table = [['n', 'text']];
    for (let n = 0; n < 5000; n++) {
      table.push([String(n), `row ${n}, "q" \n ${'x'.repeat(n % 50)}`]);
    }
    const records = await decode(toCsv(table), 4093);
    expect(records.length).toBe(5000);
    expect(records).toEqual(toRecords(table));
  });

  it('repeated header name is rejected', async () => {
    await expect(decode('a,b,a\n1,2,3\n', 100)).rejects.toThrow(/repeats the column "a"/);
  });

  it('extra quoted value is rejected', async () => {
    const failure = decode('a,b\n"1","2","3"\n', 100);
    await expect(failure).rejects.toBeInstanceOf(FormatError);
    await expect(failure).rejects.toThrow(/record 1 has 3 values but the header names 2/);
  });

  it('decoder returns records per push', () => {
    const csv = new CsvRecordDecoder();
    expect(csv.push('a,b\r\n"1",')).toEqual([]);
    expect(csv.push('"2"\r')).toEqual([]);
    expect(csv.push('\n"3","4"')).toEqual([{ a: '1', b: '2' }]);
    expect(csv.end()).toEqual([{ a: '3', b: '4' }]);
  });
});

describe('single-column files', () => {
  for (const size of [1, 4, 1000]) {
    it(`empty quoted values survive, ${size}-byte chunks`, async () => {
      const text = 'only\r\n""\r\n"a\r\nb"\r\n\r\n""';
      const records = await decode(text, size);
      expect(records).toEqual([{ only: '' }, { only: 'a\r\nb' }, { only: '' }]);
    });
  }
});
