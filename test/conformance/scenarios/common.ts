import { HasOffers } from '../../../src/client.js';
import type { HasOffersOptions } from '../../../src/core/options.js';
import type { ReplayServer } from '../../helpers/replay-server.js';

/** Credentials the cassettes were scrubbed to. */
export const CASSETTE_NETWORK_ID = 'demo';
export const CASSETTE_TOKEN = '<TOKEN>';

/** A client for one replay server: no waits between retries, nothing sent elsewhere. */
export function replayClient(server: ReplayServer, options: HasOffersOptions = {}): HasOffers {
  return new HasOffers({
    networkId: CASSETTE_NETWORK_ID,
    networkToken: CASSETTE_TOKEN,
    endpoint: server.endpoint,
    fetch: server.fetch,
    retryDelayMs: 0,
    logger: {},
    ...options,
  });
}

export type Scenario = (server: ReplayServer) => Promise<void>;

/** Returns the rejection of `promise`, failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
