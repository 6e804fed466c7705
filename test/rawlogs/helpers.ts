import { readFileSync } from 'node:fs';

import { Zip, ZipDeflate, ZipPassThrough, strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

const CASSETTE_PATH = '/work/shared/conformance/pyoffers-cassettes/raw_log.json';

interface CassetteEntry {
  request: { method: string; url: string };
  response: { body: string; body_encoding?: string };
}

/** The recorded clicks ZIP from the PyOffers cassette, as exact bytes. */
export function recordedClicksZip(): Uint8Array {
  const entries = JSON.parse(readFileSync(CASSETTE_PATH, 'utf8')) as CassetteEntry[];
  const download = entries.find((entry) => entry.response.body_encoding === 'base64');
  if (download === undefined) {
    throw new Error(`No ZIP download in ${CASSETTE_PATH}`);
  }
  return new Uint8Array(Buffer.from(download.response.body, 'base64'));
}

/** Writes a table as CSV the way the raw logs quote text: every value quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly string[])[], lineEnd = '\n'): string {
  return rows
    .map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(','))
    .map((line) => line + lineEnd)
    .join('');
}

export type ZipMethod = 'stored' | 'deflated';

/** Builds a ZIP with sizes in the local headers, as most archivers write it. */
export function zipWithSizes(members: Record<string, string>, method: ZipMethod): Uint8Array {
  const files: Zippable = {};
  for (const [name, text] of Object.entries(members)) {
    files[name] = [strToU8(text), { level: method === 'stored' ? 0 : 6 }];
  }
  return zipSync(files);
}

/** Builds a ZIP the way a streaming writer does: sizes follow each member in a data descriptor. */
export function zipWithDataDescriptors(
  members: Record<string, string>,
  method: ZipMethod,
): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error !== null) {
      throw error;
    }
    parts.push(data);
  });
  for (const [name, text] of Object.entries(members)) {
    const member = method === 'stored' ? new ZipPassThrough(name) : new ZipDeflate(name);
    zip.add(member);
    member.push(strToU8(text), true);
  }
  zip.end();
  return Buffer.concat(parts);
}

/** Yields `bytes` in pieces of `size` bytes (the last may be shorter). */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    yield bytes.slice(at, at + size);
  }
}

/** Yields `bytes` split at the given offsets. */
export async function* splitAt(bytes: Uint8Array, offsets: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    yield bytes.slice(start, offset);
    start = offset;
  }
  yield bytes.slice(start);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) {
    result.push(item);
  }
  return result;
}

/** Rows as objects keyed by the first row, as the reader returns them. */
export function toRecords(table: readonly (readonly string[])[]): Record<string, string>[] {
  const [header = [], ...rows] = table;
  return rows.map((row) =>
    Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])),
  );
}
