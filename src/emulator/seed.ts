import { deriveSeed, Prng } from './prng.js';
import { modelDef } from './models.js';
import {
  CATEGORY_NAMES,
  COMPANY_SUFFIXES,
  COUNTRIES,
  CURRENCIES,
  NOUNS,
  SOURCES,
  USER_AGENTS,
  WORDS,
} from './seed-lists.js';
import { formatDatetime } from './store.js';
import type { JsonObject } from './json.js';
import type { Store } from './store.js';

export type DatasetSize = 'small' | 'medium' | 'large';

interface Counts {
  advertisers: number;
  affiliates: number;
  offers: number;
  goalsPerOffer: number;
  filesPerOffer: number;
  tags: number;
  conversions: number;
  clickAggregates: number;
}

const COUNTS: Record<DatasetSize, Counts> = {
  small: {
    advertisers: 12,
    affiliates: 20,
    offers: 30,
    goalsPerOffer: 1,
    filesPerOffer: 1,
    tags: 8,
    conversions: 300,
    clickAggregates: 400,
  },
  medium: {
    advertisers: 100,
    affiliates: 400,
    offers: 600,
    goalsPerOffer: 2,
    filesPerOffer: 2,
    tags: 30,
    conversions: 20_000,
    clickAggregates: 20_000,
  },
  large: {
    advertisers: 800,
    affiliates: 4_000,
    offers: 5_000,
    goalsPerOffer: 2,
    filesPerOffer: 2,
    tags: 60,
    conversions: 150_000,
    clickAggregates: 100_000,
  },
};

/** Days of history that seeded conversions and click counts spread over, ending at `today`. */
export const SEED_HISTORY_DAYS = 60;

export interface SeedOptions {
  seed: number;
  size: DatasetSize;
  /** Last day of seeded history, `YYYY-MM-DD` (UTC). */
  today: string;
}

/** Fills an empty store with deterministic records: the same options give the same data. */
export function seedStore(store: Store, options: SeedOptions): void {
  const counts = COUNTS[options.size];
  const random = new Prng(deriveSeed(options.seed, 'records'));
  const clock = new SeedClock(options.today, random);
  seedCountries(store);
  seedCategories(store, clock);
  seedAdvertisers(store, random, clock, counts.advertisers);
  seedAffiliates(store, random, clock, counts.affiliates);
  seedOffers(store, random, clock, counts);
  seedTags(store, random, counts.tags);
  seedConversions(store, random, clock, counts.conversions);
  seedClickAggregates(store, random, clock, counts.clickAggregates);
}

/** Random datetimes inside the seeded history window. */
class SeedClock {
  readonly end: number;

  constructor(
    today: string,
    private readonly random: Prng,
  ) {
    this.end = Date.parse(`${today}T23:59:59Z`);
  }

  // NOTE: seeded times run to the end of `today`, so with the default `today` some of them lie
  // later than the current time. Tying them to the clock would make the data differ by the hour.
  datetime(maxDaysBack = SEED_HISTORY_DAYS): string {
    const back = this.random.int(0, maxDaysBack * 86_400 - 1) * 1000;
    return formatDatetime(new Date(this.end - back));
  }
}

function insert(
  store: Store,
  name: Parameters<Store['table']>[0],
  now: string,
  fields: JsonObject,
) {
  const blank = modelDef(name).blank;
  return store.table(name).insert((id) => ({ ...blank(id, now), ...fields, id }));
}

function seedCountries(store: Store): void {
  const table = store.table('Country');
  for (const [id, code, name] of COUNTRIES) {
    table.rows.set(id, { id, code, name, regions: [] });
    table.reserve(Number(id));
  }
}

function seedCategories(store: Store, clock: SeedClock): void {
  for (const name of CATEGORY_NAMES) {
    insert(store, 'OfferCategory', clock.datetime(365), { name, offer_count: '0' });
  }
}

function company(random: Prng): string {
  return `${random.pick(WORDS)} ${random.pick(NOUNS)} ${random.pick(COMPANY_SUFFIXES)}`;
}

