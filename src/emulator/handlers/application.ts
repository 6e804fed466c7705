import { acceptsReturnObject } from '../catalogue.js';
import { ApiError } from '../envelope.js';
import { hydrateError, requireId, requireText } from '../context.js';
import { findAll } from '../find.js';
import { modelDef } from '../models.js';
import { countryByCode, fieldsOf, sourceOf } from '../sources.js';
import { createRecord } from './crud.js';
import { applyWrite } from '../write.js';
import type { CallContext, HandlerTable } from '../context.js';
import type { Json } from '../json.js';

export const applicationHandlers: HandlerTable = {
  findAllOfferCategories: (call) => findAll(sourceOf(call.store, 'OfferCategory'), call.params),
  findAllOfferCategoryOfferIds: (call) => {
    const categoryId = requireId(call.params, 'id');
    const ids: string[] = [];
    for (const [offerId, categories] of call.store.offerCategories) {
      if (categories.includes(categoryId)) ids.push(offerId);
    }
    return ids;
  },
  addOfferCategory,
  updateOfferCategory: (call) => {
    const id = requireId(call.params, 'id');
    const row = call.store.table('OfferCategory').get(id);
    if (row === undefined) throw hydrateError(id);
    applyWrite(modelDef('OfferCategory'), row, call.params['data'], 'update');
    return true;
  },
  getActiveOfferCategoryCount: (call) => {
    let count = 0;
    for (const row of call.store.table('OfferCategory').values()) {
      if (row['status'] === 'active') count++;
    }
    return String(count);
  },
  findAllCountries: (call) =>
    findAll(
      { key: 'Country', fields: fieldsOf('Country'), rows: call.store.table('Country').values() },
      call.params,
    ),
  findCountryByCode: (call) => {
    const code = requireText(call.params, 'code');
    const country = countryByCode(call.store, code);
    return country === undefined ? null : { Country: country };
  },
  getBrandInformation: brandInformation,
  getAccountInformation: brandInformation,
};

/**
 * Creates an offer category. The catalogue lists an integer id as the reply, so the record comes
 * back only if the catalogue also lists `return_object` and the caller sets it.
 * NOTE: no reply of this method was recorded, so the id is sent as a JSON string like every other
 * recorded integer.
 */
function addOfferCategory(call: CallContext): Json {
  const created = createRecord(call, 'OfferCategory');
  const wantsRecord = call.params['return_object'] === '1';
  if (wantsRecord && acceptsReturnObject('Application', 'addOfferCategory')) return created;
  return created.OfferCategory?.['id'] ?? null;
}

/**
 * Brand details of the network. Tools call this to check credentials, because the catalogue has
 * no network-key check method.
 * NOTE: the field set of this record was never recorded; these fields are the emulator's own.
 */
function brandInformation(call: CallContext): Json {
  if (call.params['NetworkId'] === undefined) throw ApiError.message('NetworkId is missing.');
  return {
    Brand: {
      id: '1',
      network_id: call.network.networkId,
      name: `Emulated network ${call.network.networkId}`,
      status: 'active',
      timezone: 'UTC',
      currency: 'USD',
    },
  };
}
