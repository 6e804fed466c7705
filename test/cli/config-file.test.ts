import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { configPath, maskSecret, readConfig, writeConfig } from '../../src/cli/config-file.js';
import { tempDir } from './support/temp.js';

async function temporaryDirectory(): Promise<string> {
  return Promise.resolve(tempDir('tsoffers-config-'));
}

describe('configPath', () => {
  it('prefers TSOFFERS_CONFIG', () => {
    expect(configPath({ TSOFFERS_CONFIG: '/x/c.json', XDG_CONFIG_HOME: '/y' })).toBe('/x/c.json');
  });

  it('uses XDG_CONFIG_HOME', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/y' })).toBe('/y/tsoffers/config.json');
  });

  it('falls back to ~/.config', () => {
    expect(configPath({ HOME: '/home/u' })).toBe('/home/u/.config/tsoffers/config.json');
  });
});

describe('writeConfig', () => {
  it('creates the file with mode 0600', async () => {
    const path = join(await temporaryDirectory(), 'nested', 'config.json');
    await writeConfig(path, {
      profiles: { default: { networkId: 'demo', networkToken: 'NETsecret' } },
    });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readConfig(path)).toEqual({
      profiles: { default: { networkId: 'demo', networkToken: 'NETsecret' } },
    });
  });

  it('resets a loose mode on rewrite', async () => {
    const path = join(await temporaryDirectory(), 'config.json');
    await writeFile(path, '{"profiles":{}}', { mode: 0o644 });
    await writeConfig(path, { profiles: {} });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('leaves no temporary files', async () => {
    const directory = await temporaryDirectory();
    const path = join(directory, 'config.json');
    await writeConfig(path, { profiles: {} });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(directory)).toEqual(['config.json']);
  });
});

describe('readConfig', () => {
  it('reads a missing file as empty', async () => {
    expect(await readConfig(join(await temporaryDirectory(), 'none.json'))).toEqual({
      profiles: {},
    });
  });

  it('rejects invalid JSON with the path', async () => {
    const path = join(await temporaryDirectory(), 'config.json');
    await writeFile(path, '{oops');
    await expect(readConfig(path)).rejects.toThrow(`invalid configuration file ${path}`);
    expect(await readFile(path, 'utf8')).toBe('{oops');
  });
});

describe('maskSecret', () => {
  it('shows no character of a long token', () => {
    const masked = maskSecret('NETabcdefghijklmnop1234');
    expect(masked).toBe('**** (set)');
    expect(masked).not.toContain('1234');
  });

  it('says when no token is stored', () => {
    expect(maskSecret('')).toBe('(not set)');
  });
});
