import { UsageError } from '../core/errors.js';
import { LOG_TYPES } from './types.js';
import type { LogType } from './types.js';

const DATE_DIR_PATTERN = /^(\d{4})(\d{2})(\d{2})$/;
// Recorded names end in six random letters and digits. `_` and `-` are allowed there too.
const FILENAME_PATTERN = /^(\d{8})\/([a-z]+)-(\d+)-([A-Za-z0-9_-]+)\.zip$/;

/** Returns true when `yyyymmdd` names a real calendar day. */
function isCalendarDay(yyyymmdd: string): boolean {
  const match = DATE_DIR_PATTERN.exec(yyyymmdd);
  if (match === null) {
    return false;
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Checks a date directory name such as `20160909` and returns it. */
export function checkDateDir(dateDir: unknown): string {
  if (typeof dateDir !== 'string' || !isCalendarDay(dateDir)) {
    throw new UsageError(
      `Invalid raw log date directory ${JSON.stringify(dateDir)}: expected a day as YYYYMMDD, ` +
        'for example "20160909", as listDateDirs() returns it.',
    );
  }
  return dateDir;
}

/** Checks a log file name such as `20160909/clicks-1473411600-SlY9UO.zip` and returns it. */
export function checkFilename(filename: unknown, logType: LogType): string {
  const expected =
    `expected YYYYMMDD/${logType}-<digits>-<random letters and digits>.zip, ` +
    `for example "20160909/${logType}-1473411600-SlY9UO.zip", as listLogs() returns it.`;
  const match = typeof filename === 'string' ? FILENAME_PATTERN.exec(filename) : null;
  if (match === null || !isCalendarDay(match[1] ?? '')) {
    throw new UsageError(
      `Invalid ${logType} log file name ${JSON.stringify(filename)}: ${expected}`,
    );
  }
  const fileType = match[2] ?? '';
  if (fileType !== logType) {
    const hint = (LOG_TYPES as readonly string[]).includes(fileType)
      ? `read it through rawLogs.${fileType} instead.`
      : expected;
    throw new UsageError(`Log file ${JSON.stringify(filename)} is not a ${logType} log: ${hint}`);
  }
  return match[0];
}
