import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { tempDir } from './support/temp.js';

const exec = promisify(execFile);

// Runs the command in-process; completion sends no request, so no emulator is needed.
async function runInProcess(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    stdin: Readable.from([]),
    env: {},
  };
  const code = await run(argv, io, '0.0.0');
  return { code, out, err };
}

// Sources the script in bash, fills the completion variables as bash would, and prints COMPREPLY.
async function complete(script: string, words: string[]): Promise<string[]> {
  const dir = tempDir('tsoffers-completion-');
  const file = join(dir, 'completion.bash');
  await writeFile(file, script);
  const array = words.map((word) => `'${word}'`).join(' ');
  const { stdout } = await exec('bash', [
    '-c',
    `source '${file}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _tsoffers_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
  ]);
  return stdout.split('\n').filter((line) => line !== '');
}

describe('completion', () => {
  it.each(['bash', 'zsh'])('prints a %s script that parses', async (shell) => {
    const result = await runInProcess(['completion', shell]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('complete -F _tsoffers_complete tsoffers');
    const dir = tempDir('tsoffers-completion-');
    await writeFile(join(dir, 'script'), result.out);
    // bash -n only parses; it fails on a syntax error in the generated script.
    await expect(exec('bash', ['-n', join(dir, 'script')])).resolves.toBeDefined();
  });

  it('completes commands, subcommands and flags', async () => {
    const { out } = await runInProcess(['completion', 'bash']);
    expect(await complete(out, ['tsoffers', 'raw'])).toEqual(['rawlogs']);
    expect(await complete(out, ['tsoffers', 'offers', 'app'])).toEqual([
      'approve',
      'approval-status',
      'approvals',
    ]);
    expect(await complete(out, ['tsoffers', '--json', 'rawlogs', 'export', '--f'])).toEqual([
      '--from',
      '--format',
    ]);
  });

  it('rejects an unknown shell', async () => {
    const result = await runInProcess(['completion', 'fish']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe("error: invalid shell 'fish': expected bash or zsh\n");
  });
});
