import { ApiError } from '../envelope.js';
import { scalar } from '../params.js';
import type { ParamMap } from '../params.js';
import type { Fact } from './facts.js';

const HOUR_MS = 3_600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The emulated network's currency; report amounts are summed in it unconverted. */
export const NETWORK_CURRENCY = 'USD';

/** The time frame of a report: `data_start` and `data_end` as dates and the `hour_offset`. */
export interface ReportWindow {
  start: string | undefined;
  end: string | undefined;
  hourOffset: number;
}

/** Reads `data_start`, `data_end`, `hour_offset` and `currency`, rejecting values it cannot use. */
export function readReportWindow(params: ParamMap): ReportWindow {
  const offset = scalar(params, 'hour_offset') ?? '';
  if (offset !== '' && !/^[+-]?\d+$/.test(offset)) {
    throw ApiError.message(`hour_offset must be a whole number of hours, got "${offset}".`);
  }
  checkCurrency(scalar(params, 'currency'));
  return {
    start: readDate(params, 'data_start'),
    end: readDate(params, 'data_end'),
    hourOffset: offset === '' ? 0 : Number(offset),
  };
}

function readDate(params: ParamMap, name: string): string | undefined {
  const value = scalar(params, name);
  if (value === undefined || value === '') return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw ApiError.message(`${name} must be a date as YYYY-MM-DD, got "${value}".`);
  }
  return value;
}

/**
 * NOTE: the service converts amounts into the requested currency. The emulator has no exchange
 * rates, so it rejects any currency other than the network's instead of sending wrong amounts.
 */
function checkCurrency(currency: string | undefined): void {
  if (currency === undefined || currency === '' || currency === NETWORK_CURRENCY) return;
  throw ApiError.message(
    `Currency "${currency}" is not available in the emulator, which reports amounts in ` +
      `${NETWORK_CURRENCY} only. Send currency=${NETWORK_CURRENCY} or leave it out.`,
  );
}

/**
 * Moves a fact's date and hour by `hours`, as the service does for `hour_offset`, so `Stat.date`
 * and `Stat.hour` read in the shifted zone. Stored conversion fields such as `Stat.datetime` keep
 * their recorded time.
 */
export function shiftFact(fact: Fact, hours: number): Fact {
  if (hours === 0) return fact;
  const shifted = new Date(Date.parse(`${fact.date}T00:00:00Z`) + (fact.hour + hours) * HOUR_MS);
  return { ...fact, date: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}

/** Whether a fact's date lies in the window's `data_start`..`data_end`, both inclusive. */
export function inWindow(window: ReportWindow, fact: Fact): boolean {
  const { start, end } = window;
  return (start === undefined || fact.date >= start) && (end === undefined || fact.date <= end);
}
