import { stringifyOrdered } from '../../index.js';
import { CliError, CliUsageError } from '../cli-error.js';
import { csvLine } from './csv.js';
import type { FlatRecord } from './flatten.js';
import { collectColumns, flattenEntries, flattenRecord, toPlain } from './flatten.js';
import { formatKeyValue, formatTable } from './table.js';

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';

/** Destination of formatted text: a Node stream or a test buffer. */
export interface TextOutput {
  write(text: string): unknown;
}

/** Output flags shared by every command that prints records. */
export interface FormatFlags {
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
}

/** Picks the output format from the flags; at most one may be set. */
export function chooseFormat(flags: FormatFlags): OutputFormat {
  const chosen = (['json', 'ndjson', 'csv'] as const).filter((name) => flags[name] === true);
  if (chosen.length > 1) {
    throw new CliUsageError(
      `conflicting output flags ${chosen.map((name) => `--${name}`).join(' and ')}: choose one`,
    );
  }
  return chosen[0] ?? 'table';
}

/** Streams records to an output in one format; call `end()` once after the last record. */
export interface RecordSink {
  write(record: unknown): void;
  end(): void;
  readonly count: number;
}

/**
 * Columns of a table or CSV: a fixed list, or a function that picks them from the flattened
 * column names seen in the records.
 */
export type ColumnChoice = readonly string[] | ((seen: readonly string[]) => readonly string[]);

/** Options of {@link createRecordSink}. */
export interface SinkOptions {
  /**
   * Write CSV rows as they arrive, for output too large to hold, such as `--all`. The header then
   * comes from the fixed columns or the first record, and a later record with columns the header
   * lacks raises an error instead of losing them.
   */
  streamed?: boolean;
  /** CSV header to print when no record arrives and no fixed columns are given. */
  emptyColumns?: readonly string[];
}

/**
 * Creates a sink for many records. NDJSON and JSON stream as records arrive. A table waits for
 * the last record so that it can size its columns, and so does CSV unless `streamed` is set, so
 * that the header names every column of every record.
 */
export function createRecordSink(
  format: OutputFormat,
  output: TextOutput,
  columns?: ColumnChoice,
  options: SinkOptions = {},
): RecordSink {
  let count = 0;
  const buffered: FlatRecord[] = [];
  const pick = (seen: readonly string[]): readonly string[] => {
    if (columns === undefined) return seen;
    if (typeof columns === 'function') return columns(seen);
    return columns;
  };
  const streamCsv = format === 'csv' && options.streamed === true;
  const csvStream = streamCsv ? createCsvStream(output, pick) : undefined;

  const write = (record: unknown): void => {
    const plain = toPlain(record);
    if (format === 'ndjson') output.write(JSON.stringify(plain) + '\n');
    if (format === 'json') output.write((count === 0 ? '[\n' : ',\n') + indent(plain));
    if (csvStream !== undefined) csvStream.write(flattenRecord(plain), count + 1);
    if (format === 'table' || (format === 'csv' && !streamCsv)) {
      buffered.push(flattenRecord(plain));
    }
    count += 1;
  };

  const end = (): void => {
    if (format === 'json') output.write(count === 0 ? '[]\n' : '\n]\n');
    if (format === 'table') {
      output.write(formatTable(buffered, { columns: pick(collectColumns(buffered)) }));
    }
    if (format !== 'csv') return;
    if (count === 0) {
      const header = Array.isArray(columns) ? columns : options.emptyColumns;
      if (header !== undefined && header.length > 0) output.write(csvLine(header));
    } else if (!streamCsv) {
      const header = pick(collectColumns(buffered));
      output.write(csvLine(header));
      for (const flat of buffered)
        output.write(csvLine(header.map((column) => flat[column] ?? '')));
    }
  };

  return {
    write,
    end,
    get count() {
      return count;
    },
  };
}

// Writes CSV rows as they arrive under a header fixed by the first record.
function createCsvStream(
  output: TextOutput,
  pick: (seen: readonly string[]) => readonly string[],
): { write(flat: FlatRecord, rowNumber: number): void } {
  let header: readonly string[] | undefined;
  let known = new Set<string>();
  return {
    write(flat, rowNumber) {
      if (header === undefined) {
        header = pick(Object.keys(flat));
        known = new Set(header);
        output.write(csvLine(header));
      }
      const missing = pick(Object.keys(flat)).filter((column) => !known.has(column));
      if (missing.length > 0) {
        throw new CliError(
          `record ${rowNumber} has columns missing from the CSV header (${missing.join(', ')}); ` +
            'the header of streamed CSV comes from the first record, so list those columns ' +
            'with --fields, or use --ndjson',
        );
      }
      output.write(csvLine(header.map((column) => flat[column] ?? '')));
    },
  };
}

/** Options of {@link writeOne}. */
export interface WriteOneOptions {
  /** The value contains `Map` objects (ordered call results) whose key order must be kept. */
  ordered?: boolean;
}

/** Writes a single value (one record, a boolean, a link) in the chosen format. */
export function writeOne(
  format: OutputFormat,
  output: TextOutput,
  value: unknown,
  options: WriteOneOptions = {},
): void {
  // toPlain would turn every Map into {}, so ordered values are written as they are.
  const data = options.ordered === true ? value : toPlain(value);
  if (format === 'json') {
    output.write(stringifyOrdered(data, 2) + '\n');
  } else if (format === 'ndjson') {
    output.write(stringifyOrdered(data) + '\n');
  } else if (format === 'csv') {
    const entries = flattenEntries(data);
    output.write(
      csvLine(entries.map(([column]) => column)) + csvLine(entries.map(([, cell]) => cell)),
    );
  } else if (data !== null && typeof data === 'object') {
    output.write(formatKeyValue(flattenEntries(data)));
  } else {
    output.write(`${String(data)}\n`);
  }
}

function indent(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
