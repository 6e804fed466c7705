import { Country } from '../models/records.js';
import type { Page } from '../pagination.js';
import { TargetResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Countries known to the network (target `Application`). */
export class CountryResource extends TargetResource {
  constructor(context: ResourceContext) {
    super(context, 'Application');
  }

  async findAll(): Promise<Page<Country>> {
    return this.list('findAllCountries', {}, Country);
  }

  async findByCode(code: string): Promise<Country | null> {
    return (await this.list('findCountryByCode', { code }, Country)).items[0] ?? null;
  }
}
