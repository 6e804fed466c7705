import type { OfferData } from '../generated/models.js';
import type { Filters } from '../filters.js';
import { AffiliateOffer } from '../models/affiliate.js';
import { Offer } from '../models/offer.js';
import { Country, OfferCategory, OfferFile } from '../models/records.js';
import type { Page } from '../pagination.js';
import type { FindAllOptions, RecordId } from './options.js';
import { checkId, findAllParams, ModelResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Options of `generateTrackingLink`. */
export interface TrackingLinkOptions {
  /** Ask for a short link. @default false */
  readonly tinyUrl?: boolean;
  /** Extra link parameters, such as `{ file_id: 727, aff_sub: 'x' }`. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Offers (target `Offer`) and their targeting, categories and affiliate access. */
export class OfferResource extends ModelResource<Offer, OfferData> {
  constructor(context: ResourceContext) {
    super(context, 'Offer', Offer);
  }

  async findAllIds(options: { readonly filters?: Filters } = {}): Promise<string[]> {
    return this.listIds(options);
  }

  async addTargetCountry(offerId: RecordId, countryCode: string): Promise<boolean> {
    return this.flag('addTargetCountry', {
      id: checkId(offerId, 'offerId'),
      country_code: countryCode,
    });
  }

  async getTargetCountries(offerId: RecordId): Promise<Country[]> {
    return [
      ...(await this.list('getTargetCountries', { id: checkId(offerId, 'offerId') }, Country))
        .items,
    ];
  }

  async addCategory(offerId: RecordId, categoryId: RecordId): Promise<boolean> {
    return this.flag('addCategory', {
      id: checkId(offerId, 'offerId'),
      category_id: String(categoryId),
    });
  }

  async getCategories(offerId: RecordId): Promise<OfferCategory[]> {
    return [
      ...(await this.list('getCategories', { id: checkId(offerId, 'offerId') }, OfferCategory))
        .items,
    ];
  }

  async blockAffiliate(offerId: RecordId, affiliateId: RecordId): Promise<boolean> {
    return this.flag('blockAffiliate', {
      id: checkId(offerId, 'offerId'),
      affiliate_id: checkId(affiliateId, 'affiliateId'),
    });
  }

  async unblockAffiliate(offerId: RecordId, affiliateId: RecordId): Promise<boolean> {
    return this.flag('unblockAffiliate', {
      id: checkId(offerId, 'offerId'),
      affiliate_id: checkId(affiliateId, 'affiliateId'),
    });
  }

  /** Creative files of an offer for one affiliate, each with its `creativecode` string. */
  async getOfferFilesWithCreativeCode(
    offerId: RecordId,
    affiliateId: RecordId,
  ): Promise<Page<OfferFile>> {
    const params = {
      affiliate_id: checkId(affiliateId, 'affiliateId'),
      offer_id: checkId(offerId, 'offerId'),
    };
    return this.list('getOfferFilesWithCreativeCode', params, OfferFile);
  }

  /** Sets an affiliate's approval status; the server returns the approval record or `true`. */
  async setAffiliateApproval(
    offerId: RecordId,
    affiliateId: RecordId,
    status: string,
  ): Promise<AffiliateOffer | boolean> {
    const params = {
      id: checkId(offerId, 'offerId'),
      affiliate_id: checkId(affiliateId, 'affiliateId'),
      status,
    };
    return this.modelOrFlag('setAffiliateApproval', params, AffiliateOffer);
  }

  async getAffiliateApprovalStatus(
    offerId: RecordId,
    affiliateId: RecordId,
  ): Promise<string | null> {
    const params = {
      id: checkId(offerId, 'offerId'),
      affiliate_id: checkId(affiliateId, 'affiliateId'),
    };
    const status = await this.raw('getAffiliateApprovalStatus', params);
    return typeof status === 'string' ? status : null;
  }

  async getBlockedAffiliateIds(offerId: RecordId): Promise<string[]> {
    return this.ids('getBlockedAffiliateIds', { id: checkId(offerId, 'offerId') });
  }

  async getApprovedAffiliateIds(offerId: RecordId): Promise<string[]> {
    return this.ids('getApprovedAffiliateIds', { id: checkId(offerId, 'offerId') });
  }

  async getUnapprovedAffiliateIds(offerId: RecordId): Promise<string[]> {
    return this.ids('getUnapprovedAffiliateIds', { id: checkId(offerId, 'offerId') });
  }

  /** Returns `{ click_url, impression_pixel, … }` as the server sends it. */
  async generateTrackingLink(
    offerId: RecordId,
    affiliateId: RecordId,
    options: TrackingLinkOptions = {},
  ): Promise<Record<string, unknown>> {
    const params = {
      offer_id: checkId(offerId, 'offerId'),
      affiliate_id: checkId(affiliateId, 'affiliateId'),
      options: { tiny_url: options.tinyUrl === true },
      params: options.params === undefined ? undefined : { ...options.params },
    };
    return (await this.raw('generateTrackingLink', params)) as Record<string, unknown>;
  }

  async findAllAffiliateApprovals(options: FindAllOptions = {}): Promise<Page<AffiliateOffer>> {
    return this.list(
      'findAllAffiliateApprovals',
      findAllParams(options, 'AffiliateOffer'),
      AffiliateOffer,
    );
  }
}
