import { createRawLogType } from './raw-log-type.js';
import type { RawLogType } from './raw-log-type.js';
import type { RawLogsDeps } from './types.js';

export { Click, CLICK_COLUMNS, datetimeField, numberField } from './clicks.js';
export type { ClickColumn, ClickFields } from './clicks.js';
export { CsvRecordDecoder, decodeCsvRecords } from './csv.js';
export { DateDir, LogFile } from './listing.js';
export type { RawLogType } from './raw-log-type.js';
export { LOG_TYPES } from './types.js';
export type { LogRecord, LogType, RawLogsDeps, RecordsOptions } from './types.js';
export { unzipCsvMember } from './unzip.js';

/** Readers for the three raw log types of the RawLog controller. */
export interface RawLogs {
  readonly clicks: RawLogType;
  readonly conversions: RawLogType;
  readonly impressions: RawLogType;
}

/** Builds the raw log readers; each keeps its own download link cache for its lifetime. */
export function createRawLogs(deps: RawLogsDeps): RawLogs {
  return {
    clicks: createRawLogType('clicks', deps),
    conversions: createRawLogType('conversions', deps),
    impressions: createRawLogType('impressions', deps),
  };
}
