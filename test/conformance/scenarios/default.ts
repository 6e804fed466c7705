import { expect } from 'vitest';

import { AuthenticationError } from '../../../src/core/errors.js';
import { Offer } from '../../../src/models/offer.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { OFFER_DATA } from './offer.js';
import { rejectionOf, replayClient } from './common.js';

export async function replayDefault(server: ReplayServer): Promise<void> {
  const client = replayClient(server);

  // The recording kept the deliberately wrong token `invalid`.
  const error = await rejectionOf(
    client.withOptions({ networkToken: 'invalid' }).call('test', 'test', {}, { unchecked: true }),
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).serverMessage).toBe('Network id is not valid');
  expect(error.message).toContain('HASOFFERS_NETWORK_TOKEN');

  const ids = await client.advertisers.findAllIds();
  expect(ids).toHaveLength(61);
  expect(ids[0]).toBe('1');
  expect(ids.at(-1)).toBe('120');
  expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);

  const offer = await client.offers.create(OFFER_DATA);
  expect(offer).toBeInstanceOf(Offer);
  expect(offer.id).toBe('196');

  const advertiser = await client.advertisers.create({
    status: 'pending',
    company: 'Test',
    zipcode: '123456',
    country: 'CZ',
  });
  expect(advertiser.id).toBe('114');
  expect(advertiser.toString()).toBe('Advertiser: Test');
  const json = advertiser.toJSON();
  expect(json).toEqual(advertiser.fields);
  expect(json.company).toBe('Test');

  const conversion = await client.conversions.create({
    status_code: 22,
    status: 'pending',
    revenue: 1,
    affiliate_id: 1,
    offer_id: 1,
    payout: 1,
  });
  expect(conversion.toString()).toBe('Conversion: 99630');
}
