/**
 * Measures how fast recorded-style click logs move through the CSV decoder and the whole
 * ZIP-to-records path. Run with `npx tsx bench/csv-rate.ts [rows]`.
 */
import { performance } from 'node:perf_hooks';

import { initParser } from 'udsv';

import { CsvRecordDecoder, decodeCsvRecords, unzipCsvMember } from '../src/rawlogs/index.js';
import { createSchema } from '../src/rawlogs/csv.js';
import { inChunks, recordedClicksZip, zipWithSizes } from '../test/rawlogs/helpers.js';

const CHUNK_SIZE = 64 * 1024;

async function recordedCsv(): Promise<{ header: string; rows: string[] }> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const bytes of unzipCsvMember(inChunks(recordedClicksZip(), CHUNK_SIZE))) {
    text += decoder.decode(bytes, { stream: true });
  }
  const [header = '', ...rows] = text.split('\n').filter((line) => line !== '');
  return { header, rows };
}

function report(label: string, bytes: number, rows: number, milliseconds: number): void {
  const megabytes = bytes / 1e6;
  const seconds = milliseconds / 1000;
  console.log(
    `${label.padEnd(34)} ${(megabytes / seconds).toFixed(1).padStart(7)} MB/s ` +
      `${Math.round(rows / seconds)
        .toLocaleString('en-US')
        .padStart(10)} rows/s`,
  );
}

async function main(): Promise<void> {
  const rowCount = Number(process.argv[2] ?? 100_000);
  const { header, rows } = await recordedCsv();
  const lines = [header];
  for (let index = 0; index < rowCount; index++) {
    lines.push((rows[index % rows.length] ?? '').replace(/^"[0-9a-f]+"/, `"${index}"`));
  }
  const csv = `${lines.join('\n')}\n`;
  const bytes = new TextEncoder().encode(csv);
  console.log(`${rowCount} click rows, ${(bytes.length / 1e6).toFixed(1)} MB of CSV`);

  let started = performance.now();
  const columnCount = header.split(',').length;
  const parser = initParser(createSchema(columnCount, '\n'));
  let parsed = 0;
  parser.chunk<string[]>(csv.slice(csv.indexOf('\n') + 1), parser.stringArrs, () => {
    parsed++;
  });
  parser.end();
  report('udsv arrays, one string', bytes.length, parsed, performance.now() - started);

  started = performance.now();
  const decoder = new CsvRecordDecoder();
  let decoded = 0;
  for (let at = 0; at < csv.length; at += CHUNK_SIZE) {
    decoded += decoder.push(csv.slice(at, at + CHUNK_SIZE)).length;
  }
  decoded += decoder.end().length;
  report('CsvRecordDecoder, 64 KiB text', bytes.length, decoded, performance.now() - started);

  started = performance.now();
  let streamed = 0;
  for await (const record of decodeCsvRecords(inChunks(bytes, CHUNK_SIZE))) {
    streamed += record.transaction_id === undefined ? 0 : 1;
  }
  report('decodeCsvRecords, 64 KiB bytes', bytes.length, streamed, performance.now() - started);

  const zip = zipWithSizes({ 'clicks.csv': csv }, 'deflated');
  started = performance.now();
  let inflated = 0;
  for await (const chunk of unzipCsvMember(inChunks(zip, CHUNK_SIZE))) {
    inflated += chunk.length;
  }
  report('deflated ZIP to bytes, 64 KiB', inflated, rowCount, performance.now() - started);

  started = performance.now();
  let unzipped = 0;
  for await (const record of decodeCsvRecords(unzipCsvMember(inChunks(zip, CHUNK_SIZE)))) {
    unzipped += record.transaction_id === undefined ? 0 : 1;
  }
  report('deflated ZIP to records, 64 KiB', bytes.length, unzipped, performance.now() - started);
  console.log(`heap used after run: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}

await main();
