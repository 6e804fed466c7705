import { UsageError } from './errors.js';

/** A query or form field, already flattened to PHP bracket form (`data[name]`). */
export type WireField = readonly [name: string, value: string];

/**
 * URLs longer than this are sent as a POST form body instead. Apache's default request-line limit
 * is 8190 bytes, and the API returns HTTP 414 for long GETs, so half of that
 * leaves room for proxies in between.
 */
export const MAX_GET_URL_LENGTH = 4000;

/** Writes a Date as `YYYY-MM-DD hh:mm:ss` in UTC, the datetime form the API reads. */
export function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(
      'Invalid Date passed as a parameter value. Pass a valid Date or a string.',
    );
  }
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Flattens nested parameters into PHP bracket fields: objects become `key[sub]`, arrays of scalars
 * `key[]`, arrays of objects `key[0][sub]` (the API rejects `key[][sub]`). Booleans become 1/0,
 * Dates `YYYY-MM-DD hh:mm:ss`; `undefined` and `null` entries are left out. Throws UsageError for
 * what the form encoding cannot carry: empty arrays and keys that are empty or contain brackets.
 */
export function flattenParams(params: Readonly<Record<string, unknown>>): WireField[] {
  const fields: WireField[] = [];
  for (const [key, value] of Object.entries(params)) appendField(fields, key, value);
  return fields;
}

function appendField(fields: WireField[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      // PHP has no form syntax for an empty list, and dropping it would change the call's meaning.
      throw new UsageError(
        `Parameter ${name} is an empty array, which the API's form encoding cannot send. Leave the parameter out or pass at least one value.`,
      );
    }
    const nested = value.some((item) => typeof item === 'object' && item !== null && !isDate(item));
    value.forEach((item, index) =>
      appendField(fields, nested ? `${name}[${index}]` : `${name}[]`, item),
    );
    return;
  }
  if (value instanceof Map) {
    for (const [key, item] of value) appendField(fields, subName(name, String(key)), item);
    return;
  }
  if (typeof value === 'object' && !isDate(value)) {
    checkPlainObject(name, value);
    for (const [key, item] of Object.entries(value)) appendField(fields, subName(name, key), item);
    return;
  }
  fields.push([name, formatScalar(name, value)]);
}

// Class instances (filter builders, models, byte arrays) would be sent as their internal fields.
function checkPlainObject(name: string, value: object): void {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return;
  const type = (value as { constructor?: { name?: string } }).constructor?.name ?? 'class instance';
  throw new UsageError(
    `Parameter ${name} is a ${type}, not a plain object. Pass plain objects, arrays, strings, numbers, booleans or Dates. Filters built with where() and or() go to resource methods such as client.offers.findAll.`,
  );
}

// PHP ends a key at the first `]` and reads `name[]` as an append, so such keys cannot arrive intact.
function subName(name: string, key: string): string {
  if (key.length === 0) {
    throw new UsageError(
      `Parameter ${name} has an empty key in ${name}[]. Give every nested key a name.`,
    );
  }
  if (key.includes('[') || key.includes(']')) {
    throw new UsageError(
      `Parameter key ${JSON.stringify(key)} in ${name}[${key}] contains a square bracket, which the API's bracket encoding cannot carry. Rename the key.`,
    );
  }
  return `${name}[${key}]`;
}

function isDate(value: unknown): value is Date {
  return value instanceof Date;
}

function formatScalar(name: string, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? '1' : '0';
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) {
        throw new UsageError(
          `Parameter ${name} is ${value}, which the API cannot read. Pass a finite number.`,
        );
      }
      return String(value);
    default:
      if (isDate(value)) return formatDateTime(value);
      throw new UsageError(
        `Parameter ${name} has type ${typeof value}. Pass a string, number, boolean, Date, array or plain object.`,
      );
  }
}

/** Percent-encodes fields with encodeURIComponent, so every byte reaches the server unchanged. */
export function encodeFields(fields: readonly WireField[]): string {
  return fields
    .map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`)
    .join('&');
}

function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new UsageError(
      `Parameter text ${JSON.stringify(text.slice(0, 40))} contains an unpaired UTF-16 surrogate. Pass well-formed Unicode text.`,
    );
  }
}

export interface EncodeInput {
  readonly endpoint: string;
  /** Fields that always stay in the URL: Target, Method and the credentials. */
  readonly routing: readonly WireField[];
  readonly params: Readonly<Record<string, unknown>>;
  readonly maxUrlLength?: number;
  /** Send the parameters as a POST form body even when the URL would be short enough. */
  readonly forcePost?: boolean;
}

export interface EncodedRequest {
  readonly httpMethod: 'GET' | 'POST';
  readonly url: string;
  readonly body?: string;
  readonly contentType?: string;
}

/** Builds a GET URL, or a POST with a form body when the URL would be longer than the limit. */
export function encodeRequest(input: EncodeInput): EncodedRequest {
  checkRoutingNames(input.routing, input.params);
  const separator = input.endpoint.includes('?') ? '&' : '?';
  const baseUrl = `${input.endpoint}${separator}${encodeFields(input.routing)}`;
  const query = encodeFields(flattenParams(input.params));
  const getUrl = query.length > 0 ? `${baseUrl}&${query}` : baseUrl;
  const maxUrlLength = input.maxUrlLength ?? MAX_GET_URL_LENGTH;
  if (!input.forcePost && getUrl.length <= maxUrlLength) return { httpMethod: 'GET', url: getUrl };
  return {
    httpMethod: 'POST',
    url: baseUrl,
    body: query,
    contentType: 'application/x-www-form-urlencoded',
  };
}

// PHP keeps the last of repeated names, so a parameter named Target or Method would replace the
// routed one. Case is ignored because the API does not document whether it matches names exactly.
function checkRoutingNames(
  routing: readonly WireField[],
  params: Readonly<Record<string, unknown>>,
): void {
  const reserved = new Set(routing.map(([name]) => name.toLowerCase()));
  for (const name of Object.keys(params)) {
    if (reserved.has(name.toLowerCase()) && params[name] !== undefined) {
      throw new UsageError(
        `Parameter ${name} is set by the client from the call itself. Remove it from the parameters.`,
      );
    }
  }
}
