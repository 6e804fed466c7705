/**
 * JSON values as the emulator writes them. Objects keyed by record id use `OrderedMap`, because a
 * plain object would move integer-like keys to the front in ascending order and lose the server's
 * sort order.
 */
export type Json = null | boolean | number | string | Json[] | OrderedMap | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export class OrderedMap {
  readonly entries: Array<[string, Json]>;

  constructor(entries: Array<[string, Json]> = []) {
    this.entries = entries;
  }

  get size(): number {
    return this.entries.length;
  }
}

/**
 * Serializes like the PHP service does: forward slashes escaped as `\/` and non-ASCII characters
 * written as `\uXXXX` escapes.
 */
export function writeJson(value: Json): string {
  const parts: string[] = [];
  append(value, parts);
  return parts.join('');
}

function append(value: Json, parts: string[]): void {
  if (value === null) parts.push('null');
  else if (typeof value === 'string') parts.push(quote(value));
  else if (typeof value === 'number') parts.push(Number.isFinite(value) ? String(value) : 'null');
  else if (typeof value === 'boolean') parts.push(value ? 'true' : 'false');
  else if (Array.isArray(value)) appendArray(value, parts);
  else if (value instanceof OrderedMap) appendEntries(value.entries, parts);
  else appendEntries(Object.entries(value), parts);
}

function appendArray(items: Json[], parts: string[]): void {
  parts.push('[');
  items.forEach((item, index) => {
    if (index > 0) parts.push(',');
    append(item, parts);
  });
  parts.push(']');
}

function appendEntries(entries: Array<[string, Json]>, parts: string[]): void {
  parts.push('{');
  entries.forEach(([key, item], index) => {
    if (index > 0) parts.push(',');
    parts.push(quote(key), ':');
    append(item, parts);
  });
  parts.push('}');
}

// eslint-disable-next-line no-control-regex -- JSON must escape control characters
const NEEDS_ESCAPE = /[\u0000-\u001f"\\/\u007f-\uffff]/;

function quote(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  for (const char of text) out += escapeChar(char);
  return out + '"';
}

function escapeChar(char: string): string {
  switch (char) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '/':
      return '\\/';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
  }
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return char;
  if (code > 0xffff) return escapeChar16(char.charCodeAt(0)) + escapeChar16(char.charCodeAt(1));
  return escapeChar16(code);
}

function escapeChar16(code: number): string {
  return '\\u' + code.toString(16).padStart(4, '0');
}
