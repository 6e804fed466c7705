import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import { runCli } from './support/run-cli.js';

interface LoggedCall {
  target: string;
  method: string;
  params: Record<string, unknown>;
}

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});

afterAll(async () => {
  await server.emulator.close();
});

async function lastCall(): Promise<LoggedCall | undefined> {
  const response = await fetch(`${server.emulator.origin}/__admin/requests`);
  const calls = (await response.json()) as LoggedCall[];
  return calls.at(-1);
}

describe('write values', () => {
  it.each([
    [
      ['offers', 'update', '1', 'default_payout=abc'],
      "error: invalid default_payout 'abc' for Offer: default_payout is a decimal field, so the value must be a number such as 12 or 2.50",
    ],
    [
      ['offers', 'update', '1', 'expiration_date=2024-02-30'],
      "invalid expiration_date '2024-02-30'",
    ],
    [['offers', 'create', 'name=Test', 'status=actve'], 'must be one of active'],
    [['offers', 'create', 'name=Test', 'status=actve'], '(closest: active)'],
  ])('%j exits 2 before sending', async (args, message) => {
    const before = await server.requestCount();
    const result = await runCli(args, { env: server.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(await server.requestCount()).toBe(before);
  });

  it('sends valid typed values', async () => {
    const args = ['offers', 'update', '1', 'default_payout=2.50', 'expiration_date=2030-01-31'];
    const result = await runCli(args, { env: server.env });
    expect(result.code).toBe(0);
    const call = await lastCall();
    expect(call?.method).toBe('update');
    expect(call?.params.data).toMatchObject({ default_payout: '2.50' });
  });

  // An empty value clears the field, so it is sent whatever the field's type.
  it.each(['name', 'default_payout', 'expiration_date', 'status'])(
    'sends an empty %s',
    async (field) => {
      const before = await server.requestCount();
      await runCli(['offers', 'update', '1', `${field}=`], { env: server.env });
      expect(await server.requestCount()).toBe(before + 1);
      const call = await lastCall();
      expect(call?.target).toBe('Offer');
      expect(call?.method).toBe('update');
      expect(call?.params.data).toEqual({ [field]: '' });
    },
  );
});