function seedAdvertisers(store: Store, random: Prng, clock: SeedClock, count: number): void {
  for (let i = 0; i < count; i++) {
    const country = random.pick(COUNTRIES);
    insert(store, 'Advertiser', clock.datetime(365), {
      status: random.chance(0.85) ? 'active' : random.pick(['pending', 'blocked', 'deleted']),
      company: company(random),
      city: random.pick(['Prague', 'Berlin', 'Madrid', 'Austin', 'London', 'Warsaw']),
      country: country[1],
      zipcode: String(random.int(10000, 99999)),
      phone: `+1${random.int(2000000000, 9999999999)}`,
      website: `http://www.example${i + 1}.com`,
    });
  }
}

function seedAffiliates(store: Store, random: Prng, clock: SeedClock, count: number): void {
  for (let i = 0; i < count; i++) {
    const date = clock.datetime(365);
    const affiliate = insert(store, 'Affiliate', date, {
      company: company(random),
      country: random.pick(COUNTRIES)[1],
      region: random.pick(['Ohio', 'Bavaria', 'Catalonia', 'Bohemia', 'Ontario', null]),
      zipcode: String(random.int(10000, 99999)),
      status: random.chance(0.8) ? 'active' : random.pick(['pending', 'blocked', 'rejected']),
      payment_method: random.pick(['wire', 'paypal', 'check']),
    });
    const first = random.pick(['Anna', 'Jan', 'Maria', 'Peter', 'Lucia', 'Tom']);
    insert(store, 'AffiliateUser', date, {
      affiliate_id: String(affiliate['id']),
      email: `user${i + 1}@example.com`,
      first_name: first,
      last_name: random.pick(['Novak', 'Smith', 'Garcia', 'Muller', 'Rossi']),
      salt: random.hex(32),
      is_creator: true,
    });
  }
}

function seedOffers(store: Store, random: Prng, clock: SeedClock, counts: Counts): void {
  const advertisers = [...store.table('Advertiser').rows.keys()];
  const categories = [...store.table('OfferCategory').rows.keys()];
  for (let i = 0; i < counts.offers; i++) {
    const payout = random.int(1, 80);
    const offer = insert(store, 'Offer', clock.datetime(365), {
      advertiser_id: random.pick(advertisers),
      name: `${random.pick(WORDS)} ${random.pick(NOUNS)} ${random.pick(['CPA', 'CPL', 'App', 'Trial', 'SOI'])}`,
      description: random.chance(0.5) ? 'Seeded offer for local testing.' : '',
      preview_url: `http://preview.example.com/offer/${i + 1}`,
      offer_url: `http://www.example.com/landing?offer=${i + 1}&transaction_id={transaction_id}`,
      currency: random.chance(0.6) ? null : random.pick(CURRENCIES),
      default_payout: payout.toFixed(5),
      max_payout: (payout * 1.5).toFixed(5),
      status: random.chance(0.75)
        ? 'active'
        : random.pick(['paused', 'pending', 'expired', 'deleted']),
      expiration_date: `${2030 + random.int(0, 5)}-12-31 23:59:59`,
      is_private: random.chance(0.2) ? '1' : '0',
      require_approval: random.chance(0.3) ? '1' : '0',
      payout_type: random.pick(['cpa_flat', 'cpa_flat', 'cpc', 'cpa_percentage']),
      modified: Math.floor(clock.end / 1000) - random.int(0, 86_400 * 90),
    });
    const offerId = String(offer['id']);
    store.offerCountries.set(offerId, [random.pick(COUNTRIES)[1]]);
    store.offerCategories.set(offerId, [random.pick(categories)]);
    seedGoals(store, random, offerId, counts.goalsPerOffer);
    seedFiles(store, random, clock, offerId, counts.filesPerOffer);
  }
  countOffersPerCategory(store);
}

function seedGoals(store: Store, random: Prng, offerId: string, count: number): void {
  for (let i = 0; i < count; i++) {
    insert(store, 'Goal', '', {
      offer_id: offerId,
      name: random.pick(['Sale', 'Lead', 'Install', 'Registration', 'Deposit']),
      description: random.chance(0.5) ? null : 'Seeded goal',
      default_payout: random.int(1, 30).toFixed(5),
    });
  }
}

