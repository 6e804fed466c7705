import { containAliases } from './catalogue.js';
import { keyedEntries } from './find.js';
import { modelDef, modelFields } from './models.js';
import type { FindSource } from './find.js';
import type { Json, JsonObject } from './json.js';
import type { ModelName, Store } from './store.js';

const fieldCache = new Map<ModelName, string[]>();

export function fieldsOf(name: ModelName): string[] {
  let fields = fieldCache.get(name);
  if (fields === undefined) {
    fields = modelFields(modelDef(name));
    fieldCache.set(name, fields);
  }
  return fields;
}

/** Builds the find source of a stored model, with its contain resolvers bound to `store`. */
export function sourceOf(store: Store, name: ModelName): FindSource {
  return {
    key: name,
    fields: fieldsOf(name),
    rows: store.table(name).values(),
    containable: containAliases(name),
    contain: (alias, row) => resolveContain(store, name, alias, row),
  };
}

/**
 * Resolves the aliases the emulator stores data for. Aliases it does not model (for example
 * Stat or OfferGroup) resolve to `[]`, the service's form for "nothing related".
 */
function resolveContain(store: Store, model: ModelName, alias: string, row: JsonObject): Json {
  switch (`${model}.${alias}`) {
    case 'Offer.Advertiser':
    case 'Conversion.Advertiser':
    case 'Goal.Advertiser':
      return one(store, 'Advertiser', row['advertiser_id']);
    case 'Offer.Country':
      return offerCountries(store, String(row['id']));
    case 'Offer.OfferCategory':
      return keyedById(store, 'OfferCategory', store.offerCategories.get(String(row['id'])) ?? []);
    case 'Offer.Goal':
      return related(store, 'Goal', 'offer_id', row['id']);
    case 'Offer.Thumbnail':
      return offerThumbnail(store, String(row['id']));
    case 'Affiliate.AffiliateUser':
      return related(store, 'AffiliateUser', 'affiliate_id', row['id']);
    case 'AffiliateUser.Affiliate':
    case 'Conversion.Affiliate':
      return one(store, 'Affiliate', row['affiliate_id']);
    case 'Conversion.Offer':
    case 'Goal.Offer':
    case 'OfferFile.Offer':
      return one(store, 'Offer', row['offer_id']);
    case 'Conversion.Goal':
      return one(store, 'Goal', row['goal_id']);
    case 'Conversion.Country':
      return countryByCode(store, String(row['country_code'])) ?? [];
    case 'OfferFile.CreativeCode':
      return creativeCode(row);
    default:
      return [];
  }
}

function one(store: Store, name: ModelName, id: Json | undefined): Json {
  return id == null ? [] : (store.table(name).get(String(id)) ?? []);
}

function related(store: Store, name: ModelName, field: string, id: Json | undefined): Json {
  const entries: Array<[string, Json]> = [];
  for (const row of store.table(name).values()) {
    if (row[field] === String(id)) entries.push([String(row['id']), row]);
  }
  return keyedEntries(entries);
}

function keyedById(store: Store, name: ModelName, ids: string[]): Json {
  const entries: Array<[string, Json]> = [];
  for (const id of ids) {
    const row = store.table(name).get(id);
    if (row !== undefined) entries.push([id, row]);
  }
  return keyedEntries(entries);
}

/** Countries of an offer keyed by their two-letter code, as recorded. */
function offerCountries(store: Store, offerId: string): Json {
  const entries: Array<[string, Json]> = [];
  for (const code of store.offerCountries.get(offerId) ?? []) {
    const country = countryByCode(store, code);
    if (country !== undefined) entries.push([code, country]);
  }
  return keyedEntries(entries);
}

export function countryByCode(store: Store, code: string): JsonObject | undefined {
  for (const country of store.table('Country').values()) {
    if (String(country['code']).toUpperCase() === code.toUpperCase()) return country;
  }
  return undefined;
}

function offerThumbnail(store: Store, offerId: string): Json {
  for (const file of store.table('OfferFile').values()) {
    if (file['offer_id'] === offerId && file['type'] === 'offer thumbnail') return file;
  }
  return [];
}

/** Returns the creative code of a file: its own code for text and HTML ads, else its URL. */
export function creativeCode(file: JsonObject): string {
  const code = file['code'];
  if (typeof code === 'string' && code !== '') return code;
  const url = file['url'];
  return typeof url === 'string' ? url : '';
}
