import type { HasOffers } from '../client.js';
import { HasOffersError, UsageError } from '../core/errors.js';
import { isJsonObject, toPlain } from '../core/json.js';
import type { JsonValue } from '../core/json.js';
import type { FilePart } from '../core/multipart.js';
import { buildFilterParam, buildSortParam, checkFieldName } from '../filters.js';
import type { Filters } from '../filters.js';
import { buildModel, buildModels } from '../models/build.js';
import type { Model } from '../models/model.js';
import type { ModelClass } from '../models/registry.js';
import { iteratePages, toPage } from '../pagination.js';
import { checkData } from './record-data.js';
import type { Page } from '../pagination.js';
import type {
  FindAllOptions,
  FindByIdOptions,
  IterateOptions,
  RecordData,
  RecordId,
} from './options.js';

/** Client services a resource uses: a function that sends calls, and the client that models keep. */
export interface ResourceContext {
  readonly client: HasOffers;
  send(
    target: string,
    method: string,
    params: Readonly<Record<string, unknown>>,
    upload?: FilePart,
  ): Promise<JsonValue>;
}

export type Params = Readonly<Record<string, unknown>>;

const DEFAULT_PAGE_SIZE = 500;

/** Calls of one HasOffers target, with helpers that turn `data` into models, pages and flags. */
export abstract class TargetResource {
  constructor(
    protected readonly context: ResourceContext,
    readonly target: string,
  ) {}

  protected send(method: string, params: Params = {}, upload?: FilePart): Promise<JsonValue> {
    return this.context.send(this.target, method, params, upload);
  }

  /** Returns a model, or null when the server found nothing (`null`, `false`, `[]`). */
  protected async one<M extends Model>(
    method: string,
    params: Params,
    modelClass: ModelClass<M>,
  ): Promise<M | null> {
    const data = await this.send(method, params);
    return isJsonObject(data) ? buildModel(data, modelClass, this.context.client) : null;
  }

  /** Returns the written record; the API sends it back for create and update. */
  protected async record<M extends Model>(
    method: string,
    params: Params,
    modelClass: ModelClass<M>,
  ): Promise<M> {
    return this.toRecord(await this.send(method, params), method, modelClass);
  }

  protected toRecord<M extends Model>(
    data: JsonValue,
    method: string,
    modelClass: ModelClass<M>,
  ): M {
    if (!isJsonObject(data)) {
      const received = JSON.stringify(toPlain(data));
      const message = `${this.target}.${method} succeeded but returned ${received} instead of a ${modelClass.modelName} record.`;
      throw new HasOffersError(message, { target: this.target, method });
    }
    return buildModel(data, modelClass, this.context.client);
  }

  protected async list<M extends Model>(
    method: string,
    params: Params,
    modelClass: ModelClass<M>,
  ): Promise<Page<M>> {
    const data = await this.send(method, params);
    const requestedPage = typeof params.page === 'number' ? params.page : 1;
    return toPage(
      data,
      (rows) => buildModels(rows, modelClass, this.context.client),
      requestedPage,
    );
  }

  /** Returns a bare model (tag relation adds), or true/false when the server sent a flag instead. */
  protected async modelOrFlag<M extends Model>(
    method: string,
    params: Params,
    modelClass: ModelClass<M>,
  ): Promise<M | boolean> {
    const data = await this.send(method, params);
    return isJsonObject(data) ? buildModel(data, modelClass, this.context.client) : data === true;
  }

  /** Returns true when the server returned `true` (actions such as block). */
  protected async flag(method: string, params: Params): Promise<boolean> {
    return (await this.send(method, params)) === true;
  }

  /** Returns id lists (`["1","3"]`) as strings. The API returns `[]` or `null` when there are none. */
  protected async ids(method: string, params: Params): Promise<string[]> {
    const data = await this.send(method, params);
    return Array.isArray(data) ? data.map((item) => String(item)) : [];
  }

  /** Returns `data` as plain JavaScript values. */
  protected async raw(method: string, params: Params): Promise<unknown> {
    return toPlain(await this.send(method, params));
  }
}

