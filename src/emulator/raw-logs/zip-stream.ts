import { Zip, ZipPassThrough } from 'fflate';
import { deriveSeed, Prng } from '../prng.js';
import { buildRows, csvHeader } from './rows.js';
import type { LogType } from './columns.js';
import type { IdRanges } from './rows.js';

const ROWS_PER_CHUNK = 2_000;

/** Describes one archive to generate. */
export interface ArchiveSpec {
  seed: number;
  type: LogType;
  /** Start of the hour, Unix seconds. */
  startTimestamp: number;
  /** Name of the CSV member, e.g. `clicks-1473411600-SlY9UO.csv`. */
  memberName: string;
  rows: number;
  ids: IdRanges;
}

/**
 * Streams a ZIP holding one stored (uncompressed) CSV, as in the recorded archives. Rows are built
 * in chunks as the reader pulls, so a large file is never held whole in memory.
 */
export function zipStream(spec: ArchiveSpec): ReadableStream<Uint8Array> {
  const random = new Prng(deriveSeed(spec.seed, `${spec.type}-${spec.startTimestamp}-rows`));
  const encoder = new TextEncoder();
  const pending: Uint8Array[] = [];
  let finished = false;
  let failure: Error | undefined;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else pending.push(chunk);
    if (final) finished = true;
  });
  const member = new ZipPassThrough(spec.memberName);
  // The member is stamped with the end of its hour instead of the download time, so the same
  // seed gives the same bytes.
  member.mtime = (spec.startTimestamp + 3600) * 1000;
  zip.add(member);
  let next = 0;
  let headerSent = false;

  return new ReadableStream<Uint8Array>({
    pull(controller) {
      while (pending.length === 0 && !finished && failure === undefined) {
        if (!headerSent) {
          member.push(encoder.encode(csvHeader(spec.type)));
          headerSent = true;
          continue;
        }
        const to = Math.min(next + ROWS_PER_CHUNK, spec.rows);
        const text = buildRows(
          spec.type,
          random,
          spec.ids,
          spec.startTimestamp * 1000,
          spec.rows,
          next,
          to,
        );
        next = to;
        const last = next >= spec.rows;
        member.push(encoder.encode(text), last);
        if (last) zip.end();
      }
      if (failure !== undefined) return controller.error(failure);
      const chunk = pending.shift();
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (finished) controller.close();
    },
  });
}
