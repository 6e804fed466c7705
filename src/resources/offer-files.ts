import type { OfferFileData } from '../generated/models.js';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';

import { UsageError } from '../core/errors.js';
import type { Filters } from '../filters.js';
import { OfferFile } from '../models/records.js';
import type { RecordId } from './options.js';
import { ModelResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** File contents to upload: a path, bytes, or a stream of bytes. */
export type UploadSource = string | Uint8Array | AsyncIterable<Uint8Array>;

export interface UploadOptions {
  /** File name sent in the upload part. @default the path's base name, else `data.filename` */
  readonly fileName?: string;
}

/** Offer creatives: banners, thumbnails, text ads (target `OfferFile`). */
export class OfferFileResource extends ModelResource<OfferFile, OfferFileData> {
  constructor(context: ResourceContext) {
    super(context, 'OfferFile', OfferFile);
  }

  async findAllIds(options: { readonly filters?: Filters } = {}): Promise<string[]> {
    return this.listIds(options);
  }

  /**
   * Creates an offer file. With `file`, the contents go up as a multipart POST whose one part is
   * named after `data.filename` (default: the file's base name), as the API reads it. Types
   * without a file (text ad, html ad) need only `data.code`.
   */
  override async create(
    data: OfferFileData,
    file?: UploadSource,
    options: UploadOptions = {},
  ): Promise<OfferFile> {
    if (file === undefined) return super.create(data);
    this.checkData(data, 'create');
    const localName = options.fileName ?? (typeof file === 'string' ? basename(file) : undefined);
    const dataFileName = typeof data.filename === 'string' ? data.filename : localName;
    if (dataFileName === undefined || dataFileName.length === 0) {
      throw new UsageError(
        'OfferFile.create with file bytes or a stream needs data.filename or options.fileName.',
      );
    }
    const bytes = await readUpload(file);
    const upload = { fieldName: dataFileName, fileName: localName ?? dataFileName, bytes };
    const params = { data: { ...data, filename: dataFileName } };
    const result = await this.send('create', params, upload);
    return this.toRecord(result, 'create', OfferFile);
  }

  async delete(id: RecordId): Promise<OfferFile> {
    return this.softDelete(id);
  }
}

async function readUpload(file: UploadSource): Promise<Uint8Array> {
  if (file instanceof Uint8Array) return file;
  const stream = typeof file === 'string' ? createReadStream(file) : file;
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Uint8Array);
  } catch (error) {
    if (typeof file === 'string') {
      throw new UsageError(`Cannot read upload file ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    throw error;
  }
  return Buffer.concat(chunks);
}
