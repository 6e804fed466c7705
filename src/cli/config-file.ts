import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

import { CliUsageError } from './cli-error.js';

/** Settings stored for one profile. */
export interface Profile {
  networkId?: string;
  networkToken?: string;
  endpoint?: string;
}

/** The whole configuration file. */
export interface ConfigFile {
  defaultProfile?: string;
  profiles: Record<string, Profile>;
}

export const DEFAULT_PROFILE = 'default';

/** Profile keys as typed on the command line, mapped to their stored names. */
export const PROFILE_KEYS = {
  'network-id': 'networkId',
  'network-token': 'networkToken',
  endpoint: 'endpoint',
} as const satisfies Record<string, keyof Profile>;

export type ProfileKey = keyof typeof PROFILE_KEYS;

/**
 * Returns the configuration file path: `TSOFFERS_CONFIG` when set, else
 * `$XDG_CONFIG_HOME/tsoffers/config.json`, else `~/.config/tsoffers/config.json`.
 */
export function configPath(env: NodeJS.ProcessEnv): string {
  if (env.TSOFFERS_CONFIG) return env.TSOFFERS_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'tsoffers', 'config.json');
}

/** Reads the configuration file; a missing file reads as an empty configuration. */
export async function readConfig(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return { profiles: {} };
    throw unreadableConfig(path, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliUsageError(
      `invalid configuration file ${path}: it is not valid JSON; fix it or delete it and run 'tsoffers login'`,
    );
  }
  return normalizeConfig(parsed, path);
}

// Turns a file system error into a sentence that names the path and the fix.
function unreadableConfig(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') {
    return new CliUsageError(
      `invalid configuration file ${path}: it is a directory; set TSOFFERS_CONFIG to a file path such as ${join(path, 'config.json')}`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR') {
    return new CliUsageError(
      `cannot read the configuration file ${path} (${code}): fix its permissions or set TSOFFERS_CONFIG to another file`,
    );
  }
  return error;
}

/**
 * Writes the configuration file with mode 0600, because it contains the network token. The text
 * goes to a temporary file first and is renamed over the old one, so a crash never leaves a
 * half-written file.
 */
export async function writeConfig(path: string, config: ConfigFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    // The umask may clear bits but never adds them; chmod makes the mode exact either way.
    await handle.chmod(0o600);
    await handle.writeFile(JSON.stringify(config, null, 2) + '\n', 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await chmod(path, 0o600);
}

/** Returns true when group or others may read the file, which exposes the token. */
export async function isReadableByOthers(path: string): Promise<boolean> {
  try {
    return ((await stat(path)).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}

/** Masks a token for display. No character of it is shown, so `config list` never echoes it. */
export function maskSecret(secret: string): string {
  return secret.length > 0 ? '**** (set)' : '(not set)';
}

/** Validates a profile name typed with `--profile`. */
export function checkProfileName(name: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new CliUsageError(`invalid profile name '${name}': use letters, digits, '.', '_' or '-'`);
  }
  return name;
}

/** Validates a key typed with `config set|get`, suggesting the valid keys. */
export function checkProfileKey(key: string): ProfileKey {
  if (Object.hasOwn(PROFILE_KEYS, key)) return key as ProfileKey;
  throw new CliUsageError(
    `unknown configuration key '${key}': expected one of ${Object.keys(PROFILE_KEYS).join(', ')}`,
  );
}

function normalizeConfig(parsed: unknown, path: string): ConfigFile {
  if (!isObject(parsed) || (parsed.profiles !== undefined && !isObject(parsed.profiles))) {
    throw new CliUsageError(
      `invalid configuration file ${path}: expected {"profiles": {...}}; fix it or delete it and run 'tsoffers login'`,
    );
  }
  const profiles: Record<string, Profile> = {};
  for (const [name, value] of Object.entries(parsed.profiles ?? {})) {
    if (isObject(value)) profiles[name] = pickProfile(value);
  }
  const config: ConfigFile = { profiles };
  if (typeof parsed.defaultProfile === 'string') config.defaultProfile = parsed.defaultProfile;
  return config;
}

function pickProfile(value: Record<string, unknown>): Profile {
  const profile: Profile = {};
  for (const key of Object.values(PROFILE_KEYS)) {
    const field = value[key];
    if (typeof field === 'string') profile[key] = field;
  }
  return profile;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
