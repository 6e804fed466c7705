import { randomBytes, randomUUID } from 'node:crypto';
import { ApiError } from '../envelope.js';
import { requireText } from '../context.js';
import { LOG_TYPES } from './columns.js';
import { LinkSigner, storageErrorXml } from './links.js';
import { LogListing } from './listing.js';
import { zipStream } from './zip-stream.js';
import type { HandlerTable, NetworkInfo } from '../context.js';
import type { ParamMap } from '../params.js';
import type { LogType } from './columns.js';
import type { IdRanges } from './rows.js';

/** Days of raw log history the service keeps before logs become support-only extracts. */
const RETENTION_DAYS = 123;
export const DOWNLOAD_PREFIX = '/__rawlogs';

export interface RawLogOptions {
  seed: number;
  today: string;
  days: number;
  rowsPerHour: number;
  linkTtlMs: number;
}

/** The RawLog target and the download route its links point to. */
export class RawLogService {
  private readonly listing: LogListing;
  private readonly signer: LinkSigner;

  constructor(
    private readonly options: RawLogOptions,
    private readonly network: NetworkInfo,
    private readonly ids: IdRanges,
  ) {
    this.listing = new LogListing(options.seed, options.today, options.days);
    this.signer = new LinkSigner(randomBytes(32).toString('hex'), options.linkTtlMs);
  }

  handlers(): HandlerTable {
    return {
      listDateDirs: (call) => ({
        logType: logType(call.params),
        dateDirs: this.listing.dateDirs(),
      }),
      listLogs: (call) => {
        const started = performance.now();
        const type = logType(call.params);
        const dir = requireText(call.params, 'date_dir');
        const logFiles = this.listing.files(type, dir).map((file) => ({
          displayName: file.displayName,
          startTimestamp: String(file.startTimestamp),
          filename: file.filename,
        }));
        const fetchTime = (performance.now() - started) / 1000;
        return { logType: type, logDate: dir, logFiles, fetchTime };
      },
      getDownloadLink: (call) => {
        const type = logType(call.params);
        const filename = requireText(call.params, 'log_filename');
        if (this.listing.find(type, filename) === undefined) {
          throw ApiError.message(`Log file "${filename}" was not found for log type ${type}.`);
        }
        const path = `${DOWNLOAD_PREFIX}/${type}/${this.network.networkId}/${filename}`;
        return { link: `${this.network.origin}${path}${this.signer.sign(path, Date.now())}` };
      },
      // NOTE: the reply shape of getLogExpirations was never recorded; this one is a guess.
      getLogExpirations: () => ({
        clicks: String(RETENTION_DAYS),
        conversions: String(RETENTION_DAYS),
        impressions: String(RETENTION_DAYS),
      }),
    };
  }

  /** Serves a download link: the ZIP stream, or a storage-style XML error with 403 or 404. */
  download(url: URL): Response {
    const requestId = randomUUID();
    const path = url.pathname;
    const refusal = this.signer.verify(
      path,
      url.searchParams.get('Expires') ?? undefined,
      url.searchParams.get('Signature') ?? undefined,
      Date.now(),
    );

    if (refusal === 'Expired') return xml(403, 'AccessDenied', 'Request has expired', requestId);
    if (refusal !== undefined) {
      return xml(403, refusal, 'The request signature is missing or not valid.', requestId);
    }

    const match = new RegExp(`^${DOWNLOAD_PREFIX}/([a-z]+)/[^/]+/(\\d{8}/.+)$`).exec(path);
    const type = match?.[1] as LogType | undefined;
    const file =
      type && LOG_TYPES.includes(type) ? this.listing.find(type, match?.[2] ?? '') : undefined;
    if (type === undefined || file === undefined) {
      return xml(404, 'NoSuchKey', 'The specified key does not exist.', requestId);
    }

    const memberName = (file.filename.split('/')[1] ?? '').replace(/\.zip$/, '.csv');
    const stream = zipStream({
      seed: this.options.seed,
      type,
      startTimestamp: file.startTimestamp,
      memberName,
      rows: this.options.rowsPerHour,
      ids: this.ids,
    });
    return new Response(stream, {
      headers: { 'Content-Type': 'application/octet-stream', 'x-amz-request-id': requestId },
    });
  }
}

function logType(params: ParamMap): LogType {
  const type = requireText(params, 'log_type');
  if (!(LOG_TYPES as readonly string[]).includes(type)) {
    throw ApiError.message(`Log_type must be one of: ${LOG_TYPES.join(', ')}`);
  }
  return type as LogType;
}

function xml(status: number, code: string, message: string, requestId: string): Response {
  return new Response(storageErrorXml(code, message, requestId), {
    status,
    headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': requestId },
  });
}
