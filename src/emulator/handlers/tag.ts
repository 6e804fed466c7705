import { ApiError } from '../envelope.js';
import { hydrateError, requireId } from '../context.js';
import { buildEntry, keyedEntries, readPaging, selectRows } from '../find.js';
import { list } from '../params.js';
import { fieldsOf } from '../sources.js';
import { crudHandlers } from './crud.js';
import type { CallContext, HandlerTable } from '../context.js';
import type { FindSource } from '../find.js';
import type { Json } from '../json.js';
import type { ModelName } from '../store.js';

/** A kind of tagged account, with the relation model that links it to tags. */
interface Relation {
  account: ModelName;
  relation: ModelName;
  /** Column holding the account id, e.g. "offer_id". */
  column: string;
}

const OFFER: Relation = { account: 'Offer', relation: 'OffersTags', column: 'offer_id' };
const AFFILIATE: Relation = {
  account: 'Affiliate',
  relation: 'AffiliatesTags',
  column: 'affiliate_id',
};
const ADVERTISER: Relation = {
  account: 'Advertiser',
  relation: 'AdvertisersTags',
  column: 'advertiser_id',
};

export const tagHandlers: HandlerTable = {
  ...crudHandlers('Tag'),
  delete: (call) => {
    const id = requireId(call.params, 'id');
    if (!call.store.table('Tag').delete(id)) throw hydrateError(id);
    return true;
  },
  ...relationHandlers('Offer', OFFER),
  ...relationHandlers('Affiliate', AFFILIATE),
  ...relationHandlers('Advertiser', ADVERTISER),
};

/** addTo*, removeFrom*, setFor*, removeFrom*ByRelationalId and findAll*TagRelations. */
function relationHandlers(suffix: string, relation: Relation): HandlerTable {
  return {
    [`addTo${suffix}`]: (call) => addTag(call, relation),
    [`removeFrom${suffix}`]: (call) => {
      const { tagId, accountId } = tagAndAccount(call, relation);
      for (const row of relationRows(call, relation)) {
        if (row['tag_id'] === tagId && row[relation.column] === accountId) {
          call.store.table(relation.relation).delete(String(row['id']));
        }
      }
      return true;
    },
    [`removeFrom${suffix}ByRelationalId`]: (call) => {
      const id = requireId(call.params, 'id');
      if (!call.store.table(relation.relation).delete(id)) throw hydrateError(id);
      return true;
    },
    [`setFor${suffix}`]: (call) => setTags(call, relation),
    [`findAll${suffix}TagRelations`]: (call) => findRelations(call, relation),
  };
}

function relationRows(call: CallContext, relation: Relation) {
  return [...call.store.table(relation.relation).values()];
}

function tagAndAccount(call: CallContext, relation: Relation) {
  const tagId = requireId(call.params, 'tag_id');
  const accountId = requireId(call.params, relation.column);
  if (call.store.table('Tag').get(tagId) === undefined) throw hydrateError(tagId);
  if (call.store.table(relation.account).get(accountId) === undefined) {
    throw hydrateError(accountId);
  }
  return { tagId, accountId };
}

/** Links a tag to an account and returns the bare relation record, as recorded. */
function addTag(call: CallContext, relation: Relation): Json {
  const { tagId, accountId } = tagAndAccount(call, relation);
  const existing = relationRows(call, relation).find(
    (row) => row['tag_id'] === tagId && row[relation.column] === accountId,
  );
  if (existing !== undefined)
    return { id: existing['id'] ?? null, [relation.column]: accountId, tag_id: tagId };
  const row = call.store
    .table(relation.relation)
    .insert((id) => ({ id, tag_id: tagId, [relation.column]: accountId }));
  return { id: row['id'] ?? null, [relation.column]: accountId, tag_id: tagId };
}

/** Replaces the tags of an account with `tag_ids[]`, changing nothing if any tag is unknown. */
function setTags(call: CallContext, relation: Relation): Json {
  const accountId = requireId(call.params, relation.column);
  if (call.store.table(relation.account).get(accountId) === undefined) {
    throw hydrateError(accountId);
  }
  const tagIds = list(call.params['tag_ids']);
  for (const tagId of tagIds) {
    if (!/^\d+$/.test(tagId)) throw ApiError.message(`Tag id "${tagId}" is not valid.`);
    if (call.store.table('Tag').get(tagId) === undefined) throw hydrateError(tagId);
  }
  const table = call.store.table(relation.relation);
  for (const row of relationRows(call, relation)) {
    if (row[relation.column] === accountId) table.delete(String(row['id']));
  }
  for (const tagId of tagIds) {
    table.insert((id) => ({ id, tag_id: tagId, [relation.column]: accountId }));
  }
  return true;
}

/** Relation finders use the page variant with only `page` and `current`. */
function findRelations(call: CallContext, relation: Relation): Json {
  const source: FindSource = {
    key: relation.relation,
    fields: fieldsOf(relation.relation),
    rows: call.store.table(relation.relation).values(),
  };
  const rows = selectRows(source, call.params);
  const paging = readPaging(call.params) ?? { limit: rows.length, page: 1 };
  const start = (paging.page - 1) * paging.limit;
  const entries: Array<[string, Json]> = rows
    .slice(start, start + paging.limit)
    .map((row) => [String(row['id']), buildEntry(source, row, call.params)]);
  return { page: paging.page, current: 0, data: keyedEntries(entries) };
}
