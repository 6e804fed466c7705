/** Kinds of raw log the RawLog controller serves, as its `log_type` parameter spells them. */
export const LOG_TYPES = ['clicks', 'conversions', 'impressions'] as const;

export type LogType = (typeof LOG_TYPES)[number];

/** One CSV row, keyed by the header row; values keep the file's text. */
export type LogRecord = Record<string, string>;

/** Functions the raw log reader needs from the client. */
export interface RawLogsDeps {
  /** Sends one API call and returns the envelope's decoded `data`. */
  call(target: string, method: string, params: Record<string, unknown>): Promise<unknown>;
  /** Fetches a download link and returns its body as a byte stream. */
  download(url: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
  /** Clock in milliseconds since the epoch, used to expire cached download links. */
  now?: () => number;
}

export interface RecordsOptions {
  /** Aborts the download and ends the iteration with the signal's reason. */
  signal?: AbortSignal;
}
