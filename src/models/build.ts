import type { HasOffers } from '../client.js';
import { isJsonObject, plainObject, toPlain } from '../core/json.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import { Model } from './model.js';
import type { Contained } from './model.js';
import { modelClassFor } from './registry.js';
import type { ModelClass } from './registry.js';

/**
 * Builds one model from `{"<Model>": {...}, "<Contained>": ...}`, or from a bare record when the
 * model key is missing (tag relation adds, setAffiliateApproval). `rowKey` is the id-map key of
 * the row, used as the id when `fields[]` left the id out.
 */
export function buildModel<T extends Model>(
  data: JsonObject,
  modelClass: ModelClass<T>,
  client: HasOffers,
  rowKey?: string,
): T {
  const id = rowKey === undefined ? {} : { id: rowKey };
  const wrapped = data.get(modelClass.modelName);
  if (!isJsonObject(wrapped)) return new modelClass(plainFields(data), { client, ...id });
  const contained: Record<string, Contained> = {};
  for (const [name, value] of data) {
    if (name !== modelClass.modelName)
      contained[name.toLowerCase()] = buildContained(name, value, client);
  }
  return new modelClass(plainFields(wrapped), { contained, client, ...id });
}

/**
 * Builds the models of an id-keyed map or an array, in server order. Entries that do not hold
 * the expected model key (tag relations come as `OffersTags`) are built from each key they hold.
 */
export function buildModels<T extends Model>(
  rows: JsonValue,
  modelClass: ModelClass<T>,
  client: HasOffers,
): T[] {
  const entries: [string | undefined, JsonValue][] = isJsonObject(rows)
    ? [...rows.entries()]
    : Array.isArray(rows)
      ? rows.map((row) => [undefined, row])
      : [];
  const result: T[] = [];
  for (const [rowKey, entry] of entries) {
    if (!isJsonObject(entry)) continue;
    if (entry.has(modelClass.modelName)) {
      result.push(buildModel(entry, modelClass, client, rowKey));
      continue;
    }
    for (const value of entry.values()) {
      if (!isJsonObject(value)) continue;
      const id = rowKey === undefined ? {} : { id: rowKey };
      result.push(new modelClass(plainFields(value), { client, ...id }));
    }
  }
  return result;
}

/** Builds a contained value: a map of records gives one model or a list, and `[]` gives null. */
function buildContained(name: string, value: JsonValue, client: HasOffers): Contained {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (Array.isArray(value)) {
    return collapse(value.filter(isJsonObject).map((item) => buildRecord(name, item, client)));
  }
  if (!isJsonObject(value) || value.size === 0) return null;
  const first = value.values().next().value;
  if (isJsonObject(first)) {
    return collapse(
      [...value.values()].filter(isJsonObject).map((item) => buildRecord(name, item, client)),
    );
  }
  return buildRecord(name, value, client);
}

function collapse(models: Model[]): Contained {
  if (models.length === 0) return null;
  return models.length === 1 ? models[0]! : models;
}

function buildRecord(name: string, record: JsonObject, client: HasOffers): Model {
  const modelClass = modelClassFor(name);
  return new modelClass(
    plainFields(record),
    modelClass === Model ? { client, modelName: name } : { client },
  );
}

/** Copies a record's fields to a plain object; nested values become plain objects and arrays. */
export function plainFields(record: JsonObject): Record<string, unknown> {
  return plainObject([...record].map(([key, value]) => [key, toPlain(value)]));
}
