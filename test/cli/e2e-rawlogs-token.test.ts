import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import { tempDir } from './support/temp.js';
import { runCli } from './support/run-cli.js';

// Long and random-looking, so finding it in an output file cannot be a coincidence.
const TOKEN = 'NETq7Zx93LmK4pTrWv8Yb2Hs6Jd';

let server: TestEmulator;
let dayFlags: string[];

beforeAll(async () => {
  server = await startTestEmulator({
    networkToken: TOKEN,
    rawLogs: { days: 2, rowsPerHour: 4 },
  });
  const listed = await runCli(['rawlogs', 'list', '--json'], { env: server.env });
  const days = (JSON.parse(listed.stdout) as Array<{ day: string }>).map(({ day }) => dashed(day));
  dayFlags = ['--from', days.at(-1) ?? '', '--to', days[0] ?? ''];
});

afterAll(async () => {
  await server.emulator.close();
});

function dashed(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

// Reads every file under the directory, nested ones included, as text.
async function readAll(dir: string): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    contents.set(path, await readFile(path, 'latin1'));
  }
  return contents;
}

describe('rawlogs export token', () => {
  it.each([
    [['--format', 'ndjson'], /\.ndjson$/],
    [['--format', 'csv'], /\.csv$/],
    [['--format', 'csv', '--per', 'file'], /\.csv$/],
  ])('%j files omit the token', async (flags, extension) => {
    const out = tempDir('tsoffers-rawlogs-token-');
    const result = await runCli(
      ['rawlogs', 'export', '--type', 'clicks', ...dayFlags, '--out', out, ...flags],
      { env: server.env },
    );
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);

    const files = await readAll(out);
    expect(files.size).toBeGreaterThan(0);
    for (const [path, text] of files) {
      expect(path).toMatch(extension);
      expect(text.split('\n').length).toBeGreaterThan(2);
      expect(text, path).not.toContain(TOKEN);
    }
  });

  it('failed day omits the token', async () => {
    const out = tempDir('tsoffers-rawlogs-token-');
    const fault = { kind: 'http-5xx', target: 'RawLog', method: 'getDownloadLink', count: 1 };
    await fetch(`${server.emulator.origin}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    const result = await runCli(
      ['--retries', '0', 'rawlogs', 'export', ...dayFlags, '--out', out],
      { env: server.env },
    );
    expect(result.code).toBe(7);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);

    const files = await readAll(out);
    expect(files.size).toBeGreaterThan(0);
    for (const [path, text] of files) expect(text, path).not.toContain(TOKEN);
  });
});
