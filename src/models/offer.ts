import type { OfferData, OfferFields } from '../generated/models.js';
import type { Page } from '../pagination.js';
import type { FindAllOptions, RecordId } from '../resources/options.js';
import type { TrackingLinkOptions } from '../resources/offers.js';
import type { AffiliateOffer } from './affiliate.js';
import { Model } from './model.js';
import type { Conversion, Country, OfferCategory, OfferFile } from './records.js';
import { RelatedList, withForeignKey } from './related.js';

export class Offer extends Model<OfferFields> {
  static override readonly modelName: string = 'Offer';
  static override readonly displayField: string = 'name';

  async update(data: OfferData): Promise<Offer> {
    return this.client.offers.update(this.id, data);
  }

  /** Conversions of this offer. */
  get conversions(): RelatedList<Conversion> {
    return new RelatedList(this.client.conversions, 'offer_id', this.id);
  }

  /** Creative files of this offer. */
  get files(): RelatedList<OfferFile> {
    return new RelatedList(this.client.offerFiles, 'offer_id', this.id);
  }

  async addTargetCountry(countryCode: string): Promise<boolean> {
    return this.client.offers.addTargetCountry(this.id, countryCode);
  }

  async getTargetCountries(): Promise<Country[]> {
    return this.client.offers.getTargetCountries(this.id);
  }

  async addCategory(categoryId: RecordId): Promise<boolean> {
    return this.client.offers.addCategory(this.id, categoryId);
  }

  async getCategories(): Promise<OfferCategory[]> {
    return this.client.offers.getCategories(this.id);
  }

  async blockAffiliate(affiliateId: RecordId): Promise<boolean> {
    return this.client.offers.blockAffiliate(this.id, affiliateId);
  }

  async unblockAffiliate(affiliateId: RecordId): Promise<boolean> {
    return this.client.offers.unblockAffiliate(this.id, affiliateId);
  }

  async getOfferFilesWithCreativeCode(affiliateId: RecordId): Promise<Page<OfferFile>> {
    return this.client.offers.getOfferFilesWithCreativeCode(this.id, affiliateId);
  }

  async setAffiliateApproval(
    affiliateId: RecordId,
    status: string,
  ): Promise<AffiliateOffer | boolean> {
    return this.client.offers.setAffiliateApproval(this.id, affiliateId, status);
  }

  async getAffiliateApprovalStatus(affiliateId: RecordId): Promise<string | null> {
    return this.client.offers.getAffiliateApprovalStatus(this.id, affiliateId);
  }

  async getBlockedAffiliateIds(): Promise<string[]> {
    return this.client.offers.getBlockedAffiliateIds(this.id);
  }

  async getApprovedAffiliateIds(): Promise<string[]> {
    return this.client.offers.getApprovedAffiliateIds(this.id);
  }

  async getUnapprovedAffiliateIds(): Promise<string[]> {
    return this.client.offers.getUnapprovedAffiliateIds(this.id);
  }

  async generateTrackingLink(
    affiliateId: RecordId,
    options?: TrackingLinkOptions,
  ): Promise<Record<string, unknown>> {
    return this.client.offers.generateTrackingLink(this.id, affiliateId, options);
  }

  async findAllAffiliateApprovals(options: FindAllOptions = {}): Promise<Page<AffiliateOffer>> {
    const filters = withForeignKey(options.filters, 'offer_id', this.id);
    return this.client.offers.findAllAffiliateApprovals({ ...options, filters });
  }
}
