import { describe, expect, it } from 'vitest';
import { seedStore } from '../../src/emulator/seed.js';
import { Store } from '../../src/emulator/store.js';

describe('large dataset', () => {
  // The `dataset` option documents this count, so the two must not drift apart.
  it('seeds 150,000 conversions', () => {
    const store = new Store();
    seedStore(store, { seed: 1, size: 'large', today: '2024-03-31' });
    expect(store.table('Conversion').rows.size).toBe(150_000);
  });
});
