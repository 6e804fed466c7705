import type { AdvertiserData } from '../generated/models.js';
import type { Filters } from '../filters.js';
import { Advertiser } from '../models/advertiser.js';
import type { RecordId } from './options.js';
import { checkId, ModelResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Advertiser accounts (target `Advertiser`). */
export class AdvertiserResource extends ModelResource<Advertiser, AdvertiserData> {
  constructor(context: ResourceContext) {
    super(context, 'Advertiser', Advertiser);
  }

  async findAllIds(options: { readonly filters?: Filters } = {}): Promise<string[]> {
    return this.listIds(options);
  }

  async block(id: RecordId, reason?: string): Promise<boolean> {
    return this.flag('block', { id: checkId(id), reason: reason ?? '' });
  }
}
