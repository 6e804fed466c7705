const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Quotes one CSV field following RFC 4180. A field that contains a comma, a double quote, a line
 * break or edge whitespace goes in double quotes, with inner quotes doubled.
 */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Joins fields into one CSV line, ending in `\n`. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\n';
}
