#!/usr/bin/env node
/**
 * A guided tour of the command line against a local emulator: it starts the emulator with seeded
 * data on a free loopback port and runs the same commands a user would type, in-process.
 *
 * Usage: node dist/cli/demo.js [--out DIR]   (default DIR: a new temporary directory)
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startEmulator } from '../emulator/index.js';
import { formatDay } from './dates.js';
import type { CliIo, TextStream } from './io.js';
import { run } from './run.js';

interface DemoEnvironment {
  env: NodeJS.ProcessEnv;
  outDir: string;
}

/** Runs one CLI command, echoing it and its output, and returns its stdout; throws on failure. */
async function step(title: string, argv: string[], demo: DemoEnvironment): Promise<string> {
  process.stdout.write(`\n== ${title}\n$ tsoffers ${argv.map(quote).join(' ')}\n`);
  let captured = '';
  const stdout: TextStream = {
    write(text: string) {
      captured += text;
      return process.stdout.write(text);
    },
  };
  const io: CliIo = { stdout, stderr: process.stderr, stdin: process.stdin, env: demo.env };
  const exitCode = await run(argv, io, 'demo');
  if (exitCode !== 0) throw new Error(`'tsoffers ${argv.join(' ')}' exited with code ${exitCode}`);
  return captured;
}

async function main(): Promise<void> {
  const outFlag = process.argv.indexOf('--out');
  const outDir =
    outFlag > 0 && process.argv[outFlag + 1] !== undefined
      ? resolve(process.argv[outFlag + 1] ?? '')
      : await mkdtemp(join(tmpdir(), 'tsoffers-demo-'));

  const emulator = await startEmulator({ port: 0, seed: 1, dataset: 'small' });
  process.stdout.write(`emulator started on ${emulator.url} (network ${emulator.networkId})\n`);
  const demo: DemoEnvironment = {
    outDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HASOFFERS_ENDPOINT: emulator.url,
      HASOFFERS_NETWORK_ID: emulator.networkId,
      HASOFFERS_NETWORK_TOKEN: emulator.networkToken,
      // A fresh configuration path, so the demo never reads or changes the user's profiles.
      TSOFFERS_CONFIG: join(outDir, '.tsoffers-config.json'),
    },
  };

  try {
    await runWorkflow(demo);
  } finally {
    await emulator.close();
    process.stdout.write('\nemulator stopped\n');
  }
}

async function runWorkflow(demo: DemoEnvironment): Promise<void> {
  await step('Check the credentials', ['whoami'], demo);
  const { offerId, affiliateId } = await pickOfferAndAffiliate(demo);
  await step(
    `Approve affiliate ${affiliateId} on offer ${offerId}`,
    ['offers', 'approve', offerId, affiliateId],
    demo,
  );
  await step(
    'Generate its tracking link',
    ['offers', 'tracking-link', offerId, affiliateId, 'aff_sub=demo'],
    demo,
  );
  await showReport(demo);
  await exportYesterdayClicks(demo);
}

// Lists the top offers and creates an affiliate, returning the ids the next steps use.
async function pickOfferAndAffiliate(
  demo: DemoEnvironment,
): Promise<{ offerId: string; affiliateId: string }> {
  const offersTable = await step(
    'List the five offers with the highest default payout',
    [
      'offers',
      'list',
      '--where',
      'status=active',
      '--sort',
      '-default_payout',
      '--limit',
      '5',
      '--fields',
      'id,name,status,default_payout',
      '--quiet',
    ],
    demo,
  );
  // The first column of the first row under the header is the top offer's id.
  const offerId = /\n\s*(\d+)\s/.exec(offersTable)?.[1];
  if (offerId === undefined) throw new Error('the emulator returned no active offers');

  const affiliateRecord = await step(
    'Create an affiliate',
    [
      'affiliates',
      'create',
      'company=Demo Media',
      'status=active',
      'country=US',
      'zipcode=10001',
      'phone=+10000000001',
    ],
    demo,
  );
  const affiliateId = /^id\s+(\d+)$/m.exec(affiliateRecord)?.[1];
  if (affiliateId === undefined) throw new Error('affiliates create printed no id');
  return { offerId, affiliateId };
}

async function showReport(demo: DemoEnvironment): Promise<void> {
  const today = new Date();
  const weekAgo = new Date(today.getTime() - 6 * 24 * 60 * 60 * 1000);
  await step(
    'Pull a seven-day stats report by offer',
    [
      'report',
      'stats',
      '--from',
      formatDay(weekAgo),
      '--to',
      formatDay(today),
      '--fields',
      'Stat.offer_id,Stat.clicks,Stat.conversions,Stat.payout',
      '--groups',
      'Stat.offer_id',
      '--limit',
      '10',
    ],
    demo,
  );
}

async function exportYesterdayClicks(demo: DemoEnvironment): Promise<void> {
  const today = new Date();
  const daysTable = await step(
    'List the days with click logs',
    ['rawlogs', 'list', '--type', 'clicks'],
    demo,
  );
  // Today's log only contains the hours that have ended, so the demo exports yesterday, the most
  // recent complete day with all 24 hourly files.
  const yesterday = formatDay(new Date(today.getTime() - 24 * 60 * 60 * 1000));
  if (!daysTable.includes(yesterday.replace(/-/g, ''))) {
    throw new Error(`the emulator listed no click logs for ${yesterday}`);
  }
  await step(
    `Export the click logs of ${yesterday}, a complete day of 24 hourly files`,
    [
      'rawlogs',
      'export',
      '--type',
      'clicks',
      '--from',
      yesterday,
      '--to',
      yesterday,
      '--out',
      demo.outDir,
      '--format',
      'ndjson',
      '--quiet',
    ],
    demo,
  );

  const files = (await readdir(demo.outDir)).filter((name) => name.endsWith('.ndjson'));
  process.stdout.write(
    `\nclick log rows written to ${files.map((name) => join(demo.outDir, name)).join(', ')}\n`,
  );
}

function quote(argument: string): string {
  return /^[\w.,:/=+-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, "'\\''")}'`;
}

try {
  await main();
} catch (error) {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
