import { COUNTRIES, CURRENCIES, DEVICES, SOURCES, USER_AGENTS } from '../seed-lists.js';
import { formatDatetime } from '../store.js';
import { COLUMNS } from './columns.js';
import type { Prng } from '../prng.js';
import type { Column, LogType } from './columns.js';

export type CsvValue = string | number;

/** Ranges of seeded ids that log rows refer to. */
export interface IdRanges {
  offers: number;
  affiliates: number;
  advertisers: number;
}

interface RowContext {
  random: Prng;
  ids: IdRanges;
  /** Datetime of this row inside the hour, rows in ascending time order. */
  datetime: string;
}

type RowBuilder = (context: RowContext) => Record<string, CsvValue>;

function uuid(random: Prng): string {
  return `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`;
}

function ip(random: Prng): string {
  return `${random.int(1, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}

function ids(context: RowContext) {
  const { random } = context;
  return {
    offer: random.int(1, Math.max(1, context.ids.offers)),
    affiliate: random.int(1, Math.max(1, context.ids.affiliates)),
    advertiser: random.int(1, Math.max(1, context.ids.advertisers)),
  };
}

const clickRow: RowBuilder = (context) => {
  const { random } = context;
  const { offer, affiliate, advertiser } = ids(context);
  const source = random.pick(SOURCES);
  const sub4 = uuid(random);
  const device = random.pick(DEVICES);
  const payoutType = random.pick(['cpa_flat', 'cpc']);
  return {
    transaction_id: random.hex(30),
    affiliate_id: affiliate,
    affiliate_manager_id: random.int(1, 12),
    advertiser_id: advertiser,
    advertiser_manager_id: random.int(1, 12),
    offer_id: offer,
    affiliate_source: source,
    affiliate_sub1: random.pick(['UNUSE', 'THM', 'BNR', '']),
    affiliate_sub2: random.pick(['PD', 'AD', '']),
    affiliate_sub4: sub4,
    datetime: context.datetime,
    revenue_cents: payoutType === 'cpc' ? String(random.int(5, 400)) : '',
    url: `http://tracking.example.com/aff_c?offer_id=${offer}&aff_id=${affiliate}&source=${source}&aff_sub4=${sub4}`,
    ip: ip(random),
    user_agent: random.pick(USER_AGENTS),
    country_code: random.pick(COUNTRIES)[1],
    browser_id: random.int(1, 12),
    is_click_unique: random.chance(0.7) ? 1 : 0,
    currency: random.pick(CURRENCIES),
    payout_type: 'cpa_flat',
    revenue_type: payoutType,
    device_brand: device[0],
    device_model: device[1],
    device_os: device[2],
    device_os_version: device[3],
    payout_group_id: 0,
    revenue_group_id: 0,
    req_connection_speed: random.pick(['mobile', 'broadband']),
  };
};

/** A conversion status code of each status group: approved 41, approval pending 31, rejected 11. */
const STATUS_CODES: Record<string, string> = { approved: '41', pending: '31', rejected: '11' };

const conversionRow: RowBuilder = (context) => {
  const { random } = context;
  const { offer, affiliate, advertiser } = ids(context);
  const status = random.pick(['approved', 'approved', 'pending', 'rejected']);
  const payout = random.int(100, 5000);
  return {
    conversion_id: random.int(1, 10_000_000),
    transaction_id: random.hex(30),
    affiliate_id: affiliate,
    advertiser_id: advertiser,
    offer_id: offer,
    goal_id: 0,
    datetime: context.datetime,
    session_datetime: context.datetime,
    status,
    status_code: STATUS_CODES[status] ?? '0',
    payout_cents: String(payout),
    revenue_cents: String(Math.round(payout * 1.3)),
    currency: random.pick(CURRENCIES),
    ip: ip(random),
    session_ip: ip(random),
    country_code: random.pick(COUNTRIES)[1],
    user_agent: random.pick(USER_AGENTS),
    affiliate_sub1: random.pick(['', 'THM', 'BNR']),
    is_adjustment: 0,
  };
};

const impressionRow: RowBuilder = (context) => {
  const { random } = context;
  const { offer, affiliate } = ids(context);
  const device = random.pick(DEVICES);
  return {
    impression_id: random.hex(30),
    affiliate_id: affiliate,
    offer_id: offer,
    offer_file_id: random.int(0, 40),
    datetime: context.datetime,
    ip: ip(random),
    user_agent: random.pick(USER_AGENTS),
    country_code: random.pick(COUNTRIES)[1],
    is_impression_unique: random.chance(0.6) ? 1 : 0,
    device_os: device[2],
    device_brand: device[0],
  };
};

const BUILDERS: Record<LogType, RowBuilder> = {
  clicks: clickRow,
  conversions: conversionRow,
  impressions: impressionRow,
};

/** Writes one CSV line: strings quoted with inner quotes doubled, numbers bare, LF ending. */
export function csvLine(type: LogType, values: Record<string, CsvValue>): string {
  const columns = COLUMNS[type];
  let line = '';
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index] as Column;
    const value = values[column.name];
    if (index > 0) line += ',';
    if (column.kind === 'number') {
      line += value ?? 0;
    } else {
      const text = value === undefined ? '' : String(value);
      line += '"' + (text.includes('"') ? text.replaceAll('"', '""') : text) + '"';
    }
  }
  return line + '\n';
}

export function csvHeader(type: LogType): string {
  return COLUMNS[type].map((column) => column.name).join(',') + '\n';
}

/**
 * Builds rows `from` to `to` (exclusive) of an hourly file. Times rise through the hour, so the
 * same row always gets the same values when the file is generated batch by batch.
 */
export function buildRows(
  type: LogType,
  random: Prng,
  ids: IdRanges,
  hourStartMs: number,
  total: number,
  from: number,
  to: number,
): string {
  let text = '';
  for (let index = from; index < to; index++) {
    const offsetMs = Math.floor((index * 3_600_000) / Math.max(total, 1));
    const datetime = formatDatetime(new Date(hourStartMs + offsetMs));
    text += csvLine(type, BUILDERS[type]({ random, ids, datetime }));
  }
  return text;
}
