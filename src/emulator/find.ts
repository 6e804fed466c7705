import { ApiError } from './envelope.js';
import { compareValues, compileFilters } from './filters.js';
import { OrderedMap } from './json.js';
import { isParamMap, list, scalar } from './params.js';
import type { Json, JsonObject } from './json.js';
import type { ParamMap } from './params.js';

/** Resolves one `contain[]` alias for a row: a record, a keyed map, a string, or [] when empty. */
export type ContainResolver = (alias: string, row: JsonObject) => Json;

/** Input of a find method: the rows it searches and the key that wraps each entry. */
export interface FindSource {
  /** Wrapper key of each entry, e.g. "Offer" or "OffersTags". */
  key: string;
  fields: readonly string[];
  rows: Iterable<JsonObject>;
  containable?: readonly string[];
  contain?: ContainResolver;
}

export interface Paging {
  limit: number;
  page: number;
}

/** Runs filters and sort, in that order, and returns the matching rows. */
export function selectRows(source: FindSource, params: ParamMap): JsonObject[] {
  const test = compileFilters(source.key, source.fields, params['filters']);
  const rows: JsonObject[] = [];
  for (const row of source.rows) if (test(row)) rows.push(row);
  return sortRows(source, rows, params['sort']);
}

function sortRows(source: FindSource, rows: JsonObject[], sort: ParamMap[string] | undefined) {
  if (sort === undefined || sort === '') return rows;
  if (!isParamMap(sort))
    throw ApiError.message('sort must be a map of field names to asc or desc.');
  const keys = Object.entries(sort).map(([key, direction]) => {
    const field = stripModel(source.key, key);
    if (!source.fields.includes(field)) {
      throw ApiError.message(
        `Field "${key}" cannot be used in sort: ${source.key} has no such field.`,
      );
    }
    const order = typeof direction === 'string' ? direction.toLowerCase() : '';
    if (order !== 'asc' && order !== 'desc') {
      throw ApiError.message(`Sort direction for "${key}" must be asc or desc.`);
    }
    return { field, sign: order === 'asc' ? 1 : -1 };
  });
  return rows.sort((a, b) => {
    for (const { field, sign } of keys) {
      const order = compareNullable(a[field], b[field]);
      if (order !== 0) return order * sign;
    }
    return 0;
  });
}

/** Orders two values with nulls first, numbers numerically and text case-insensitively. */
export function compareNullable(a: Json | undefined, b: Json | undefined): number {
  if (a == null && b == null) return 0;
  if (a == null) return -1;
  if (b == null) return 1;
  return compareValues(a, String(b));
}

function stripModel(model: string, key: string): string {
  return key.startsWith(`${model}.`) ? key.slice(model.length + 1) : key;
}

/** Reads `limit` and `page`; undefined when no positive limit was sent, so the reply is not paged. */
export function readPaging(params: ParamMap): Paging | undefined {
  const limit = readCount(params, 'limit');
  const page = readCount(params, 'page') ?? 1;
  if (limit === undefined || limit === 0) return undefined;
  return { limit, page: Math.max(page, 1) };
}

function readCount(params: ParamMap, name: string): number | undefined {
  const text = scalar(params, name);
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) {
    throw ApiError.message(`${name} must be a non-negative whole number, got "${text}".`);
  }
  return Number(text);
}

/** Builds one entry: the (field-limited) record under its key, then each contained alias. */
export function buildEntry(source: FindSource, row: JsonObject, params: ParamMap): JsonObject {
  const entry: JsonObject = { [source.key]: pickFields(source, row, list(params['fields'])) };
  for (const alias of list(params['contain'])) {
    if (!(source.containable ?? []).includes(alias)) {
      throw ApiError.message(
        `Contain "${alias}" is not valid for ${source.key}. ` +
          `Use one of: ${(source.containable ?? []).join(', ') || 'none'}.`,
      );
    }
    entry[alias] = source.contain?.(alias, row) ?? [];
  }
  return entry;
}

function pickFields(source: FindSource, row: JsonObject, fields: string[]): JsonObject {
  if (fields.length === 0) return row;
  const picked: JsonObject = {};
  for (const key of fields) {
    const field = stripModel(source.key, key);
    if (!source.fields.includes(field)) {
      throw ApiError.message(`Field "${key}" is not a field of ${source.key}.`);
    }
    picked[field] = row[field] ?? null;
  }
  return picked;
}

/** Wraps entries keyed by id; an empty collection is `[]`, never `{}`. */
export function keyedEntries(entries: Array<[string, Json]>): Json {
  return entries.length === 0 ? [] : new OrderedMap(entries);
}

/**
 * Runs a findAll: an id-keyed map without `limit`, or the page wrapper
 * `{page, current, count, pageCount, data}` when `limit` is sent. With `alwaysPaged` the wrapper
 * is sent even without `limit`, holding every row, as recorded for OfferFile.findAll.
 */
export function findAll(source: FindSource, params: ParamMap, alwaysPaged = false): Json {
  const rows = selectRows(source, params);
  const paging =
    readPaging(params) ?? (alwaysPaged ? { limit: Math.max(rows.length, 1), page: 1 } : undefined);
  const toEntry = (row: JsonObject): [string, Json] => [
    String(row['id']),
    buildEntry(source, row, params),
  ];
  if (paging === undefined) return keyedEntries(rows.map(toEntry));
  const start = (paging.page - 1) * paging.limit;
  const pageRows = rows.slice(start, start + paging.limit);
  return {
    page: paging.page,
    current: 0,
    count: rows.length,
    pageCount: Math.ceil(rows.length / paging.limit),
    data: keyedEntries(pageRows.map(toEntry)),
  };
}

/** Runs a findById: the entry, or null when no row has that id. */
export function findById(source: FindSource, row: JsonObject | undefined, params: ParamMap): Json {
  return row === undefined ? null : buildEntry(source, row, params);
}

export function findAllIds(source: FindSource, params: ParamMap): Json {
  return selectRows(source, params).map((row) => String(row['id']));
}
