import { hydrateError, requireId } from '../context.js';
import { createRecord, crudHandlers } from './crud.js';
import { randomBytes } from 'node:crypto';
import type { CallContext, HandlerTable } from '../context.js';
import type { ModelName } from '../store.js';

/** Blocks an advertiser or affiliate account: its status becomes "blocked". */
function blockAccount(name: ModelName) {
  return (call: CallContext) => {
    const id = requireId(call.params, 'id');
    const row = call.store.table(name).get(id);
    if (row === undefined) throw hydrateError(id);
    row['status'] = 'blocked';
    return true;
  };
}

export const advertiserHandlers: HandlerTable = {
  ...crudHandlers('Advertiser'),
  block: blockAccount('Advertiser'),
};

export const affiliateHandlers: HandlerTable = {
  ...crudHandlers('Affiliate'),
  block: blockAccount('Affiliate'),
};

export const affiliateUserHandlers: HandlerTable = {
  ...crudHandlers('AffiliateUser'),
  create: createAffiliateUser,
  findAllIdsByAffiliateId: (call) => {
    const affiliateId = requireId(call.params, 'affiliate_id');
    const ids: string[] = [];
    for (const row of call.store.table('AffiliateUser').values()) {
      if (row['affiliate_id'] === affiliateId) ids.push(String(row['id']));
    }
    return ids;
  },
};

export const conversionHandlers: HandlerTable = crudHandlers('Conversion');
export const goalHandlers: HandlerTable = crudHandlers('Goal');

/** Creates a user of an existing affiliate; the first user of an affiliate is its creator. */
function createAffiliateUser(call: CallContext) {
  const result = createRecord(call, 'AffiliateUser', { affiliate_id: 'Affiliate' });
  const user = result['AffiliateUser'];
  if (user === undefined) return result;
  const affiliateId = String(user['affiliate_id']);
  let users = 0;
  for (const row of call.store.table('AffiliateUser').values()) {
    if (row['affiliate_id'] === affiliateId) users++;
  }
  user['salt'] = randomBytes(16).toString('hex');
  user['is_creator'] = users === 1;
  return result;
}
