import { afterEach, describe, expect, it } from 'vitest';

import { Model } from '../../src/models/model.js';
import { Country, Goal } from '../../src/models/records.js';
import { okBody, scriptClient, startScriptServer } from '../core/script-server.js';
import type { ScriptServer } from '../core/script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Written as text so that the Goal ids stay in server order (2 before 1).
const OFFER = `{
  "Offer": {"id": "5", "name": "Test"},
  "Country": {"840": {"code": "US", "name": "United States"}},
  "Goal": {"2": {"id": "2", "name": "b"}, "1": {"id": "1", "name": "a"}},
  "OfferFile": [],
  "OfferUrl": {},
  "Advertiser": {"id": "9", "company": "Acme"},
  "OfferTag": [{"id": "3"}],
  "CreativeCode": "http://example.com",
  "Thumbnail": "",
  "Hostname": null
}`;

describe('contained models', () => {
  it('every shape the server sends', async () => {
    const body = okBody(OFFER);
    server = await startScriptServer(() => ({ body }));
    const offer = await scriptClient(server).offers.findById(5, { contain: ['Country', 'Goal'] });
    expect(server.seen[0]?.query.get('contain[]')).toEqual(['Country', 'Goal']);
    expect(offer?.toString()).toBe('Offer: Test');
    const contained = offer!.contained;
    expect(contained.country).toBeInstanceOf(Country);
    expect((contained.country as Model).str('code')).toBe('US');
    expect(Array.isArray(contained.goal)).toBe(true);
    const goals = contained.goal as readonly Model[];
    expect(goals.every((goal) => goal instanceof Goal)).toBe(true);
    expect(goals.map((goal) => goal.id)).toEqual(['2', '1']);
    expect(contained.offerfile).toBeNull();
    expect(contained.offerurl).toBeNull();
    expect((contained.advertiser as Model).str('company')).toBe('Acme');
    expect((contained.offertag as Model).id).toBe('3');
    expect(contained.creativecode).toBe('http://example.com');
    expect(contained.thumbnail).toBeNull();
    expect(contained.hostname).toBeNull();
    expect(offer!.toJSON()).toMatchObject({
      id: '5',
      country: { code: 'US', name: 'United States' },
      goal: [
        { id: '2', name: 'b' },
        { id: '1', name: 'a' },
      ],
      offerfile: null,
      creativecode: 'http://example.com',
    });
  });

  it('misses come back as null', async () => {
    for (const data of ['null', 'false', '[]', '""']) {
      server = await startScriptServer(() => ({ body: okBody(data) }));
      expect(await scriptClient(server).offers.findById(404), data).toBeNull();
      await server.close();
      server = undefined;
    }
  });
});
