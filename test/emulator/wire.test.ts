import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { callApi, callData, encodeBrackets, readJson, wireKeyOrder } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, seed: 7 });
});
afterAll(async () => {
  await emulator.close();
});

describe('request parsing', () => {
  it('reads GET query and POST form alike', async () => {
    const params = { id: '3', contain: ['Advertiser'] };
    const viaGet = await callApi(emulator, 'Offer', 'findById', params);
    const viaPost = await callApi(emulator, 'Offer', 'findById', params, { post: true });
    expect(viaPost.body.response.data).toEqual(viaGet.body.response.data);
    expect(viaGet.body.response.data.Offer.id).toBe('3');
  });

  it('merges query string and form body', async () => {
    const query = encodeBrackets({
      NetworkId: emulator.networkId,
      NetworkToken: emulator.networkToken,
      Target: 'Offer',
    });
    const body = encodeBrackets({ Method: 'findById', id: '2' });
    const response = await fetch(`${emulator.url}?${query}`, { method: 'POST', body });
    const reply = await readJson(response);
    expect(reply.response.status).toBe(1);
    expect(reply.response.data.Offer.id).toBe('2');
  });

  it('echoes the request with server keys first', async () => {
    const reply = await callApi(emulator, 'Offer', 'findById', { id: '1', fields: ['id', 'name'] });
    expect(Object.keys(reply.body.request).slice(0, 4)).toEqual([
      'Target',
      'Format',
      'Service',
      'Version',
    ]);
    expect(reply.body.request.Version).toBe('2');
    expect(reply.body.request.fields).toEqual(['id', 'name']);
  });
});

