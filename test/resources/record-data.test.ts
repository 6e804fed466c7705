import { afterEach, describe, expect, it } from 'vitest';

import { UsageError } from '../../src/index.js';
import type { OfferData } from '../../src/index.js';
import { okBody, scriptClient, startScriptServer } from '../core/script-server.js';
import type { ScriptServer, SeenRequest } from '../core/script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startOfferServer(): Promise<ScriptServer> {
  server = await startScriptServer(() => ({ body: okBody('{"Offer":{"id":"5","name":"x"}}') }));
  return server;
}

/** Returns a field of the request, from the query string or a form body. */
function sentField(request: SeenRequest | undefined, name: string): string[] | undefined {
  return request?.query.get(name) ?? request?.form.get(name);
}

// Data typed loosely on purpose: these calls test the run-time check that plain JavaScript
// callers and casts rely on, which the compile-time Data types cannot cover.
function untyped(data: Record<string, unknown>): OfferData {
  return data as OfferData;
}

describe('create and update data check', () => {
  it('rejects a misspelt field before sending', async () => {
    const running = await startOfferServer();
    const client = scriptClient(running);
    const update = client.offers.update(5, untyped({ stauts: 'paused' }));
    await expect(update).rejects.toThrow(UsageError);
    await expect(update).rejects.toThrow(
      'Offer has no field "stauts" in the API catalogue, so update rejected it. Did you mean status?',
    );
    await expect(update).rejects.toThrow(/use client.call\(\) with a data parameter/);
    expect(running.seen).toHaveLength(0);
  });

  it('lists writable fields without a close name', async () => {
    const running = await startOfferServer();
    const create = scriptClient(running).advertisers.create(untyped({ zzzzzzzzzz: 1 }));
    await expect(create).rejects.toThrow(/Advertiser has no field "zzzzzzzzzz"/);
    await expect(create).rejects.toThrow(/Writable fields: account_manager_id, address1,/);
    expect(running.seen).toHaveLength(0);
  });

  it('checks every resource that writes', async () => {
    const running = await startOfferServer();
    const client = scriptClient(running);
    const bad = untyped({ nmae: 'x' });
    await expect(client.offerCategories.create(bad)).rejects.toThrow(/OfferCategory has no field/);
    await expect(client.offerCategories.update(1, bad)).rejects.toThrow(/Did you mean name\?/);
    await expect(client.tags.create(bad)).rejects.toThrow(/Tag has no field "nmae"/);
    await expect(client.offerFiles.create(bad, new Uint8Array([1]))).rejects.toThrow(
      /OfferFile has no field "nmae"/,
    );
    const withUser = client.affiliates.createWithUser({ company: 'Acme' }, untyped({ emial: 'a' }));
    await expect(withUser).rejects.toThrow(/AffiliateUser has no field "emial".*email/);
    expect(running.seen).toHaveLength(0);
  });

  it('sends typed values in wire form', async () => {
    const running = await startOfferServer();
    const offer = await scriptClient(running).offers.create({
      name: 'Spring sale',
      is_private: true,
      default_payout: 1.5,
      expiration_date: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)),
      note: undefined,
    });
    expect(offer.fields.name).toBe('x');
    const request = running.seen[0];
    expect(sentField(request, 'data[name]')).toEqual(['Spring sale']);
    expect(sentField(request, 'data[is_private]')).toEqual(['1']);
    expect(sentField(request, 'data[default_payout]')).toEqual(['1.5']);
    expect(sentField(request, 'data[expiration_date]')).toEqual(['2030-01-02 03:04:05']);
    expect(sentField(request, 'data[note]')).toBeUndefined();
  });

  it('lets soft delete through', async () => {
    const running = await startOfferServer();
    await scriptClient(running).affiliates.delete(3);
    expect(sentField(running.seen[0], 'data[status]')).toEqual(['deleted']);
  });
});
