import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { LogListing } from '../../src/emulator/raw-logs/listing.js';
import { callData } from './helpers.js';

const HOUR_MS = 3_600_000;
const SEP_12_2016 = Date.parse('2016-09-12T00:00:00Z');

describe('raw log listing clock', () => {
  it('lists only ended hours of the current day', () => {
    const listing = new LogListing(1, '2016-09-12', 3, () => SEP_12_2016 + 9.5 * HOUR_MS);
    const files = listing.files('clicks', '20160912');
    expect(files).toHaveLength(9);
    expect(files[0]?.displayName).toBe('Sep 12, 2016 - 08:00 am');
    expect(files.at(-1)?.displayName).toBe('Sep 12, 2016 - 12:00 am');
  });

  it('lists every hour of a past day', () => {
    const listing = new LogListing(1, '2016-09-12', 3, () => SEP_12_2016 + 9.5 * HOUR_MS);
    expect(listing.files('clicks', '20160911')).toHaveLength(24);
  });

  it('finds no file for an hour in progress', () => {
    let now = SEP_12_2016 + 9.5 * HOUR_MS;
    const listing = new LogListing(1, '2016-09-12', 3, () => now);
    now += HOUR_MS;
    const nineAm = listing.files('clicks', '20160912')[0];
    expect(nineAm?.displayName).toBe('Sep 12, 2016 - 09:00 am');
    now -= HOUR_MS;
    expect(listing.find('clicks', nineAm?.filename ?? '')).toBeUndefined();
  });

  it('applies the wall clock in the emulator', async () => {
    const emulator = await startEmulator({ rateLimit: false, rawLogs: { days: 1 } });
    try {
      const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      const hoursBefore = Math.floor((Date.now() % 86_400_000) / HOUR_MS);
      const data = await callData(emulator, 'RawLog', 'listLogs', {
        log_type: 'clicks',
        date_dir: today,
      });
      const hoursAfter = Math.floor((Date.now() % 86_400_000) / HOUR_MS);
      expect(data.logFiles.length).toBeGreaterThanOrEqual(hoursBefore);
      expect(data.logFiles.length).toBeLessThanOrEqual(hoursAfter);
    } finally {
      await emulator.close();
    }
  });
});
