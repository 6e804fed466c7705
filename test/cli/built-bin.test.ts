import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../..');

let buildRoot: string;
let server: TestEmulator;

// Builds into a private folder under .tmp so that parallel test files never share dist/.
beforeAll(async () => {
  await mkdir(join(REPO, '.tmp'), { recursive: true });
  buildRoot = await mkdtemp(join(REPO, '.tmp', 'cli-build-'));
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', join(buildRoot, 'dist')],
    {
      cwd: REPO,
    },
  );
  await copyFile(join(REPO, 'package.json'), join(buildRoot, 'package.json'));
  server = await startTestEmulator();
}, 120_000);

afterAll(async () => {
  await server.emulator.close();
  await rm(buildRoot, { recursive: true, force: true });
});

describe('built bin', () => {
  it('starts with a node shebang', async () => {
    const main = await readFile(join(buildRoot, 'dist', 'cli', 'main.js'), 'utf8');
    expect(main.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints the package version', async () => {
    const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as {
      version: string;
    };
    const { stdout } = await run(process.execPath, [
      join(buildRoot, 'dist', 'cli', 'main.js'),
      '--version',
    ]);
    expect(stdout).toBe(`${manifest.version}\n`);
  });

  it('lists offers from the emulator', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        join(buildRoot, 'dist', 'cli', 'main.js'),
        'offers',
        'list',
        '--limit',
        '2',
        '--fields',
        'id',
        '--json',
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: buildRoot,
          TSOFFERS_CONFIG: join(buildRoot, 'c.json'),
          ...server.env,
        },
      },
    );
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((offer) => offer.id)).toEqual([
      '1',
      '2',
    ]);
  });

  it('exits quietly when stdout is closed early', async () => {
    // `head -1` closes the pipe after one line while the command is still writing pages.
    const script = `node "$0" offers list --all --ndjson | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
    const { stdout, stderr } = await run(
      'bash',
      ['-c', script, join(buildRoot, 'dist', 'cli', 'main.js')],
      {
        env: {
          PATH: process.env.PATH,
          HOME: buildRoot,
          TSOFFERS_CONFIG: join(buildRoot, 'c.json'),
          ...server.env,
        },
      },
    );
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toBe('status=0\n');
  });

  it.each([
    ['rawlogs csv', 'rawlogs list --from 2024-01-01 --to 2024-03-01 --csv | head -2'],
    ['log lines on stderr', 'offers list --all --limit 1 --ndjson -v 2>&1 >/dev/null | head -1'],
  ])('exits quietly on a closed pipe: %s', async (_name, pipeline) => {
    const script = `node "$0" ${pipeline}; echo "status=\${PIPESTATUS[0]}" >&2`;
    const { stderr } = await run(
      'bash',
      ['-c', script, join(buildRoot, 'dist', 'cli', 'main.js')],
      {
        env: {
          PATH: process.env.PATH,
          HOME: buildRoot,
          TSOFFERS_CONFIG: join(buildRoot, 'c.json'),
          ...server.env,
        },
      },
    );
    expect(stderr).toBe('status=0\n');
  });
});
