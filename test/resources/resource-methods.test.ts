import { afterEach, describe, expect, it } from 'vitest';

import { findMethod } from '../../src/catalogue.js';
import type { HasOffers } from '../../src/client.js';
import { okBody, scriptClient, startScriptServer } from '../core/script-server.js';
import type { ScriptServer } from '../core/script-server.js';

let server: ScriptServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type IdLister = { findAllIds(options?: object): Promise<string[]> };

// Every resource of the client, by target; OfferFile.findAllIds comes from PyOffers 0.7.
const RESOURCES: Record<string, (client: HasOffers) => object> = {
  Advertiser: (client) => client.advertisers,
  Affiliate: (client) => client.affiliates,
  AffiliateUser: (client) => client.affiliateUsers,
  Conversion: (client) => client.conversions,
  Country: (client) => client.countries,
  Goal: (client) => client.goals,
  Offer: (client) => client.offers,
  OfferCategory: (client) => client.offerCategories,
  OfferFile: (client) => client.offerFiles,
  Tag: (client) => client.tags,
};

describe('findAllIds', () => {
  it('exists where the catalogue or PyOffers has it', async () => {
    server = await startScriptServer(() => ({ body: okBody('["100","1"]') }));
    const client = scriptClient(server);
    for (const [target, resourceOf] of Object.entries(RESOURCES)) {
      const expected = findMethod(target, 'findAllIds') !== undefined || target === 'OfferFile';
      const resource = resourceOf(client) as Partial<IdLister>;
      expect(typeof resource.findAllIds === 'function', target).toBe(expected);
      if (resource.findAllIds === undefined) continue;
      expect(await resource.findAllIds(), target).toEqual(['100', '1']);
      const request = server.seen.at(-1);
      expect(request?.query.get('Target'), target).toEqual([target]);
      expect(request?.query.get('Method'), target).toEqual(['findAllIds']);
    }
  });

  it('sends filters where the method takes them', async () => {
    server = await startScriptServer(() => ({ body: okBody('null') }));
    const client = scriptClient(server);
    expect(await client.offers.findAllIds({ filters: { status: ['active', 'paused'] } })).toEqual(
      [],
    );
    expect(server.seen[0]?.query.get('filters[status][]')).toEqual(['active', 'paused']);
    await expect(client.advertisers.findAllIds({ filters: { status: 'active' } })).rejects.toThrow(
      /Advertiser.findAllIds has no parameter "filters"/,
    );
    expect(server.seen).toHaveLength(1);
  });
});

describe('affiliate creative files', () => {
  it('calls the Offer target with both ids', async () => {
    server = await startScriptServer(() => ({
      body: okBody('{"7":{"OfferFile":{"id":"7","creativecode":"<a>"}}}'),
    }));
    const page = await scriptClient(server).affiliates.getOfferFilesWithCreativeCode(3, 12);
    expect(page.items.map((file) => file.id)).toEqual(['7']);
    const query = server.seen[0]?.query;
    expect(query?.get('Target')).toEqual(['Offer']);
    expect(query?.get('Method')).toEqual(['getOfferFilesWithCreativeCode']);
    expect(query?.get('affiliate_id')).toEqual(['3']);
    expect(query?.get('offer_id')).toEqual(['12']);
  });
});
