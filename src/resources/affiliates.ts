import type { AffiliateData, AffiliateUserData } from '../generated/models.js';
import type { Filters } from '../filters.js';
import { Affiliate } from '../models/affiliate.js';
import type { OfferFile } from '../models/records.js';
import type { Page } from '../pagination.js';
import type { RecordId } from './options.js';
import { checkData } from './record-data.js';
import { checkId, ModelResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Affiliate accounts (target `Affiliate`). */
export class AffiliateResource extends ModelResource<Affiliate, AffiliateData> {
  constructor(context: ResourceContext) {
    super(context, 'Affiliate', Affiliate);
  }

  async findAllIds(options: { readonly filters?: Filters } = {}): Promise<string[]> {
    return this.listIds(options);
  }

  async delete(id: RecordId): Promise<Affiliate> {
    return this.softDelete(id);
  }

  async block(id: RecordId, reason?: string): Promise<boolean> {
    return this.flag('block', { id: checkId(id), reason });
  }

  /** Creative files of an offer for this affiliate; the API method belongs to the Offer target. */
  async getOfferFilesWithCreativeCode(
    affiliateId: RecordId,
    offerId: RecordId,
  ): Promise<Page<OfferFile>> {
    return this.context.client.offers.getOfferFilesWithCreativeCode(offerId, affiliateId);
  }

  /** Creates an affiliate, then its first user with `userData` (two writes, not atomic). */
  async createWithUser(data: AffiliateData, userData: AffiliateUserData): Promise<Affiliate> {
    // Checked first so that bad user data does not leave an affiliate without a user.
    checkData(userData, 'createWithUser', 'AffiliateUser');
    const affiliate = await this.create(data);
    await this.context.client.affiliateUsers.create({ affiliate_id: affiliate.id, ...userData });
    return affiliate;
  }
}
