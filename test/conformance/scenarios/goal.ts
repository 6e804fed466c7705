import { expect } from 'vitest';

import { Goal } from '../../../src/models/records.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { OFFER_DATA } from './offer.js';
import { replayClient } from './common.js';

export async function replayGoal(server: ReplayServer): Promise<void> {
  const client = replayClient(server);

  const offer = await client.offers.create(OFFER_DATA);
  expect(offer.id).toBe('204');

  const goal = await client.goals.create({
    status: 'deleted',
    description: 'String',
    offer_id: offer.id,
    name: 'Test',
  });
  expect(goal).toBeInstanceOf(Goal);
  expect(goal.id).toBe('118');
  expect(goal.fields).toMatchObject({ offer_id: '204', description: 'String', status: 'deleted' });

  expect((await client.goals.findById(118))?.id).toBe('118');
  expect(await client.goals.findById(1000)).toBeNull();

  const updated = await goal.update({ description: 'Another' });
  expect(updated.id).toBe('118');
  expect(updated.fields.description).toBe('Another');

  const page = await client.goals.findAll({ limit: 2 });
  expect(page.items.map((item) => item.id)).toEqual(['46', '62']);
  expect(page.count).toBe(62);
}
