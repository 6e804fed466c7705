import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { callData } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, seed: 5 });
});
afterAll(async () => {
  await emulator.close();
});

async function statToday(offerId: string, field = 'clicks'): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  const report = await callData(emulator, 'Report', 'getStats', {
    fields: [`Stat.${field}`],
    filters: { 'Stat.offer_id': { conditional: 'EQUAL_TO', values: [offerId] } },
    data_start: today,
    data_end: today,
  });
  return Number(report.data[0]?.Stat[field] ?? 0);
}

async function trackingLink(offerId: string, affiliateId: string): Promise<string> {
  const link = await callData(emulator, 'Offer', 'generateTrackingLink', {
    offer_id: offerId,
    affiliate_id: affiliateId,
    params: { aff_sub: 'campaign-7' },
  });
  return link.click_url;
}

describe('tracking link', () => {
  it('redirects to the offer URL with a transaction id', async () => {
    const offer = await callData(emulator, 'Offer', 'findById', { id: '2' });
    const response = await fetch(await trackingLink('2', '3'), { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    const [landing] = String(offer.Offer.offer_url).split('{transaction_id}');
    expect(location.startsWith(landing ?? '-')).toBe(true);
    expect(location).toMatch(/transaction_id=[0-9a-f]{30}$/);
  });

  it('records the click for reports', async () => {
    const before = await statToday('4');
    const url = await trackingLink('4', '1');
    await fetch(url, { redirect: 'manual' });
    await fetch(url, { redirect: 'manual' });
    expect(await statToday('4')).toBe(before + 2);
  });

  it('returns 404 for unknown offer', async () => {
    const response = await fetch(`${emulator.origin}/aff_c?offer_id=999999&aff_id=1`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Offer 999999 was not found.');
  });

  it('returns 400 without affiliate id', async () => {
    const response = await fetch(`${emulator.origin}/aff_c?offer_id=2`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('aff_id is missing or not a whole number.');
  });

  it('serves the impression pixel and counts it', async () => {
    const before = await statToday('2', 'impressions');
    const response = await fetch(`${emulator.origin}/aff_i?offer_id=2&aff_id=3`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('GIF89a');
    expect(await statToday('2', 'impressions')).toBe(before + 1);
  });
});
