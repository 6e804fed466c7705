import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll } from 'vitest';

const created: string[] = [];

/** Creates a temporary directory that is removed after the last test of the file. */
export function tempDir(prefix = 'tsoffers-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes a temporary directory now, for helpers that create one per call. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

afterAll(() => {
  for (const dir of created.splice(0)) removeDir(dir);
});
