import { afterEach, describe, expect, it } from 'vitest';

import { Offer } from '../../src/models/offer.js';
import { okBody, scriptClient, startScriptServer } from '../core/script-server.js';
import type { ScriptServer, SeenRequest } from '../core/script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const IDS = ['50', '7', '30', '2', '9'];

/** Serves IDS in server order, `limit` per page, optionally without count and pageCount. */
function pageOf(request: SeenRequest, withTotals: boolean): string {
  const limit = Number(request.query.get('limit')?.[0]);
  const page = Number(request.query.get('page')?.[0] ?? 1);
  const slice = IDS.slice((page - 1) * limit, page * limit);
  const rows = slice.map((id) => `"${id}":{"Offer":{"id":"${id}","name":"n${id}"}}`).join(',');
  const data = slice.length === 0 ? '[]' : `{${rows}}`;
  const totals = withTotals
    ? `,"count":${IDS.length},"pageCount":${Math.ceil(IDS.length / limit)}`
    : '';
  return okBody(`{"page":${page},"current":0${totals},"data":${data}}`);
}

describe('iterate', () => {
  it('fetches each page once in server order', async () => {
    server = await startScriptServer((request) => ({ body: pageOf(request, true) }));
    const client = scriptClient(server);
    const seen: string[] = [];
    for await (const offer of client.offers.iterate({
      pageSize: 2,
      filters: { status: 'active' },
      sort: '-id',
    })) {
      expect(offer).toBeInstanceOf(Offer);
      seen.push(offer.id);
    }
    expect(seen).toEqual(IDS);
    expect(server.seen.map((request) => request.query.get('page'))).toEqual([['1'], ['2'], ['3']]);
    expect(server.seen[0]?.query.get('sort[Offer.id]')).toEqual(['desc']);
    expect(server.seen[0]?.query.get('filters[status]')).toEqual(['active']);
  });

  it('stops on a short page when totals are missing', async () => {
    server = await startScriptServer((request) => ({ body: pageOf(request, false) }));
    const client = scriptClient(server);
    const seen: string[] = [];
    for await (const offer of client.offers.iterate({ pageSize: 2 })) seen.push(offer.id);
    expect(seen).toEqual(IDS);
    expect(server.seen).toHaveLength(3);
  });

  it('follows pageCount when the server caps the page size', async () => {
    // The server returns 2 rows per page whatever limit it was sent.
    server = await startScriptServer((request) => {
      const page = Number(request.query.get('page')?.[0] ?? 1);
      return {
        body: pageOf(
          {
            ...request,
            query: new Map([
              ['limit', ['2']],
              ['page', [String(page)]],
            ]),
          },
          true,
        ),
      };
    });
    const seen: string[] = [];
    for await (const offer of scriptClient(server).offers.iterate({ pageSize: 500 })) {
      seen.push(offer.id);
    }
    expect(seen).toEqual(IDS);
    expect(server.seen).toHaveLength(3);
    expect(server.seen[0]?.query.get('limit')).toEqual(['500']);
  });

  it('page number falls back to the requested page', async () => {
    server = await startScriptServer(() => ({
      body: okBody('{"current":1,"count":5,"pageCount":3,"data":{"30":{"Offer":{"id":"30"}}}}'),
    }));
    const page = await scriptClient(server).offers.findAll({ limit: 2, page: 2 });
    expect(page.page).toBe(2);
    expect(page.pageCount).toBe(3);
    expect(page.items.map((offer) => offer.id)).toEqual(['30']);
  });

  it('stops after a page beyond the end', async () => {
    server = await startScriptServer(() => ({
      body: okBody('{"page":4,"current":0,"count":5,"pageCount":3,"data":[]}'),
    }));
    const page = await scriptClient(server).offers.findAll({ limit: 2, page: 4 });
    expect(page.items).toEqual([]);
    expect(page.pageCount).toBe(3);
  });

  it('findAll page carries the totals', async () => {
    server = await startScriptServer((request) => ({ body: pageOf(request, true) }));
    const page = await scriptClient(server).offers.findAll({ limit: 2, page: 3 });
    expect(page).toMatchObject({
      page: 3,
      pageCount: 3,
      count: 5,
      paginated: true,
      totalsKnown: true,
    });
    expect(page.items.map((offer) => offer.id)).toEqual(['9']);
  });
});

describe('input checks before sending', () => {
  it('invalid ids, options and parameter names', async () => {
    server = await startScriptServer(() => ({ body: okBody('true') }));
    const client = scriptClient(server);
    await expect(client.offers.findById('12a')).rejects.toThrow(
      'id is "12a", which is not a record id',
    );
    await expect(client.offers.findAll({ limit: 0 })).rejects.toThrow(
      'limit is 0. Pass a whole number of 1 or more.',
    );
    await expect(client.offers.iterate({ pageSize: -1 }).next()).rejects.toThrow(/pageSize is -1/);
    await expect(client.offers.findAll({ page: 2 })).rejects.toThrow(
      'page is 2 but limit is missing. Pass limit (the page size) with page.',
    );
    await expect(client.offers.create({})).rejects.toThrow(/got no fields/);
    await expect(client.offers.create({ name: undefined })).rejects.toThrow(/got no fields/);
    // @ts-expect-error null is not a valid field value, and the check must catch it at run time too
    await expect(client.offers.update(1, { note: null })).rejects.toThrow(
      'Field note passed to update is null, which the API cannot receive. Pass an empty string to clear it, or leave the field out.',
    );
    // @ts-expect-error the name is not an Offer field, and the check must catch it at run time too
    await expect(client.offers.update(1, { 'bad key': 1 })).rejects.toThrow(/Field name "bad key"/);
    await expect(client.call('Offer', 'findAll', { filter: { id: 1 } })).rejects.toThrow(
      /Offer.findAll has no parameter "filter". Did you mean filters\?/,
    );
    await expect(client.call('Offer', 'find All')).rejects.toThrow(/Invalid method "find All"/);
    await expect(
      client.offers.findAll({ filters: { id: { BIGGER: 1 } as never } }),
    ).rejects.toThrow(/unknown operator/);
    await expect(client.reports.getStats({ fields: [] })).rejects.toThrow(/need fields/);
    await expect(client.offerFiles.create({ display: 'x' }, new Uint8Array([1]))).rejects.toThrow(
      /needs data.filename/,
    );
    expect(server.seen).toHaveLength(0);
  });
});

describe('model accessors', () => {
  it('convert on read and keep the fields', () => {
    const offer = new Offer({
      id: '5',
      name: 'Test',
      default_payout: '1.50000',
      is_private: '0',
      require_approval: 1,
      expiration_date: '2030-12-12 23:59:59',
      modified: -62169966000,
      date_added: '0000-00-00 00:00:00',
      status: 'active',
    });
    expect(offer.int('id')).toBe(5);
    expect(offer.num('default_payout')).toBe(1.5);
    expect(offer.bool('is_private')).toBe(false);
    expect(offer.bool('require_approval')).toBe(true);
    expect(offer.date('expiration_date')?.toISOString()).toBe('2030-12-12T23:59:59.000Z');
    expect(offer.date('modified')).toBeUndefined();
    expect(offer.date('date_added')).toBeUndefined();
    expect(offer.str('missing')).toBeUndefined();
    expect(() => offer.int('default_payout')).toThrow(/not an integer/);
    expect(() => offer.bool('status')).toThrow(/field status is "active", not a boolean/);
    expect(offer.fields.default_payout).toBe('1.50000');
    expect(String(offer)).toBe('Offer: Test');
    expect(JSON.stringify(offer)).toBe(JSON.stringify(offer.fields));
  });
});
