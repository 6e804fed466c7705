import { FormatError } from '../core/errors.js';
import type { LogRecord } from './types.js';

/** Columns of a clicks log in file order, as recorded in 2016. Newer files may add more. */
export const CLICK_COLUMNS = [
  'transaction_id',
  'affiliate_id',
  'affiliate_manager_id',
  'advertiser_id',
  'advertiser_manager_id',
  'offer_id',
  'creative_url_id',
  'affiliate_source',
  'affiliate_sub1',
  'affiliate_sub2',
  'affiliate_sub3',
  'affiliate_sub4',
  'affiliate_sub5',
  'datetime',
  'revenue_cents',
  'payout_cents',
  'refer',
  'url',
  'pixel_refer',
  'ip',
  'user_agent',
  'country_code',
  'browser_id',
  'is_click_unique',
  'ad_campaign_id',
  'ad_campaign_creative_id',
  'offer_file_id',
  'status',
  'offer_file_size',
  'currency',
  'payout_type',
  'revenue_type',
  'device_brand',
  'device_model',
  'device_os',
  'device_os_version',
  'device_id',
  'device_id_md5',
  'device_id_sha1',
  'android_id',
  'android_id_md5',
  'android_id_sha1',
  'mac_address',
  'mac_address_md5',
  'mac_address_sha1',
  'odin',
  'open_udid',
  'ios_ifa',
  'ios_ifa_md5',
  'ios_ifa_sha1',
  'ios_ifv',
  'user_id',
  'unknown_id',
  'payout_group_id',
  'revenue_group_id',
  'req_connection_speed',
  'google_aid',
] as const;

export type ClickColumn = (typeof CLICK_COLUMNS)[number];

/** A clicks log row: every recorded column as text, plus any columns newer files add. */
export type ClickFields = Record<ClickColumn, string> & LogRecord;

const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function fieldOf(record: LogRecord, column: string): string {
  const value = record[column];
  if (value === undefined) {
    throw new FormatError(
      `Log record has no column ${JSON.stringify(column)}. Its columns are ` +
        `${Object.keys(record).join(', ')}.`,
    );
  }
  return value;
}

/** Reads a bare or quoted number column; an empty value is `undefined`. */
export function numberField(record: LogRecord, column: string): number | undefined {
  const text = fieldOf(record, column);
  if (text === '') {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new FormatError(
      `Log column ${JSON.stringify(column)} contains ${JSON.stringify(text)}, which is not a number.`,
    );
  }
  return value;
}

/** Reads a `YYYY-MM-DD HH:MM:SS` column as a UTC time; an empty value is `undefined`. */
export function datetimeField(record: LogRecord, column: string): Date | undefined {
  const text = fieldOf(record, column);
  if (text === '') {
    return undefined;
  }
  const date = DATETIME_PATTERN.test(text) ? new Date(`${text.replace(' ', 'T')}Z`) : undefined;
  // Date rolls "2016-02-30" over to March 1, so the round trip catches days a month lacks.
  const roundTrip = date !== undefined && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
  if (date === undefined || roundTrip.slice(0, 19) !== text.replace(' ', 'T')) {
    throw new FormatError(
      `Log column ${JSON.stringify(column)} contains ${JSON.stringify(text)}, ` +
        'which is not a UTC time of the form YYYY-MM-DD HH:MM:SS.',
    );
  }
  return date;
}

/** Typed view of one clicks log row; `fields` keeps the file's text unchanged. */
export class Click {
  constructor(readonly fields: ClickFields) {}

  /** Wraps a record from `rawLogs.clicks.records()`, checking that it has every click column. */
  static from(record: LogRecord): Click {
    const missing = CLICK_COLUMNS.filter((column) => record[column] === undefined);
    if (missing.length > 0) {
      throw new FormatError(
        `Log record is not a click: it lacks the columns ${missing.join(', ')}.`,
      );
    }
    return new Click(record as ClickFields);
  }

  get transactionId(): string {
    return this.fields.transaction_id;
  }

  get offerId(): number | undefined {
    return numberField(this.fields, 'offer_id');
  }

  get affiliateId(): number | undefined {
    return numberField(this.fields, 'affiliate_id');
  }

  get advertiserId(): number | undefined {
    return numberField(this.fields, 'advertiser_id');
  }

  /** Click time in UTC. */
  get datetime(): Date | undefined {
    return datetimeField(this.fields, 'datetime');
  }

  get revenueCents(): number | undefined {
    return numberField(this.fields, 'revenue_cents');
  }

  get payoutCents(): number | undefined {
    return numberField(this.fields, 'payout_cents');
  }

  /** True when the ad server counted the click as unique (`is_click_unique` is 1). */
  get isUnique(): boolean {
    return this.fields.is_click_unique === '1';
  }

  toJSON(): ClickFields {
    return { ...this.fields };
  }

  toString(): string {
    return `Click: ${this.transactionId}`;
  }
}
