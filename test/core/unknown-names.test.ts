import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { HasOffers, NotFoundError, UsageError, ValidationError } from '../../src/index.js';

let emulator: Emulator;
let client: HasOffers;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
  client = new HasOffers({
    networkId: emulator.networkId,
    networkToken: emulator.networkToken,
    endpoint: emulator.url,
    maxRetries: 0,
    rateLimit: false,
    logger: {},
  });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call succeeded');
}

describe('unknown names from the server', () => {
  it('unknown filter field is a validation error', async () => {
    const error = await rejectionOf(client.offers.findAll({ filters: { nosuchfield: 1 } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('Offer has no such field');
    expect(error.message).toContain('check the spelling of the Target, Method, filter');
    expect(error.message).not.toContain('ids passed to the call exist');
  });

  it('unknown sort field is a validation error', async () => {
    const error = await rejectionOf(client.offers.findAll({ sort: ['-nosuchfield'] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('cannot be used in sort');
  });

  it('unknown contain alias is a validation error', async () => {
    const error = await rejectionOf(client.offers.findAll({ contain: ['Nosuch'] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('Contain "Nosuch" is not valid for Offer');
  });

  it('unchecked unknown target is a validation error', async () => {
    const error = await rejectionOf(client.call('Bogus', 'findAll', {}, { unchecked: true }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('Method Bogus::findAll does not exist.');
  });

  it('missing record stays not found', async () => {
    const error = await rejectionOf(client.offers.update(999_999, { name: 'x' }));
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe('catalogue check in call()', () => {
  it('unknown target is rejected before sending', async () => {
    const error = await rejectionOf(client.call('Ofer', 'findAll'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('Unknown target "Ofer". Did you mean Offer');
    expect(error.message).toContain('pass { unchecked: true }');
  });

  it('unknown method names the closest ones', async () => {
    const error = await rejectionOf(client.call('Offer', 'findAl'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('Target Offer has no method "findAl". Did you mean findAll');
  });

  it('unchecked skips the parameter check', async () => {
    const checked = await rejectionOf(client.call('Offer', 'findAllIds', { bogus_param: 1 }));
    expect(checked).toBeInstanceOf(UsageError);
    const ids = await client.call('Offer', 'findAllIds', { bogus_param: 1 }, { unchecked: true });
    expect(Array.isArray(ids)).toBe(true);
  });
});
