import type { Json, JsonObject } from './json.js';
import type { Param, ParamMap } from './params.js';

/** A received API call as the admin route lists it, with the network token masked. */
export interface LoggedRequest {
  id: string;
  receivedAt: string;
  httpMethod: string;
  target: string;
  method: string;
  params: JsonObject;
  outcome: string;
}

export const MASK = '***';

/**
 * Maximum length, in characters, of a value kept in the list. The list is bounded by entry count, so without this cap a run of
 * large form bodies could hold hundreds of megabytes.
 */
export const MAX_LOGGED_VALUE_CHARS = 1024;

/** The most recent calls, oldest first, bounded so a long load test cannot exhaust memory. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly limit: number) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

/** Copies params to plain JSON with every credential masked. */
export function maskParams(params: ParamMap): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = /token|password|api_key/i.test(key) ? MASK : toJson(value);
  }
  return out;
}

function toJson(value: Param): Json {
  if (typeof value === 'string') return shorten(value);
  if (Array.isArray(value)) return value.map(toJson);
  return maskParams(value);
}

function shorten(value: string): string {
  if (value.length <= MAX_LOGGED_VALUE_CHARS) return value;
  return `${value.slice(0, MAX_LOGGED_VALUE_CHARS)}... (${value.length} characters)`;
}
