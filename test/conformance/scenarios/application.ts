import { expect } from 'vitest';

import { OfferCategory } from '../../../src/models/records.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { replayClient } from './common.js';

export async function replayApplication(server: ReplayServer): Promise<void> {
  const client = replayClient(server);

  const categories = await client.offerCategories.findAll();
  expect(categories.items.map((item) => item.id)).toEqual([
    '1',
    '3',
    '5',
    '7',
    '9',
    '10',
    '12',
    '14',
  ]);
  expect(categories.items[0]).toBeInstanceOf(OfferCategory);
  expect(categories.items[0]?.fields.name).toBe('Payday Loan');
  expect(categories.paginated).toBe(false);

  expect(await client.offerCategories.findAllOfferIds(10)).toEqual(['438']);
}
