import type { AffiliateUserData } from '../generated/models.js';
import type { Filters } from '../filters.js';
import { AffiliateUser } from '../models/affiliate.js';
import type { RecordId } from './options.js';
import { ModelResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Users of affiliate accounts (target `AffiliateUser`). */
export class AffiliateUserResource extends ModelResource<AffiliateUser, AffiliateUserData> {
  constructor(context: ResourceContext) {
    super(context, 'AffiliateUser', AffiliateUser);
  }

  async findAllIds(options: { readonly filters?: Filters } = {}): Promise<string[]> {
    return this.listIds(options);
  }

  async delete(id: RecordId): Promise<AffiliateUser> {
    return this.softDelete(id);
  }
}
