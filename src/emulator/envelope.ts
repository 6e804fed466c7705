import { OrderedMap, writeJson } from './json.js';
import type { Json, JsonObject } from './json.js';
import type { Param, ParamMap } from './params.js';

/** One entry of `response.errors`. Only the first entry of a reply carries `publicMessage`. */
export interface ApiErrorEntry {
  err_code?: number;
  err_msg?: string;
  attribute_name?: string;
  publicMessage?: string;
}

/** An API-level failure, sent as `status: -1` inside an HTTP 200 reply. */
export class ApiError extends Error {
  readonly entries: ApiErrorEntry[];

  constructor(entries: ApiErrorEntry[]) {
    const first = entries[0];
    super(first?.publicMessage ?? first?.err_msg ?? 'API error');
    this.name = 'ApiError';
    this.entries = entries;
  }

  static message(publicMessage: string): ApiError {
    return new ApiError([{ publicMessage }]);
  }
}

/** Builds the `request` echo: Target first, the server-added keys next, then every sent param. */
export function buildEcho(params: ParamMap): JsonObject {
  const echo: JsonObject = {
    Target: typeof params['Target'] === 'string' ? params['Target'] : '',
    Format: 'json',
    Service: 'HasOffers',
    Version: '2',
  };
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'Target' && key !== 'Format' && key !== 'Service' && key !== 'Version') {
      echo[key] = paramToJson(value);
    }
  }
  return echo;
}

function paramToJson(value: Param): Json {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(paramToJson);
  return new OrderedMap(Object.entries(value).map(([key, item]) => [key, paramToJson(item)]));
}

export function successBody(echo: JsonObject, data: Json): string {
  return writeJson({
    request: echo,
    response: { status: 1, httpStatus: 200, data, errors: [], errorMessage: null },
  });
}

export function errorBody(echo: JsonObject, error: ApiError): string {
  const errors = error.entries.map((entry) => toJsonObject(entry));
  const errorMessage = error.entries[0]?.publicMessage ?? null;
  return writeJson({
    request: echo,
    response: { status: -1, httpStatus: 200, data: '', errors, errorMessage },
  });
}

function toJsonObject(entry: ApiErrorEntry): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value !== undefined) out[key] = value as Json;
  }
  return out;
}

/** The recorded reply to an unknown NetworkId: no echo, no status, and `errors` is an object. */
export function badNetworkBody(): string {
  return writeJson({
    response: {
      errors: { publicMessage: 'Network id is not valid' },
      link: 'http://developers.hasoffers.com/',
    },
  });
}
