/**
 * JSON parsing that keeps the key order of objects.
 *
 * `JSON.parse` moves integer-like keys ahead of the others in ascending order, but HasOffers sends
 * id-keyed results (`{"100": …, "1": …}`) in its own sort order. This parser returns every object
 * as a `Map`, which keeps insertion order for all keys.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses `text` like `JSON.parse`, but with objects as ordered maps. Throws SyntaxError. */
export function parseOrderedJson(text: string): JsonValue {
  const parser = new OrderedJsonParser(text);
  const value = parser.parseValue();
  parser.skipWhitespace();
  if (parser.position < text.length) parser.fail('unexpected text after the JSON value');
  return value;
}

class OrderedJsonParser {
  position = 0;

  constructor(private readonly text: string) {}

  parseValue(): JsonValue {
    this.skipWhitespace();
    const char = this.text[this.position];
    switch (char) {
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArray();
      case '"':
        return this.parseString();
      case 't':
        return this.parseLiteral('true', true);
      case 'f':
        return this.parseLiteral('false', false);
      case 'n':
        return this.parseLiteral('null', null);
      default:
        return this.parseNumber();
    }
  }

  private parseObject(): JsonObject {
    const result: JsonObject = new Map();
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') this.fail('expected a string key');
      const key = this.parseString();
      this.skipWhitespace();
      this.expect(':');
      result.set(key, this.parseValue());
      this.skipWhitespace();
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.expect('}');
      return result;
    }
  }

  private parseArray(): JsonValue[] {
    const result: JsonValue[] = [];
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipWhitespace();
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.expect(']');
      return result;
    }
  }

  // Strings without escapes are sliced directly; others go through JSON.parse, which handles
  // every escape form and rejects invalid ones.
  private parseString(): string {
    const start = this.position;
    let index = start + 1;
    let escaped = false;
    const text = this.text;
    for (;;) {
      const code = text.charCodeAt(index);
      if (Number.isNaN(code)) this.fail('unterminated string');
      if (code === QUOTE) break;
      if (code === BACKSLASH) {
        escaped = true;
        index += 2;
        continue;
      }
      if (code < 0x20) this.fail('control character in string');
      index++;
    }
    this.position = index + 1;
    if (!escaped) return text.slice(start + 1, index);
    return JSON.parse(text.slice(start, index + 1)) as string;
  }

  private parseNumber(): number {
    NUMBER_PATTERN.lastIndex = this.position;
    const found = NUMBER_PATTERN.exec(this.text);
    if (found === null || found[0].length === 0) this.fail('unexpected character');
    this.position += found[0].length;
    return Number(found[0]);
  }

  private parseLiteral<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.position)) this.fail(`expected ${word}`);
    this.position += word.length;
    return value;
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) this.fail(`expected '${char}'`);
    this.position++;
  }

  skipWhitespace(): void {
    const text = this.text;
    let index = this.position;
    for (;;) {
      const code = text.charCodeAt(index);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
      index++;
    }
    this.position = index;
  }

  fail(reason: string): never {
    const at = this.position >= this.text.length ? 'end of input' : `position ${this.position}`;
    throw new SyntaxError(`Invalid JSON at ${at}: ${reason}`);
  }
}

/** Converts ordered maps back to plain objects (integer-like keys then lose their order). */
export function toPlain(value: JsonValue): unknown {
  if (value instanceof Map) {
    return plainObject([...value].map(([key, item]) => [key, toPlain(item)]));
  }
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

/**
 * Builds an object from entries the way JSON.parse does: a `__proto__` key becomes an own
 * property, where plain assignment would replace the object's prototype.
 */
export function plainObject(
  entries: Iterable<readonly [string, unknown]>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(result, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return value instanceof Map;
}

/**
 * Serialises a value to JSON text like `JSON.stringify(value, null, space)`, but writes `Map`
 * entries as object members in insertion order, so ordered results keep the server's key order.
 * Objects with a `toJSON` method (models, dates) are written through it.
 */
export function stringifyOrdered(value: unknown, space: number | string = ''): string {
  const indent =
    typeof space === 'number' ? ' '.repeat(Math.max(0, Math.min(10, space))) : space.slice(0, 10);
  return writeJson(value, indent, '') ?? 'null';
}

// Returns undefined for values JSON.stringify leaves out (undefined, functions, symbols).
function writeJson(value: unknown, indent: string, outer: string): string | undefined {
  if (value instanceof Map) {
    const members = [...value].map(([key, item]): [string, unknown] => [String(key), item]);
    return writeObject(members, indent, outer);
  }
  if (Array.isArray(value)) {
    const inner = outer + indent;
    const items = value.map((item) => writeJson(item, indent, inner) ?? 'null');
    return wrap('[', ']', items, indent, outer);
  }
  if (typeof value === 'object' && value !== null) {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') {
      return writeJson(withToJson.toJSON(), indent, outer);
    }
    return writeObject(Object.entries(value), indent, outer);
  }
  return JSON.stringify(value) as string | undefined;
}

function writeObject(
  members: readonly (readonly [string, unknown])[],
  indent: string,
  outer: string,
): string {
  const inner = outer + indent;
  const separator = indent.length > 0 ? ': ' : ':';
  const parts: string[] = [];
  for (const [key, item] of members) {
    const text = writeJson(item, indent, inner);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}${separator}${text}`);
  }
  return wrap('{', '}', parts, indent, outer);
}

function wrap(
  open: string,
  close: string,
  parts: readonly string[],
  indent: string,
  outer: string,
): string {
  if (parts.length === 0) return `${open}${close}`;
  if (indent.length === 0) return `${open}${parts.join(',')}${close}`;
  const inner = outer + indent;
  return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${outer}${close}`;
}
