import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import { tempDir } from './support/temp.js';
import { runCli } from './support/run-cli.js';

let server: TestEmulator;

beforeAll(async () => {
  server = await startTestEmulator();
});

afterAll(async () => {
  await server.emulator.close();
});

async function configEnv(): Promise<NodeJS.ProcessEnv> {
  const directory = tempDir('tsoffers-config-e2e-');
  return { TSOFFERS_CONFIG: join(directory, 'tsoffers', 'config.json') };
}

describe('unusable paths', () => {
  it('explains a configuration path that is a directory', async () => {
    const directory = tempDir('tsoffers-config-dir-');
    const result = await runCli(['config', 'list'], { env: { TSOFFERS_CONFIG: directory } });
    expect(result.stderr).toBe(
      `error: invalid configuration file ${directory}: it is a directory; set TSOFFERS_CONFIG to a file path such as ${join(directory, 'config.json')}\n`,
    );
    expect(result.code).toBe(2);
  });

  it('explains an export --out that is a file', async () => {
    const file = join(tempDir('tsoffers-out-file-'), 'taken');
    await writeFile(file, '');
    const result = await runCli(['rawlogs', 'export', '--out', file], { env: server.env });
    expect(result.stderr).toBe(
      `error: invalid --out ${file}: it is a file, not a directory; pass --out a new or existing directory\n`,
    );
    expect(result.code).toBe(2);
  });
});

describe('login', () => {
  it('verifies and stores credentials with mode 0600', async () => {
    const env = await configEnv();
    const login = await runCli(
      ['login', '--network-id', server.emulator.networkId, '--endpoint', server.emulator.url],
      { env, stdin: `${server.emulator.networkToken}\n` },
    );
    expect(login.stderr).toContain(`credentials accepted by network ${server.emulator.networkId}`);
    expect(login.code).toBe(0);
    const path = env.TSOFFERS_CONFIG ?? '';
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(path, 'utf8')) as {
      profiles: Record<string, { networkToken?: string }>;
    };
    expect(stored.profiles.default?.networkToken).toBe(server.emulator.networkToken);

    const whoami = await runCli(['whoami', '--json'], { env });
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      profile: 'default',
      credentials: 'accepted',
    });
  });

  it('refuses wrong credentials and stores nothing', async () => {
    const env = await configEnv();
    const login = await runCli(
      ['login', '--network-id', server.emulator.networkId, '--endpoint', server.emulator.url],
      { env, stdin: 'NETnotthetoken0000000\n' },
    );
    expect(login.code).toBe(3);
    await expect(stat(env.TSOFFERS_CONFIG ?? '')).rejects.toThrow(/ENOENT/);
  });
});

describe('config', () => {
  it('sets, gets and lists values with the token masked', async () => {
    const env = await configEnv();
    const token = server.emulator.networkToken;
    expect(
      (await runCli(['config', 'set', 'network-id', 'demo', '--profile', 'staging'], { env })).code,
    ).toBe(0);
    const setToken = await runCli(['config', 'set', 'network-token', '-', '--profile', 'staging'], {
      env,
      stdin: `${token}\n`,
    });
    expect(setToken.code).toBe(0);

    const got = await runCli(['config', 'get', 'network-id', '--profile', 'staging'], { env });
    expect(got.stdout).toBe('demo\n');
    const gotToken = await runCli(['config', 'get', 'network-token', '--profile', 'staging'], {
      env,
    });
    expect(gotToken.stdout).toBe(`**** (set)\n`);

    const list = await runCli(['config', 'list', '--json'], { env });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      { profile: 'staging', default: 'yes', key: 'network-id', value: 'demo' },
      { profile: 'staging', default: 'yes', key: 'network-token', value: `**** (set)` },
    ]);
    expect(list.stdout).not.toContain(token);
  });

  it('rejects an unknown key', async () => {
    const result = await runCli(['config', 'set', 'netwrok-id', 'x'], { env: await configEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: unknown configuration key 'netwrok-id'");
  });

  it('lets the environment override the profile', async () => {
    const env = await configEnv();
    await runCli(['config', 'set', 'network-id', 'wrong-network'], { env });
    await runCli(['config', 'set', 'endpoint', server.emulator.url], { env });
    await runCli(['config', 'set', 'network-token', '-'], {
      env,
      stdin: `${server.emulator.networkToken}\n`,
    });
    const fromProfile = await runCli(['whoami'], { env });
    expect(fromProfile.code).toBe(3);
    const fromEnvironment = await runCli(['whoami', '--json'], {
      env: { ...env, HASOFFERS_NETWORK_ID: server.emulator.networkId },
    });
    expect(fromEnvironment.code).toBe(0);
    expect(JSON.parse(fromEnvironment.stdout)).toMatchObject({
      networkIdFrom: 'environment',
      networkTokenFrom: 'profile default',
      endpointFrom: 'profile default',
      profile: 'default',
    });
    const fromFlag = await runCli(['whoami', '--network-id', 'flag-network'], {
      env: { ...env, HASOFFERS_NETWORK_ID: server.emulator.networkId },
    });
    expect(fromFlag.code).toBe(3);
  });

  it('names the environment without a config file', async () => {
    const result = await runCli(['whoami'], { env: { ...server.env, ...(await configEnv()) } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('profile');
    expect(result.stdout).toMatch(/^networkIdFrom\s+environment$/m);
    expect(result.stdout).toMatch(/^networkTokenFrom\s+environment$/m);
    expect(result.stdout).toMatch(/^endpointFrom\s+environment$/m);
  });

  it('rejects an unknown profile', async () => {
    const result = await runCli(['whoami', '--profile', 'missing'], { env: await configEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: profile 'missing' not found");
  });
});
