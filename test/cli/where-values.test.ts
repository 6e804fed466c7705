import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectedValue } from '../../src/cli/field-values.js';
import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import { runCli } from './support/run-cli.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});

afterAll(async () => {
  await server.emulator.close();
});

describe('expectedValue', () => {
  it.each([
    ['integer', '12'],
    ['integer', '-3'],
    ['integer (0 when none)', '0'],
    ['decimal', '2.50'],
    ['decimal', '7'],
    ['date', '2024-02-29'],
    ['date', '2024-02-29 23:59:59'],
    ['datetime', '2024-01-31 00:00:00'],
    ['datetime (optional)', '2024-01-31'],
    ['boolean', '1'],
    ['boolean', 'false'],
    ['string', 'anything at all'],
  ])('accepts %s value %j', (type, value) => {
    expect(expectedValue({ type }, value)).toBeUndefined();
  });

  it.each([
    ['integer', 'abc', 'a whole number such as 12'],
    ['integer', '1.5', 'a whole number such as 12'],
    ['decimal', '1,5', 'a number such as 12 or 2.50'],
    ['date', '2024-02-30', 'a date as YYYY-MM-DD or YYYY-MM-DD hh:mm:ss'],
    ['datetime', '2024-01-01 24:00:00', 'a date as YYYY-MM-DD or YYYY-MM-DD hh:mm:ss'],
    ['datetime', '01/02/2024', 'a date as YYYY-MM-DD or YYYY-MM-DD hh:mm:ss'],
    ['boolean', 'yes', '0, 1, true or false'],
  ])('rejects %s value %j', (type, value, expected) => {
    expect(expectedValue({ type }, value)).toBe(expected);
  });

  it('checks an enum before the type', () => {
    const rule = { type: 'string', enum: ['active', 'paused'] };
    expect(expectedValue(rule, 'paused')).toBeUndefined();
    expect(expectedValue(rule, 'bogus')).toBe('one of active, paused');
  });
});

describe('--where values', () => {
  it.each([
    [
      ['offers', 'list', '--where', 'id>abc'],
      "error: invalid --where 'id>abc': id is an integer field, so the value must be a whole number such as 12, not 'abc'\n",
    ],
    [
      ['offers', 'list', '--where', 'status=bogus'],
      "error: invalid --where 'status=bogus': status is a field with fixed values, so the value must be one of active, paused, pending, expired, deleted, not 'bogus'",
    ],
    [['offers', 'list', '--where', 'status=active,pasued'], "not 'pasued' (closest: paused)"],
    [
      ['offers', 'list', '--where', 'default_payout>=1,5'],
      "default_payout is a decimal field, so the value must be a number such as 12 or 2.50, not '1,5'",
    ],
    [
      ['offers', 'list', '--where', 'expiration_date<2024-13-01'],
      'expiration_date is a date field, so the value must be a date as YYYY-MM-DD',
    ],
    [
      ['affiliates', 'list', '--or', '--where', 'id=1', '--where', 'id=x'],
      "error: invalid --where 'id=x': id is an integer field",
    ],
    [
      ['report', 'stats', '--where', 'Stat.offer_id>abc'],
      "error: invalid --where 'Stat.offer_id>abc': Stat.offer_id is an integer field",
    ],
  ])('%j exits 2 before sending', async (args, message) => {
    const before = await server.requestCount();
    const result = await runCli(args, { env: server.env });
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(await server.requestCount()).toBe(before);
  });

  it.each([
    [['offers', 'list', '--where', 'id>=1', '--where', 'status=active,paused']],
    [['offers', 'list', '--where', 'name~%a%', '--where', 'status!~%zz%']],
    [['offers', 'list', '--where', 'expiration_date>2020-01-01 00:00:00']],
    [['offers', 'list', '--where', 'default_payout<=99.5', '--where', 'is_private is false']],
    [['report', 'stats', '--where', 'Stat.offer_id>0']],
  ])('%j is sent', async (args) => {
    const before = await server.requestCount();
    const result = await runCli([...args, '--json'], { env: server.env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await server.requestCount()).toBeGreaterThan(before);
  });
});
