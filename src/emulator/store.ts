import type { JsonObject } from './json.js';

/** Rows of one record type, in insertion order, with ids handed out like an auto-increment key. */
export class Table {
  readonly rows = new Map<string, JsonObject>();
  private nextId: number;

  constructor(firstId = 1) {
    this.nextId = firstId;
  }

  insert(build: (id: string) => JsonObject): JsonObject {
    const row = build(String(this.nextId++));
    this.rows.set(String(row['id']), row);
    return row;
  }

  get(id: string | undefined): JsonObject | undefined {
    return id === undefined ? undefined : this.rows.get(id);
  }

  delete(id: string): boolean {
    return this.rows.delete(id);
  }

  /** Moves the next id past `id`, so rows created after seeding never collide with it. */
  reserve(id: number): void {
    if (id >= this.nextId) this.nextId = id + 1;
  }

  values(): IterableIterator<JsonObject> {
    return this.rows.values();
  }
}

/** Names of the stored record types, as the service spells its model wrapper keys. */
export type ModelName =
  | 'Offer'
  | 'Advertiser'
  | 'Affiliate'
  | 'AffiliateUser'
  | 'Conversion'
  | 'Goal'
  | 'OfferFile'
  | 'Tag'
  | 'OfferCategory'
  | 'Country'
  | 'AffiliateOffer'
  | 'OffersTags'
  | 'AffiliatesTags'
  | 'AdvertisersTags';

/** Bytes of an uploaded offer file, served back from the emulator's own origin. */
export interface StoredFile {
  bytes: Uint8Array;
  name: string;
  contentType: string;
}

/** One seeded day of traffic for an offer and affiliate, the source of click counts in reports. */
export interface ClickAggregate {
  date: string;
  hour: number;
  offerId: string;
  affiliateId: string;
  advertiserId: string;
  countryCode: string;
  clicks: number;
  uniqueClicks: number;
  impressions: number;
}

/** All state of one emulated network. */
export class Store {
  readonly tables = new Map<ModelName, Table>();
  /** Offer id to the country codes it targets, in the order they were added. */
  readonly offerCountries = new Map<string, string[]>();
  /** Offer id to its category ids, in the order they were added. */
  readonly offerCategories = new Map<string, string[]>();
  /** Offer id to the affiliate ids blocked from it. */
  readonly blockedAffiliates = new Map<string, Set<string>>();
  readonly files = new Map<string, StoredFile>();
  readonly clickAggregates: ClickAggregate[] = [];

  table(name: ModelName): Table {
    let table = this.tables.get(name);
    if (table === undefined) {
      table = new Table();
      this.tables.set(name, table);
    }
    return table;
  }
}

/** Formats a time as the service writes datetimes: `YYYY-MM-DD hh:mm:ss`, UTC. */
export function formatDatetime(time: Date): string {
  return time.toISOString().slice(0, 19).replace('T', ' ');
}
