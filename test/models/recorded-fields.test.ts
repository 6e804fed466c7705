import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { findModel } from '../../src/catalogue.js';
import type { FieldSpec } from '../../src/catalogue.js';
import { CASSETTE_DIR } from '../helpers/replay-server.js';

// Wire keys whose records the client builds as a typed model, and the model whose fields they get.
const TYPED_KEYS: Readonly<Record<string, string>> = {
  Advertiser: 'Advertiser',
  AdvertisersTags: 'AdvertisersTags',
  Affiliate: 'Affiliate',
  AffiliateOffer: 'AffiliateOffer',
  AffiliatesTags: 'AffiliatesTags',
  AffiliateUser: 'AffiliateUser',
  Conversion: 'Conversion',
  Country: 'Country',
  Goal: 'Goal',
  Offer: 'Offer',
  OfferCategory: 'OfferCategory',
  OfferFile: 'OfferFile',
  OffersTags: 'OffersTags',
  Tag: 'Tag',
  Thumbnail: 'OfferFile',
  OfferTag: 'Tag',
  AdvertiserTag: 'Tag',
  AffiliateTag: 'Tag',
};

const isNumeric = (value: unknown) => typeof value === 'string' || typeof value === 'number';

// The value sets that the generated `<Model>Fields` types promise, restated as checks.
const WIRE_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string',
  date: (value) => typeof value === 'string',
  datetime: isNumeric,
  integer: isNumeric,
  decimal: isNumeric,
  boolean: (value) => ['0', '1', 0, 1, true, false].includes(value as string),
  array: Array.isArray,
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

const EXTRA_VALUES: Readonly<Record<string, readonly unknown[]>> = {
  'Offer.require_terms_and_conditions': ['disabled'],
};

function fits(modelName: string, fieldName: string, spec: FieldSpec, value: unknown): boolean {
  if (value === null) return true;
  if (EXTRA_VALUES[`${modelName}.${fieldName}`]?.includes(value)) return true;
  const check = WIRE_CHECKS[spec.type];
  if (check === undefined) throw new Error(`No wire check for catalogue type ${spec.type}`);
  return check(value);
}

interface Mismatch {
  readonly field: string;
  readonly type: string;
  readonly value: unknown;
}

/** Checks one record's catalogued fields and returns how many values it checked. */
function checkRecord(modelName: string, record: object, mismatches: Mismatch[]): number {
  const fields = findModel(modelName)?.fields ?? {};
  let checked = 0;
  for (const [name, value] of Object.entries(record)) {
    const spec = fields[name];
    if (spec === undefined) continue;
    checked += 1;
    if (!fits(modelName, name, spec, value)) {
      mismatches.push({ field: `${modelName}.${name}`, type: spec.type, value });
    }
  }
  return checked;
}

/** Walks a reply's `data`, checking every record found under a typed key. */
function walk(node: unknown, key: string | undefined, mismatches: Mismatch[]): number {
  if (typeof node !== 'object' || node === null) return 0;
  let checked = 0;
  const modelName = key === undefined ? undefined : TYPED_KEYS[key];
  if (modelName !== undefined && !Array.isArray(node)) {
    checked += checkRecord(modelName, node, mismatches);
  }
  for (const [childKey, child] of Object.entries(node)) {
    // Id-keyed maps under a typed key (`"Country": {"ES": {...}}`) hold records of that model.
    const isRecordMap = modelName !== undefined && typeof child === 'object' && child !== null;
    checked += walk(child, isRecordMap ? key : Array.isArray(node) ? key : childKey, mismatches);
  }
  return checked;
}

describe('generated field types', () => {
  it('accept every recorded value', () => {
    const mismatches: Mismatch[] = [];
    let checked = 0;
    for (const file of readdirSync(CASSETTE_DIR).filter((name) => name.endsWith('.json'))) {
      const interactions = JSON.parse(readFileSync(join(CASSETTE_DIR, file), 'utf8')) as {
        response: { headers: Record<string, string>; body: string };
      }[];
      for (const interaction of interactions) {
        // Raw log downloads are ZIP bytes, not envelopes.
        if (!interaction.response.headers['content-type']?.includes('json')) continue;
        const body = JSON.parse(interaction.response.body) as { response?: { data?: unknown } };
        checked += walk(body.response?.data, undefined, mismatches);
      }
    }
    expect(mismatches).toEqual([]);
    // Guards against a walk that silently stops finding records.
    expect(checked).toBeGreaterThan(3000);
  });
});
