import type { FlatEntries, FlatRecord } from './flatten.js';
import { collectColumns } from './flatten.js';
import { displayWidth } from './width.js';

const GAP = '  ';
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Options for {@link formatTable}. */
export interface TableOptions {
  /** Column order; defaults to the order keys first appear in. */
  columns?: readonly string[];
  /** Maximum cell width in terminal columns; longer cells are cut with an ellipsis. @default 60 */
  maxCellWidth?: number;
}

/**
 * Renders records as a table with a header row, columns padded to a common width, and columns
 * holding only numbers right-aligned so digits line up.
 */
export function formatTable(records: readonly FlatRecord[], options: TableOptions = {}): string {
  if (records.length === 0) return '';
  const columns = options.columns ?? collectColumns(records);
  const maxCellWidth = options.maxCellWidth ?? 60;
  const rows = records.map((record) =>
    columns.map((column) => fitCell(record[column] ?? '', maxCellWidth)),
  );
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column), ...rows.map((row) => displayWidth(row[index] ?? ''))),
  );
  const numeric = columns.map((_, index) =>
    rows.every((row) => (row[index] ?? '') === '' || NUMBER.test(row[index] ?? '')),
  );

  const renderRow = (cells: readonly string[]): string =>
    cells
      .map((cell, index) => pad(cell, widths[index] ?? 0, numeric[index] === true))
      .join(GAP)
      .trimEnd();

  const header = renderRow(columns.map((column) => column.toUpperCase()));
  return [header, ...rows.map(renderRow)].join('\n') + '\n';
}

/** Renders one record as `key  value` lines, for single-record commands such as `get`. */
export function formatKeyValue(entries: FlatEntries): string {
  if (entries.length === 0) return '';
  const width = Math.max(...entries.map(([key]) => displayWidth(key)));
  return (
    entries.map(([key, value]) => `${pad(key, width, false)}${GAP}${value}`.trimEnd()).join('\n') +
    '\n'
  );
}

function fitCell(text: string, maxWidth: number): string {
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ');
  if (displayWidth(oneLine) <= maxWidth) return oneLine;
  // Keeps whole characters until the next one would leave no column for the ellipsis.
  let kept = '';
  for (const character of oneLine) {
    if (displayWidth(kept + character) > maxWidth - 1) break;
    kept += character;
  }
  return kept + '…';
}

function pad(text: string, width: number, alignRight: boolean): string {
  const fill = ' '.repeat(Math.max(width - displayWidth(text), 0));
  return alignRight ? fill + text : text + fill;
}
