import { afterEach, describe, expect, it } from 'vitest';

import { HasOffersError, NetworkError } from '../../src/core/errors.js';
import { scriptClient, startScriptServer } from '../core/script-server.js';
import type { ScriptServer } from '../core/script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the download succeeded');
}

describe('download', () => {
  it('streams the body without credentials', async () => {
    server = await startScriptServer(() => ({
      body: 'zip-bytes',
      contentType: 'application/octet-stream',
    }));
    const client = scriptClient(server);
    const url = `${server.endpoint.replace('/Apiv3/json', '/logs/file.zip')}?X-Amz-Signature=abc`;
    const chunks: Buffer[] = [];
    for await (const chunk of await client.download(url)) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString()).toBe('zip-bytes');
    expect(server.seen[0]?.query.get('NetworkToken')).toBeUndefined();
    expect(server.seen[0]?.url).toBe('/logs/file.zip?X-Amz-Signature=abc');
  });

  it('expired link reports status without the query', async () => {
    server = await startScriptServer(() => ({
      status: 403,
      body: 'AccessDenied',
      contentType: 'text/xml',
    }));
    const client = scriptClient(server);
    const error = await rejectionOf(client.download(`${server.endpoint}?X-Amz-Signature=secret`));
    expect(error).toBeInstanceOf(HasOffersError);
    expect((error as HasOffersError).httpStatus).toBe(403);
    expect(error.message).toContain('HTTP 403');
    expect(error.message).not.toContain('secret');
  });

  it('unreachable host is a network error', async () => {
    const closed = await startScriptServer(() => ({ body: '' }));
    await closed.close();
    const client = scriptClient(closed);
    const error = await rejectionOf(client.download(closed.endpoint));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('ECONNREFUSED');
  });
});