/**
 * The calls PyOffers offers on every record target: create, update, find and iterate. `D` is the
 * model's writable fields, which create and update take.
 */
export abstract class ModelResource<
  M extends Model,
  D extends RecordData = RecordData,
> extends TargetResource {
  constructor(
    context: ResourceContext,
    target: string,
    protected readonly model: ModelClass<M>,
  ) {
    super(context, target);
  }

  async create(data: D): Promise<M> {
    return this.record('create', { data: this.checkData(data, 'create') }, this.model);
  }

  async update(id: RecordId, data: D): Promise<M> {
    return this.writeUpdate(id, data);
  }

  /** Marks the record deleted (`status: 'deleted'`); these targets have no hard delete. */
  protected softDelete(id: RecordId): Promise<M> {
    return this.writeUpdate(id, { status: 'deleted' });
  }

  /** Checks data against the model's catalogue fields; see checkData. */
  protected checkData<T extends RecordData>(data: T, method: string): T {
    return checkData(data, method, this.model.modelName);
  }

  private writeUpdate(id: RecordId, data: RecordData): Promise<M> {
    const params = { id: checkId(id), data: this.checkData(data, 'update') };
    return this.record('update', params, this.model);
  }

  async findById(id: RecordId, options: FindByIdOptions = {}): Promise<M | null> {
    return this.one('findById', { id: checkId(id), ...selectionParams(options) }, this.model);
  }

  async findAll(options: FindAllOptions = {}): Promise<Page<M>> {
    return this.list('findAll', findAllParams(options, this.model.modelName), this.model);
  }

  /** Ids of matching records; exposed as findAllIds on the targets whose API has it. */
  protected listIds(options: { readonly filters?: Filters } = {}): Promise<string[]> {
    return this.ids('findAllIds', { filters: buildFilterParam(options.filters) });
  }

  /** Yields every matching record, requesting `pageSize` records at a time. */
  async *iterate(options: IterateOptions = {}): AsyncGenerator<M, void, undefined> {
    const { pageSize = DEFAULT_PAGE_SIZE, ...rest } = options;
    checkPositiveInteger(pageSize, 'pageSize');
    yield* iteratePages((page) => this.findAll({ ...rest, limit: pageSize, page }), pageSize);
  }
}

/** Builds the parameters of a findAll-like call. */
export function findAllParams(options: FindAllOptions, modelName: string): Params {
  if (options.page !== undefined && options.limit === undefined) {
    // Without limit the server ignores page and returns every record.
    throw new UsageError(
      `page is ${JSON.stringify(options.page)} but limit is missing. Pass limit (the page size) with page.`,
    );
  }
  return {
    filters: buildFilterParam(options.filters),
    sort: buildSortParam(options.sort, modelName),
    limit: options.limit === undefined ? undefined : checkPositiveInteger(options.limit, 'limit'),
    page: options.page === undefined ? undefined : checkPositiveInteger(options.page, 'page'),
    ...selectionParams(options),
  };
}

function selectionParams(options: FindByIdOptions): Params {
  return {
    fields: options.fields === undefined ? undefined : checkList(options.fields, 'fields'),
    contain: options.contain === undefined ? undefined : checkList(options.contain, 'contain'),
  };
}

function checkList(values: readonly string[], option: string): string[] {
  if (!Array.isArray(values)) {
    throw new UsageError(
      `Option ${option} is ${JSON.stringify(values)}. Pass an array of names, such as ['id'].`,
    );
  }
  return values.map((value) => checkFieldName(String(value)));
}

const ID_PATTERN = /^\d+$/;

/** Accepts a record id as a non-negative integer or a string of digits. */
export function checkId(id: RecordId, name = 'id'): string {
  const text = typeof id === 'number' && Number.isInteger(id) && id >= 0 ? String(id) : id;
  if (typeof text !== 'string' || !ID_PATTERN.test(text)) {
    throw new UsageError(
      `${name} is ${JSON.stringify(id)}, which is not a record id. Pass a number or a string of digits.`,
    );
  }
  return text;
}

export function checkPositiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${name} is ${JSON.stringify(value)}. Pass a whole number of 1 or more.`);
  }
  return value;
}
