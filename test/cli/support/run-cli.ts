import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import type { CliIo } from '../../../src/cli/io.js';
import { removeDir } from './temp.js';
import { run } from '../../../src/cli/run.js';

const REPO = resolve(import.meta.dirname, '../../..');
const MAIN = join(REPO, 'src/cli/main.ts');

/** Output of one CLI run. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  cwd?: string;
}

/**
 * Runs the `tsoffers` command line in this process through `run()`, the function the bin entry
 * calls, with a clean environment: no inherited HASOFFERS_* variables and a private, empty
 * configuration path. Spawning a process per run cost about a second each; the process-level
 * parts (bin entry, exit, signals, pipes) are covered by `spawnCli`, `startCli` and the built-bin
 * tests.
 */
export async function runCli(
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  if (options.cwd !== undefined) return spawnCli(args, options);
  const { env, home } = cleanEnv(options);
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([options.stdin ?? '']),
    env,
  };
  try {
    const code = await run(args, io, 'test');
    return { code, stdout, stderr };
  } finally {
    removeDir(home);
  }
}

/** Spawns the real `tsoffers` entry point through tsx, so no build step is needed. */
export function spawnCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const { env, home } = cleanEnv(options);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: options.cwd ?? REPO,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      removeDir(home);
      reject(error);
    });
    child.on('close', (code) => {
      removeDir(home);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

// The private home directory is removed by the caller once the run has ended.
function cleanEnv(options: RunOptions): { env: NodeJS.ProcessEnv; home: string } {
  const home = mkdtempSync(join(tmpdir(), 'tsoffers-cli-home-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TSOFFERS_CONFIG: join(home, 'config.json'),
    ...options.env,
  };
  // A variable set to undefined means "unset", not the text "undefined".
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return { env, home };
}

/** A CLI process left running, such as `tsoffers emulator`. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout text that matches the pattern. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves when the process ends. */
  finished: Promise<CliResult>;
}

/** Spawns the CLI without waiting for it to end. */
export function startCli(args: readonly string[], options: RunOptions = {}): RunningCli {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmpdir(), ...options.env };
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO, env });
  let stdout = '';
  let stderr = '';
  const listeners: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    listeners.forEach((listener) => listener());
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const finished = new Promise<CliResult>((resolvePromise) =>
    child.on('close', (code) => resolvePromise({ code, stdout, stderr })),
  );
  const waitForOutput = (pattern: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolvePromise, reject) => {
      const check = (): void => {
        const match = pattern.exec(stdout);
        if (match) resolvePromise(match);
      };
      listeners.push(check);
      check();
      void finished.then(() => reject(new Error(`process ended before ${pattern}: ${stderr}`)));
    });
  return { child, waitForOutput, finished };
}

/** Spawns the demo script with its output directory. */
export function runDemo(outDir: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'src/cli/demo.ts'), '--out', outDir],
      {
        cwd: REPO,
        env: { PATH: process.env.PATH, HOME: outDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
