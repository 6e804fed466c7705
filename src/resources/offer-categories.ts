import type { OfferCategoryData } from '../generated/models.js';
import { OfferCategory } from '../models/records.js';
import type { Page } from '../pagination.js';
import type { FindAllOptions, RecordId } from './options.js';
import { checkData } from './record-data.js';
import { checkId, findAllParams, TargetResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Offer categories, served by the `Application` target. */
export class OfferCategoryResource extends TargetResource {
  constructor(context: ResourceContext) {
    super(context, 'Application');
  }

  async findAll(
    options: Omit<FindAllOptions, 'limit' | 'page' | 'contain'> = {},
  ): Promise<Page<OfferCategory>> {
    return this.list(
      'findAllOfferCategories',
      findAllParams(options, 'OfferCategory'),
      OfferCategory,
    );
  }

  /** Returns the ids of the offers in a category. */
  async findAllOfferIds(categoryId: RecordId): Promise<string[]> {
    return this.ids('findAllOfferCategoryOfferIds', { id: checkId(categoryId, 'categoryId') });
  }

  /** Creates a category and returns the server's reply (the new id). */
  async create(data: OfferCategoryData): Promise<unknown> {
    return this.raw('addOfferCategory', { data: checkData(data, 'create', 'OfferCategory') });
  }

  async update(categoryId: RecordId, data: OfferCategoryData): Promise<boolean> {
    const id = checkId(categoryId, 'categoryId');
    return this.flag('updateOfferCategory', {
      id,
      data: checkData(data, 'update', 'OfferCategory'),
    });
  }
}
