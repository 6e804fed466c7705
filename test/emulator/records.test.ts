import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { callApi, callData, encodeBrackets, readJson, wireKeyOrder } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, seed: 11 });
});
beforeEach(async () => {
  await fetch(`${emulator.origin}/__admin/reset`, { method: 'POST' });
});
afterAll(async () => {
  await emulator.close();
});

const NEW_OFFER = {
  name: 'Test',
  preview_url: 'http://www.example.com',
  offer_url: 'test.com',
  expiration_date: '2030-12-12 23:59:59',
  status: 'pending',
};

describe('create, update and find', () => {
  it('persists a created offer', async () => {
    const created = await callData(emulator, 'Offer', 'create', { data: NEW_OFFER });
    const id = created.Offer.id;
    expect(id).toBe('31');
    expect(created.Offer.offer_url).toBe('http://test.com');
    expect(created.Offer.default_payout).toBe('0.00000');
    expect(created.Offer.modified).toBe(-62169966000);
    const found = await callData(emulator, 'Offer', 'findById', { id });
    expect(found.Offer).toEqual(created.Offer);
    const ids = await callData(emulator, 'Offer', 'findAllIds');
    expect(ids).toContain(id);
  });

  it('updates and formats money', async () => {
    const updated = await callData(emulator, 'Conversion', 'update', {
      id: '5',
      data: { revenue: '2', status: 'approved' },
    });
    expect(updated.Conversion.revenue).toBe('2.00000');
    const found = await callData(emulator, 'Conversion', 'findById', { id: '5' });
    expect(found.Conversion.revenue).toBe('2.00000');
    expect(found.Conversion.status).toBe('approved');
  });

  it('reports blank required fields', async () => {
    const reply = await callApi(emulator, 'Offer', 'create', { data: { name: 'No urls' } });
    expect(reply.body.response.errors[0]).toEqual({
      err_code: 1,
      err_msg: 'Preview_url cannot be blank.',
      attribute_name: 'preview_url',
      publicMessage: 'Could not create offer.',
    });
    expect(reply.body.response.errors[1]).toEqual({
      err_code: 1,
      err_msg: 'Offer_url cannot be blank.',
      attribute_name: 'offer_url',
    });
    expect(await callData(emulator, 'Offer', 'findById', { id: '31' })).toBeNull();
  });

  it('reports invalid values with err_code 3', async () => {
    const enumReply = await callApi(emulator, 'Affiliate', 'update', {
      id: '1',
      data: { status: 'null' },
    });
    expect(enumReply.body.response.errors[0].err_msg).toBe(
      'Status must be one of: pending, active, blocked, deleted, rejected',
    );
    expect(enumReply.body.response.errorMessage).toBe('Could not update affiliate.');
    const idReply = await callApi(emulator, 'Advertiser', 'update', {
      id: '1',
      data: { account_manager_id: 'string' },
    });
    expect(idReply.body.response.errors[0].err_msg).toBe('Account_manager_id is not valid.');
    expect(idReply.body.response.errors[0].err_code).toBe(3);
  });

  it('returns the recorded text for unknown ids', async () => {
    const reply = await callApi(emulator, 'Offer', 'blockAffiliate', {
      id: '1',
      affiliate_id: '21',
    });
    expect(reply.body.response.errorMessage).toBe('Failed to hydrate rows: 21');
    const negative = await callApi(emulator, 'Offer', 'addCategory', {
      id: '1',
      category_id: '-1',
    });
    expect(negative.body.response.errorMessage).toBe('Row id is negative');
  });
});

