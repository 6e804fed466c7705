import type { JsonObject } from '../json.js';
import type { Store } from '../store.js';

/** One unit of report input: a click aggregate or a single conversion, with its dimensions. */
export interface Fact {
  date: string;
  hour: number;
  offerId: string;
  affiliateId: string;
  advertiserId: string;
  countryCode: string;
  goalId: string;
  source: string | null;
  currency: string;
  clicks: number;
  uniqueClicks: number;
  impressions: number;
  conversions: number;
  payout: number;
  revenue: number;
  saleAmount: number;
  /** The stored conversion behind a conversion fact, for conversion-report fields. */
  conversion?: JsonObject;
}

/** Facts for Report.getStats: seeded click aggregates plus every stored conversion. */
export function statFacts(store: Store): Fact[] {
  const facts: Fact[] = store.clickAggregates.map((aggregate) => ({
    date: aggregate.date,
    hour: aggregate.hour,
    offerId: aggregate.offerId,
    affiliateId: aggregate.affiliateId,
    advertiserId: aggregate.advertiserId,
    countryCode: aggregate.countryCode,
    goalId: '0',
    source: null,
    currency: 'USD',
    clicks: aggregate.clicks,
    uniqueClicks: aggregate.uniqueClicks,
    impressions: aggregate.impressions,
    conversions: 0,
    payout: 0,
    revenue: 0,
    saleAmount: 0,
  }));
  for (const fact of conversionFacts(store)) facts.push(fact);
  return facts;
}

/** Facts for Report.getConversions: one per stored conversion. */
export function conversionFacts(store: Store): Fact[] {
  const facts: Fact[] = [];
  for (const row of store.table('Conversion').values()) {
    const datetime = String(row['datetime'] ?? '');
    facts.push({
      date: datetime.slice(0, 10),
      hour: Number(datetime.slice(11, 13)) || 0,
      offerId: String(row['offer_id'] ?? '0'),
      affiliateId: String(row['affiliate_id'] ?? '0'),
      advertiserId: String(row['advertiser_id'] ?? '0'),
      countryCode: String(row['country_code'] ?? ''),
      goalId: String(row['goal_id'] ?? '0'),
      source: typeof row['source'] === 'string' ? row['source'] : null,
      currency: String(row['currency'] ?? 'USD'),
      clicks: 0,
      uniqueClicks: 0,
      impressions: 0,
      conversions: 1,
      payout: Number(row['payout'] ?? 0),
      revenue: Number(row['revenue'] ?? 0),
      saleAmount: Number(row['sale_amount'] ?? 0),
      conversion: row,
    });
  }
  return facts;
}
