import { ApiError } from '../envelope.js';
import { hydrateError, requireId, requireText } from '../context.js';
import { findAll, keyedEntries } from '../find.js';
import { isParamMap, scalar } from '../params.js';
import { countryByCode, creativeCode, fieldsOf } from '../sources.js';
import { blankAffiliateOffer } from '../records.js';
import { crudHandlers } from './crud.js';
import type { CallContext, HandlerTable } from '../context.js';
import type { Json, JsonObject } from '../json.js';
import type { Store } from '../store.js';

const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'];

export const offerHandlers: HandlerTable = {
  ...crudHandlers('Offer'),
  blockAffiliate: (call) => {
    const { offerId, affiliateId } = offerAndAffiliate(call, 'id');
    blockedSet(call.store, offerId).add(affiliateId);
    return true;
  },
  unblockAffiliate: (call) => {
    const { offerId, affiliateId } = offerAndAffiliate(call, 'id');
    blockedSet(call.store, offerId).delete(affiliateId);
    return true;
  },
  getBlockedAffiliateIds: (call) => [...blockedSet(call.store, existingOffer(call, 'id'))],
  getUnblockedAffiliateIds: (call) => {
    const blocked = blockedSet(call.store, existingOffer(call, 'id'));
    return [...call.store.table('Affiliate').rows.keys()].filter((id) => !blocked.has(id));
  },
  setAffiliateApproval: setAffiliateApproval,
  getAffiliateApprovalStatus: (call) => {
    const { offerId, affiliateId } = offerAndAffiliate(call, 'id');
    const approval = findApproval(call.store, offerId, affiliateId);
    return approval === undefined ? null : (approval['approval_status'] ?? null);
  },
  getApprovedAffiliateIds: (call) => approvalIds(call, (status) => status === 'approved'),
  getUnapprovedAffiliateIds: (call) => approvalIds(call, (status) => status !== 'approved'),
  findAllAffiliateApprovals: affiliateApprovals,
  addTargetCountry: (call) => {
    const offerId = existingOffer(call, 'id');
    const code = requireText(call.params, 'country_code').toUpperCase();
    if (countryByCode(call.store, code) === undefined) {
      throw ApiError.message(`Country code "${code}" is not valid.`);
    }
    addUnique(call.store.offerCountries, offerId, code);
    return true;
  },
  removeTargetCountry: (call) => {
    const offerId = existingOffer(call, 'id');
    const code = requireText(call.params, 'country_code').toUpperCase();
    removeFrom(call.store.offerCountries, offerId, code);
    return true;
  },
  getTargetCountries: (call) => {
    const codes = call.store.offerCountries.get(existingOffer(call, 'id')) ?? [];
    return codes.map((code) => ({ Country: countryByCode(call.store, code) ?? null }));
  },
  addCategory: (call) => {
    const offerId = existingOffer(call, 'id');
    const categoryId = requireId(call.params, 'category_id');
    if (call.store.table('OfferCategory').get(categoryId) === undefined) {
      throw hydrateError(categoryId);
    }
    addUnique(call.store.offerCategories, offerId, categoryId);
    return true;
  },
  removeCategory: (call) => {
    const offerId = existingOffer(call, 'id');
    removeFrom(call.store.offerCategories, offerId, requireId(call.params, 'category_id'));
    return true;
  },
  getCategories: (call) => {
    const ids = call.store.offerCategories.get(existingOffer(call, 'id')) ?? [];
    const table = call.store.table('OfferCategory');
    return ids.map((id) => ({ OfferCategory: table.get(id) ?? null }));
  },
  getOfferFilesWithCreativeCode: offerFilesWithCreativeCode,
  generateTrackingLink: generateTrackingLink,
};

function existingOffer(call: CallContext, name: string): string {
  const offerId = requireId(call.params, name);
  if (call.store.table('Offer').get(offerId) === undefined) throw hydrateError(offerId);
  return offerId;
}

function offerAndAffiliate(call: CallContext, offerParam: string) {
  const offerId = existingOffer(call, offerParam);
  const affiliateId = requireId(call.params, 'affiliate_id');
  if (call.store.table('Affiliate').get(affiliateId) === undefined) throw hydrateError(affiliateId);
  return { offerId, affiliateId };
}

function blockedSet(store: Store, offerId: string): Set<string> {
  let set = store.blockedAffiliates.get(offerId);
  if (set === undefined) {
    set = new Set();
    store.blockedAffiliates.set(offerId, set);
  }
  return set;
}

