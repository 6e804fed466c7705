/** A record ready for display: column name -> cell text. */
export type FlatRecord = Record<string, string>;

/** Column name and cell text pairs in display order. */
export type FlatEntries = Array<[string, string]>;

/**
 * Flattens a nested record into dotted column names (`Country.US.name`) with text cells, so that
 * tables and CSV can show contained models. Null and undefined become empty cells.
 */
export function flattenRecord(value: unknown): FlatRecord {
  const record: FlatRecord = {};
  for (const [column, cell] of flattenEntries(value)) record[column] = cell;
  return record;
}

/**
 * Flattens like {@link flattenRecord} but returns pairs, so that `Map` values (ordered call
 * results) keep their key order even where keys are integer-like ids.
 */
export function flattenEntries(value: unknown, prefix = '', into: FlatEntries = []): FlatEntries {
  const members = membersOf(value);
  if (members !== undefined) {
    if (members.length === 0 && prefix !== '') into.push([prefix, '']);
    for (const [key, child] of members) {
      flattenEntries(child, prefix === '' ? key : `${prefix}.${key}`, into);
    }
    return into;
  }
  if (Array.isArray(value)) {
    const scalars = value.every((item) => item === null || typeof item !== 'object');
    if (scalars) {
      into.push([prefix || 'value', value.map((item) => cellText(item)).join(',')]);
    } else if (value.length === 1) {
      // A contained model arrives as one object or as a list, so a list of one gets the same
      // columns as a single model (`Country.code`, not `Country.0.code`).
      flattenEntries(value[0], prefix, into);
    } else {
      value.forEach((item, index) => flattenEntries(item, `${prefix}.${index}`, into));
    }
    return into;
  }
  into.push([prefix || 'value', cellText(value)]);
  return into;
}

function membersOf(value: unknown): Array<[string, unknown]> | undefined {
  if (value instanceof Map) return [...value].map(([key, item]) => [String(key), item]);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value);
  }
  return undefined;
}

/** Converts a value to plain data, using `toJSON()` where a model provides it. */
export function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

/** Collects column names in first-seen order across records. */
export function collectColumns(records: readonly FlatRecord[]): string[] {
  const columns = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(record)) columns.add(key);
  }
  return [...columns];
}
