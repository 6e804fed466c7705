import type {
  AffiliateData,
  AffiliateFields,
  AffiliateOfferFields,
  AffiliateUserData,
  AffiliateUserFields,
} from '../generated/models.js';
import type { Page } from '../pagination.js';
import { Model } from './model.js';
import { OfferFile } from './records.js';
import { RelatedList } from './related.js';

export class Affiliate extends Model<AffiliateFields> {
  static override readonly modelName: string = 'Affiliate';
  static override readonly displayField: string = 'company';

  async update(data: AffiliateData): Promise<Affiliate> {
    return this.client.affiliates.update(this.id, data);
  }

  async delete(): Promise<Affiliate> {
    return this.client.affiliates.delete(this.id);
  }

  async block(reason?: string): Promise<boolean> {
    return this.client.affiliates.block(this.id, reason);
  }

  /** Offer files that belong to this affiliate's account. */
  get files(): RelatedList<OfferFile> {
    return new RelatedList(this.client.offerFiles, 'account_id', this.id);
  }

  /** Returns the first user of this affiliate, or null when it has none. */
  async getUser(): Promise<AffiliateUser | null> {
    const page = await this.client.affiliateUsers.findAll({ filters: { affiliate_id: this.id } });
    return page.items[0] ?? null;
  }

  async getOfferFilesWithCreativeCode(offerId: string | number): Promise<Page<OfferFile>> {
    return this.client.offers.getOfferFilesWithCreativeCode(offerId, this.id);
  }
}

export class AffiliateUser extends Model<AffiliateUserFields> {
  static override readonly modelName: string = 'AffiliateUser';
  static override readonly displayField: string = 'email';

  async update(data: AffiliateUserData): Promise<AffiliateUser> {
    return this.client.affiliateUsers.update(this.id, data);
  }

  async delete(): Promise<AffiliateUser> {
    return this.client.affiliateUsers.delete(this.id);
  }
}

/** The approval record between an offer and an affiliate. */
export class AffiliateOffer extends Model<AffiliateOfferFields> {
  static override readonly modelName: string = 'AffiliateOffer';
  static override readonly displayField: string = 'approval_status';
}
