import { hydrateError, requireId } from '../context.js';
import { imageSize } from '../image-size.js';
import { findAll } from '../find.js';
import { creativeCode, sourceOf } from '../sources.js';
import { createRecord, crudHandlers } from './crud.js';
import type { CallContext, HandlerTable, UploadedFile } from '../context.js';
import type { Json, JsonObject } from '../json.js';

export const offerFileHandlers: HandlerTable = {
  ...crudHandlers('OfferFile'),
  create: createOfferFile,
  findAll: (call) => findAll(sourceOf(call.store, 'OfferFile'), call.params, true),
  getCreativeCode: (call) => {
    const id = requireId(call.params, 'id');
    const file = call.store.table('OfferFile').get(id);
    if (file === undefined) throw hydrateError(id);
    return creativeCode(file);
  },
};

/**
 * Creates an offer file for an existing offer. With a multipart upload the service stores the bytes, sets `size`, and
 * takes width and height from the image itself rather than from the sent data, as recorded.
 */
function createOfferFile(call: CallContext): Json {
  const result = createRecord(call, 'OfferFile', { offer_id: 'Offer' });
  const file = result['OfferFile'];
  if (file !== undefined && call.upload !== undefined) attachUpload(call, file, call.upload);
  return result;
}

function attachUpload(call: CallContext, file: JsonObject, upload: UploadedFile): void {
  const id = String(file['id']);
  const name =
    typeof file['filename'] === 'string' && file['filename'] !== ''
      ? file['filename']
      : upload.fileName;
  call.store.files.set(id, { bytes: upload.bytes, name, contentType: upload.contentType });
  const url = `${call.network.origin}/__files/${id}/${encodeURIComponent(name)}`;
  const size = imageSize(upload.bytes);
  file['filename'] = name;
  file['size'] = String(upload.bytes.length);
  if (size !== undefined) {
    file['width'] = String(size.width);
    file['height'] = String(size.height);
  }
  file['url'] = url;
  file['preview_uri'] = url;
  file['thumbnail'] = url;
}
