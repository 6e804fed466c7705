import type {
  ConversionData,
  ConversionFields,
  CountryFields,
  GoalData,
  GoalFields,
  OfferCategoryData,
  OfferCategoryFields,
  OfferFileData,
  OfferFileFields,
} from '../generated/models.js';
import { Model } from './model.js';

export class Conversion extends Model<ConversionFields> {
  static override readonly modelName: string = 'Conversion';

  async update(data: ConversionData): Promise<Conversion> {
    return this.client.conversions.update(this.id, data);
  }
}

export class Goal extends Model<GoalFields> {
  static override readonly modelName: string = 'Goal';

  async update(data: GoalData): Promise<Goal> {
    return this.client.goals.update(this.id, data);
  }
}

export class Country extends Model<CountryFields> {
  static override readonly modelName: string = 'Country';
  static override readonly displayField: string = 'code';
}

export class OfferCategory extends Model<OfferCategoryFields> {
  static override readonly modelName: string = 'OfferCategory';
  static override readonly displayField: string = 'name';

  async update(data: OfferCategoryData): Promise<boolean> {
    return this.client.offerCategories.update(this.id, data);
  }
}

export class OfferFile extends Model<OfferFileFields> {
  static override readonly modelName: string = 'OfferFile';
  static override readonly displayField: string = 'filename';

  async update(data: OfferFileData): Promise<OfferFile> {
    return this.client.offerFiles.update(this.id, data);
  }

  async delete(): Promise<OfferFile> {
    return this.client.offerFiles.delete(this.id);
  }
}
