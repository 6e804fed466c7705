import { abortErrorFor, AbortError } from '../core/errors.js';
import { decodeCsvRecords } from './csv.js';
import { parseDateDirs, parseDownloadLink, parseLogFiles } from './listing.js';
import type { DateDir, LogFile } from './listing.js';
import { checkDateDir, checkFilename } from './validate.js';
import { unzipCsvMember } from './unzip.js';
import type { LogRecord, LogType, RawLogsDeps, RecordsOptions } from './types.js';

const TARGET = 'RawLog';
// The API documents links as valid for 8 hours; refreshing an hour early leaves time to download.
const LINK_LIFETIME_MS = 7 * 60 * 60 * 1000;

interface CachedLink {
  link: Promise<string>;
  fetchedAt: number;
}

/** Listing, links and records of one kind of raw log. */
export interface RawLogType {
  readonly logType: LogType;
  /** Days that have logs, newest first as the API lists them. */
  listDateDirs(): Promise<DateDir[]>;
  /** Hourly files of one day (`YYYYMMDD`), newest first as the API lists them. */
  listLogs(dateDir: string): Promise<LogFile[]>;
  /** Download URL of one file; cached per file, so reading a file twice requests it once. */
  getDownloadLink(filename: string): Promise<string>;
  /** Streams the rows of one file, downloading and unzipping as the caller iterates. */
  records(filename: string, options?: RecordsOptions): AsyncIterable<LogRecord>;
  /** Streams the rows of every file of one day, file by file in listing order. */
  findAll(dateDir: string, options?: RecordsOptions): AsyncIterable<LogRecord>;
}

/** Builds the reader for one log type on top of the client's call and download functions. */
export function createRawLogType(logType: LogType, deps: RawLogsDeps): RawLogType {
  const now = deps.now ?? Date.now;
  const links = new Map<string, CachedLink>();

  function getDownloadLink(filename: string): Promise<string> {
    const checked = checkFilename(filename, logType);
    const cached = links.get(checked);
    if (cached !== undefined && now() - cached.fetchedAt < LINK_LIFETIME_MS) {
      return cached.link;
    }
    const link = deps
      .call(TARGET, 'getDownloadLink', { log_type: logType, log_filename: checked })
      .then((data) => parseDownloadLink(data, checked));
    const entry = { link, fetchedAt: now() };
    links.set(checked, entry);
    // A failed request is not cached, so the next read requests it again.
    link.catch(() => {
      if (links.get(checked) === entry) {
        links.delete(checked);
      }
    });
    return link;
  }

  async function* readRecords(
    filename: string,
    options: RecordsOptions,
  ): AsyncGenerator<LogRecord> {
    const signal = options.signal;
    try {
      const link = await getDownloadLink(filename);
      signal?.throwIfAborted();
      const archive = await deps.download(link, signal);
      yield* decodeCsvRecords(unzipCsvMember(archive, JSON.stringify(filename)));
    } catch (error) {
      if (signal?.aborted !== true || error instanceof AbortError) throw error;
      throw abortErrorFor(signal, `Reading ${logType} log ${JSON.stringify(filename)}`);
    }
  }

  function records(filename: string, options: RecordsOptions = {}): AsyncIterable<LogRecord> {
    checkFilename(filename, logType);
    return readRecords(filename, options);
  }

  async function listLogs(dateDir: string): Promise<LogFile[]> {
    const checked = checkDateDir(dateDir);
    const data = await deps.call(TARGET, 'listLogs', { log_type: logType, date_dir: checked });
    return parseLogFiles(data);
  }

  async function* readDay(dateDir: string, options: RecordsOptions): AsyncGenerator<LogRecord> {
    for (const file of await listLogs(dateDir)) {
      yield* readRecords(file.filename, options);
    }
  }

  return {
    logType,
    async listDateDirs() {
      return parseDateDirs(await deps.call(TARGET, 'listDateDirs', { log_type: logType }));
    },
    listLogs,
    getDownloadLink: async (filename) => getDownloadLink(filename),
    records,
    findAll(dateDir, options = {}) {
      checkDateDir(dateDir);
      return readDay(dateDir, options);
    },
  };
}