describe('malformed params', () => {
  const credentials = () =>
    `NetworkId=${emulator.networkId}&NetworkToken=${emulator.networkToken}` +
    '&Target=Offer&Method=findById&id=1';

  async function postForm(body: string): Promise<{ status: number; body: any }> {
    const response = await fetch(emulator.url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const text = await response.text();
    return { status: response.status, body: response.status === 200 ? JSON.parse(text) : text };
  }

  it('drops names nested past 64 levels', async () => {
    const deep = await postForm(`${credentials()}&deep${'[x]'.repeat(65)}=1`);
    expect(deep.status).toBe(200);
    expect(deep.body.response.data.Offer.id).toBe('1');
    expect(deep.body.request.deep).toBeUndefined();
  });

  it('keeps names nested 64 levels', async () => {
    const kept = await postForm(`${credentials()}&deep${'[x]'.repeat(64)}=1`);
    expect(kept.status).toBe(200);
    expect(kept.body.request.deep).toBeDefined();
  });

  it('survives very deep nesting', async () => {
    const reply = await postForm(`${credentials()}&deep${'[x]'.repeat(100_000)}=1`);
    expect(reply.status).toBe(200);
    expect(reply.body.response.status).toBe(1);
  });
});

describe('response envelope', () => {
  it('sends JSON with a request id', async () => {
    const response = await fetch(
      `${emulator.url}?${encodeBrackets({
        NetworkId: emulator.networkId,
        NetworkToken: emulator.networkToken,
        Target: 'Offer',
        Method: 'findById',
        id: '1',
      })}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('escapes slashes like the PHP service', async () => {
    const reply = await callApi(emulator, 'Offer', 'findById', { id: '1' });
    expect(reply.text).toContain('"preview_url":"http:\\/\\/');
  });

  it('keeps server order of id keys', async () => {
    const reply = await callApi(emulator, 'Offer', 'findAll', {
      sort: { 'Offer.id': 'desc' },
      fields: ['id'],
      limit: 5,
    });
    expect(wireKeyOrder(reply.text, '"data":{"page"')).toEqual(['30', '29', '28', '27', '26']);
  });

  it('returns null for a findById miss', async () => {
    const reply = await callApi(emulator, 'Offer', 'findById', { id: '999999' });
    expect(reply.body.response.status).toBe(1);
    expect(reply.body.response.data).toBeNull();
  });

  it('pages only when limit is sent', async () => {
    const plain = await callData(emulator, 'Offer', 'findAll', { fields: ['id'] });
    const paged = await callData(emulator, 'Offer', 'findAll', {
      fields: ['id'],
      limit: 4,
      page: 2,
    });
    expect(plain.page).toBeUndefined();
    expect(Object.keys(plain)).toHaveLength(30);
    expect(paged).toMatchObject({ page: 2, current: 0, count: 30, pageCount: 8 });
    expect(Object.keys(paged.data).sort()).toEqual(['5', '6', '7', '8']);
  });

  it('writes empty results as []', async () => {
    const filters = { id: { GREATER_THAN: '100000' } };
    expect(await callData(emulator, 'Offer', 'findAll', { filters })).toEqual([]);
    expect(await callData(emulator, 'Offer', 'findAll', { filters, limit: 10 })).toEqual({
      page: 1,
      current: 0,
      count: 0,
      pageCount: 0,
      data: [],
    });
  });
});

describe('credentials and unknown methods', () => {
  it('answers a bad network id in the recorded shape', async () => {
    const reply = await callApi(
      emulator,
      'Offer',
      'findAll',
      {},
      { credentials: { NetworkId: 'other', NetworkToken: emulator.networkToken } },
    );
    expect(reply.text).toBe(
      '{"response":{"errors":{"publicMessage":"Network id is not valid"},"link":"http:\\/\\/developers.hasoffers.com\\/"}}',
    );
  });

  it('rejects a bad token in the normal envelope', async () => {
    const reply = await callApi(
      emulator,
      'Offer',
      'findAll',
      {},
      { credentials: { NetworkId: emulator.networkId, NetworkToken: 'NETwrong' } },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.response.status).toBe(-1);
    expect(reply.body.response.data).toBe('');
    expect(reply.body.response.errorMessage).toBe('NetworkToken is not valid.');
  });

  it('names catalogue methods it does not serve', async () => {
    const reply = await callApi(emulator, 'Offer', 'getPixels', { id: '1' });
    expect(reply.body.response.status).toBe(-1);
    expect(reply.body.response.errorMessage).toContain(
      'Offer::getPixels is not available in the emulator',
    );
  });

  it('rejects unknown targets and methods', async () => {
    const unknownTarget = await callApi(emulator, 'Nonsense', 'findAll');
    const unknownMethod = await callApi(emulator, 'Offer', 'findEverything');
    expect(unknownTarget.body.response.errorMessage).toBe(
      'Method Nonsense::findAll does not exist.',
    );
    expect(unknownMethod.body.response.errorMessage).toBe(
      'Method Offer::findEverything does not exist.',
    );
  });

  it('accepts a brand information check', async () => {
    const data = await callData(emulator, 'Application', 'getBrandInformation');
    expect(data.Brand.network_id).toBe(emulator.networkId);
  });
});

describe('URL length', () => {
  const longFilter = { filters: { id: Array.from({ length: 1500 }, (_, i) => String(i + 1)) } };

  it('rejects URLs over 8 KB with HTTP 414', async () => {
    const reply = await callApi(emulator, 'Offer', 'findAll', longFilter);
    expect(reply.status).toBe(414);
    expect(reply.text).toContain(
      "The requested URL's length exceeds the capacity limit for this server.",
    );
    const requests = await readJson(await fetch(`${emulator.origin}/__admin/requests`));
    expect(requests.at(-1)).toMatchObject({ target: 'Offer', outcome: 'http-414: URL too long' });
  });

  it('accepts the same params by POST', async () => {
    const reply = await callApi(
      emulator,
      'Offer',
      'findAll',
      { ...longFilter, fields: ['id'] },
      { post: true },
    );
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.response.data)).toHaveLength(30);
  });
});

describe('startEmulator options', () => {
  it('rejects bad options before listening', async () => {
    await expect(startEmulator({ port: -1 })).rejects.toThrow(
      'port must be an integer from 0 to 65535, got -1.',
    );
    await expect(startEmulator({ dataset: 'huge' as never })).rejects.toThrow(
      'dataset "huge" is not valid. Use one of: small, medium, large.',
    );
    await expect(startEmulator({ faults: [{ kind: 'explode' as never }] })).rejects.toThrow(
      'Fault kind "explode" is not valid.',
    );
  });

  it('listens on loopback by default', () => {
    expect(new URL(emulator.url).hostname).toBe('127.0.0.1');
    expect(new URL(emulator.url).pathname).toBe('/Apiv3/json');
  });
});

describe('emulator log', () => {
  it('logs start, stop and unreadable bodies', async () => {
    const lines: string[] = [];
    const logged = await startEmulator({
      log: (level, message) => lines.push(`${level} ${message}`),
    });
    const response = await fetch(logged.url, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=missing' },
      body: 'not multipart at all',
    });
    await logged.close();
    expect(response.status).toBe(400);
    expect(lines[0]).toBe(`info listening on ${logged.url} (network demo)`);
    expect(lines[1]).toMatch(/^error request [0-9a-f-]{36}: unreadable body: /);
    expect(lines[2]).toBe(`info stopped ${logged.origin}`);
    expect(lines.join('\n')).not.toContain(logged.networkToken);
  });
});
