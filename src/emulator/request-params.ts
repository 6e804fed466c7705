import { addParam, createParamMap } from './params.js';
import type { UploadedFile } from './context.js';
import type { ParamMap } from './params.js';

export interface ParsedRequest {
  params: ParamMap;
  upload: UploadedFile | undefined;
}

/**
 * Reads params from the query string and, for POST, from a form or multipart body, as one tree.
 * Body fields come after query fields, so a body value wins over a query value of the same name.
 */
export async function readRequestParams(request: Request): Promise<ParsedRequest> {
  const params = createParamMap();
  const url = new URL(request.url);
  for (const [name, value] of url.searchParams) addParam(params, name, value);
  let upload: UploadedFile | undefined;
  const type = request.headers.get('content-type') ?? '';
  const isForm =
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
  if (request.method !== 'GET' && request.method !== 'HEAD' && isForm) {
    const form = await request.formData();
    for (const [name, value] of form) {
      if (typeof value === 'string') addParam(params, name, value);
      else upload ??= await toUpload(name, value);
    }
  }
  return { params, upload };
}

async function toUpload(fieldName: string, file: File): Promise<UploadedFile> {
  return {
    fieldName,
    fileName: file.name,
    contentType: file.type || 'application/octet-stream',
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}
