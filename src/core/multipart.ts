import { randomBytes } from 'node:crypto';

/** One file part of a multipart/form-data body. */
export interface FilePart {
  /** The form field name; the API reads it as the value of `data[filename]`. */
  readonly fieldName: string;
  /** The file name given in the part's Content-Disposition. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Builds a multipart/form-data body with one file part, and its content type. */
export function encodeMultipart(part: FilePart): { body: Uint8Array; contentType: string } {
  const boundary = `tsoffers${randomBytes(12).toString('hex')}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${quoteHeaderValue(part.fieldName)}"; ` +
    `filename="${quoteHeaderValue(part.fileName)}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  const tail = `\r\n--${boundary}--\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), part.bytes, Buffer.from(tail, 'utf8')]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

// Form-data names escape quotes and line breaks the way browsers do (WHATWG HTML multipart rules).
function quoteHeaderValue(value: string): string {
  return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}
