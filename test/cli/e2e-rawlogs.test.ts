import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import { tempDir } from './support/temp.js';
import { runCli, startCli } from './support/run-cli.js';

let server: TestEmulator;
let newestDay: string;

beforeAll(async () => {
  server = await startTestEmulator({ rawLogs: { days: 3, rowsPerHour: 4 } });
  const listed = await runCli(['rawlogs', 'list', '--type', 'clicks', '--json'], {
    env: server.env,
  });
  const days = JSON.parse(listed.stdout) as Array<{ day: string }>;
  newestDay = days[0]?.day ?? '';
});

afterAll(async () => {
  await server.emulator.close();
});

async function injectFault(fault: Record<string, unknown>): Promise<void> {
  await fetch(`${server.emulator.origin}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

function dashed(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

describe('rawlogs', () => {
  it('lists days newest first', async () => {
    expect(newestDay).toMatch(/^\d{8}$/);
    const result = await runCli(['rawlogs', 'list', '--type', 'clicks', '--csv'], {
      env: server.env,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('day,name');
  });

  it('prints the header for no logs', async () => {
    const args = ['rawlogs', 'list', '--from', '2001-01-01'];
    const csv = await runCli([...args, '--csv'], { env: server.env });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('day,filename,start,name\n');
    const table = await runCli(args, { env: server.env });
    expect(table.stderr).toBe('no clicks logs found for the selected days\n');
  });

  it('exports one day as ndjson', async () => {
    const out = tempDir('tsoffers-rawlogs-');
    const day = dashed(newestDay);
    const result = await runCli(
      ['rawlogs', 'export', '--type', 'clicks', '--from', day, '--to', day, '--out', out, '--json'],
      { env: server.env },
    );
    expect(result.stderr).toContain('wrote');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Array<{ file: string; rows: number }>;
    expect(summary).toHaveLength(1);
    expect(await readdir(out)).toEqual([`clicks-${newestDay}.ndjson`]);
    const lines = (await readFile(join(out, `clicks-${newestDay}.ndjson`), 'utf8'))
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(summary[0]?.rows ?? -1);
    const first = JSON.parse(lines[0] ?? '') as Record<string, string>;
    expect(first.transaction_id).toBeTruthy();
    expect(first.datetime?.startsWith(day)).toBe(true);
  });

  it('exports one csv per log file', async () => {
    const out = tempDir('tsoffers-rawlogs-');
    const day = dashed(newestDay);
    const result = await runCli(
      [
        'rawlogs',
        'export',
        '--from',
        day,
        '--out',
        out,
        '--format',
        'csv',
        '--per',
        'file',
        '--quiet',
      ],
      { env: server.env },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const files = await readdir(out);
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((name) => /^clicks-\d+-\w+\.csv$/.test(name))).toBe(true);
    const text = await readFile(join(out, files[0] ?? ''), 'utf8');
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header?.startsWith('transaction_id,affiliate_id')).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('exits 7 when one day fails', async () => {
    const out = tempDir('tsoffers-rawlogs-');
    const days = JSON.parse(
      (await runCli(['rawlogs', 'list', '--json'], { env: server.env })).stdout,
    ) as Array<{ day: string }>;
    const older = days[1]?.day ?? '';
    const fault = { kind: 'http-5xx', target: 'RawLog', method: 'getDownloadLink', count: 1 };
    await fetch(`${server.emulator.origin}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    const result = await runCli(
      [
        '--retries',
        '0',
        'rawlogs',
        'export',
        '--from',
        dashed(older),
        '--to',
        dashed(newestDay),
        '--out',
        out,
      ],
      { env: server.env },
    );
    expect(result.stderr).toContain('error: 1 of 2 output files failed and were not written');
    expect(result.code).toBe(7);
    const files = await readdir(out);
    expect(files).toEqual([`clicks-${newestDay}.ndjson`]);
  });

  it('goes on after a rate limit, then exits 7', async () => {
    const out = tempDir();
    const days = JSON.parse(
      (await runCli(['rawlogs', 'list', '--json'], { env: server.env })).stdout,
    ) as Array<{ day: string }>;
    const oldest = days[2]?.day ?? '';
    await injectFault({
      kind: 'rate-limit',
      target: 'RawLog',
      method: 'getDownloadLink',
      count: 1,
    });
    const result = await runCli(
      [
        '--retries',
        '0',
        'rawlogs',
        'export',
        '--from',
        dashed(oldest),
        '--to',
        dashed(newestDay),
        '--out',
        out,
      ],
      { env: server.env },
    );
    expect(result.stderr).toContain('error: 1 of 3 output files failed and were not written');
    expect(result.stderr).toContain(`clicks-${oldest}.ndjson (API usage exceeded rate limit.`);
    expect(result.code).toBe(7);
    const files = await readdir(out);
    expect(files).toHaveLength(2);
    expect(files).not.toContain(`clicks-${oldest}.ndjson`);
  });

  it('exits 5 when every day was rate limited', async () => {
    const out = tempDir();
    await injectFault({
      kind: 'rate-limit',
      target: 'RawLog',
      method: 'getDownloadLink',
      count: 2,
    });
    const day = dashed(newestDay);
    const result = await runCli(
      ['--retries', '0', 'rawlogs', 'export', '--from', day, '--to', day, '--out', out],
      { env: server.env },
    );
    expect(result.stderr).toContain('API usage exceeded rate limit');
    expect(result.code).toBe(5);
    expect(await readdir(out)).toEqual([]);
    await fetch(`${server.emulator.origin}/__admin/faults`, { method: 'DELETE' });
  });

  it('exits 130 on SIGINT and keeps no partial file', async () => {
    const big = await startTestEmulator({ rawLogs: { days: 1, rowsPerHour: 20_000 } });
    const out = tempDir('tsoffers-rawlogs-');
    try {
      const running = startCli(['rawlogs', 'export', '--out', out], { env: big.env });
      let ended = false;
      void running.finished.then(() => (ended = true));
      // Interrupts once the first temporary file exists, so the export is surely mid-way.
      while (!ended && !(await readdir(out)).some((name) => name.endsWith('.partial'))) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      running.child.kill('SIGINT');
      const result = await running.finished;
      expect(result.stderr).toContain('error: export interrupted; no partial file was kept');
      expect(result.code).toBe(130);
      expect(await readdir(out)).toEqual([]);
    } finally {
      await big.emulator.close();
    }
  });
});
