import type { RecordData } from '../resources/options.js';
import { Model } from './model.js';

export class Conversion extends Model {
  static override readonly modelName: string = 'Conversion';

  async update(data: RecordData): Promise<Conversion> {
    return this.client.conversions.update(this.id, data);
  }
}

export class Goal extends Model {
  static override readonly modelName: string = 'Goal';

  async update(data: RecordData): Promise<Goal> {
    return this.client.goals.update(this.id, data);
  }
}

export class Country extends Model {
  static override readonly modelName: string = 'Country';
  static override readonly displayField: string = 'code';
}

export class OfferCategory extends Model {
  static override readonly modelName: string = 'OfferCategory';
  static override readonly displayField: string = 'name';

  async update(data: RecordData): Promise<boolean> {
    return this.client.offerCategories.update(this.id, data);
  }
}

export class OfferFile extends Model {
  static override readonly modelName: string = 'OfferFile';
  static override readonly displayField: string = 'filename';

  async update(data: RecordData): Promise<OfferFile> {
    return this.client.offerFiles.update(this.id, data);
  }

  async delete(): Promise<OfferFile> {
    return this.client.offerFiles.delete(this.id);
  }
}
