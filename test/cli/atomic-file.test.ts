import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { AtomicFile } from '../../src/cli/atomic-file.js';
import { tempDir } from './support/temp.js';

async function directory(): Promise<string> {
  return Promise.resolve(tempDir('tsoffers-atomic-'));
}

describe('AtomicFile', () => {
  it('appears only after commit', async () => {
    const dir = await directory();
    const file = new AtomicFile(join(dir, 'out.ndjson'));
    await file.write('{"a":1}\n');
    expect(await readdir(dir)).not.toContain('out.ndjson');
    await file.commit();
    expect(await readdir(dir)).toEqual(['out.ndjson']);
    expect(await readFile(join(dir, 'out.ndjson'), 'utf8')).toBe('{"a":1}\n');
    expect(file.bytes).toBe(8);
  });

  it('leaves nothing after abort', async () => {
    const dir = await directory();
    await writeFile(join(dir, 'out.csv'), 'old\n');
    const file = new AtomicFile(join(dir, 'out.csv'));
    await file.write('new\n');
    await file.abort();
    expect(await readdir(dir)).toEqual(['out.csv']);
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe('old\n');
  });

  it('reports a missing directory', async () => {
    const file = new AtomicFile(join(await directory(), 'missing', 'out.csv'));
    await expect(
      (async () => {
        await new Promise((resolve) => setImmediate(resolve));
        await file.write('x\n');
        await file.commit();
      })(),
    ).rejects.toThrow(/cannot write .*out\.csv: ENOENT/);
  });
});
