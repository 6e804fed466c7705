import { CliUsageError } from './cli-error.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Parses `YYYY-MM-DD` or `YYYYMMDD` into a UTC date, rejecting impossible dates like 02-30. */
export function parseDay(flag: string, text: string): Date {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined;
  if (
    match === null ||
    date === undefined ||
    formatDay(date) !== `${match[1]}-${match[2]}-${match[3]}`
  ) {
    throw new CliUsageError(`invalid ${flag} '${text}': expected a date as YYYY-MM-DD`);
  }
  return date;
}

/** Formats a date as `YYYY-MM-DD` in UTC. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Formats a date as `YYYYMMDD`, the raw log directory name. */
export function formatDayDir(date: Date): string {
  return formatDay(date).replace(/-/g, '');
}

/** A closed range of days. */
export interface DayRange {
  from: Date;
  to: Date;
}

/**
 * Resolves `--from` and `--to`. Without `--to` the range ends today (UTC); without `--from` it
 * spans `defaultDays` days ending at `--to`.
 */
export function resolveDayRange(
  from: string | undefined,
  to: string | undefined,
  defaultDays: number,
  today: Date = new Date(),
): DayRange {
  const end = to === undefined ? parseDay('--to', formatDay(today)) : parseDay('--to', to);
  const start =
    from === undefined
      ? new Date(end.getTime() - (defaultDays - 1) * DAY_MS)
      : parseDay('--from', from);
  if (start.getTime() > end.getTime()) {
    throw new CliUsageError(
      `invalid date range: --from ${formatDay(start)} is after --to ${formatDay(end)}`,
    );
  }
  return { from: start, to: end };
}

/** Lists every day of a range, oldest first. */
export function daysOf(range: DayRange): Date[] {
  const days: Date[] = [];
  for (let time = range.from.getTime(); time <= range.to.getTime(); time += DAY_MS) {
    days.push(new Date(time));
  }
  return days;
}
