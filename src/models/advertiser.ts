import type { AdvertiserData, AdvertiserFields } from '../generated/models.js';
import { Model } from './model.js';

export class Advertiser extends Model<AdvertiserFields> {
  static override readonly modelName: string = 'Advertiser';
  static override readonly displayField: string = 'company';

  async update(data: AdvertiserData): Promise<Advertiser> {
    return this.client.advertisers.update(this.id, data);
  }

  async block(reason?: string): Promise<boolean> {
    return this.client.advertisers.block(this.id, reason);
  }
}
