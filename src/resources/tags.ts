import type { TagData } from '../generated/models.js';
import { Tag, TagRelation } from '../models/tag.js';
import type { Filters } from '../filters.js';
import { buildFilterParam } from '../filters.js';
import type { Page } from '../pagination.js';
import type { RecordId } from './options.js';
import { checkId, ModelResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Tags and their links to offers, affiliates and advertisers (target `Tag`). */
export class TagResource extends ModelResource<Tag, TagData> {
  constructor(context: ResourceContext) {
    super(context, 'Tag', Tag);
  }

  async delete(id: RecordId): Promise<boolean> {
    return this.flag('delete', { id: checkId(id) });
  }

  async addToOffer(tagId: RecordId, offerId: RecordId): Promise<TagRelation | boolean> {
    return this.modelOrFlag(
      'addToOffer',
      { tag_id: checkId(tagId, 'tagId'), offer_id: checkId(offerId, 'offerId') },
      TagRelation,
    );
  }

  async addToAffiliate(tagId: RecordId, affiliateId: RecordId): Promise<TagRelation | boolean> {
    return this.modelOrFlag(
      'addToAffiliate',
      { tag_id: checkId(tagId, 'tagId'), affiliate_id: checkId(affiliateId, 'affiliateId') },
      TagRelation,
    );
  }

  async addToAdvertiser(tagId: RecordId, advertiserId: RecordId): Promise<TagRelation | boolean> {
    return this.modelOrFlag(
      'addToAdvertiser',
      { tag_id: checkId(tagId, 'tagId'), advertiser_id: checkId(advertiserId, 'advertiserId') },
      TagRelation,
    );
  }

  async removeFromOffer(tagId: RecordId, offerId: RecordId): Promise<boolean> {
    return this.flag('removeFromOffer', {
      tag_id: checkId(tagId, 'tagId'),
      offer_id: checkId(offerId, 'offerId'),
    });
  }

  async removeFromAffiliate(tagId: RecordId, affiliateId: RecordId): Promise<boolean> {
    return this.flag('removeFromAffiliate', {
      tag_id: checkId(tagId, 'tagId'),
      affiliate_id: checkId(affiliateId, 'affiliateId'),
    });
  }

  async removeFromAdvertiser(tagId: RecordId, advertiserId: RecordId): Promise<boolean> {
    return this.flag('removeFromAdvertiser', {
      tag_id: checkId(tagId, 'tagId'),
      advertiser_id: checkId(advertiserId, 'advertiserId'),
    });
  }

  /** Replaces the offer's tags with `tagIds`. */
  async setForOffer(tagIds: readonly RecordId[], offerId: RecordId): Promise<boolean> {
    return this.flag('setForOffer', {
      tag_ids: checkIds(tagIds),
      offer_id: checkId(offerId, 'offerId'),
    });
  }

  async setForAffiliate(tagIds: readonly RecordId[], affiliateId: RecordId): Promise<boolean> {
    return this.flag('setForAffiliate', {
      tag_ids: checkIds(tagIds),
      affiliate_id: checkId(affiliateId, 'affiliateId'),
    });
  }

  async setForAdvertiser(tagIds: readonly RecordId[], advertiserId: RecordId): Promise<boolean> {
    return this.flag('setForAdvertiser', {
      tag_ids: checkIds(tagIds),
      advertiser_id: checkId(advertiserId, 'advertiserId'),
    });
  }

  async findAllOfferTagRelations(filters?: Filters): Promise<Page<TagRelation>> {
    return this.list(
      'findAllOfferTagRelations',
      { filters: buildFilterParam(filters) },
      TagRelation,
    );
  }

  async findAllAffiliateTagRelations(filters?: Filters): Promise<Page<TagRelation>> {
    return this.list(
      'findAllAffiliateTagRelations',
      { filters: buildFilterParam(filters) },
      TagRelation,
    );
  }

  async findAllAdvertiserTagRelations(filters?: Filters): Promise<Page<TagRelation>> {
    return this.list(
      'findAllAdvertiserTagRelations',
      { filters: buildFilterParam(filters) },
      TagRelation,
    );
  }

  /** Removes a tag link by the relation's own id. */
  async removeFromOfferByRelationalId(relationId: RecordId): Promise<boolean> {
    return this.flag('removeFromOfferByRelationalId', { id: checkId(relationId, 'relationId') });
  }

  async removeFromAffiliateByRelationalId(relationId: RecordId): Promise<boolean> {
    return this.flag('removeFromAffiliateByRelationalId', {
      id: checkId(relationId, 'relationId'),
    });
  }

  async removeFromAdvertiserByRelationalId(relationId: RecordId): Promise<boolean> {
    return this.flag('removeFromAdvertiserByRelationalId', {
      id: checkId(relationId, 'relationId'),
    });
  }
}

function checkIds(ids: readonly RecordId[]): string[] {
  return ids.map((id) => checkId(id, 'tagIds[]'));
}
