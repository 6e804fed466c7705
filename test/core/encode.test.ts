import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { encodeRequest, flattenParams, formatDateTime } from '../../src/core/encode.js';
import { UsageError } from '../../src/core/errors.js';
import { or, where } from '../../src/filters.js';
import { okBody, scriptClient, startScriptServer } from './script-server.js';
import type { ScriptServer, SeenRequest } from './script-server.js';

describe('flattenParams', () => {
  it('writes PHP bracket fields', () => {
    const fields = flattenParams({
      id: 5,
      data: { name: 'x', active: true, hidden: false },
      fields: ['id', 'name'],
      options: { tiny_url: 1 },
      skipped: undefined,
      nothing: null,
    });
    expect(fields).toEqual([
      ['id', '5'],
      ['data[name]', 'x'],
      ['data[active]', '1'],
      ['data[hidden]', '0'],
      ['fields[]', 'id'],
      ['fields[]', 'name'],
      ['options[tiny_url]', '1'],
    ]);
  });

  it('indexes arrays of objects', () => {
    const fields = flattenParams({ timeframes: [{ label: 'a' }, { label: 'b' }] });
    expect(fields).toEqual([
      ['timeframes[0][label]', 'a'],
      ['timeframes[1][label]', 'b'],
    ]);
  });

  it('formats dates as UTC datetime', () => {
    expect(formatDateTime(new Date(Date.UTC(2030, 11, 12, 23, 59, 59)))).toBe(
      '2030-12-12 23:59:59',
    );
    expect(flattenParams({ data: { at: new Date(Date.UTC(2016, 0, 2, 3, 4, 5)) } })).toEqual([
      ['data[at]', '2016-01-02 03:04:05'],
    ]);
  });

  it('rejects values the API cannot read', () => {
    expect(() => flattenParams({ limit: Number.NaN })).toThrow(UsageError);
    expect(() => flattenParams({ at: new Date('nope') })).toThrow(/Invalid Date/);
    expect(() => flattenParams({ run: () => 1 })).toThrow(/type function/);
  });
});

describe('values PHP brackets cannot carry', () => {
  it('rejects keys with brackets or no name', () => {
    expect(() => flattenParams({ data: { 'a]b': 'x' } })).toThrow(
      /Parameter key "a]b" in data\[a\]b\] contains/,
    );
    expect(() => flattenParams({ data: { 'a[b': 'x' } })).toThrow(UsageError);
    expect(() => flattenParams({ data: { '': 'x' } })).toThrow(/empty key in data/);
    expect(() => flattenParams({ data: new Map([['x]', 1]]) })).toThrow(UsageError);
  });

  it('rejects class instances that would encode as their internals', () => {
    expect(() => flattenParams({ filters: where('id').gt(5) })).toThrow(
      /Parameter filters is a FilterCondition, not a plain object/,
    );
    expect(() => flattenParams({ filters: [or(where('id').gt(5))] })).toThrow(/OrGroup/);
    expect(() => flattenParams({ data: { bytes: new Uint8Array([1]) } })).toThrow(
      /data\[bytes\] is a Uint8Array/,
    );
    expect(flattenParams({ data: Object.assign(Object.create(null), { a: 1 }) })).toEqual([
      ['data[a]', '1'],
    ]);
  });

  it('rejects parameters named like routing fields', async () => {
    const server = await startScriptServer(() => ({ body: okBody('true') }));
    try {
      const client = scriptClient(server);
      // A second Method would override the first in PHP, so a read could run as a write.
      await expect(
        client.call('Offer', 'findSomethingNew', { Method: 'delete' }, { unchecked: true }),
      ).rejects.toThrow(
        'Parameter Method is set by the client from the call itself. Remove it from the parameters.',
      );
      await expect(
        client.call('Offer', 'findSomethingNew', { networktoken: 'x' }, { unchecked: true }),
      ).rejects.toThrow(/Parameter networktoken is set by the client/);
      expect(server.seen).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('rejects empty arrays at any depth', () => {
    expect(() => flattenParams({ tag_ids: [] })).toThrow(
      /Parameter tag_ids is an empty array, which the API's form encoding cannot send/,
    );
    expect(() => flattenParams({ data: { list: [] } })).toThrow(/data\[list\] is an empty array/);
  });

  it('checks before anything is sent', async () => {
    const server = await startScriptServer(() => ({ body: okBody('true') }));
    try {
      const client = scriptClient(server);
      await expect(client.call('Offer', 'update', { id: 1, data: { 'x]': 1 } })).rejects.toThrow(
        UsageError,
      );
      await expect(client.tags.setForOffer([], 1)).rejects.toThrow(/tag_ids is an empty array/);
      // An empty IN list must not turn into "no filter", which would match every record.
      await expect(client.offers.findAll({ filters: { id: [] } })).rejects.toThrow(
        /filters\[id\] is an empty array/,
      );
      expect(server.seen).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('encodeRequest', () => {
  const routing = [
    ['Target', 'Offer'],
    ['Method', 'findAll'],
  ] as const;

  it('uses GET below the URL limit', () => {
    const request = encodeRequest({
      endpoint: 'http://h/Apiv3/json',
      routing,
      params: { limit: 2 },
    });
    expect(request.httpMethod).toBe('GET');
    expect(request.url).toBe('http://h/Apiv3/json?Target=Offer&Method=findAll&limit=2');
  });

  it('switches to a POST form above the limit', () => {
    const params = { filters: { name: 'x'.repeat(5000) } };
    const request = encodeRequest({ endpoint: 'http://h/Apiv3/json', routing, params });
    expect(request.httpMethod).toBe('POST');
    expect(request.url).toBe('http://h/Apiv3/json?Target=Offer&Method=findAll');
    expect(request.body).toBe(`filters%5Bname%5D=${'x'.repeat(5000)}`);
    expect(request.contentType).toBe('application/x-www-form-urlencoded');
  });
});

describe('wire round trip', () => {
  let server: ScriptServer;
  beforeAll(async () => {
    server = await startScriptServer(() => ({ body: okBody('true') }));
  });
  afterAll(() => server.close());

  function received(request: SeenRequest, key: string): string[] | undefined {
    return request.query.get(key) ?? request.form.get(key);
  }

  it('delivers special characters byte-exact', async () => {
    const client = scriptClient(server);
    const value = 'a&b+c#d%e"f[g]h é 😀 \u0000 =?/';
    await client.call('Offer', 'update', { id: 1, data: { name: value, empty: '' } });
    const request = server.seen.at(-1)!;
    expect(received(request, 'data[name]')).toEqual([value]);
    expect(received(request, 'data[empty]')).toEqual(['']);
    expect(received(request, 'NetworkId')).toEqual(['demo']);
  });

  it('round-trips arbitrary strings', async () => {
    const client = scriptClient(server);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        async (value, key) => {
          const safeKey = `k${[...key].filter((char) => /[A-Za-z0-9_]/.test(char)).join('')}`;
          await client.call('Offer', 'findAll', { filters: { [safeKey]: value } });
          expect(received(server.seen.at(-1)!, `filters[${safeKey}]`)).toEqual([value]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sends long parameters as a POST form', async () => {
    const client = scriptClient(server);
    const long = 'é&'.repeat(3000);
    await client.call('Offer', 'findAll', { filters: { name: long } });
    const request = server.seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.query.get('Target')).toEqual(['Offer']);
    expect(request.query.get('NetworkToken')).toBeDefined();
    expect(request.form.get('filters[name]')).toEqual([long]);
  });
});
