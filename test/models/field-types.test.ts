import { describe, expect, expectTypeOf, it } from 'vitest';

import { Advertiser, Country, HasOffers, Model, Offer, TagRelation } from '../../src/index.js';
import type { OfferData, OfferFields } from '../../src/index.js';

// `tsc --noEmit` checks this file, and an @ts-expect-error whose line compiles fails that check,
// so a loosened type breaks the type check even though vitest ignores types.
const offer = new Offer({ id: '7', name: 'Test', status: 'active', default_payout: '1.50000' });

// Built only to type the calls below, which are wrapped in functions that never run.
const client = new HasOffers({
  networkId: 'demo',
  networkToken: 'NETtoken',
  endpoint: 'http://127.0.0.1:9/Apiv3/json',
});

type OfferStatus = 'active' | 'paused' | 'pending' | 'expired' | 'deleted' | (string & {});

describe('model field types', () => {
  it('types enum fields with their values', () => {
    expectTypeOf(offer.fields.status).toEqualTypeOf<OfferStatus | null | undefined>();
    expectTypeOf<'active'>().toMatchTypeOf<OfferFields['status']>();
    expect(offer.fields.status).toBe('active');
  });

  it('keeps wire forms of numbers and flags', () => {
    expectTypeOf(offer.fields.default_payout).toEqualTypeOf<string | number | null | undefined>();
    expectTypeOf(offer.fields.advertiser_id).toEqualTypeOf<string | number | null | undefined>();
    expectTypeOf(offer.fields.is_private).toEqualTypeOf<
      '0' | '1' | 0 | 1 | boolean | null | undefined
    >();
    expect(offer.fields.default_payout).toBe('1.50000');
  });

  it('rejects misspelt field names', () => {
    // @ts-expect-error stauts is not an Offer field
    expect(offer.fields.stauts).toBeUndefined();
    // @ts-expect-error Country has no company field
    expect(new Country({ code: 'CZ' }).fields.company).toBeUndefined();
  });

  it('makes fields read-only', () => {
    expect(() => {
      // @ts-expect-error fields cannot be assigned
      offer.fields.name = 'Renamed';
    }).toThrow(TypeError);
  });

  it('types every model class', () => {
    const advertiser = new Advertiser({ id: '3', company: 'Acme' });
    const link = new TagRelation({ id: '1', tag_id: '2', offer_id: '44' });
    expectTypeOf(advertiser.fields.company).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(new Country({}).fields.code).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(link.fields.offer_id).toEqualTypeOf<string | number | null | undefined>();
    expectTypeOf(link.fields.affiliate_id).toEqualTypeOf<string | number | null | undefined>();
    expect(link.fields.offer_id).toBe('44');
  });

  it('reads fields the catalogue lacks by name', () => {
    const custom = new Offer({ id: '8', custom_field: 'x' });
    expectTypeOf<Offer>().toMatchTypeOf<Model>();
    expectTypeOf(custom.str('custom_field')).toEqualTypeOf<string | undefined>();
    expect(custom.str('custom_field')).toBe('x');
  });
});

describe('create and update data types', () => {
  it('accepts writable fields in input forms', () => {
    const data: OfferData = {
      name: 'Spring sale',
      status: 'paused',
      default_payout: 1.5,
      is_private: true,
      expiration_date: new Date(Date.UTC(2030, 0, 2)),
      note: undefined,
    };
    expectTypeOf(client.offers.create).parameter(0).toEqualTypeOf<OfferData>();
    expectTypeOf(offer.update).parameter(0).toEqualTypeOf<OfferData>();
    expectTypeOf(data.status).toEqualTypeOf<OfferStatus | undefined>();
  });

  it('rejects unknown and read-only fields', () => {
    const calls = [
      // @ts-expect-error stauts is not an Offer field
      () => client.offers.update(1, { stauts: 'paused' }),
      // @ts-expect-error id is read-only
      () => client.offers.update(1, { id: 2 }),
      // @ts-expect-error null cannot be sent; an empty string clears a field
      () => client.offers.update(1, { note: null }),
      // @ts-expect-error a Date is not a value for a string field
      () => client.advertisers.create({ company: new Date() }),
      // @ts-expect-error Offer fields do not fit Advertiser data
      () => client.advertisers.create({ offer_url: 'http://example.com' }),
    ];
    expect(calls).toHaveLength(5);
  });
});
