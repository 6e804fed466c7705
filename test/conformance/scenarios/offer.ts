import { expect } from 'vitest';

import { HasOffersError, NotFoundError } from '../../../src/core/errors.js';
import { Advertiser } from '../../../src/models/advertiser.js';
import { Affiliate, AffiliateOffer } from '../../../src/models/affiliate.js';
import type { Model } from '../../../src/models/model.js';
import { Offer } from '../../../src/models/offer.js';
import { Conversion, Country, OfferCategory, OfferFile } from '../../../src/models/records.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { rejectionOf, replayClient } from './common.js';

/** Offer fields every recorded Offer.create sent; the expiry goes as a Date to test its format. */
export const OFFER_DATA = {
  name: 'Test',
  offer_url: 'http://www.example.com',
  status: 'pending',
  expiration_date: new Date(Date.UTC(2030, 11, 12, 23, 59, 59)),
  preview_url: 'http://www.example.com',
};

function ids(models: readonly Model[]): string[] {
  return models.map((model) => model.id);
}

export async function replayOffer(server: ReplayServer): Promise<void> {
  const client = replayClient(server);

  const offer = await client.offers.create(OFFER_DATA);
  expect(offer).toBeInstanceOf(Offer);
  expect(offer.id).toBe('196');
  expect(offer.fields.offer_url).toBe('http://www.example.com');
  expect(offer.toString()).toBe('Offer: Test');

  expect((await client.offers.findById(196))?.id).toBe('196');
  expect(await client.offers.findById(1000)).toBeNull();

  const updated = await offer.update({ offer_url: 'test.com' });
  expect(updated.id).toBe('196');
  expect(updated.fields.offer_url).toBe('http://test.com');

  expect(await offer.addTargetCountry('ES')).toBe(true);
  expect(await offer.addCategory(1)).toBe(true);

  const firstCategories = await offer.getCategories();
  expect(ids(firstCategories)).toEqual(['10']);
  expect(firstCategories[0]).toBeInstanceOf(OfferCategory);
  const secondCategories = await offer.getCategories();
  expect(ids(secondCategories)).toEqual(['1', '10']);
  expect(await secondCategories[0]!.update({ status: 'deleted' })).toBe(true);

  const negative = await rejectionOf(offer.addCategory(-1));
  expect(negative).toBeInstanceOf(HasOffersError);
  expect((negative as HasOffersError).serverMessage).toBe('Row id is negative');

  const page = await client.offers.findAll({ limit: 2 });
  expect(ids(page.items)).toEqual(['1', '3']);
  expect(page.count).toBe(104);

  const countries = await client.offers.getTargetCountries(46);
  expect(ids(countries)).toEqual(['203']);
  expect(countries[0]).toBeInstanceOf(Country);
  expect(countries[0]?.fields.code).toBe('CZ');

  const spareOffer = await client.offers.create(OFFER_DATA);
  expect(spareOffer.id).toBe('212');
  expect(await offer.getTargetCountries()).toEqual([]);

  const withCountry = await client.offers.findAll({ contain: ['Country'], filters: { id: 62 } });
  expect(ids(withCountry.items)).toEqual(['62']);
  const containedCountry = withCountry.items[0]?.contained.country as Country;
  expect(containedCountry).toBeInstanceOf(Country);
  expect(containedCountry.id).toBe('724');
  expect(containedCountry.fields.code).toBe('ES');

  const single = await client.offers.findById(62, { contain: ['Country'] });
  expect((single?.contained.country as Country).id).toBe('724');

  const czk = await client.offers.findAll({ filters: { currency: 'CZK' }, contain: ['Country'] });
  expect(ids(czk.items)).toEqual(['100', '1']);
  expect(czk.items[0]?.contained.country).toBeNull();
  expect((czk.items[1]?.contained.country as Country).id).toBe('203');
  expect(czk.items[0]?.toJSON().country).toBeNull();

  const allIds = await client.offers.findAllIds();
  expect(allIds).toHaveLength(109);
  expect(allIds[0]).toBe('1');
  expect(allIds.at(-1)).toBe('216');

  const conversions = await offer.conversions.findAll();
  expect(ids(conversions.items)).toEqual(['73']);
  expect(conversions.items[0]).toBeInstanceOf(Conversion);
  expect(conversions.items[0]?.fields.offer_id).toBe('196');

  expect(await offer.blockAffiliate(1)).toBe(true);
  const hydrate = await rejectionOf(offer.blockAffiliate(21));
  expect(hydrate).toBeInstanceOf(NotFoundError);
  expect((hydrate as NotFoundError).serverMessage).toBe('Failed to hydrate rows: 21');

  const manyCountries = await client.offers.findById(438, { contain: ['Country'] });
  const countryList = manyCountries?.contained.country as Country[];
  expect(ids(countryList)).toEqual(['724', '643']);
  expect(countryList.map((country) => country.fields.code)).toEqual(['ES', 'RU']);
  expect(manyCountries?.toJSON().country).toEqual(countryList.map((country) => country.toJSON()));

  const withAdvertiser = await client.offers.findById(438, { contain: ['Advertiser'] });
  expect(withAdvertiser?.contained.advertiser).toBeInstanceOf(Advertiser);
  expect((withAdvertiser?.contained.advertiser as Advertiser).id).toBe('1');
  expect(withAdvertiser?.fields.description).toContain('campaña');

  const files = await offer.files.findAll();
  expect(ids(files.items)).toEqual(['2']);
  expect(files.items[0]).toBeInstanceOf(OfferFile);
  expect(files.items[0]?.fields.offer_id).toBe('196');

  const creative = await offer.getOfferFilesWithCreativeCode(20);
  expect(ids(creative.items)).toEqual(['2']);
  expect(creative.items[0]?.contained.creativecode).toBe('http://www.example.com');

  expect(await client.offers.setAffiliateApproval(472, 20, 'approved')).toBe(true);
  const spareIds: string[] = [];
  spareIds.push((await client.offers.create(OFFER_DATA)).id);

  const approval = await offer.setAffiliateApproval(20, 'approved');
  expect(approval).toBeInstanceOf(AffiliateOffer);
  expect((approval as AffiliateOffer).id).toBe('250');
  expect((approval as AffiliateOffer).fields.approval_status).toBe('approved');
  expect((approval as AffiliateOffer).toString()).toBe('AffiliateOffer: approved');
  expect(await offer.setAffiliateApproval(20, 'approved')).toBe(true);
  expect(await offer.setAffiliateApproval(20, 'approved')).toBe(true);

  spareIds.push((await client.offers.create(OFFER_DATA)).id);
  expect(await offer.getAffiliateApprovalStatus(20)).toBe('approved');
  spareIds.push((await client.offers.create(OFFER_DATA)).id);
  expect(await offer.getBlockedAffiliateIds()).toEqual([]);
  spareIds.push((await client.offers.create(OFFER_DATA)).id);
  expect(await offer.getApprovedAffiliateIds()).toEqual([]);
  spareIds.push((await client.offers.create(OFFER_DATA)).id);
  expect(await offer.getUnapprovedAffiliateIds()).toEqual([]);
  spareIds.push((await client.offers.create(OFFER_DATA)).id);
  // Identical creates are served the recorded replies in order.
  expect(spareIds).toEqual(['502', '512', '514', '516', '518', '520']);

  expect(await offer.unblockAffiliate(20)).toBe(true);

  const tiny = await client.offers.generateTrackingLink(196, 94, {
    tinyUrl: true,
    params: { file_id: 727 },
  });
  expect(tiny.click_url).toBe('http://tracking.example.com/SHk');
  const full = await offer.generateTrackingLink(94, { params: { file_id: 727 } });
  expect(full.click_url).toBe(
    'http://tracking.example.com/aff_c?offer_id=472&aff_id=94&file_id=727',
  );
  expect(full.offer_id).toBe(472);

  const approvals = await offer.findAllAffiliateApprovals();
  expect(ids(approvals.items)).toEqual(['292', '290', '288']);
  for (const item of approvals.items) {
    expect(item).toBeInstanceOf(AffiliateOffer);
    expect(item.fields.offer_id).toBe('428');
    expect(item.fields.approval_status).toBe('approved');
    expect(item.contained.affiliate).toBeInstanceOf(Affiliate);
    expect(item.contained.offer).toBeInstanceOf(Offer);
  }
}
