#!/usr/bin/env node
import { readFileSync } from 'node:fs';

import { processIo } from './io.js';
import { run } from './run.js';

function packageVersion(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

// A reader such as `head -1` may close the pipe before all output is written. That is a normal
// end of the command, so it exits quietly with success instead of crashing on EPIPE. Every write
// of the command line, progress and log lines included, goes through these two streams, and
// stderr is piped too by `2>&1 | head`.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const exitCode = await run(process.argv.slice(2), processIo(), packageVersion());
await flush(process.stdout);
await flush(process.stderr);
// Exits at once, because idle keep-alive sockets of the HTTP client would otherwise hold the
// process open for several seconds after the work is done.
process.exit(exitCode);
