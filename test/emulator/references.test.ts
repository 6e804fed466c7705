import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { callApi, callData } from './helpers.js';
import type { BracketValue } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';

// The default small dataset has 20 affiliates, 30 offers and 8 tags, so 999 names no row.
const UNKNOWN = '999';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, seed: 11 });
});
beforeEach(async () => {
  await fetch(`${emulator.origin}/__admin/reset`, { method: 'POST' });
});
afterAll(async () => {
  await emulator.close();
});

/** Calls a method that must fail and checks it fails the recorded way for an unknown id. */
async function expectHydrateError(
  target: string,
  method: string,
  params: Record<string, BracketValue>,
): Promise<void> {
  const reply = await callApi(emulator, target, method, params);
  expect(reply.status).toBe(200);
  expect(reply.body.response.status).toBe(-1);
  expect(reply.body.response.errors).toEqual([
    { publicMessage: `Failed to hydrate rows: ${UNKNOWN}` },
  ]);
  expect(reply.body.response.errorMessage).toBe(`Failed to hydrate rows: ${UNKNOWN}`);
}

describe('unknown offer or affiliate', () => {
  it('rejects an offer file for an unknown offer', async () => {
    const before = await callData(emulator, 'OfferFile', 'findAllIds');
    await expectHydrateError('OfferFile', 'create', {
      data: { display: 'TEST_FILE', type: 'offer thumbnail', offer_id: UNKNOWN },
    });
    expect(await callData(emulator, 'OfferFile', 'findAllIds')).toEqual(before);
  });

  it('rejects a tracking link for an unknown affiliate', async () => {
    await expectHydrateError('Offer', 'generateTrackingLink', {
      offer_id: '4',
      affiliate_id: UNKNOWN,
    });
  });

  it('rejects a tracking link for an unknown offer', async () => {
    await expectHydrateError('Offer', 'generateTrackingLink', {
      offer_id: UNKNOWN,
      affiliate_id: '5',
    });
  });

  it('rejects creative codes for an unknown affiliate', async () => {
    await expectHydrateError('Offer', 'getOfferFilesWithCreativeCode', {
      offer_id: '4',
      affiliate_id: UNKNOWN,
    });
  });

  it('rejects approving or blocking an unknown affiliate', async () => {
    const pair = { id: '1', affiliate_id: UNKNOWN };
    await expectHydrateError('Offer', 'setAffiliateApproval', { ...pair, status: 'approved' });
    await expectHydrateError('Offer', 'blockAffiliate', pair);
    await expectHydrateError('Offer', 'unblockAffiliate', pair);
    await expectHydrateError('Offer', 'getAffiliateApprovalStatus', pair);
    await expectHydrateError('Affiliate', 'block', { id: UNKNOWN });
    await expectHydrateError('Advertiser', 'block', { id: UNKNOWN });
    expect(await callData(emulator, 'Offer', 'getBlockedAffiliateIds', { id: '1' })).toEqual([]);
  });
});

describe('tagging unknown records', () => {
  it('rejects an unknown tag or account', async () => {
    await expectHydrateError('Tag', 'addToOffer', { tag_id: UNKNOWN, offer_id: '2' });
    await expectHydrateError('Tag', 'addToAffiliate', { tag_id: '1', affiliate_id: UNKNOWN });
    await expectHydrateError('Tag', 'addToAdvertiser', { tag_id: '1', advertiser_id: UNKNOWN });
    await expectHydrateError('Tag', 'removeFromOffer', { tag_id: '1', offer_id: UNKNOWN });
    await expectHydrateError('Tag', 'setForOffer', { tag_ids: ['1'], offer_id: UNKNOWN });
  });

  it('rejects setting an unknown tag and keeps the old tags', async () => {
    await callData(emulator, 'Tag', 'setForOffer', { tag_ids: ['3'], offer_id: '2' });
    await expectHydrateError('Tag', 'setForOffer', { tag_ids: ['4', UNKNOWN], offer_id: '2' });
    const page = await callData(emulator, 'Tag', 'findAllOfferTagRelations', {
      filters: { offer_id: '2' },
    });
    const tagIds = Object.values(page.data).map(
      (entry) => (entry as { OffersTags: { tag_id: string } }).OffersTags.tag_id,
    );
    expect(tagIds).toEqual(['3']);
  });
});