function seedFiles(
  store: Store,
  random: Prng,
  clock: SeedClock,
  offerId: string,
  count: number,
): void {
  for (let i = 0; i < count; i++) {
    const banner = random.chance(0.5);
    insert(store, 'OfferFile', clock.datetime(365), {
      offer_id: offerId,
      display: banner ? `banner_${offerId}_${i + 1}.png` : `Text link ${offerId}`,
      filename: banner ? `banner_${offerId}_${i + 1}.png` : '',
      size: banner ? String(random.int(2000, 90000)) : '0',
      type: banner ? 'image banner' : 'text ad',
      width: banner ? '300' : null,
      height: banner ? '250' : null,
      code: banner ? null : `http://www.example.com/creative/${offerId}`,
      url: banner ? `http://media.example.com/banner_${offerId}_${i + 1}.png` : null,
      preview_uri: `http://media.example.com/preview/${offerId}`,
    });
  }
}

function countOffersPerCategory(store: Store): void {
  const counts = new Map<string, number>();
  for (const ids of store.offerCategories.values()) {
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const [id, count] of counts) {
    const row = store.table('OfferCategory').get(id);
    if (row !== undefined) row['offer_count'] = String(count);
  }
}

function seedTags(store: Store, random: Prng, count: number): void {
  for (let i = 0; i < count; i++) {
    insert(store, 'Tag', '', {
      name: `${random.pick(WORDS).toLowerCase()}_${i + 1}`,
      offer_applicable: '1',
      affiliate_applicable: random.chance(0.5) ? '1' : '0',
      advertiser_applicable: random.chance(0.3) ? '1' : '0',
    });
  }
}

/** Picks a published status code of the status group: approved 41-43, pending 31, rejected 11-14. */
function statusCode(random: Prng, status: string): string {
  if (status === 'approved') return random.pick(APPROVED_CODES);
  if (status === 'rejected') return random.pick(REJECTED_CODES);
  return '31';
}

const APPROVED_CODES = ['41', '42', '43'];
const REJECTED_CODES = ['11', '12', '13', '14'];

function seedConversions(store: Store, random: Prng, clock: SeedClock, count: number): void {
  const offers = [...store.table('Offer').values()];
  const affiliates = [...store.table('Affiliate').rows.keys()];
  for (let i = 0; i < count; i++) {
    const offer = random.pick(offers);
    const roll = random.next();
    let status = 'rejected';
    if (roll < 0.7) status = 'approved';
    else if (roll < 0.9) status = 'pending';
    const payout = Number(offer['default_payout']) || 1;
    insert(store, 'Conversion', '', {
      internal_ad_id: `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`,
      ad_id: random.hex(30),
      affiliate_id: random.pick(affiliates),
      advertiser_id: String(offer['advertiser_id'] ?? '0'),
      offer_id: String(offer['id']),
      source: random.chance(0.6) ? random.pick(SOURCES) : null,
      affiliate_info1: random.chance(0.4) ? random.hex(8) : null,
      datetime: clock.datetime(),
      payout: payout.toFixed(5),
      revenue: (payout * 1.3).toFixed(5),
      ip: `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      session_ip: '127.0.0.1',
      status,
      status_code: statusCode(random, status),
      user_agent: random.pick(USER_AGENTS),
      country_code: random.pick(COUNTRIES)[1],
      currency: typeof offer['currency'] === 'string' ? offer['currency'] : 'USD',
    });
  }
}

function seedClickAggregates(store: Store, random: Prng, clock: SeedClock, count: number): void {
  const offers = [...store.table('Offer').values()];
  const affiliates = [...store.table('Affiliate').rows.keys()];
  for (let i = 0; i < count; i++) {
    const offer = random.pick(offers);
    const datetime = clock.datetime();
    const clicks = random.int(1, 400);
    store.clickAggregates.push({
      date: datetime.slice(0, 10),
      hour: Number(datetime.slice(11, 13)),
      offerId: String(offer['id']),
      affiliateId: random.pick(affiliates),
      advertiserId: String(offer['advertiser_id'] ?? '0'),
      countryCode: random.pick(COUNTRIES)[1],
      clicks,
      uniqueClicks: Math.max(1, Math.floor(clicks * (0.6 + random.next() * 0.35))),
      impressions: clicks * random.int(3, 20),
    });
  }
}
