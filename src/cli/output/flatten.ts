/** A record ready for display: column name -> cell text. */
export type FlatRecord = Record<string, string>;

/**
 * Flattens a nested record into dotted column names (`Country.US.name`) with text cells, so that
 * tables and CSV can show contained models. Null and undefined become empty cells.
 */
export function flattenRecord(value: unknown, prefix = '', into: FlatRecord = {}): FlatRecord {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix !== '') into[prefix] = '';
    for (const [key, child] of entries) {
      flattenRecord(child, prefix === '' ? key : `${prefix}.${key}`, into);
    }
    return into;
  }
  if (Array.isArray(value)) {
    const scalars = value.every((item) => item === null || typeof item !== 'object');
    if (scalars) {
      into[prefix || 'value'] = value.map((item) => cellText(item)).join(',');
    } else {
      value.forEach((item, index) => flattenRecord(item, `${prefix}.${index}`, into));
    }
    return into;
  }
  into[prefix || 'value'] = cellText(value);
  return into;
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
