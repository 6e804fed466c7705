import { afterEach, describe, expect, it } from 'vitest';

import { okBody, scriptClient, startScriptServer } from './script-server.js';
import type { ScriptServer } from './script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('parallel calls', () => {
  it('100 calls over copies keep their own parameters', async () => {
    // The reply echoes the id and network id of each request, so any shared state shows up.
    server = await startScriptServer((request) => {
      const id = request.query.get('id')?.[0] ?? '';
      const network = request.query.get('NetworkId')?.[0] ?? '';
      return { body: okBody(JSON.stringify({ Offer: { id, name: network } })) };
    });
    const base = scriptClient(server);
    const copies = [base, base.withOptions({ networkId: 'second' }), base.withOptions({})];
    const calls = Array.from({ length: 100 }, (_, index) => {
      const client = copies[index % copies.length]!;
      return client.offers.findById(index);
    });
    const offers = await Promise.all(calls);
    offers.forEach((offer, index) => {
      expect(offer?.id).toBe(String(index));
      expect(offer?.str('name')).toBe(index % 3 === 1 ? 'second' : 'demo');
    });
    expect(server.seen).toHaveLength(100);
  });
});
