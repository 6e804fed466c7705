import { ApiError } from './envelope.js';
import { scalar } from './params.js';
import type { Json } from './json.js';
import type { ParamMap } from './params.js';
import type { Store } from './store.js';

/** A file part of a multipart request. */
export interface UploadedFile {
  fieldName: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Facts about the emulated network that handlers need to build links. */
export interface NetworkInfo {
  networkId: string;
  /** `http://127.0.0.1:<port>`, the origin of the emulator itself. */
  origin: string;
}

/** State and parameters available to one API call. */
export interface CallContext {
  params: ParamMap;
  store: Store;
  network: NetworkInfo;
  upload: UploadedFile | undefined;
  now: () => Date;
}

export type Handler = (call: CallContext) => Json | Promise<Json>;
export type HandlerTable = Record<string, Handler>;

/**
 * Reads a required id-like argument. A missing value and a negative one get errors; the negative
 * wording is the recorded "Row id is negative".
 */
export function requireId(params: ParamMap, name: string): string {
  const value = scalar(params, name);
  if (value === undefined || value === '') {
    throw ApiError.message(`Missing required argument "${name}".`);
  }
  if (/^-\d+$/.test(value)) throw ApiError.message('Row id is negative');
  if (!/^\d+$/.test(value)) {
    throw ApiError.message(`Argument "${name}" must be a whole number, got "${value}".`);
  }
  return value;
}

export function requireText(params: ParamMap, name: string): string {
  const value = scalar(params, name);
  if (value === undefined || value === '') {
    throw ApiError.message(`Missing required argument "${name}".`);
  }
  return value;
}

/** The service's reply when an id names no stored row, e.g. "Failed to hydrate rows: 21". */
export function hydrateError(id: string): ApiError {
  return ApiError.message(`Failed to hydrate rows: ${id}`);
}
