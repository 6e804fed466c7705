import type { Command } from 'commander';

import { CliUsageError } from '../cli-error.js';
import type { ConfigFile, Profile, ProfileKey } from '../config-file.js';
import {
  PROFILE_KEYS,
  checkProfileKey,
  configPath,
  maskSecret,
  readConfig,
  writeConfig,
} from '../config-file.js';
import type { CommandContext } from '../context.js';
import { createRecordSink } from '../output/format.js';
import { readSecret } from '../read-secret.js';
import { chooseProfileName } from '../settings.js';

/** Registers `tsoffers config set|get|list`. */
export function registerConfig(program: Command, context: CommandContext): void {
  const config = program
    .command('config')
    .description('read and change stored profiles (network id, token, endpoint)')
    .addHelpText(
      'after',
      `
Keys: ${Object.keys(PROFILE_KEYS).join(', ')}
The file is $TSOFFERS_CONFIG, else $XDG_CONFIG_HOME/tsoffers/config.json, else
~/.config/tsoffers/config.json, written with mode 0600. Tokens are shown masked.

Examples:
  $ tsoffers config set network-id demo
  $ printenv HO_TOKEN | tsoffers config set network-token -
  $ tsoffers config set endpoint https://staging.example.com/Apiv3/json --profile staging
  $ tsoffers config get endpoint --profile staging
  $ tsoffers config list`,
    );
  registerConfigSet(config, context);
  registerConfigGet(config, context);
  registerConfigList(config, context);
}

function registerConfigSet(config: Command, context: CommandContext): void {
  config
    .command('set <key> <value>')
    .description("store a value in the profile; pass '-' as value to read it from stdin")
    .action(async (key: string, value: string, _options: unknown, command: Command) => {
      const profileKey = checkProfileKey(key);
      const text = value === '-' ? await readSecret(context.io, `${key}: `) : value;
      if (profileKey === 'network-token' && value !== '-') {
        context.io.stderr.write(
          "warning: a token given as an argument stays in shell history; prefer 'config set network-token -'\n",
        );
      }
      await updateProfile(context, command, (profile) => {
        profile[PROFILE_KEYS[profileKey]] = checkValue(profileKey, text);
      });
    });
}

function registerConfigGet(config: Command, context: CommandContext): void {
  config
    .command('get <key>')
    .description('print one value of the profile (tokens masked)')
    .action(async (key: string, _options: unknown, command: Command) => {
      const profileKey = checkProfileKey(key);
      const { profile, name } = await loadProfile(context, command);
      const value = profile[PROFILE_KEYS[profileKey]];
      if (value === undefined) {
        throw new CliUsageError(
          `'${key}' is not set in profile '${name}': run tsoffers config set ${key} VALUE`,
        );
      }
      context.io.stdout.write(`${displayValue(profileKey, value)}\n`);
    });
}

function registerConfigList(config: Command, context: CommandContext): void {
  config
    .command('list')
    .description('print every stored profile and value (tokens masked)')
    .action(async (_options: unknown, command: Command) => {
      const file = configPath(context.io.env);
      const stored = await readConfig(file);
      const sink = createRecordSink(context.format(command), context.io.stdout);
      for (const [name, profile] of Object.entries(stored.profiles)) {
        for (const [key, field] of Object.entries(PROFILE_KEYS)) {
          const value = profile[field];
          if (value === undefined) continue;
          const isDefault = name === (stored.defaultProfile ?? 'default');
          sink.write({
            profile: name,
            default: isDefault ? 'yes' : '',
            key,
            value: displayValue(key as ProfileKey, value),
          });
        }
      }
      sink.end();
      if (sink.count === 0)
        context.note(command, `no profiles stored in ${file}; run tsoffers login`);
    });
}

/** Applies a change to the selected profile and writes the file back with mode 0600. */
export async function updateProfile(
  context: CommandContext,
  command: Command,
  change: (profile: Profile) => void,
): Promise<{ file: string; name: string }> {
  const file = configPath(context.io.env);
  const stored: ConfigFile = await readConfig(file);
  const name = chooseProfileName(context.globals(command), context.io.env, stored.defaultProfile);
  const profile = stored.profiles[name] ?? {};
  change(profile);
  stored.profiles[name] = profile;
  stored.defaultProfile ??= name;
  await writeConfig(file, stored);
  context.note(command, `saved profile '${name}' in ${file}`);
  return { file, name };
}

async function loadProfile(
  context: CommandContext,
  command: Command,
): Promise<{ profile: Profile; name: string }> {
  const file = configPath(context.io.env);
  const stored = await readConfig(file);
  const name = chooseProfileName(context.globals(command), context.io.env, stored.defaultProfile);
  const profile = stored.profiles[name];
  if (profile === undefined) {
    throw new CliUsageError(
      `profile '${name}' not found in ${file}: run tsoffers login --profile ${name}`,
    );
  }
  return { profile, name };
}

function checkValue(key: ProfileKey, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new CliUsageError(`invalid ${key}: the value is empty`);
  if (key === 'endpoint' && !/^https?:\/\//.test(trimmed)) {
    throw new CliUsageError(`invalid endpoint '${trimmed}': expected an http or https URL`);
  }
  return trimmed;
}

function displayValue(key: ProfileKey, value: string): string {
  return key === 'network-token' ? maskSecret(value) : value;
}
