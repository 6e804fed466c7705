import { stringifyOrdered } from '../../index.js';
import { CliUsageError } from '../cli-error.js';
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

/**
 * Creates a sink for many records. NDJSON, JSON and CSV stream as records arrive. A table waits
 * for the last record so that it can size its columns. CSV takes its columns from `columns` or
 * from the first record, so keys that only later records have are left out.
 */
export function createRecordSink(
  format: OutputFormat,
  output: TextOutput,
  columns?: ColumnChoice,
): RecordSink {
  let count = 0;
  const buffered: FlatRecord[] = [];
  const pick = (seen: readonly string[]): readonly string[] => {
    if (columns === undefined) return seen;
    if (typeof columns === 'function') return columns(seen);
    return columns;
  };
  let csvColumns: readonly string[] | undefined = Array.isArray(columns) ? columns : undefined;

  const write = (record: unknown): void => {
    const plain = toPlain(record);
    if (format === 'ndjson') output.write(JSON.stringify(plain) + '\n');
    if (format === 'json') output.write((count === 0 ? '[\n' : ',\n') + indent(plain));
    if (format === 'csv') {
      const flat = flattenRecord(plain);
      if (csvColumns === undefined) {
        csvColumns = pick(Object.keys(flat));
        output.write(csvLine(csvColumns));
      } else if (count === 0) {
        output.write(csvLine(csvColumns));
      }
      output.write(csvLine(csvColumns.map((column) => flat[column] ?? '')));
    }
    if (format === 'table') buffered.push(flattenRecord(plain));
    count += 1;
  };

  const end = (): void => {
    if (format === 'json') output.write(count === 0 ? '[]\n' : '\n]\n');
    if (format === 'csv' && count === 0 && csvColumns !== undefined) {
      output.write(csvLine(csvColumns));
    }
    if (format === 'table') {
      output.write(formatTable(buffered, { columns: pick(collectColumns(buffered)) }));
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

/** Options of {@link writeOne}. */
export interface WriteOneOptions {
  /** The value holds `Map` objects (ordered call results) whose key order must be kept. */
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
