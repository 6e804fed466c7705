import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContext } from '../../src/cli/context.js';
import { processIo } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import type { TestEmulator } from './support/emulator.js';
import { startTestEmulator } from './support/emulator.js';
import { runCli } from './support/run-cli.js';
import { tempDir } from './support/temp.js';

// Examples that cannot run to completion in a test: they wait for Ctrl-C or read a token from a
// terminal.
const NOT_RUNNABLE = [/^emulator\b/, /^login\b/];

let server: TestEmulator;
let workDir: string;

beforeAll(async () => {
  server = await startTestEmulator({ rawLogs: { days: 2, rowsPerHour: 2 } });
  workDir = tempDir('tsoffers-examples-');
  // Files that the upload examples name.
  await writeFile(join(workDir, 'banner.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  await writeFile(join(workDir, 'thumb.jpg'), Buffer.from('ffd8ffe0', 'hex'));
});

afterAll(async () => {
  await server.emulator.close();
});

function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((child) => {
    const path = [...prefix, child.name()];
    return [path, ...commandPaths(child, path)];
  });
}

/**
 * Splits an example line into arguments as a POSIX shell does for plain, single- and
 * double-quoted words, and drops a trailing `> file` redirect.
 */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const character of line) {
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
      else word = (word ?? '') + character;
    } else if (character === "'" || character === '"') {
      quote = character;
      word = word ?? '';
    } else if (character === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + character;
    }
  }
  if (word !== undefined) words.push(word);
  const redirect = words.indexOf('>');
  return redirect === -1 ? words : words.slice(0, redirect);
}

// Relative output paths and file names are resolved in a private directory, because examples
// run in this process, whose working directory is the repository.
function inWorkDir(args: string[]): string[] {
  return args.map((arg, index) => {
    const previous = args[index - 1];
    if (previous === '--out' || previous === '-o') return join(workDir, arg);
    if (/\.(png|jpg)$/.test(arg)) return join(workDir, arg);
    return arg;
  });
}

async function helpExamples(): Promise<string[]> {
  const program = buildProgram(
    createContext(processIo(), () => undefined),
    'test',
  );
  const examples = new Set<string>();
  for (const path of [[], ...commandPaths(program)]) {
    const help = await runCli([...path, '--help']);
    for (const match of help.stdout.matchAll(/^\s+\$ tsoffers (.+)$/gm))
      examples.add(match[1] ?? '');
  }
  return [...examples];
}

describe('help examples', () => {
  it('run as written against the emulator', async () => {
    const examples = await helpExamples();
    expect(examples.length).toBeGreaterThan(30);
    // One configuration file for every example, so that config examples see the profiles that
    // earlier examples stored.
    const env = { ...server.env, TSOFFERS_CONFIG: join(workDir, 'config.json') };
    const failures: string[] = [];
    for (const example of examples) {
      if (NOT_RUNNABLE.some((pattern) => pattern.test(example))) continue;
      const result = await runCli(inWorkDir(shellWords(example)), { env });
      if (result.code !== 0) failures.push(`${example}\n  -> ${result.code}: ${result.stderr}`);
    }
    expect(failures).toEqual([]);
  });
});
