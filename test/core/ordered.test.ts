import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { parseOrderedJson, stringifyOrdered } from '../../src/core/json.js';
import { Offer } from '../../src/models/offer.js';
import { okBody, scriptClient, startScriptServer } from './script-server.js';
import type { ScriptServer } from './script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ID_KEYED =
  '{"100":{"Offer":{"id":"100"}},"1":{"Offer":{"id":"1"}},"b":[1,{"2":true,"1":null}]}';

describe('call with ordered results', () => {
  it('keeps server order of id keys', async () => {
    server = await startScriptServer(() => ({ body: okBody(ID_KEYED) }));
    const client = scriptClient(server);
    const data = await client.call('Offer', 'findAll', {}, { ordered: true });
    expect(data).toBeInstanceOf(Map);
    expect([...(data as Map<string, unknown>).keys()]).toEqual(['100', '1', 'b']);
    expect(stringifyOrdered(data)).toBe(ID_KEYED);
  });

  it('plain call still returns objects', async () => {
    server = await startScriptServer(() => ({ body: okBody(ID_KEYED) }));
    const data = await scriptClient(server).call('Offer', 'findAll');
    expect(data).not.toBeInstanceOf(Map);
    expect(Object.keys(data as object)).toEqual(['1', '100', 'b']);
  });

  it('rejects an options value that is not an object', async () => {
    server = await startScriptServer(() => ({ body: okBody('[]') }));
    const client = scriptClient(server);
    await expect(client.call('Offer', 'findAll', {}, 'ordered' as never)).rejects.toThrow(
      /Options of Offer.findAll must be an object/,
    );
    expect(server.seen).toHaveLength(0);
  });
});

describe('stringifyOrdered', () => {
  it('matches JSON.stringify on plain values', () => {
    const value = { a: [1, 'x', null, undefined, { b: undefined, c: false }], d: 'é"\n', e: {} };
    expect(stringifyOrdered(value)).toBe(JSON.stringify(value));
    expect(stringifyOrdered(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(stringifyOrdered([])).toBe('[]');
  });

  it('indents maps in insertion order', () => {
    const value = parseOrderedJson('{"10":{"2":"x","1":[]},"9":{}}');
    expect(stringifyOrdered(value, 2)).toBe(
      '{\n  "10": {\n    "2": "x",\n    "1": []\n  },\n  "9": {}\n}',
    );
  });

  it('uses toJSON of models and dates', () => {
    const date = new Date(Date.UTC(2024, 0, 2));
    const offer = new Offer({ id: '3', name: 'Test' });
    expect(stringifyOrdered({ date, offer })).toBe(JSON.stringify({ date, offer }));
  });

  it('round-trips any JSON text', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        expect(stringifyOrdered(parseOrderedJson(text))).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });
});
