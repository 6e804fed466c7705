import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parsePace, parseRateLimit } from '../../src/cli/rate-limit.js';
import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import { runCli } from './support/run-cli.js';

interface LoggedCall {
  receivedAt: string;
  target: string;
  method: string;
}

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});

afterAll(async () => {
  await server.emulator.close();
});

async function loggedCalls(): Promise<LoggedCall[]> {
  const response = await fetch(`${server.emulator.origin}/__admin/requests`);
  return (await response.json()) as LoggedCall[];
}

async function clearLog(): Promise<void> {
  await fetch(`${server.emulator.origin}/__admin/requests`, { method: 'DELETE' });
}

describe('pace parsing', () => {
  it.each([
    ['2/1', { calls: 2, windowMs: 1000 }],
    [' 50 / 10 ', { calls: 50, windowMs: 10_000 }],
    ['off', false],
    ['OFF', false],
  ] as const)('maps %j', (text, expected) => {
    expect(parsePace('--pace', text)).toEqual(expected);
  });

  it.each(['0/1', '1/0', '5', '5/', 'fast', '-1/1', '1.5/1', ''])('rejects %j', (text) => {
    expect(() => parsePace('--pace', text)).toThrow(`invalid --pace '${text}'`);
  });

  it('names off only for the pace', () => {
    expect(() => parsePace('--pace', 'x')).toThrow(/such as 50\/10, or off$/);
    expect(() => parseRateLimit('--rate-limit', 'x')).toThrow(/such as 50\/10$/);
  });
});

describe('--pace', () => {
  it.each([
    [['--pace', '0/1'], {}, "invalid --pace '0/1'"],
    [['--pace', 'soon'], {}, "invalid --pace 'soon'"],
    [[], { TSOFFERS_PACE: '3' }, "invalid TSOFFERS_PACE '3'"],
  ])('%j %j exits 2 before sending', async (flags, env, message) => {
    const before = await server.requestCount();
    const result = await runCli([...flags, 'offers', 'list', '--limit', '1'], {
      env: { ...server.env, ...env },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(await server.requestCount()).toBe(before);
  });

  it('flag wins over TSOFFERS_PACE', async () => {
    const result = await runCli(['--pace', 'off', 'offers', 'list', '--limit', '1'], {
      env: { ...server.env, TSOFFERS_PACE: 'bad' },
    });
    expect(result.code).toBe(0);
  });

  // The client keeps each call's slot until a full window after its response, so the server
  // sees call i+2 at least one window after call i, whatever the network delay.
  it('2/1 keeps arrivals to two per second', async () => {
    await clearLog();
    const args = ['--pace', '2/1', 'offers', 'list', '--all', '--limit', '1', '--where', 'id<=5'];
    const result = await runCli(args, { env: server.env });
    expect(result.code).toBe(0);

    const calls = (await loggedCalls()).filter((call) => call.target === 'Offer');
    expect(calls.length).toBeGreaterThanOrEqual(4);
    const arrivals = calls.map((call) => Date.parse(call.receivedAt));
    for (let i = 2; i < arrivals.length; i++) {
      const gap = (arrivals[i] ?? 0) - (arrivals[i - 2] ?? 0);
      // Date.parse works in whole milliseconds, while the client waits on performance.now().
      expect(gap, `calls ${i - 2} and ${i}`).toBeGreaterThanOrEqual(999);
    }
  }, 20_000);

  it('TSOFFERS_PACE applies without the flag', async () => {
    await clearLog();
    const args = ['offers', 'list', '--all', '--limit', '1', '--where', 'id<=3'];
    const result = await runCli(args, { env: { ...server.env, TSOFFERS_PACE: '1/1' } });
    expect(result.code).toBe(0);

    const arrivals = (await loggedCalls()).map((call) => Date.parse(call.receivedAt));
    expect(arrivals.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < arrivals.length; i++) {
      expect((arrivals[i] ?? 0) - (arrivals[i - 1] ?? 0)).toBeGreaterThanOrEqual(999);
    }
  }, 20_000);
});
