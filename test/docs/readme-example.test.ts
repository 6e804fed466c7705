import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';

const run = promisify(execFile);
const repoRoot = new URL('../../', import.meta.url).pathname;

/** Returns the first TypeScript block under `heading` in the README, with imports mapped to src/. */
async function readExample(heading = '## Usage'): Promise<string> {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error(`README.md has no ts block under "${heading}"`);
  return match[1]
    .replace("from 'tsoffers/emulator'", `from '${join(repoRoot, 'src/emulator/index.js')}'`)
    .replace("from 'tsoffers'", `from '${join(repoRoot, 'src/index.js')}'`);
}

describe('README usage example', () => {
  let emulator: Emulator;
  let workDir: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seed: 7, rawLogs: { days: 2, rowsPerHour: 3 } });
    workDir = await mkdtemp(join(repoRoot, '.tmp-readme-'));
  });

  afterAll(async () => {
    await emulator.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('runs as written against the emulator', async () => {
    const scriptPath = join(workDir, 'usage.ts');
    await writeFile(scriptPath, await readExample());
    const env = {
      ...process.env,
      HASOFFERS_ENDPOINT: emulator.url,
      HASOFFERS_NETWORK_ID: emulator.networkId,
      HASOFFERS_NETWORK_TOKEN: emulator.networkToken,
    };
    const { stdout, stderr } = await run('npx', ['tsx', scriptPath], { env, cwd: repoRoot });

    expect(stdout).toMatch(/^[1-5] of \d+ offers$/m);
    expect(stdout).toMatch(/^Offer: .+ [a-z]+$/m);
    expect(stdout).toMatch(/ Advertiser: .+$/m);
    expect(stdout).toMatch(/^\d+ \d+(\.\d+)? \d{4}-\d\d-\d\dT/m);
    expect(stdout).toMatch(/^first click \S+$/m);
    expect(stdout).toMatch(/^[1-9]\d* clicks on \w{3} \d{1,2}, \d{4}$/m);
    expect(stderr).toMatch(/^rejected: .*Status must be one of/m);
    expect(stdout + stderr).not.toContain(emulator.networkToken);
  });

  it('emulator example runs as written', async () => {
    const scriptPath = join(workDir, 'emulator.ts');
    await writeFile(scriptPath, await readExample('## Emulator'));
    const { stdout } = await run('npx', ['tsx', scriptPath], { cwd: repoRoot });
    expect(Number(stdout.trim())).toBeGreaterThan(0);
  });

  it('type-checks under the strict settings', async () => {
    const scriptPath = join(workDir, 'usage-typed.ts');
    await writeFile(scriptPath, await readExample());
    const strictFlags = ['--strict', '--exactOptionalPropertyTypes', '--noUncheckedIndexedAccess'];
    const moduleFlags = ['--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const otherFlags = ['--target', 'es2022', '--types', 'node', '--skipLibCheck', '--noEmit'];
    const args = ['tsc', ...strictFlags, ...moduleFlags, ...otherFlags, scriptPath];
    await expect(run('npx', args, { cwd: repoRoot })).resolves.toBeDefined();
  });
});
