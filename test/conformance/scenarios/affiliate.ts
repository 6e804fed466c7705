import { expect } from 'vitest';

import { ValidationError } from '../../../src/core/errors.js';
import { Affiliate, AffiliateUser } from '../../../src/models/affiliate.js';
import { OfferFile } from '../../../src/models/records.js';
import type { ReplayServer } from '../../helpers/replay-server.js';
import { rejectionOf, replayClient } from './common.js';

const AFFILIATE_DATA = {
  company: 'Test Company',
  country: 'USA',
  region: 'Ohio',
  zipcode: '12345',
};
const USER_DATA = {
  email: 'user1@example.com',
  first_name: 'TestName',
  last_name: 'TestLastName',
  password: '<PASSWORD>',
  password_confirmation: '<PASSWORD>',
  phone: '+10000000001',
};

export async function replayAffiliate(server: ReplayServer): Promise<void> {
  const client = replayClient(server);

  const withUser = await client.affiliates.createWithUser(AFFILIATE_DATA, USER_DATA);
  expect(withUser).toBeInstanceOf(Affiliate);
  expect(withUser.id).toBe('80');
  expect(withUser.fields).toMatchObject({
    company: 'Test Company',
    country: 'USA',
    region: 'Ohio',
  });
  const user = await withUser.getUser();
  expect(user).toBeInstanceOf(AffiliateUser);
  expect(user?.id).toBe('32');
  expect(user?.str('affiliate_id')).toBe('80');

  const plain = await client.affiliates.create(AFFILIATE_DATA);
  expect(plain.id).toBe('82');
  expect(await plain.getUser()).toBeNull();
  expect((await client.affiliateUsers.findAll({ filters: { affiliate_id: 82 } })).items).toEqual(
    [],
  );

  const found = await client.affiliates.findById(80);
  expect(found?.id).toBe('80');
  expect(found?.fields.company).toBe('Test Company');
  expect(await client.affiliates.findById(43)).toBeNull();

  const page = await client.affiliates.findAll({ limit: 2 });
  expect(page.items.map((item) => item.id)).toEqual(['24', '22']);
  expect(page).toMatchObject({ page: 1, pageCount: 22, count: 43 });

  const renamed = await withUser.update({ company: 'New Company' });
  expect(renamed.id).toBe('80');
  expect(renamed.fields.company).toBe('New Company');

  const error = await rejectionOf(withUser.update({ status: 'null' }));
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).serverMessage).toBe(
    'Error code 3: Could not update affiliate. Status must be one of: pending, active, blocked, deleted, rejected (field: status)',
  );

  expect(await plain.block('why')).toBe(true);

  // The recording answers the delete with id 60 (edited by hand); the status is what matters.
  const deleted = await withUser.delete();
  expect(deleted.fields.status).toBe('deleted');
  const again = await client.affiliates.findById(80);
  expect(again?.fields.status).toBe('deleted');

  const files = await plain.files.findAll();
  expect(files.items).toHaveLength(1);
  expect(files.items[0]).toBeInstanceOf(OfferFile);
  expect(files.items[0]?.id).toBe('50');
  expect(files.items[0]?.fields.account_id).toBe('82');

  const creative = await plain.getOfferFilesWithCreativeCode(44);
  expect(creative.items).toHaveLength(1);
  expect(creative.items[0]?.id).toBe('2');
  expect(creative.items[0]?.fields.offer_id).toBe('44');
  expect(creative.items[0]?.contained.creativecode).toBe('http://www.example.com');
  expect(creative).toMatchObject({ count: 1, pageCount: 1, page: 1 });
}
