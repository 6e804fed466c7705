import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { ClickAggregate, Store } from './store.js';
import type { EmulatorState } from './state.js';

/** A 1×1 transparent GIF, the body of the impression pixel. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Macros the emulator fills in an offer URL. Others, which the service also fills, stay as sent. */
const URL_MACROS = ['transaction_id', 'offer_id', 'aff_id', 'affiliate_id', 'source'] as const;

/**
 * Routes behind the links of `Offer.generateTrackingLink`: `/aff_c` records a click and redirects
 * to the offer URL, `/aff_i` records an impression and returns a pixel. Both count in reports.
 * NOTE: recorded clicks do not show up in raw logs, which are generated from the seed, and the
 * short `tiny_url` links are not served.
 */
export function trackingRoutes(state: EmulatorState): Hono {
  const tracking = new Hono();
  tracking.get('/aff_c', (c) => {
    const visit = readVisit(state.store, new URL(c.req.url));
    if ('problem' in visit) return c.text(visit.problem, visit.status);
    const transactionId = randomBytes(15).toString('hex');
    record(state.store, visit, { clicks: 1, uniqueClicks: 1, impressions: 0 });
    const location = fillMacros(visit.offerUrl, {
      transaction_id: transactionId,
      offer_id: visit.offerId,
      aff_id: visit.affiliateId,
      affiliate_id: visit.affiliateId,
      source: visit.source,
    });
    return c.redirect(location, 302);
  });
  tracking.get('/aff_i', (c) => {
    const visit = readVisit(state.store, new URL(c.req.url));
    if ('problem' in visit) return c.text(visit.problem, visit.status);
    record(state.store, visit, { clicks: 0, uniqueClicks: 0, impressions: 1 });
    return c.body(PIXEL, 200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' });
  });
  return tracking;
}

interface Visit {
  offerId: string;
  affiliateId: string;
  advertiserId: string;
  offerUrl: string;
  source: string;
}

interface Rejection {
  status: 400 | 404;
  problem: string;
}

/** Reads and checks `offer_id` and `aff_id` of a tracking URL. */
function readVisit(store: Store, url: URL): Visit | Rejection {
  const offerId = url.searchParams.get('offer_id') ?? '';
  const affiliateId = url.searchParams.get('aff_id') ?? '';
  if (!/^\d+$/.test(offerId)) {
    return { status: 400, problem: 'offer_id is missing or not a whole number.' };
  }
  if (!/^\d+$/.test(affiliateId)) {
    return { status: 400, problem: 'aff_id is missing or not a whole number.' };
  }
  const offer = store.table('Offer').get(offerId);
  if (offer === undefined) return { status: 404, problem: `Offer ${offerId} was not found.` };
  if (store.table('Affiliate').get(affiliateId) === undefined) {
    return { status: 404, problem: `Affiliate ${affiliateId} was not found.` };
  }
  return {
    offerId,
    affiliateId,
    advertiserId: String(offer['advertiser_id'] ?? '0'),
    offerUrl: typeof offer['offer_url'] === 'string' ? offer['offer_url'] : '',
    source: url.searchParams.get('source') ?? '',
  };
}

function record(
  store: Store,
  visit: Visit,
  counts: Pick<ClickAggregate, 'clicks' | 'uniqueClicks' | 'impressions'>,
): void {
  const now = new Date();
  store.clickAggregates.push({
    date: now.toISOString().slice(0, 10),
    hour: now.getUTCHours(),
    offerId: visit.offerId,
    affiliateId: visit.affiliateId,
    advertiserId: visit.advertiserId,
    countryCode: '',
    ...counts,
  });
}

function fillMacros(template: string, values: Record<(typeof URL_MACROS)[number], string>): string {
  let url = template;
  for (const name of URL_MACROS) {
    url = url.replaceAll(`{${name}}`, encodeURIComponent(values[name]));
  }
  return url;
}