describe('filters', () => {
  async function ids(filters: Record<string, unknown>): Promise<number[]> {
    const data = await callData(emulator, 'Conversion', 'findAll', {
      filters: filters as never,
      fields: ['id'],
    });
    return Array.isArray(data) ? [] : Object.keys(data).map(Number);
  }

  it('applies comparison operators', async () => {
    expect(await ids({ id: { LESS_THAN: '4' } })).toEqual([1, 2, 3]);
    expect(await ids({ id: { LESS_THAN_OR_EQUAL_TO: '2' } })).toEqual([1, 2]);
    expect((await ids({ id: { GREATER_THAN: '298' } })).sort()).toEqual([299, 300]);
    expect((await ids({ id: { GREATER_THAN_OR_EQUAL_TO: '300' } })).sort()).toEqual([300]);
    expect(await ids({ id: { NOT_EQUAL_TO: '1', LESS_THAN: '3' } })).toEqual([2]);
  });

  it('applies IN lists and OR groups', async () => {
    expect(await ids({ id: ['3', '7', '9'] })).toEqual([3, 7, 9]);
    expect(await ids({ OR: { id: '4', status: 'no-such-status' } })).toEqual([4]);
    const rejected = await callData(emulator, 'Conversion', 'findAll', {
      filters: { OR: { id: '1', status: 'rejected' } },
    });
    const rows = Object.values(rejected) as Array<{ Conversion: { id: string; status: string } }>;
    expect(
      rows.every((row) => row.Conversion.status === 'rejected' || row.Conversion.id === '1'),
    ).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
  });

  it('ORs every operator inside an OR group', async () => {
    const outer = await ids({ OR: { id: { LESS_THAN: '3', GREATER_THAN: '298' } } });
    expect(outer.sort((a, b) => a - b)).toEqual([1, 2, 299, 300]);
    const mixed = await ids({ OR: { id: { LESS_THAN: '2', GREATER_THAN: '299' }, status: 'x' } });
    expect(mixed.sort((a, b) => a - b)).toEqual([1, 300]);
  });

  it('treats an IN list inside OR as one condition', async () => {
    const listed = await ids({ OR: { id: ['1', '2'], status: 'no-such-status' } });
    expect(listed).toEqual([1, 2]);
    const numbered = await ids({ OR: { id: { '0': '5', '1': '6' }, status: 'no-such-status' } });
    expect(numbered).toEqual([5, 6]);
    expect(await ids({ id: { '0': '3', '1': '7' } })).toEqual([3, 7]);
  });

  it('ANDs outside conditions with the OR group', async () => {
    const both = await ids({
      id: { LESS_THAN: '250' },
      OR: { id: { LESS_THAN: '3', GREATER_THAN: '248' } },
    });
    expect(both.sort((a, b) => a - b)).toEqual([1, 2, 249]);
  });

  it('still ANDs operators on one field outside OR', async () => {
    expect(await ids({ id: { GREATER_THAN: '3', LESS_THAN: '6' } })).toEqual([4, 5]);
    expect(await ids({ id: { LESS_THAN: '3', GREATER_THAN: '298' } })).toEqual([]);
  });

  it('applies LIKE, NULL and boolean operators', async () => {
    await callData(emulator, 'Advertiser', 'update', {
      id: '2',
      data: { company: 'Zebra Unique Corp' },
    });
    const like = await callData(emulator, 'Advertiser', 'findAll', {
      filters: { company: { LIKE: 'zebra%corp' } },
    });
    expect(Object.keys(like)).toEqual(['2']);
    const notLike = await callData(emulator, 'Advertiser', 'findAll', {
      filters: { company: { NOT_LIKE: 'Zebra%' } },
    });
    expect(Object.keys(notLike)).not.toContain('2');
    expect(Object.keys(notLike)).toHaveLength(11);
    const nullFax = await callData(emulator, 'Advertiser', 'findAll', {
      filters: { fax: { NULL: '1' } },
    });
    expect(Object.keys(nullFax)).toHaveLength(12);
    const notNullFax = await callData(emulator, 'Advertiser', 'findAll', {
      filters: { fax: { NOT_NULL: '1' } },
    });
    expect(notNullFax).toEqual([]);
    const privateOffers = await callData(emulator, 'Offer', 'findAll', {
      filters: { is_private: { TRUE: '1' } },
    });
    const publicOffers = await callData(emulator, 'Offer', 'findAll', {
      filters: { is_private: { FALSE: '1' } },
    });
    expect(Object.keys(privateOffers).length + Object.keys(publicOffers).length).toBe(30);
    expect(Object.keys(privateOffers).length).toBeGreaterThan(0);
  });

  it('rejects unknown operators and fields', async () => {
    const operator = await callApi(emulator, 'Offer', 'findAll', {
      filters: { id: { BETWEEN: '1' } },
    });
    expect(operator.body.response.status).toBe(-1);
    expect(operator.body.response.errorMessage).toContain(
      'Filter operator "BETWEEN" on field "id" is not valid.',
    );
    const field = await callApi(emulator, 'Offer', 'findAll', { filters: { colour: 'red' } });
    expect(field.body.response.errorMessage).toContain('Field "colour" cannot be used in filters');
  });
});

