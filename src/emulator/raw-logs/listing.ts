import { deriveSeed, Prng } from '../prng.js';
import type { LogType } from './columns.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One hourly log file. */
export interface LogFile {
  filename: string;
  startTimestamp: number;
  displayName: string;
}

/**
 * The raw log history: `days` whole UTC days ending at `today`, one file per hour. An hour's file
 * appears once the hour has ended by the clock, so the current day lists only past hours.
 * NOTE: the service's delay between the end of an hour and its file appearing is not recorded.
 */
export class LogListing {
  private readonly lastDayStart: number;

  constructor(
    private readonly seed: number,
    today: string,
    private readonly days: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastDayStart = Date.parse(`${today}T00:00:00Z`);
  }

  /** Date directories, newest first, as `{displayName: "Sep 9, 2016", dirName: "20160909"}`. */
  dateDirs(): Array<{ displayName: string; dirName: string }> {
    const dirs = [];
    for (let day = 0; day < this.days; day++) {
      const start = new Date(this.lastDayStart - day * DAY_MS);
      dirs.push({ displayName: displayDate(start), dirName: dirName(start) });
    }
    return dirs;
  }

  /** Files of one date directory, newest hour first; empty for a directory outside the history. */
  files(type: LogType, dir: string): LogFile[] {
    const dayStart = this.dayStart(dir);
    if (dayStart === undefined) return [];
    const files: LogFile[] = [];
    for (let hour = 23; hour >= 0; hour--) {
      const start = dayStart + hour * HOUR_MS;
      if (this.isComplete(start)) files.push(this.file(type, start));
    }
    return files;
  }

  /** Finds a file by its name, e.g. `20160909/clicks-1473411600-SlY9UO.zip`. */
  find(type: LogType, filename: string): LogFile | undefined {
    const match = /^(\d{8})\/([a-z]+)-(\d+)-[A-Za-z0-9_]{6}\.zip$/.exec(filename);
    if (match === null || match[2] !== type) return undefined;
    const dayStart = this.dayStart(match[1] ?? '');
    const start = Number(match[3]) * 1000;
    if (dayStart === undefined || start < dayStart || start >= dayStart + DAY_MS) return undefined;
    if (start % HOUR_MS !== 0 || !this.isComplete(start)) return undefined;
    const file = this.file(type, start);
    return file.filename === filename ? file : undefined;
  }

  private isComplete(hourStart: number): boolean {
    return hourStart + HOUR_MS <= this.now();
  }

  private dayStart(dir: string): number | undefined {
    if (!/^\d{8}$/.test(dir)) return undefined;
    const start = Date.parse(`${dir.slice(0, 4)}-${dir.slice(4, 6)}-${dir.slice(6)}T00:00:00Z`);
    const first = this.lastDayStart - (this.days - 1) * DAY_MS;
    return start >= first && start <= this.lastDayStart ? start : undefined;
  }

  private file(type: LogType, start: number): LogFile {
    const seconds = Math.floor(start / 1000);
    const random = new Prng(deriveSeed(this.seed, `${type}-${seconds}-name`));
    const date = new Date(start);
    return {
      filename: `${dirName(date)}/${type}-${seconds}-${random.chars(6, SUFFIX_CHARS)}.zip`,
      startTimestamp: seconds,
      displayName: `${displayDate(date)} - ${displayHour(date)}`,
    };
  }
}

function dirName(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

function displayDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** Formats an hour like the service: `09:00 am`, `12:00 pm`. */
function displayHour(date: Date): string {
  const hour = date.getUTCHours();
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(twelve).padStart(2, '0')}:00 ${hour < 12 ? 'am' : 'pm'}`;
}
