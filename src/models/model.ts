import { inspect } from 'node:util';

import type { HasOffers } from '../client.js';

/** A contained record: one model, several, a plain string (CreativeCode) or nothing. */
export type Contained = Model | readonly Model[] | string | null;

/** Record fields as the server sent them: strings mostly, sometimes numbers or booleans. */
export type Fields = Readonly<Record<string, unknown>>;

const ZERO_DATE_PATTERN = /^0000-00-00/;
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
// Timestamps at or before 0001-01-01 stand for "never set" (the API sends -62169966000).
const EARLIEST_REAL_TIMESTAMP = -62135596800;

/** Everything about a record besides its fields. */
export interface ModelInit {
  readonly contained?: Readonly<Record<string, Contained>>;
  /** The client that loaded the record; model methods call the API through it. */
  readonly client?: HasOffers;
  /** Wire name for records of models without their own class. */
  readonly modelName?: string;
  /** Id to use when the fields leave it out (`fields[]` without `id`); the map key of the row. */
  readonly id?: string;
}

/**
 * One HasOffers record. `fields` keeps the server's values unchanged; the typed accessors convert
 * on read. Contained models sit in `contained` under their lower-cased name (`country`).
 *
 * `F` lists the fields the catalogue documents for the model. Nothing checks the server's record
 * against it, so fields that the catalogue misses are still in `fields` at run time. Read them with
 * `str()` and the other accessors, which take any name.
 */
export class Model<F extends Fields = Fields> {
  /** Name of the model on the wire, such as `Offer`. */
  static readonly modelName: string = 'Model';
  /** Field shown by toString(). */
  static readonly displayField: string = 'id';

  readonly id: string;
  readonly fields: F;
  readonly contained: Readonly<Record<string, Contained>>;
  readonly #client: HasOffers | undefined;
  readonly #modelName: string;

  constructor(fields: Fields, init: ModelInit = {}) {
    // NOTE: the record is trusted to match F; nothing checks it against the catalogue at run time.
    this.fields = Object.freeze({ ...fields }) as F;
    this.contained = Object.freeze({ ...init.contained });
    const id = fields.id ?? init.id;
    this.id = id === undefined || id === null ? '' : String(id);
    this.#client = init.client;
    this.#modelName = init.modelName ?? (this.constructor as typeof Model).modelName;
  }

  get modelName(): string {
    return this.#modelName;
  }

  /** Returns the client that loaded this record, which update() and related lists call through. */
  protected get client(): HasOffers {
    if (this.#client === undefined) {
      throw new Error(
        `${this.modelName} ${this.id} was built without a client, so it cannot call the API.`,
      );
    }
    return this.#client;
  }

  /** Returns the field as a string, or undefined when it is missing or null. */
  str(name: string): string | undefined {
    const value = this.field(name);
    return value === undefined || value === null ? undefined : String(value);
  }

  /** Returns the field as an integer; undefined when missing, null or empty. Throws on other text. */
  int(name: string): number | undefined {
    const value = this.num(name);
    if (value !== undefined && !Number.isInteger(value))
      throw this.conversionError(name, 'an integer');
    return value;
  }

  /** Returns the field as a number (`"1.00000"` becomes 1); undefined when missing, null or empty. */
  num(name: string): number | undefined {
    const value = this.field(name);
    if (value === undefined || value === null || value === '') return undefined;
    const result = typeof value === 'number' ? value : Number(value);
    if (typeof value === 'boolean' || Number.isNaN(result))
      throw this.conversionError(name, 'a number');
    return result;
  }

  /** Returns the field as a boolean from `1`/`0`, `"1"`/`"0"`, `true`/`false`. */
  bool(name: string): boolean | undefined {
    const value = this.field(name);
    if (value === undefined || value === null || value === '') return undefined;
    if (value === true || value === 1 || value === '1' || value === 'true') return true;
    if (value === false || value === 0 || value === '0' || value === 'false') return false;
    throw this.conversionError(name, 'a boolean');
  }

  /**
   * Returns the field as a Date. `YYYY-MM-DD hh:mm:ss` is read as UTC and a number as Unix
   * seconds; the zero date (`0000-00-00 …`, or -62169966000) gives undefined.
   */
  date(name: string): Date | undefined {
    const value = this.field(name);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'number')
      return value <= EARLIEST_REAL_TIMESTAMP ? undefined : new Date(value * 1000);
    const text = String(value);
    if (ZERO_DATE_PATTERN.test(text)) return undefined;
    const match = DATE_TIME_PATTERN.exec(text);
    if (match === null) throw this.conversionError(name, 'a date');
    const [, year, month, day, hour, minute, second] = match.map((part) => Number(part ?? 0));
    return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  }

  /** Plain object of the fields plus contained records under their lower-cased names. */
  toJSON(): Record<string, unknown> {
    const result: Record<string, unknown> = { ...this.fields };
    for (const [name, value] of Object.entries(this.contained)) {
      result[name] = Array.isArray(value)
        ? value.map((item: Model) => item.toJSON())
        : value instanceof Model
          ? value.toJSON()
          : value;
    }
    return result;
  }

  toString(): string {
    const display = this.field((this.constructor as typeof Model).displayField) ?? this.id;
    return `${this.modelName}: ${String(display)}`;
  }

  [inspect.custom](): string {
    return `<${this.toString()}>`;
  }

  /** Reads any field by name, including fields that `F` does not list. */
  private field(name: string): unknown {
    return (this.fields as Fields)[name];
  }

  private conversionError(name: string, kind: string): TypeError {
    return new TypeError(
      `${this.modelName} ${this.id}: field ${name} is ${JSON.stringify(this.field(name))}, not ${kind}. Read it with str('${name}').`,
    );
  }
}
