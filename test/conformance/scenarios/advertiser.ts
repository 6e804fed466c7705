import { expect } from 'vitest';

import { ValidationError } from '../../../src/core/errors.js';
import { Advertiser } from '../../../src/models/advertiser.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { rejectionOf, replayClient } from './common.js';

export async function replayAdvertiser(server: ReplayServer): Promise<void> {
  const client = replayClient(server);
  const data = { status: 'pending', company: 'Test', zipcode: '123456', country: 'CZ' };

  const created = await client.advertisers.create(data);
  expect(created).toBeInstanceOf(Advertiser);
  expect(created.id).toBe('114');
  expect(created.fields).toMatchObject({
    company: 'Test',
    country: 'CZ',
    status: 'pending',
    zipcode: '123456',
  });
  expect(created.fields.modified).toBe(-62169966000);
  expect(created.toString()).toBe('Advertiser: Test');

  const found = await client.advertisers.findById(114);
  expect(found?.id).toBe('114');
  expect(found?.str('country')).toBe('CZ');

  expect(await client.advertisers.findById(100000)).toBeNull();

  const updated = await created.update({ company: 'Another' });
  expect(updated.id).toBe(created.id);
  expect(updated.fields.company).toBe('Another');

  const error = await rejectionOf(
    client.advertisers.update('114', { account_manager_id: 'string' }),
  );
  expect(error).toBeInstanceOf(ValidationError);
  const validation = error as ValidationError;
  expect(validation.serverMessage).toBe(
    'Error code 3: Could not update advertiser. Account_manager_id is not valid. (field: account_manager_id)',
  );
  expect(validation.errors[0]?.attribute_name).toBe('account_manager_id');
  expect(validation.message).toContain('Advertiser.update');

  expect(await created.block('reason text')).toBe(true);

  const page = await client.advertisers.findAll({ limit: 2 });
  expect(page.items.map((item) => item.id)).toEqual(['114', '108']);
  expect(page).toMatchObject({ page: 1, pageCount: 30, count: 60, paginated: true });
}
