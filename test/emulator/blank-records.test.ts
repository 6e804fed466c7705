import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankAdvertiser, blankAffiliate } from '../../src/emulator/records.js';
import type { JsonObject } from '../../src/emulator/json.js';

const CASSETTES = resolve(import.meta.dirname, '../../../shared/conformance/pyoffers-cassettes');

interface Cassette {
  request: { url: string };
  response: { body: string };
}

/** The record of the first recorded `create` reply for a target. */
function recordedCreate(file: string, target: string): JsonObject {
  const pairs = JSON.parse(readFileSync(resolve(CASSETTES, file), 'utf8')) as Cassette[];
  const pair = pairs.find(
    ({ request }) =>
      request.url.includes('Method=create') && request.url.includes(`Target=${target}`),
  );
  if (pair === undefined) throw new Error(`No recorded ${target}.create in ${file}.`);
  return JSON.parse(pair.response.body).response.data[target] as JsonObject;
}

const CONTACT_FIELDS = [
  'address1',
  'address2',
  'city',
  'region',
  'country',
  'other',
  'zipcode',
  'phone',
  'fax',
  'website',
];

describe.each([
  { target: 'Advertiser', file: 'advertiser.json', blank: blankAdvertiser },
  { target: 'Affiliate', file: 'affiliate.json', blank: blankAffiliate },
])('blank $target', ({ target, file, blank }) => {
  const record = blank('7', '2024-03-01 10:00:00');

  it('keeps the recorded field order', () => {
    expect(Object.keys(record)).toEqual(Object.keys(recordedCreate(file, target)));
  });

  it('starts with an empty contact', () => {
    expect(record['id']).toBe('7');
    expect(record['company']).toBe('');
    for (const field of CONTACT_FIELDS) expect(record[field], field).toBeNull();
    expect(record['date_added']).toBe('2024-03-01 10:00:00');
    expect(record['status']).toBe('pending');
    expect(record['wants_alerts']).toBe('1');
    expect(record['signup_ip']).toBeNull();
  });
});
