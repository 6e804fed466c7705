import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = new URL('../../', import.meta.url).pathname;

/** Copies the files git tracks or would track (no node_modules, no dist) into `target`. */
async function copyCheckout(target: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const path of stdout.split('\0').filter(Boolean)) {
    await mkdir(dirname(join(target, path)), { recursive: true });
    await cp(join(repoRoot, path), join(target, path)).catch((error: NodeJS.ErrnoException) => {
      // A file deleted in the work tree but still tracked is skipped, as a clone would lack it.
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

describe('clean install', () => {
  const workDirs: string[] = [];

  afterAll(async () => {
    for (const dir of workDirs) await rm(dir, { recursive: true, force: true });
  });

  it('runs npm ci, then the demo, which writes click rows', async () => {
    const checkout = await mkdtemp(join(tmpdir(), 'tsoffers-clean-'));
    const outDir = await mkdtemp(join(tmpdir(), 'tsoffers-clean-out-'));
    workDirs.push(checkout, outDir);
    await copyCheckout(checkout);

    const npmOptions = { cwd: checkout, maxBuffer: 64 * 1024 * 1024 };
    await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], npmOptions);
    const demo = await run('npm', ['run', 'demo', '--', '--out', outDir], npmOptions);

    expect(demo.stdout).toContain('emulator stopped');
    const files = (await readdir(outDir)).filter((name) => name.endsWith('.ndjson'));
    expect(files).toHaveLength(1);
    const outFile = join(outDir, files[0] ?? '');
    expect(demo.stdout).toContain(outFile);
    const lines = (await readFile(outFile, 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const row = JSON.parse(line) as Record<string, string>;
      expect(row['transaction_id']).toMatch(/^\w+$/);
      expect(row['offer_id']).toMatch(/^\d+$/);
    }
  }, 300_000);
});
