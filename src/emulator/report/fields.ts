import type { Json } from '../json.js';
import type { Store } from '../store.js';
import type { Fact } from './facts.js';

/** Sums that report rows add up per group: the fact's counters plus conversions by status. */
export interface Totals extends Pick<
  Fact,
  'clicks' | 'uniqueClicks' | 'impressions' | 'conversions' | 'payout' | 'revenue' | 'saleAmount'
> {
  approved: number;
  pending: number;
  rejected: number;
}

export function emptyTotals(): Totals {
  return {
    clicks: 0,
    uniqueClicks: 0,
    impressions: 0,
    conversions: 0,
    payout: 0,
    revenue: 0,
    saleAmount: 0,
    approved: 0,
    pending: 0,
    rejected: 0,
  };
}

export function addFact(totals: Totals, fact: Fact): void {
  totals.clicks += fact.clicks;
  totals.uniqueClicks += fact.uniqueClicks;
  totals.impressions += fact.impressions;
  totals.conversions += fact.conversions;
  totals.payout += fact.payout;
  totals.revenue += fact.revenue;
  totals.saleAmount += fact.saleAmount;
  const status = fact.conversion?.['status'];
  if (status === 'approved') totals.approved++;
  else if (status === 'pending') totals.pending++;
  else if (status === 'rejected') totals.rejected++;
}

const money = (value: number) => value.toFixed(2);
const ratio = (part: number, whole: number) =>
  whole === 0 ? '0.00' : ((part / whole) * 100).toFixed(2);
const per = (amount: number, count: number, scale = 1) =>
  count === 0 ? '0.00' : ((amount / count) * scale).toFixed(2);

/** Aggregate report fields, written as strings like the service's report values. */
const MEASURES: Record<string, (totals: Totals) => string> = {
  'Stat.clicks': (t) => String(t.clicks),
  'Stat.gross_clicks': (t) => String(t.clicks),
  'Stat.unique_clicks': (t) => String(t.uniqueClicks),
  'Stat.impressions': (t) => String(t.impressions),
  'Stat.conversions': (t) => String(t.conversions),
  'Stat.count': (t) => String(t.conversions),
  'Stat.count_approved': (t) => String(t.approved),
  'Stat.count_pending': (t) => String(t.pending),
  'Stat.count_rejected': (t) => String(t.rejected),
  'Stat.payout': (t) => money(t.payout),
  'Stat.revenue': (t) => money(t.revenue),
  'Stat.sale_amount': (t) => money(t.saleAmount),
  'Stat.profit': (t) => money(t.revenue - t.payout),
  'Stat.ctr': (t) => ratio(t.clicks, t.impressions),
  'Stat.unique_ctr': (t) => ratio(t.uniqueClicks, t.impressions),
  'Stat.ltr': (t) => ratio(t.conversions, t.clicks),
  'Stat.approved_rate': (t) => ratio(t.approved, t.conversions),
  'Stat.rejected_rate': (t) => ratio(t.rejected, t.conversions),
  'Stat.cpc': (t) => per(t.payout, t.clicks),
  'Stat.rpc': (t) => per(t.revenue, t.clicks),
  'Stat.epc': (t) => per(t.payout, t.clicks),
  'Stat.erpc': (t) => per(t.revenue, t.clicks),
  'Stat.cpa': (t) => per(t.payout, t.conversions),
  'Stat.rpa': (t) => per(t.revenue, t.conversions),
  'Stat.cpm': (t) => per(t.payout, t.impressions, 1000),
  'Stat.rpm': (t) => per(t.revenue, t.impressions, 1000),
};

export function isMeasure(field: string): boolean {
  return Object.hasOwn(MEASURES, field);
}

export function measureValue(field: string, totals: Totals): string {
  return MEASURES[field]?.(totals) ?? '0';
}

/** Reads a dimension field (`Stat.offer_id`, `Offer.name`, …) of a fact; null when unknown. */
export function dimensionValue(field: string, fact: Fact, store: Store): Json {
  const [model, name = ''] = field.split('.', 2);
  if (model === 'Stat') return statDimension(name, fact);
  const lookup: Record<string, () => Json> = {
    'Offer.name': () => store.table('Offer').get(fact.offerId)?.['name'] ?? null,
    'Affiliate.company': () => store.table('Affiliate').get(fact.affiliateId)?.['company'] ?? null,
    'Advertiser.company': () =>
      store.table('Advertiser').get(fact.advertiserId)?.['company'] ?? null,
    'Goal.name': () => store.table('Goal').get(fact.goalId)?.['name'] ?? null,
    'Country.name': () => countryName(store, fact.countryCode),
  };
  return lookup[field]?.() ?? null;
}

function statDimension(name: string, fact: Fact): Json {
  switch (name) {
    case 'date':
      return fact.date;
    case 'hour':
      return String(fact.hour);
    case 'month':
      return fact.date.slice(0, 7);
    case 'year':
      return fact.date.slice(0, 4);
    case 'week':
      return String(isoWeek(fact.date));
    case 'offer_id':
      return fact.offerId;
    case 'affiliate_id':
      return fact.affiliateId;
    case 'advertiser_id':
      return fact.advertiserId;
    case 'country_code':
      return fact.countryCode;
    case 'goal_id':
      return fact.goalId;
    case 'source':
      return fact.source;
    case 'currency':
      return fact.currency;
  }
  const stored = fact.conversion?.[name];
  return stored === undefined ? null : stored;
}

function countryName(store: Store, code: string): Json {
  for (const country of store.table('Country').values()) {
    if (country['code'] === code) return country['name'] ?? null;
  }
  return null;
}

function isoWeek(date: string): number {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}
