import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { AtomicFile } from './atomic-file.js';
import { CliUsageError, PartialFailureError } from './cli-error.js';
import { csvLine } from './output/csv.js';
import type { Progress } from './progress.js';

/** The parts of the client's raw log reader that the export uses. */
export interface RawLogSource {
  listDateDirs(): Promise<ReadonlyArray<{ dirName: string; displayName: string }>>;
  listLogs(
    dateDir: string,
  ): Promise<ReadonlyArray<{ filename: string; displayName: string; startTimestamp: string }>>;
  records(
    filename: string,
    options?: { signal?: AbortSignal },
  ): AsyncIterable<Readonly<Record<string, string>>>;
}

export type ExportFormat = 'ndjson' | 'csv';

/** Settings of one export run. */
export interface ExportPlan {
  logType: string;
  dayDirs: readonly string[];
  outDir: string;
  format: ExportFormat;
  /** One output file per day, or one per hourly log file. */
  per: 'day' | 'file';
}

/** One output file that was written completely. */
export interface ExportedFile {
  day: string;
  file: string;
  logFiles: number;
  rows: number;
  bytes: number;
}

/** Hooks for progress and messages while exporting. */
export interface ExportHooks {
  progress: Progress;
  note(message: string): void;
  onFile(file: ExportedFile): void;
  signal?: AbortSignal;
}

interface OutputUnit {
  day: string;
  path: string;
  logFiles: string[];
}

interface Failure {
  /** The output file or day that was not written. */
  name: string;
  error: unknown;
}

/**
 * Exports raw log rows to files: each output file is written under a temporary name and renamed
 * when complete. A failed day or output file is deleted and the others go on, rate limits
 * included, because the limit window may have passed by the next file. If some failed and others
 * were written, a partial-failure error lists them; if nothing was written, the first error is
 * raised. Errors that no other file can avoid (bad credentials, bad input, an interrupt) stop the
 * export at once.
 */
export async function exportRawLogs(
  source: RawLogSource,
  plan: ExportPlan,
  hooks: ExportHooks,
): Promise<ExportedFile[]> {
  await prepareOutDir(plan.outDir);
  const failures: Failure[] = [];
  const units = await planUnits(source, plan, hooks, failures);
  const totalFiles = units.reduce((sum, unit) => sum + unit.logFiles.length, 0);

  const written: ExportedFile[] = [];
  hooks.progress.start(totalFiles, 'log files');
  try {
    for (const unit of units) {
      try {
        const file = await writeUnit(source, unit, plan.format, hooks);
        written.push(file);
        hooks.onFile(file);
      } catch (error) {
        if (isFatal(error) || hooks.signal?.aborted === true) throw error;
        failures.push({ name: basename(unit.path), error });
      }
    }
  } finally {
    hooks.progress.stop();
  }
  if (failures.length > 0) throw summarizeFailures(failures, written.length);
  return written;
}

function summarizeFailures(failures: readonly Failure[], writtenCount: number): unknown {
  if (writtenCount === 0) return failures[0]?.error;
  const list = failures.map(({ name, error }) => `${name} (${failureReason(error)})`).join('; ');
  return new PartialFailureError(
    `${failures.length} of ${failures.length + writtenCount} output files failed and were not written: ${list}; run the export again for those days`,
  );
}

// Runs before any request, so a bad --out fails at once instead of after the downloads.
async function prepareOutDir(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? messageOf(error);
    if (code === 'EEXIST') {
      throw new CliUsageError(
        `invalid --out ${outDir}: it is a file, not a directory; pass --out a new or existing directory`,
      );
    }
    throw new CliUsageError(
      `cannot write to the output directory ${outDir} (${code}): pass --out a directory you can write to`,
    );
  }
}

async function planUnits(
  source: RawLogSource,
  plan: ExportPlan,
  hooks: ExportHooks,
  failures: Failure[],
): Promise<OutputUnit[]> {
  const available = new Set((await source.listDateDirs()).map((dir) => dir.dirName));
  const units: OutputUnit[] = [];
  for (const day of plan.dayDirs) {
    if (!available.has(day)) {
      hooks.note(`no ${plan.logType} logs for ${day}; skipped`);
      continue;
    }
    let listed: Awaited<ReturnType<RawLogSource['listLogs']>>;
    try {
      listed = await source.listLogs(day);
    } catch (error) {
      if (isFatal(error) || hooks.signal?.aborted === true) throw error;
      failures.push({ name: `${plan.logType} logs of ${day}`, error });
      continue;
    }
    // The API lists files newest first; rows are written oldest first.
    const logs = [...listed].sort(
      (left, right) => Number(left.startTimestamp) - Number(right.startTimestamp),
    );
    if (plan.per === 'day') {
      const path = join(plan.outDir, `${plan.logType}-${day}.${plan.format}`);
      units.push({ day, path, logFiles: logs.map((log) => log.filename) });
    } else {
      for (const log of logs) {
        const name = basename(log.filename).replace(/\.zip$/i, '');
        units.push({
          day,
          path: join(plan.outDir, `${name}.${plan.format}`),
          logFiles: [log.filename],
        });
      }
    }
  }
  return units;
}

async function writeUnit(
  source: RawLogSource,
  unit: OutputUnit,
  format: ExportFormat,
  hooks: ExportHooks,
): Promise<ExportedFile> {
  const file = new AtomicFile(unit.path);
  let rows = 0;
  let columns: string[] | undefined;
  let known = new Set<string>();
  try {
    for (const logFile of unit.logFiles) {
      const options = hooks.signal === undefined ? {} : { signal: hooks.signal };
      for await (const record of source.records(logFile, options)) {
        if (format === 'ndjson') {
          await file.write(JSON.stringify(record) + '\n');
        } else {
          if (columns === undefined) {
            columns = Object.keys(record);
            known = new Set(columns);
            await file.write(csvLine(columns));
          }
          checkColumns(known, record, logFile, unit.path);
          await file.write(csvLine(columns.map((column) => record[column] ?? '')));
        }
        rows += 1;
      }
      hooks.progress.increment(1, `${rows} rows, ${formatBytes(file.bytes)}`);
    }
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
  return {
    day: unit.day,
    file: unit.path,
    logFiles: unit.logFiles.length,
    rows,
    bytes: file.bytes,
  };
}

/**
 * Fails when a record has a column that the CSV header lacks. The header is written before the
 * rows, so a column that first appears in a later hourly file of a day cannot be added to it, and
 * dropping its values silently would lose data.
 */
function checkColumns(
  known: ReadonlySet<string>,
  record: Readonly<Record<string, string>>,
  logFile: string,
  outPath: string,
): void {
  const extra = Object.keys(record).filter((column) => !known.has(column));
  if (extra.length === 0) return;
  throw new Error(
    `log file ${logFile} has columns missing from the header of ${basename(outPath)} ` +
      `(${extra.join(', ')}); export with --per file or --format ndjson to keep every column`,
  );
}

function isFatal(error: unknown): boolean {
  return (
    error instanceof Error &&
    ['AuthenticationError', 'UsageError', 'AbortError'].includes(error.name)
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Client errors carry the server's own text; their full message adds advice that the summary of
// many failures would repeat for every file.
function failureReason(error: unknown): string {
  if (error instanceof Error && 'serverMessage' in error) {
    const { serverMessage } = error;
    if (typeof serverMessage === 'string' && serverMessage !== '') return serverMessage;
  }
  return messageOf(error).split('\n')[0] ?? '';
}

/** Formats a byte count with a binary unit, e.g. `1.5 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
