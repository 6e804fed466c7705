import { expect } from 'vitest';

import { Tag, TagRelation } from '../../../src/models/tag.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { OFFER_DATA } from './offer.js';
import { replayClient } from './common.js';

export async function replayTag(server: ReplayServer): Promise<void> {
  const client = replayClient(server);

  const tag = await client.tags.create({
    name: 'test_tag_2',
    offer_applicable: true,
    affiliate_applicable: true,
    advertiser_applicable: true,
    active: true,
    pi_visible: true,
    attribute: 'Custom',
  });
  expect(tag).toBeInstanceOf(Tag);
  expect(tag.id).toBe('284');
  expect(tag.fields.name).toBe('test_tag_2');
  expect(tag.bool('affiliate_applicable')).toBe(false);
  expect(tag.toString()).toBe('Tag: test_tag_2');

  expect((await client.tags.findById(284))?.id).toBe('284');
  expect(await client.offers.findById(1000)).toBeNull();

  const page = await client.tags.findAll({ limit: 2 });
  expect(page.items.map((item) => item.id)).toEqual(['284', '136']);
  expect(page).toMatchObject({ count: 71, pageCount: 36 });

  const offer = await client.offers.create(OFFER_DATA);
  expect(offer.id).toBe('568');
  const offerLink = (await tag.addToOffer(offer.id)) as TagRelation;
  expect(offerLink).toBeInstanceOf(TagRelation);
  expect(offerLink.fields).toEqual({ id: '10', offer_id: '568', tag_id: '284' });

  const affiliate = await client.affiliates.create({
    company: 'Test Company',
    country: 'USA',
    region: 'Ohio',
    zipcode: '12345',
  });
  expect(affiliate.id).toBe('208');
  const affiliateLink = (await tag.addToAffiliate(affiliate.id)) as TagRelation;
  expect(affiliateLink.id).toBe('4');
  expect(affiliateLink.fields.affiliate_id).toBe('208');

  const advertiser = await client.advertisers.create({
    status: 'pending',
    company: 'Test',
    country: 'CZ',
    zipcode: '123456',
  });
  expect(advertiser.id).toBe('238');
  const advertiserLink = (await tag.addToAdvertiser(advertiser.id)) as TagRelation;
  expect(advertiserLink.id).toBe('2');
  expect(advertiserLink.fields.advertiser_id).toBe('238');

  expect(await tag.removeFromOffer(offer.id)).toBe(true);
  expect(await tag.removeFromAffiliate(affiliate.id)).toBe(true);
  expect(await tag.removeFromAdvertiser(advertiser.id)).toBe(true);

  expect(await client.tags.setForOffer([286, 288], offer.id)).toBe(true);
  expect(await client.tags.setForAffiliate(['286', '288'], affiliate.id)).toBe(true);
  expect(await client.tags.setForAdvertiser([286, 288], advertiser.id)).toBe(true);

  const offerRelations = await client.tags.findAllOfferTagRelations();
  expect(offerRelations.items.map((item) => item.id)).toEqual(['6', '2', '4', '8', '14', '16']);
  expect(offerRelations.items.every((item) => item instanceof TagRelation)).toBe(true);
  expect(offerRelations.totalsKnown).toBe(false);

  const affiliateRelations = await client.tags.findAllAffiliateTagRelations();
  expect(affiliateRelations.items.map((item) => item.id)).toEqual(['2']);

  const advertiserRelations = await client.tags.findAllAdvertiserTagRelations();
  expect(advertiserRelations.items).toEqual([]);

  expect(await client.tags.removeFromAdvertiserByRelationalId(8)).toBe(true);
}
