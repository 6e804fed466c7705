import type {
  AdvertisersTagsFields,
  AffiliatesTagsFields,
  OffersTagsFields,
  TagData,
  TagFields,
} from '../generated/models.js';
import type { RecordId } from '../resources/options.js';
import { Model } from './model.js';

export class Tag extends Model<TagFields> {
  static override readonly modelName: string = 'Tag';
  static override readonly displayField: string = 'name';

  async update(data: TagData): Promise<Tag> {
    return this.client.tags.update(this.id, data);
  }

  async delete(): Promise<boolean> {
    return this.client.tags.delete(this.id);
  }

  async addToOffer(offerId: RecordId): Promise<TagRelation | boolean> {
    return this.client.tags.addToOffer(this.id, offerId);
  }

  async addToAffiliate(affiliateId: RecordId): Promise<TagRelation | boolean> {
    return this.client.tags.addToAffiliate(this.id, affiliateId);
  }

  async addToAdvertiser(advertiserId: RecordId): Promise<TagRelation | boolean> {
    return this.client.tags.addToAdvertiser(this.id, advertiserId);
  }

  async removeFromOffer(offerId: RecordId): Promise<boolean> {
    return this.client.tags.removeFromOffer(this.id, offerId);
  }

  async removeFromAffiliate(affiliateId: RecordId): Promise<boolean> {
    return this.client.tags.removeFromAffiliate(this.id, affiliateId);
  }

  async removeFromAdvertiser(advertiserId: RecordId): Promise<boolean> {
    return this.client.tags.removeFromAdvertiser(this.id, advertiserId);
  }
}

/**
 * Fields of a tag link. Each link contains `id`, `tag_id` and one of `offer_id`, `affiliate_id` or
 * `advertiser_id`, depending on what the tag is attached to.
 */
export type TagRelationFields = OffersTagsFields & AffiliatesTagsFields & AdvertisersTagsFields;

/** A link between a tag and an offer, affiliate or advertiser (`OffersTags` and similar). */
export class TagRelation extends Model<TagRelationFields> {
  static override readonly modelName: string = 'TagRelation';
}
