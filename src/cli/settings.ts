import type { RateLimit } from '../index.js';
import { CliUsageError } from './cli-error.js';
import type { Profile } from './config-file.js';
import { parsePace } from './rate-limit.js';
import {
  DEFAULT_PROFILE,
  checkProfileName,
  configPath,
  isReadableByOthers,
  readConfig,
} from './config-file.js';

/** Connection flags accepted by every command. */
export interface ConnectionFlags {
  profile?: string;
  networkId?: string;
  token?: string;
  endpoint?: string;
  timeout?: string;
  retries?: string;
  /** Client-side rate limit as `CALLS/SECONDS` or `off`. */
  pace?: string;
}

/** Source of a connection setting, for messages: `flag`, `environment` or `profile NAME`. */
export type SettingSource = 'flag' | 'environment' | `profile ${string}` | 'client default';

/** Resolved connection settings, with the source of each value for messages. */
export interface ConnectionSettings {
  networkId: string;
  networkToken: string;
  endpoint?: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** Pace of the client's calls. Unset keeps the client's default of 50 calls per 10 seconds. */
  rateLimit?: RateLimit | false;
  profile: string;
  configFile: string;
  warnings: string[];
  sources: { networkId: SettingSource; networkToken: SettingSource; endpoint: SettingSource };
}

/** Names the profile to use: `--profile`, then `TSOFFERS_PROFILE`, then the file's default. */
export function chooseProfileName(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  defaultProfile?: string,
): string {
  return checkProfileName(
    flags.profile ?? env.TSOFFERS_PROFILE ?? defaultProfile ?? DEFAULT_PROFILE,
  );
}

/**
 * Resolves the connection settings. Each value comes from the first source that has it: flags,
 * then the environment (`HASOFFERS_NETWORK_ID`, `HASOFFERS_NETWORK_TOKEN`, `HASOFFERS_ENDPOINT`),
 * then the profile in the configuration file.
 */
export async function resolveSettings(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
): Promise<ConnectionSettings> {
  const file = configPath(env);
  const config = await readConfig(file);
  const profileName = chooseProfileName(flags, env, config.defaultProfile);
  const profile: Profile = config.profiles[profileName] ?? {};
  if (flags.profile !== undefined && config.profiles[profileName] === undefined) {
    throw new CliUsageError(
      `profile '${profileName}' not found in ${file}: run 'tsoffers login --profile ${profileName}' to create it`,
    );
  }

  const { networkId, networkToken, endpoint, sources } = pickValues(
    flags,
    env,
    profile,
    profileName,
  );
  if (networkId === undefined) {
    throw new CliUsageError(
      'missing network id: pass --network-id, set HASOFFERS_NETWORK_ID, or run tsoffers login',
    );
  }
  if (networkToken === undefined) {
    throw new CliUsageError(
      'missing network token: set HASOFFERS_NETWORK_TOKEN or run tsoffers login',
    );
  }

  const warnings: string[] = [];
  if (flags.token !== undefined) {
    warnings.push(
      'warning: --token leaves the token in shell history and process lists; prefer HASOFFERS_NETWORK_TOKEN or tsoffers login',
    );
  }
  if (profile.networkToken !== undefined && (await isReadableByOthers(file))) {
    warnings.push(`warning: ${file} is readable by other users; run chmod 600 ${file}`);
  }

  const settings: ConnectionSettings = {
    networkId,
    networkToken,
    profile: profileName,
    configFile: file,
    warnings,
    sources,
  };
  if (endpoint !== undefined) settings.endpoint = checkEndpoint(endpoint);
  if (flags.timeout !== undefined) {
    settings.timeoutMs = parsePositiveInteger('--timeout', flags.timeout);
  }
  if (flags.retries !== undefined) settings.maxRetries = parseCount('--retries', flags.retries);
  const rateLimit = pickPace(flags, env);
  if (rateLimit !== undefined) settings.rateLimit = rateLimit;
  return settings;
}

// Takes each connection value from the first source that sets it: flag, environment, profile.
function pickValues(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  profile: Profile,
  profileName: string,
): {
  networkId: string | undefined;
  networkToken: string | undefined;
  endpoint: string | undefined;
  sources: ConnectionSettings['sources'];
} {
  const fromProfile: SettingSource = `profile ${profileName}`;
  const [networkId, networkIdSource] = firstSet(
    [flags.networkId, 'flag'],
    [env.HASOFFERS_NETWORK_ID, 'environment'],
    [profile.networkId, fromProfile],
  );
  const [networkToken, networkTokenSource] = firstSet(
    [flags.token, 'flag'],
    [env.HASOFFERS_NETWORK_TOKEN, 'environment'],
    [profile.networkToken, fromProfile],
  );
  const [endpoint, endpointSource] = firstSet(
    [flags.endpoint, 'flag'],
    [env.HASOFFERS_ENDPOINT, 'environment'],
    [profile.endpoint, fromProfile],
  );
  return {
    networkId,
    networkToken,
    endpoint,
    sources: {
      networkId: networkIdSource,
      networkToken: networkTokenSource,
      endpoint: endpointSource,
    },
  };
}

// Reads `--pace`, else `TSOFFERS_PACE`. An empty variable counts as unset.
function pickPace(flags: ConnectionFlags, env: NodeJS.ProcessEnv): RateLimit | false | undefined {
  if (flags.pace !== undefined) return parsePace('--pace', flags.pace);
  const fromEnv = env.TSOFFERS_PACE;
  if (fromEnv === undefined || fromEnv === '') return undefined;
  return parsePace('TSOFFERS_PACE', fromEnv);
}

/** Parses a flag value that must be a positive whole number. */
export function parsePositiveInteger(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new CliUsageError(`invalid ${flag} '${value}': expected a positive whole number`);
  }
  return Number(value);
}

/** Parses a flag value that must be a whole number, zero included. */
export function parseCount(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new CliUsageError(`invalid ${flag} '${value}': expected a whole number, 0 or more`);
  }
  return Number(value);
}

function checkEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new CliUsageError(
      `invalid endpoint '${endpoint}': expected a URL such as https://NETWORK.api.hasoffers.com/Apiv3/json`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliUsageError(`invalid endpoint '${endpoint}': expected an http or https URL`);
  }
  return endpoint;
}

// Returns the first value that is set, with its source; an empty variable counts as unset.
function firstSet(
  ...candidates: ReadonlyArray<readonly [string | undefined, SettingSource]>
): [string | undefined, SettingSource] {
  for (const [value, source] of candidates) {
    if (value !== undefined && value !== '') return [value, source];
  }
  return [undefined, 'client default'];
}
