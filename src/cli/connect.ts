import { HasOffers } from '../index.js';
import type { CliIo } from './io.js';
import type { ConnectionFlags } from './settings.js';
import { resolveSettings } from './settings.js';

/** Credentials and connection options for one client. */
export interface ClientSettings {
  networkId: string;
  networkToken: string;
  endpoint?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

/** Builds a client from explicit settings. */
export function createClient(settings: ClientSettings): HasOffers {
  return new HasOffers({
    networkId: settings.networkId,
    networkToken: settings.networkToken,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    ...(settings.maxRetries === undefined ? {} : { maxRetries: settings.maxRetries }),
  });
}

/** Resolves the connection settings from flags, environment and profile, and builds a client. */
export async function connectClient(
  flags: ConnectionFlags,
  io: CliIo,
  protect: (secret: string) => void,
): Promise<HasOffers> {
  const settings = await resolveSettings(flags, io.env);
  protect(settings.networkToken);
  for (const warning of settings.warnings) io.stderr.write(`${warning}\n`);
  return createClient(settings);
}
