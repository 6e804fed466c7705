import type { ServerError } from './errors.js';
import { isJsonObject, parseOrderedJson, stringifyOrdered } from './json.js';
import type { JsonObject, JsonValue } from './json.js';

/** Kind of one HTTP response (data, server error or unreadable body), before an error class is chosen. */
export type EnvelopeOutcome =
  | { readonly kind: 'data'; readonly data: JsonValue }
  | { readonly kind: 'server-error'; readonly errors: ServerError[] }
  | { readonly kind: 'unreadable'; readonly reason: string; readonly excerpt: string };

const EXCERPT_LENGTH = 200;

/**
 * Reads the `{request, response: {status, data, errors, errorMessage}}` envelope. Errors arrive
 * with HTTP 200 in several shapes: an array of entries, an object with `publicMessage` (bad
 * network id), or only `status: -1` with `errorMessage`. Bodies that are not the envelope (HTML
 * error pages, truncated JSON) come back as `unreadable`.
 */
export function readEnvelope(text: string): EnvelopeOutcome {
  let root: JsonValue;
  try {
    root = parseOrderedJson(text);
  } catch {
    // The parser's position detail means nothing to a caller looking at an HTML or text page.
    return unreadable('a body that is not valid JSON', text);
  }
  const response = isJsonObject(root) ? root.get('response') : undefined;
  if (!isJsonObject(response)) return unreadable('JSON that has no "response" object', text);

  const errors = readServerErrors(response);
  if (errors.length > 0) return { kind: 'server-error', errors };
  if (response.get('status') === -1) {
    return {
      kind: 'server-error',
      errors: [{ publicMessage: 'The server reported a failure without details.' }],
    };
  }
  return { kind: 'data', data: response.get('data') ?? null };
}

function readServerErrors(response: JsonObject): ServerError[] {
  const raw = response.get('errors');
  let entries: JsonValue[] = [];
  if (Array.isArray(raw)) entries = raw;
  else if (raw !== undefined && raw !== null) entries = [raw];
  const errors = entries.map(toServerError).filter((entry) => Object.keys(entry).length > 0);
  const errorMessage = response.get('errorMessage');
  if (errors.length === 0 && typeof errorMessage === 'string' && errorMessage.length > 0) {
    errors.push({ publicMessage: errorMessage });
  }
  return errors;
}

function toServerError(entry: JsonValue): ServerError {
  if (typeof entry === 'string') return { publicMessage: entry };
  if (!isJsonObject(entry)) return {};
  if (entry.size === 0) return {};
  const result: { -readonly [K in keyof ServerError]: ServerError[K] } = {};
  const code = entry.get('err_code');
  if (typeof code === 'number' || typeof code === 'string') result.err_code = code;
  const text = entry.get('err_msg');
  if (typeof text === 'string') result.err_msg = text;
  const attribute = entry.get('attribute_name');
  if (typeof attribute === 'string') result.attribute_name = attribute;
  const publicMessage = entry.get('publicMessage');
  if (typeof publicMessage === 'string') result.publicMessage = publicMessage;
  // An entry without the usual keys is still an error; its JSON text is the only message there is.
  if (Object.keys(result).length === 0) result.publicMessage = stringifyOrdered(entry);
  return result;
}

function unreadable(reason: string, text: string): EnvelopeOutcome {
  return { kind: 'unreadable', reason, excerpt: excerptOf(text) };
}

/** First characters of a body with HTML tags and runs of whitespace removed, for messages. */
export function excerptOf(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > EXCERPT_LENGTH ? `${plain.slice(0, EXCERPT_LENGTH)}…` : plain;
}

/** Formats server errors one per line: code, public message, detail and field. */
export function formatServerErrors(errors: readonly ServerError[]): string {
  return errors.map(formatServerError).join('\n');
}

function formatServerError(error: ServerError): string {
  const parts: string[] = [];
  if (error.err_code !== undefined) parts.push(`Error code ${error.err_code}:`);
  if (error.publicMessage !== undefined) parts.push(error.publicMessage);
  if (error.err_msg !== undefined) parts.push(error.err_msg);
  if (error.attribute_name !== undefined) parts.push(`(field: ${error.attribute_name})`);
  return parts.join(' ');
}
