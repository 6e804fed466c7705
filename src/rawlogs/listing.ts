import { FormatError } from '../core/errors.js';

/** One day of logs as listDateDirs returns it, such as `20160909` shown as `Sep 9, 2016`. */
export class DateDir {
  constructor(
    readonly dirName: string,
    readonly displayName: string,
  ) {}

  /** Midnight UTC of the day that `dirName` names. */
  get date(): Date {
    const year = Number(this.dirName.slice(0, 4));
    const month = Number(this.dirName.slice(4, 6));
    const day = Number(this.dirName.slice(6, 8));
    return new Date(Date.UTC(year, month - 1, day));
  }
}

/** One hourly log file as listLogs returns it; `startTimestamp` is Unix seconds as a string. */
export class LogFile {
  constructor(
    readonly filename: string,
    readonly displayName: string,
    readonly startTimestamp: string,
  ) {}

  /** Start of the hour the file covers. */
  get startTime(): Date {
    return new Date(Number(this.startTimestamp) * 1000);
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function listField(data: unknown, field: string, method: string): unknown[] {
  const list = typeof data === 'object' && data !== null ? Reflect.get(data, field) : undefined;
  if (!Array.isArray(list)) {
    throw new FormatError(`RawLog.${method} returned no "${field}" list: got ${describe(data)}.`);
  }
  return list;
}

function stringField(entry: unknown, field: string, method: string): string {
  const value = typeof entry === 'object' && entry !== null ? Reflect.get(entry, field) : undefined;
  if (typeof value === 'string') {
    return value;
  }
  // The API sends every listing value as a string; accept a bare number too.
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  throw new FormatError(
    `RawLog.${method} returned an entry without a string "${field}": ${describe(entry)}.`,
  );
}

/** Reads the `dateDirs` list of a listDateDirs response, keeping the server's order. */
export function parseDateDirs(data: unknown): DateDir[] {
  return listField(data, 'dateDirs', 'listDateDirs').map(
    (entry) =>
      new DateDir(
        stringField(entry, 'dirName', 'listDateDirs'),
        stringField(entry, 'displayName', 'listDateDirs'),
      ),
  );
}

/** Reads the `logFiles` list of a listLogs response, keeping the server's order. */
export function parseLogFiles(data: unknown): LogFile[] {
  return listField(data, 'logFiles', 'listLogs').map(
    (entry) =>
      new LogFile(
        stringField(entry, 'filename', 'listLogs'),
        stringField(entry, 'displayName', 'listLogs'),
        stringField(entry, 'startTimestamp', 'listLogs'),
      ),
  );
}

/** Reads the `link` of a getDownloadLink response. */
export function parseDownloadLink(data: unknown, filename: string): string {
  const link = typeof data === 'object' && data !== null ? Reflect.get(data, 'link') : undefined;
  if (typeof link !== 'string' || !/^https?:\/\//.test(link)) {
    throw new FormatError(
      `RawLog.getDownloadLink returned no http(s) link for ${JSON.stringify(filename)}: ` +
        `got ${describe(data)}.`,
    );
  }
  return link;
}