describe('sort, fields and contain', () => {
  it('sorts by several keys', async () => {
    const reply = await callApi(emulator, 'Conversion', 'findAll', {
      sort: { status: 'asc', id: 'desc' },
      fields: ['id', 'status'],
      limit: 300,
    });
    // JSON.parse would reorder the integer-like keys, so the order is read from the wire text.
    const order = wireKeyOrder(reply.text, '"data":{"page"');
    const rows = reply.body.response.data.data as Record<
      string,
      { Conversion: { status: string } }
    >;
    const statuses = order.map((id) => rows[id]?.Conversion.status ?? '');
    expect(order).toHaveLength(300);
    expect(statuses).toEqual([...statuses].sort());
    const approved = order.filter((id) => rows[id]?.Conversion.status === 'approved').map(Number);
    expect(approved).toEqual([...approved].sort((a, b) => b - a));
  });

  it('limits fields to those requested', async () => {
    const data = await callData(emulator, 'Conversion', 'findById', {
      id: '1',
      fields: ['datetime', 'country_code'],
    });
    expect(Object.keys(data.Conversion)).toEqual(['datetime', 'country_code']);
  });

  it('contains countries keyed by code', async () => {
    const created = await callData(emulator, 'Offer', 'create', { data: NEW_OFFER });
    const id = created.Offer.id;
    const none = await callData(emulator, 'Offer', 'findById', {
      id,
      contain: ['Country', 'Advertiser'],
    });
    expect(none.Country).toEqual([]);
    expect(none.Advertiser).toEqual([]);
    expect(await callData(emulator, 'Offer', 'addTargetCountry', { id, country_code: 'ES' })).toBe(
      true,
    );
    expect(await callData(emulator, 'Offer', 'addTargetCountry', { id, country_code: 'RU' })).toBe(
      true,
    );
    const some = await callData(emulator, 'Offer', 'findById', { id, contain: ['Country'] });
    expect(Object.keys(some.Country)).toEqual(['ES', 'RU']);
    expect(some.Country.ES).toEqual({ id: '724', code: 'ES', name: 'spain', regions: [] });
    const targets = await callData(emulator, 'Offer', 'getTargetCountries', { id });
    expect(targets.map((entry: { Country: { code: string } }) => entry.Country.code)).toEqual([
      'ES',
      'RU',
    ]);
  });

  it('rejects a contain alias the method lacks', async () => {
    const reply = await callApi(emulator, 'Offer', 'findAll', { contain: ['Spaceship'] });
    expect(reply.body.response.errorMessage).toContain(
      'Contain "Spaceship" is not valid for Offer.',
    );
  });
});

describe('offer actions', () => {
  it('tracks approvals and blocks', async () => {
    const first = await callData(emulator, 'Offer', 'setAffiliateApproval', {
      id: '2',
      affiliate_id: '3',
      status: 'approved',
    });
    expect(first).toMatchObject({ affiliate_id: '3', offer_id: '2', approval_status: 'approved' });
    const again = await callData(emulator, 'Offer', 'setAffiliateApproval', {
      id: '2',
      affiliate_id: '3',
      status: 'approved',
    });
    expect(again).toBe(true);

    expect(
      await callData(emulator, 'Offer', 'getAffiliateApprovalStatus', {
        id: '2',
        affiliate_id: '3',
      }),
    ).toBe('approved');
    expect(await callData(emulator, 'Offer', 'getApprovedAffiliateIds', { id: '2' })).toEqual([
      '3',
    ]);

    await callData(emulator, 'Offer', 'blockAffiliate', { id: '2', affiliate_id: '4' });
    expect(await callData(emulator, 'Offer', 'getBlockedAffiliateIds', { id: '2' })).toEqual(['4']);
    await callData(emulator, 'Offer', 'unblockAffiliate', { id: '2', affiliate_id: '4' });
    expect(await callData(emulator, 'Offer', 'getBlockedAffiliateIds', { id: '2' })).toEqual([]);

    const approvals = await callData(emulator, 'Offer', 'findAllAffiliateApprovals', {
      filters: { offer_id: '2' },
    });
    const entry = Object.values(approvals)[0] as Record<string, { id: string }>;
    expect(Object.keys(entry)).toEqual(['AffiliateOffer', 'Affiliate', 'Offer']);
    expect(entry['Affiliate']?.id).toBe('3');
  });

  it('generates tracking links on its own origin', async () => {
    const link = await callData(emulator, 'Offer', 'generateTrackingLink', {
      offer_id: '4',
      affiliate_id: '5',
      params: { file_id: '7' },
    });
    expect(link.offer_id).toBe(4);
    expect(link.affiliate_id).toBe('5');
    expect(link.click_url).toBe(`${emulator.origin}/aff_c?offer_id=4&aff_id=5&file_id=7`);
  });

  it('lists categories added to an offer', async () => {
    await callData(emulator, 'Offer', 'addCategory', { id: '1', category_id: '12' });
    const categories = await callData(emulator, 'Offer', 'getCategories', { id: '1' });
    expect(categories.at(-1).OfferCategory.id).toBe('12');
    expect(
      await callData(emulator, 'Application', 'findAllOfferCategoryOfferIds', { id: '12' }),
    ).toContain('1');
  });
});

