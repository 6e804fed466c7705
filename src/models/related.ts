import type { Filters } from '../filters.js';
import type { Page } from '../pagination.js';
import type { FindAllOptions, IterateOptions } from '../resources/options.js';

/** The list methods a related list forwards to. */
export interface ListSource<T> {
  findAll(options?: FindAllOptions): Promise<Page<T>>;
  iterate(options?: IterateOptions): AsyncGenerator<T, void, undefined>;
}

/** Records of another target that point at one record, such as an offer's conversions. */
export class RelatedList<T> {
  constructor(
    private readonly source: ListSource<T>,
    private readonly foreignKey: string,
    private readonly id: string,
  ) {}

  async findAll(options: FindAllOptions = {}): Promise<Page<T>> {
    return this.source.findAll({
      ...options,
      filters: withForeignKey(options.filters, this.foreignKey, this.id),
    });
  }

  iterate(options: IterateOptions = {}): AsyncGenerator<T, void, undefined> {
    return this.source.iterate({
      ...options,
      filters: withForeignKey(options.filters, this.foreignKey, this.id),
    });
  }
}

/** Adds `{ [foreignKey]: id }` to the caller's filters without changing them. */
export function withForeignKey(
  filters: Filters | undefined,
  foreignKey: string,
  id: string,
): Filters {
  const key = { [foreignKey]: id };
  if (filters === undefined) return key;
  return Array.isArray(filters)
    ? [...filters, key]
    : [filters as Exclude<Filters, readonly unknown[]>, key];
}
