import { afterEach, describe, expect, it, vi } from 'vitest';
import { zipStream } from '../../src/emulator/raw-logs/zip-stream.js';
import type { ArchiveSpec } from '../../src/emulator/raw-logs/zip-stream.js';

const SPEC: ArchiveSpec = {
  seed: 3,
  type: 'clicks',
  startTimestamp: 1_473_548_400,
  memberName: 'clicks-1473548400-AbCdEf.csv',
  rows: 5,
  ids: { offers: 10, affiliates: 10, advertisers: 5 },
};

async function archiveAt(time: string): Promise<Uint8Array> {
  vi.setSystemTime(new Date(time));
  return new Uint8Array(await new Response(zipStream(SPEC)).arrayBuffer());
}

afterEach(() => {
  vi.useRealTimers();
});

describe('raw log archive', () => {
  it('is the same whenever it is built', async () => {
    // Only Date is faked: the archive's bytes must not depend on the wall clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = await archiveAt('2020-01-01T00:00:00Z');
    const later = await archiveAt('2024-06-15T13:37:11Z');
    expect(later).toEqual(first);
  });
});
