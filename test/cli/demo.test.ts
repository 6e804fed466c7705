import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runDemo } from './support/run-cli.js';
import { tempDir } from './support/temp.js';

describe('demo', () => {
  it('runs the workflow and writes click rows', async () => {
    const out = tempDir('tsoffers-demo-test-');
    const result = await runDemo(out);
    expect(result.stderr).not.toContain('demo failed');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('$ tsoffers offers list');
    expect(result.stdout).toContain('$ tsoffers offers approve');
    expect(result.stdout).toContain('click_url');
    expect(result.stdout).toContain('emulator stopped');

    // Today's log is partial, so the demo exports yesterday (UTC), a day of 24 hourly files.
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const yesterdayDir = yesterday.replace(/-/g, '');
    // The demo keeps its export and nothing else: no configuration, no partial files.
    const files = await readdir(out);
    expect(files).toEqual([`clicks-${yesterdayDir}.ndjson`]);
    expect(result.stdout).toContain(`Export the click logs of ${yesterday}, a complete day`);
    expect(result.stdout).toMatch(new RegExp(`^${yesterdayDir}\\s+\\S+\\s+24\\s`, 'm'));
    expect(result.stdout).toContain(join(out, files[0] ?? ''));
    const lines = (await readFile(join(out, files[0] ?? ''), 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const row = JSON.parse(line) as Record<string, string>;
      expect(row.transaction_id).toMatch(/\S/);
      expect(row.offer_id).toMatch(/^\d+$/);
    }
  });
});
