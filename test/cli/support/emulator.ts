import { startEmulator } from '../../../src/emulator/index.js';
import type { Emulator } from '../../../src/emulator/index.js';

/** A test emulator on a free loopback port, with the environment that points the CLI at it. */
export interface TestEmulator {
  emulator: Emulator;
  env: NodeJS.ProcessEnv;
  /** Number of API calls the emulator has received so far. */
  requestCount(): Promise<number>;
}

/** Starts an emulator on 127.0.0.1 port 0 with no rate limit unless `options` sets one. */
export async function startTestEmulator(
  options: Parameters<typeof startEmulator>[0] = {},
): Promise<TestEmulator> {
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    seed: 3,
    rateLimit: false,
    ...options,
  });
  return {
    emulator,
    env: {
      HASOFFERS_ENDPOINT: emulator.url,
      HASOFFERS_NETWORK_ID: emulator.networkId,
      HASOFFERS_NETWORK_TOKEN: emulator.networkToken,
    },
    async requestCount() {
      const response = await fetch(`${emulator.origin}/__admin/requests`);
      const calls = (await response.json()) as unknown[];
      return calls.length;
    },
  };
}
