import type { Filters, Sort } from '../filters.js';

/** Options of `findAll`: filters, sort, paging, field selection and contained models. */
export interface FindAllOptions {
  readonly filters?: Filters;
  /** `['-id', 'name']` or `{ id: 'desc' }`; bare field names get the model prefix. */
  readonly sort?: Sort;
  /** Page size; without it the server returns every record as one unpaginated page. */
  readonly limit?: number;
  /** 1-based page number; needs `limit`. */
  readonly page?: number;
  /** Fields of the main model to return. */
  readonly fields?: readonly string[];
  /** Related models to include, such as `['Country']`. */
  readonly contain?: readonly string[];
}

/** Options of `iterate`, which fetches every page in turn. */
export interface IterateOptions extends Omit<FindAllOptions, 'limit' | 'page'> {
  /** Records per request. @default 500 */
  readonly pageSize?: number;
}

/** Options of `findById`. */
export interface FindByIdOptions {
  readonly fields?: readonly string[];
  readonly contain?: readonly string[];
}

/** Record id as a number or a string of digits. */
export type RecordId = string | number;

/** Record fields for create and update, in the API's field names. */
export type RecordData = Readonly<Record<string, unknown>>;
