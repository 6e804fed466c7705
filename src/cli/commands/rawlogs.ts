import { resolve } from 'node:path';

import type { Command } from 'commander';
import { Option } from 'commander';

import { CliError, CliUsageError } from '../cli-error.js';
import type { ConnectOptions } from '../connect.js';
import type { CommandContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { daysOf, formatDayDir, resolveDayRange } from '../dates.js';
import { createRecordSink } from '../output/format.js';
import type { ExportFormat, RawLogSource } from '../rawlogs-export.js';
import { exportRawLogs } from '../rawlogs-export.js';

const LOG_TYPES = ['clicks', 'conversions', 'impressions'] as const;
type LogType = (typeof LOG_TYPES)[number];

interface ListFlags {
  type: LogType;
  from?: string;
  to?: string;
}

interface ExportFlags extends ListFlags {
  out: string;
  format: ExportFormat;
  per: 'day' | 'file';
}

/** Registers `tsoffers rawlogs list|export`. */
export function registerRawLogs(program: Command, context: CommandContext): void {
  const rawlogs = program
    .command('rawlogs')
    .description('list and export raw click, conversion and impression logs');
  registerRawLogList(rawlogs, context);
  registerRawLogExport(rawlogs, context);
}

const typeOption = (): Option =>
  new Option('-t, --type <type>', 'log type').choices(LOG_TYPES).default('clicks');

function registerRawLogList(rawlogs: Command, context: CommandContext): void {
  rawlogs
    .command('list')
    .description('list days with logs, or with --from/--to the hourly files of those days')
    .addOption(typeOption())
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: --from)')
    .addHelpText(
      'after',
      `
Examples:
  $ tsoffers rawlogs list --type clicks
  $ tsoffers rawlogs list --type conversions --from 2024-05-01 --to 2024-05-02 --json`,
    )
    .action(async (flags: ListFlags, command: Command) => {
      const dayDirs =
        flags.from === undefined && flags.to === undefined ? undefined : selectedDays(flags);
      const source = await rawLogSource(context, command, flags.type);
      const format = context.format(command);
      const sink = createRecordSink(format, context.io.stdout, undefined, {
        emptyColumns:
          dayDirs === undefined ? ['day', 'name'] : ['day', 'filename', 'start', 'name'],
      });
      const dates = await source.listDateDirs();
      if (dayDirs === undefined) {
        dates.forEach((date) => sink.write({ day: date.dirName, name: date.displayName }));
      } else {
        const available = new Set(dates.map((date) => date.dirName));
        for (const day of dayDirs.filter((dir) => available.has(dir))) {
          for (const log of await source.listLogs(day)) {
            sink.write({
              day,
              filename: log.filename,
              start: log.startTimestamp,
              name: log.displayName,
            });
          }
        }
      }
      sink.end();
      if (sink.count === 0 && format === 'table') {
        context.note(command, `no ${flags.type} logs found for the selected days`);
      }
    });
}

function registerRawLogExport(rawlogs: Command, context: CommandContext): void {
  rawlogs
    .command('export')
    .description(
      'download logs and write their rows to ndjson or csv files, one per day or per log file',
    )
    .addOption(typeOption())
    .option('--from <date>', 'first day, YYYY-MM-DD (default: --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: today, UTC)')
    .requiredOption('-o, --out <dir>', 'directory for the output files (created when missing)')
    .addOption(
      new Option('--format <format>', 'output file format')
        .choices(['ndjson', 'csv'])
        .default('ndjson'),
    )
    .addOption(
      new Option('--per <unit>', 'one output file per day or per hourly log file')
        .choices(['day', 'file'])
        .default('day'),
    )
    .addHelpText(
      'after',
      `
Files are named <type>-<YYYYMMDD>.<format> (or after the log file with --per file). Each is written
under a temporary name and renamed when complete, so a file that exists is whole.
A failed day or file, rate limits included, does not stop the others. Exits with code 7 and a
list of the failed files when others were written, or with the failure's own code when none were.

Examples:
  $ tsoffers rawlogs export --type clicks --from 2024-05-01 --to 2024-05-07 --out logs/
  $ tsoffers rawlogs export --type conversions --from 2024-05-01 --out logs/ --format csv --per file`,
    )
    .action((flags: ExportFlags, command: Command) => runExport(context, command, flags));
}

// Runs an export until done or interrupted; Ctrl-C aborts the download and drops the partial file.
async function runExport(
  context: CommandContext,
  command: Command,
  flags: ExportFlags,
): Promise<void> {
  const dayDirs = selectedDays(flags);
  const outDir = resolve(flags.out);
  const source = await rawLogSource(context, command, flags.type, { longRun: true });
  const sink = createRecordSink(context.format(command), context.io.stdout);
  const controller = new AbortController();
  const interrupt = (): void =>
    controller.abort(
      new CliError('export interrupted; no partial file was kept', ExitCode.interrupted),
    );
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const files = await exportRawLogs(
      source,
      { logType: flags.type, dayDirs, outDir, format: flags.format, per: flags.per },
      {
        progress: context.progress(command),
        note: (message) => context.note(command, message),
        onFile: (file) => sink.write(file),
        signal: controller.signal,
      },
    );
    const rows = files.reduce((sum, file) => sum + file.rows, 0);
    context.note(command, `wrote ${rows} rows to ${files.length} files in ${outDir}`);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    sink.end();
  }
}

function selectedDays(flags: ListFlags): string[] {
  const to = flags.to ?? flags.from;
  const range = resolveDayRange(flags.from ?? to, to, 1);
  const days = daysOf(range);
  if (days.length > 366) {
    throw new CliUsageError(
      `invalid date range: ${days.length} days; export at most 366 days at once`,
    );
  }
  return days.map(formatDayDir);
}

async function rawLogSource(
  context: CommandContext,
  command: Command,
  type: LogType,
  options: ConnectOptions = {},
): Promise<RawLogSource> {
  const client = await context.connect(command, options);
  return client.rawLogs[type];
}
