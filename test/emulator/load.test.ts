import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { encodeBrackets } from './helpers.js';
import type { Emulator } from '../../src/emulator/index.js';

const TOTAL_REQUESTS = 10_000;
const CONNECTIONS = 64;
const ALLOWED_CALLS = 500;

let emulator: Emulator;
let agent: Agent;

beforeAll(async () => {
  // A window far longer than the test, so exactly ALLOWED_CALLS calls succeed however fast it runs.
  emulator = await startEmulator({ rateLimit: { calls: ALLOWED_CALLS, windowMs: 3_600_000 } });
  agent = new Agent({ connections: CONNECTIONS });
});
afterAll(async () => {
  await agent.close();
  await emulator.close();
});

describe('bounded load', () => {
  it('serves 10,000 calls over 64 connections', async () => {
    const query = encodeBrackets({
      NetworkId: emulator.networkId,
      NetworkToken: emulator.networkToken,
      Target: 'Offer',
      Method: 'findAll',
      limit: 5,
      fields: ['id', 'name'],
    });
    const url = `${emulator.url}?${query}`;
    let next = 0;
    let succeeded = 0;
    const httpStatuses = new Map<number, number>();
    const usages: number[] = [];

    const worker = async (): Promise<void> => {
      while (next < TOTAL_REQUESTS) {
        next++;
        const response = await undiciFetch(url, { dispatcher: agent });
        httpStatuses.set(response.status, (httpStatuses.get(response.status) ?? 0) + 1);
        const body = (await response.json()) as {
          response: { status: number; errorMessage: string | null };
        };
        if (body.response.status === 1) succeeded++;
        const usage = /Your usage: (\d+)\./.exec(body.response.errorMessage ?? '')?.[1];
        if (usage !== undefined) usages.push(Number(usage));
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));

    expect([...httpStatuses]).toEqual([[200, TOTAL_REQUESTS]]);
    expect(succeeded).toBe(ALLOWED_CALLS);
    expect(usages).toHaveLength(TOTAL_REQUESTS - ALLOWED_CALLS);
    const sorted = [...usages].sort((a, b) => a - b);
    expect(sorted[0]).toBe(ALLOWED_CALLS + 1);
    expect(sorted.at(-1)).toBe(TOTAL_REQUESTS);
    expect(new Set(usages).size).toBe(usages.length);
    const requests = await (await fetch(`${emulator.origin}/__admin/requests`)).json();
    expect(requests).toHaveLength(TOTAL_REQUESTS);
  }, 120_000);
});