describe('tags', () => {
  it('adds, sets and removes relations', async () => {
    const relation = await callData(emulator, 'Tag', 'addToOffer', { tag_id: '1', offer_id: '2' });
    expect(Object.keys(relation)).toEqual(['id', 'offer_id', 'tag_id']);
    expect(
      await callData(emulator, 'Tag', 'setForOffer', { tag_ids: ['3', '4'], offer_id: '2' }),
    ).toBe(true);
    const page = await callData(emulator, 'Tag', 'findAllOfferTagRelations', {});
    expect(Object.keys(page)).toEqual(['page', 'current', 'data']);
    const tags = Object.values(page.data).map(
      (entry) => (entry as { OffersTags: { tag_id: string } }).OffersTags.tag_id,
    );
    expect(tags).toEqual(['3', '4']);
    const first = Object.keys(page.data)[0] ?? '';
    expect(await callData(emulator, 'Tag', 'removeFromOfferByRelationalId', { id: first })).toBe(
      true,
    );
    const after = await callData(emulator, 'Tag', 'findAllOfferTagRelations', {});
    expect(Object.keys(after.data)).toHaveLength(1);
    expect(await callData(emulator, 'Tag', 'removeFromOffer', { tag_id: '4', offer_id: '2' })).toBe(
      true,
    );
    expect((await callData(emulator, 'Tag', 'findAllOfferTagRelations', {})).data).toEqual([]);
  });
});

describe('offer file upload', () => {
  it('stores a multipart upload and serves it back', async () => {
    const png = new Uint8Array(40);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 640);
    new DataView(png.buffer).setUint32(20, 480);

    const query = encodeBrackets({
      NetworkId: emulator.networkId,
      NetworkToken: emulator.networkToken,
      Target: 'OfferFile',
      Method: 'create',
      data: {
        filename: 'thumb.png',
        display: 'TEST_FILE',
        type: 'offer thumbnail',
        width: '200',
        height: '100',
        offer_id: '3',
      },
    });
    // The file part's name follows data[filename]; the part's own file name differs on purpose.
    const form = new FormData();
    form.append('thumb.png', new Blob([png]), 'local-name.png');
    const reply = await readJson(
      await fetch(`${emulator.url}?${query}`, { method: 'POST', body: form }),
    );

    const file = reply.response.data.OfferFile;
    expect(file).toMatchObject({
      filename: 'thumb.png',
      size: '40',
      width: '640',
      height: '480',
      offer_id: '3',
    });
    expect(file.url.startsWith(`${emulator.origin}/`)).toBe(true);

    const served = new Uint8Array(await (await fetch(file.url)).arrayBuffer());
    expect(served).toEqual(png);
  });

  it('lists the recorded type order on a bad type', async () => {
    const reply = await callApi(emulator, 'OfferFile', 'update', {
      id: '1',
      data: { type: 'whatever' },
    });
    expect(reply.body.response.errors[0].err_msg).toBe(
      'Type must be one of: file, image banner, flash banner, email creative, offer thumbnail, text ad, html ad, xml feed, hidden',
    );
    expect(reply.body.response.errorMessage).toBe('Could not update offer file.');
  });
});

describe('countries and categories', () => {
  it('finds countries by code', async () => {
    const country = await callData(emulator, 'Application', 'findCountryByCode', { code: 'CZ' });
    expect(country).toEqual({
      Country: { id: '203', code: 'CZ', name: 'czech republic', regions: [] },
    });
    expect(await callData(emulator, 'Application', 'findCountryByCode', { code: 'XX' })).toBeNull();
    const all = await callData(emulator, 'Application', 'findAllCountries', {});
    expect(Object.keys(all)).toContain('724');
  });

  it('returns the new offer category id', async () => {
    const categories = await callData(emulator, 'Application', 'findAllOfferCategories', {});
    const nextId = String(Math.max(...Object.keys(categories).map(Number)) + 1);
    const created = await callData(emulator, 'Application', 'addOfferCategory', {
      data: { name: 'Gardening', status: 'active' },
    });
    expect(created).toBe(nextId);
    const after = await callData(emulator, 'Application', 'findAllOfferCategories', {
      filters: { id: nextId },
    });
    expect(after[nextId].OfferCategory.name).toBe('Gardening');
  });

  it('updates an offer category', async () => {
    const updated = await callData(emulator, 'Application', 'updateOfferCategory', {
      id: '1',
      data: { status: 'deleted' },
    });
    expect(updated).toBe(true);
    const categories = await callData(emulator, 'Application', 'findAllOfferCategories', {
      filters: { status: 'deleted' },
    });
    expect(Object.keys(categories)).toEqual(['1']);
  });
});

describe('update checks', () => {
  it('rejects blanking a required field', async () => {
    const reply = await callApi(emulator, 'Offer', 'update', { id: '1', data: { name: '' } });
    expect(reply.body.response.errors[0]).toEqual({
      err_code: 1,
      err_msg: 'Name cannot be blank.',
      attribute_name: 'name',
      publicMessage: 'Could not update offer.',
    });
    const offer = await callData(emulator, 'Offer', 'findById', { id: '1' });
    expect(offer.Offer.name).not.toBe('');
  });
});
