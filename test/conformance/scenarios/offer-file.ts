import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'vitest';

import { ValidationError } from '../../../src/core/errors.js';
import { OfferFile } from '../../../src/models/records.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { rejectionOf, replayClient } from './common.js';

const FILE_DATA = {
  display: 'TEST_FILE',
  type: 'offer thumbnail',
  width: 200,
  height: 100,
  offer_id: 438,
};

/** Returns the `name` and `filename` of the single part of a multipart body. */
function partNames(body: Buffer): { name: string | undefined; fileName: string | undefined } {
  const header = /Content-Disposition: form-data; name="([^"]*)"; filename="([^"]*)"/.exec(
    body.toString('latin1'),
  );
  return { name: header?.[1], fileName: header?.[2] };
}

export async function replayOfferFile(server: ReplayServer): Promise<void> {
  const client = replayClient(server);
  const directory = mkdtempSync(join(tmpdir(), 'tsoffers-upload-'));
  const path = join(directory, 'test-thumbnail.jpg');
  const bytes = randomBytes(7592);
  writeFileSync(path, bytes);
  try {
    const uploaded = await client.offerFiles.create(FILE_DATA, path);
    expect(uploaded).toBeInstanceOf(OfferFile);
    expect(uploaded.id).toBe('96');
    expect(uploaded.fields).toMatchObject({ display: 'TEST_FILE', filename: 'test-thumbnail.jpg' });
    expect(uploaded.toString()).toBe('OfferFile: test-thumbnail.jpg');
    const upload = server.received.at(-1)!;
    expect(upload.method).toBe('POST');
    expect(partNames(upload.body)).toEqual({
      name: 'test-thumbnail.jpg',
      fileName: 'test-thumbnail.jpg',
    });
    expect(upload.body.includes(bytes)).toBe(true);

    expect((await client.offerFiles.findById(96))?.fields.display).toBe('TEST_FILE');
    expect(await client.offerFiles.findById(902)).toBeNull();

    const page = await client.offerFiles.findAll({ limit: 2 });
    expect(page.items.map((item) => item.id)).toEqual(['2', '4']);
    expect(page.count).toBe(48);

    const renamed = await uploaded.update({ display: 'NEW_TEST_FILE' });
    expect(renamed.id).toBe('96');
    expect(renamed.fields.display).toBe('NEW_TEST_FILE');

    const error = await rejectionOf(uploaded.update({ type: 'whatever' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).serverMessage).toBe(
      'Error code 3: Could not update offer file. Type must be one of: file, image banner, flash banner, email creative, offer thumbnail, text ad, html ad, xml feed, hidden (field: type)',
    );

    const deleted = await uploaded.delete();
    expect(deleted.fields.status).toBe('deleted');
    expect((await client.offerFiles.findById(96))?.fields.status).toBe('deleted');
    expect((await client.offerFiles.findById(96))?.fields.status).toBe('deleted');

    // A stream with a custom name: the part is named after data.filename, the file keeps its own.
    const streamed = await client.offerFiles.create(
      { ...FILE_DATA, filename: 'another.jpg' },
      bufferStream(bytes),
      {
        fileName: 'test-thumbnail.jpg',
      },
    );
    expect(streamed.id).toBe('320');
    expect(streamed.fields.filename).toBe('another.jpg');
    expect(partNames(server.received.at(-1)!.body)).toEqual({
      name: 'another.jpg',
      fileName: 'test-thumbnail.jpg',
    });

    const withCode = await client.offerFiles.findById(2, { contain: ['CreativeCode'] });
    expect(withCode).toBeInstanceOf(OfferFile);
    expect(withCode?.contained.creativecode).toBe('http://www.example.com');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function* bufferStream(bytes: Buffer): AsyncIterable<Uint8Array> {
  yield bytes.subarray(0, 1000);
  yield bytes.subarray(1000);
}
