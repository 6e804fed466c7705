import { Advertiser } from './advertiser.js';
import { Affiliate, AffiliateOffer, AffiliateUser } from './affiliate.js';
import type { Fields, ModelInit } from './model.js';
import { Model } from './model.js';
import { Offer } from './offer.js';
import { Conversion, Country, Goal, OfferCategory, OfferFile } from './records.js';
import { Tag, TagRelation } from './tag.js';

/** A model constructor together with its wire name and display field. */
export interface ModelClass<M extends Model> {
  new (fields: Fields, init?: ModelInit): M;
  readonly modelName: string;
  readonly displayField: string;
}

const MODEL_CLASSES: readonly ModelClass<Model>[] = [
  Advertiser,
  Affiliate,
  AffiliateOffer,
  AffiliateUser,
  Conversion,
  Country,
  Goal,
  Offer,
  OfferCategory,
  OfferFile,
  Tag,
  TagRelation,
];

/** Names under which the API returns records of another model. */
const ALIASES: Readonly<Record<string, ModelClass<Model>>> = {
  Thumbnail: OfferFile,
  OfferTag: Tag,
  AdvertiserTag: Tag,
  AffiliateTag: Tag,
  OffersTags: TagRelation,
  AffiliatesTags: TagRelation,
  AdvertisersTags: TagRelation,
};

const BY_NAME = new Map<string, ModelClass<Model>>([
  ...MODEL_CLASSES.map((modelClass) => [modelClass.modelName, modelClass] as const),
  ...Object.entries(ALIASES),
]);

/** Returns the class for a wire model name; unknown names get the plain Model. */
export function modelClassFor(name: string): ModelClass<Model> {
  return BY_NAME.get(name) ?? Model;
}