function addUnique(map: Map<string, string[]>, key: string, value: string): void {
  const values = map.get(key) ?? [];
  if (!values.includes(value)) values.push(value);
  map.set(key, values);
}

function removeFrom(map: Map<string, string[]>, key: string, value: string): void {
  map.set(
    key,
    (map.get(key) ?? []).filter((item) => item !== value),
  );
}

function findApproval(store: Store, offerId: string, affiliateId: string) {
  for (const row of store.table('AffiliateOffer').values()) {
    if (row['offer_id'] === offerId && row['affiliate_id'] === affiliateId) return row;
  }
  return undefined;
}

/**
 * Sets an affiliate's approval for an offer. The first call for a pair returns the new relation
 * record; later calls return `true`, matching the two reply forms recorded for this method.
 */
function setAffiliateApproval(call: CallContext): Json {
  const { offerId, affiliateId } = offerAndAffiliate(call, 'id');
  const status = requireText(call.params, 'status');
  if (!APPROVAL_STATUSES.includes(status)) {
    throw ApiError.message(`Status must be one of: ${APPROVAL_STATUSES.join(', ')}`);
  }
  const existing = findApproval(call.store, offerId, affiliateId);
  if (existing !== undefined) {
    existing['approval_status'] = status;
    return true;
  }
  return call.store.table('AffiliateOffer').insert((id) => ({
    ...blankAffiliateOffer(id),
    affiliate_id: affiliateId,
    offer_id: offerId,
    approval_status: status,
  }));
}

function approvalIds(call: CallContext, accept: (status: string) => boolean): Json {
  const offerId = existingOffer(call, 'id');
  const ids: string[] = [];
  for (const row of call.store.table('AffiliateOffer').values()) {
    if (row['offer_id'] === offerId && accept(String(row['approval_status']))) {
      ids.push(String(row['affiliate_id']));
    }
  }
  return ids;
}

/** Files of an offer with their creative code, in the page variant that has no `page` key. */
function offerFilesWithCreativeCode(call: CallContext): Json {
  const { offerId } = offerAndAffiliate(call, 'offer_id');
  const rows = [...call.store.table('OfferFile').values()].filter(
    (row) => row['offer_id'] === offerId && row['status'] !== 'deleted',
  );
  const entries: Array<[string, Json]> = rows.map((row) => [
    String(row['id']),
    { OfferFile: row, CreativeCode: creativeCode(row) },
  ]);
  return {
    current: 0,
    count: rows.length,
    pageCount: rows.length === 0 ? 0 : 1,
    data: keyedEntries(entries),
  };
}

/**
 * Builds tracking links on the emulator's origin. `offer_id` is a number in this reply only, as
 * recorded. With `options[tiny_url]=1` the click URL is a short code.
 */
function generateTrackingLink(call: CallContext): Json {
  const { offerId, affiliateId } = offerAndAffiliate(call, 'offer_id');
  const query = new URLSearchParams({ offer_id: offerId, aff_id: affiliateId });
  const extra = call.params['params'];
  if (isParamMap(extra)) {
    for (const [key, value] of Object.entries(extra)) {
      if (typeof value === 'string') query.append(key, value);
    }
  }
  const options = call.params['options'];
  const tiny = isParamMap(options) && scalar(options, 'tiny_url') === '1';
  const base = call.network.origin;
  const clickUrl = tiny ? `${base}/${shortCode(offerId, affiliateId)}` : `${base}/aff_c?${query}`;
  const pixel = `<img src="${base}/aff_i?${query}" width="1" height="1" />`;
  return {
    affiliate_id: affiliateId,
    offer_id: Number(offerId),
    click_url: clickUrl,
    impression_pixel: pixel,
  };
}

function shortCode(offerId: string, affiliateId: string): string {
  return (Number(offerId) * 7919 + Number(affiliateId)).toString(36);
}

/** Approval records, each entry holding the AffiliateOffer with its Affiliate and Offer. */
function affiliateApprovals(call: CallContext): Json {
  const store = call.store;
  const source = {
    key: 'AffiliateOffer',
    fields: fieldsOf('AffiliateOffer'),
    rows: store.table('AffiliateOffer').values(),
    containable: ['Affiliate', 'Offer'],
    contain: (alias: string, row: JsonObject): Json =>
      (alias === 'Affiliate'
        ? store.table('Affiliate').get(String(row['affiliate_id']))
        : store.table('Offer').get(String(row['offer_id']))) ?? [],
  };
  return findAll(source, { ...call.params, contain: ['Affiliate', 'Offer'] });
}
