import type { Command } from 'commander';

import type { ReportPage } from '../../index.js';
import { findMethod, findModel, suggestNames } from '../../catalogue.js';
import { CliUsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { formatDay, resolveDayRange } from '../dates.js';
import { createRecordSink } from '../output/format.js';
import type { FlatRecord } from '../output/flatten.js';
import { flattenRecord, toPlain } from '../output/flatten.js';
import { parsePositiveInteger } from '../settings.js';
import { parseNameList, parseSort } from '../sort.js';
import type { WhereCondition } from '../where.js';
import { parseWhere } from '../where.js';
import { checkWhereValues } from '../where-values.js';

interface ReportFlags {
  fields?: string[];
  groups?: string[];
  where?: string[];
  sort?: string[];
  from?: string;
  to?: string;
  limit?: string;
  page?: string;
  totals?: boolean;
}

/** Parameters of a report call, in the client's `ReportOptions` shape. */
export interface ReportParams {
  fields: readonly string[];
  groups?: string[];
  filters: ReportFilters;
  sort?: string[];
  limit?: number;
  page?: number;
  totals?: boolean;
  data_start: string;
  data_end: string;
}

/** Conditionals of report filters; reports have no TRUE/FALSE and add BETWEEN. */
export type ReportConditional = Exclude<WhereCondition['operator'], 'TRUE' | 'FALSE'> | 'BETWEEN';

/** Report filters: a `{ conditional, values }` condition per field. */
export type ReportFilters = Record<string, { conditional: ReportConditional; values?: string[] }>;

export interface ReportKind {
  command: string;
  method: 'getStats' | 'getConversions';
  model: string;
  defaultFields: readonly string[];
  /** `--fields` and `--groups` of the help example, valid for this report. */
  exampleColumns: string;
}

const KINDS: readonly ReportKind[] = [
  {
    command: 'stats',
    method: 'getStats',
    model: 'StatReport',
    defaultFields: [
      'Stat.offer_id',
      'Stat.impressions',
      'Stat.clicks',
      'Stat.conversions',
      'Stat.payout',
      'Stat.revenue',
    ],
    exampleColumns: '--fields Stat.clicks,Stat.conversions --groups Stat.offer_id,Stat.date',
  },
  {
    command: 'conversions',
    method: 'getConversions',
    model: 'ConversionReport',
    defaultFields: [
      'Stat.id',
      'Stat.datetime',
      'Stat.offer_id',
      'Stat.affiliate_id',
      'Stat.status',
      'Stat.payout',
      'Stat.revenue',
    ],
    exampleColumns: '--fields Stat.id,Stat.offer_id,Stat.payout',
  },
];

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** Registers `tsoffers report stats|conversions`. */
export function registerReport(program: Command, context: CommandContext): void {
  const report = program
    .command('report')
    .description('run Report.getStats or Report.getConversions');
  for (const kind of KINDS) {
    report
      .command(kind.command)
      .description(`run Report.${kind.method} over a date range (default: the last 7 days)`)
      .option(
        '-f, --fields <names>',
        `report fields, comma-separated (default ${kind.defaultFields.join(',')})`,
        collect,
      )
      .option(
        '-g, --groups <names>',
        'fields to group rows by, comma-separated, e.g. Stat.offer_id,Stat.date',
        collect,
      )
      .option(
        '-w, --where <condition>',
        "filter, repeatable: 'Stat.offer_id=5', 'Stat.payout>1'; commas list values (IN)",
        collect,
      )
      .option(
        '-s, --sort <fields>',
        'sort keys; a leading - sorts descending, e.g. -Stat.clicks',
        collect,
      )
      .option('--from <date>', 'first day, YYYY-MM-DD (default: six days before --to)')
      .option('--to <date>', 'last day, YYYY-MM-DD (default: today, UTC)')
      .option('-l, --limit <n>', 'rows per page')
      .option('-p, --page <n>', 'page number, starting at 1')
      .option('--totals', 'add a totals row after the rows (JSON: a last {"totals": …} element)')
      .addHelpText(
        'after',
        `
A --where value with commas is a list: 'Stat.offer_id=1,2' matches either value (SQL IN).
Write \\, for a comma inside one value.

Examples:
  $ tsoffers report ${kind.command} --from 2024-05-01 --to 2024-05-07
  $ tsoffers report ${kind.command} ${kind.exampleColumns} --csv
  $ tsoffers report ${kind.command} --where 'Stat.offer_id=1,2' --sort -Stat.date --json`,
      )
      .action((flags: ReportFlags, command: Command) => printReport(context, command, kind, flags));
  }
}

async function printReport(
  context: CommandContext,
  command: Command,
  kind: ReportKind,
  flags: ReportFlags,
): Promise<void> {
  const params = buildReportParams(kind, flags);
  const client = await context.connect(command);
  const result = await client.reports[kind.method](params);
  const { rows, totals } = reportRows(result);
  const format = context.format(command);
  const labelled =
    flags.totals === true && totals !== undefined && format !== 'json' && format !== 'ndjson'
      ? labelTotals(totals, params.fields, params.groups ?? [])
      : undefined;
  const columns = labelled?.columns ?? params.fields;
  const sink = createRecordSink(format, context.io.stdout, columns);
  rows.forEach((row) => sink.write(row));
  if (labelled !== undefined) sink.write(labelled.record);
  else if (flags.totals === true && totals !== undefined) sink.write({ totals });
  sink.end();
  if (sink.count === 0 && format === 'table') {
    context.note(command, `no report rows matched from ${params.data_start} to ${params.data_end}`);
  }
}

/** Validates report flags and builds the parameters of the report call. */
export function buildReportParams(kind: ReportKind, flags: ReportFlags): ReportParams {
  const range = resolveDayRange(flags.from, flags.to, 7);
  const fields = parseNameList('--fields', flags.fields) ?? kind.defaultFields;
  checkReportNames(kind, '--fields', fields);
  const groups = parseNameList('--groups', flags.groups);
  if (groups !== undefined) checkGroups(kind, groups);
  const conditions = (flags.where ?? []).map(parseWhere);
  checkReportNames(
    kind,
    '--where',
    conditions.map((condition) => condition.field),
  );
  const filters = reportFilters(conditions);
  checkWhereValues(kind.model, flags.where ?? []);
  filters['Stat.date'] = {
    conditional: 'BETWEEN',
    values: [formatDay(range.from), formatDay(range.to)],
  };

  const params: ReportParams = {
    fields,
    filters,
    data_start: formatDay(range.from),
    data_end: formatDay(range.to),
  };
  if (groups !== undefined) params.groups = groups;
  const sort = parseSort(flags.sort);
  if (sort !== undefined) {
    checkReportNames(
      kind,
      '--sort',
      sort.map((key) => key.replace(/^-/, '')),
    );
    params.sort = sort;
  }
  if (flags.limit !== undefined) params.limit = parsePositiveInteger('--limit', flags.limit);
  if (flags.page !== undefined) params.page = parsePositiveInteger('--page', flags.page);
  if (flags.totals === true) params.totals = true;
  return params;
}

/**
 * Converts `--where` conditions to report filters, which name a `conditional` for every field.
 * Reports have no OR and no TRUE/FALSE, so booleans become EQUAL_TO 1 or 0.
 */
export function reportFilters(conditions: readonly WhereCondition[]): ReportFilters {
  const filters: ReportFilters = {};
  for (const { field, operator, values } of conditions) {
    if (filters[field] !== undefined) {
      throw new CliUsageError(
        `invalid --where: report filters take one condition per field, and '${field}' has two`,
      );
    }
    if (field === 'Stat.date') {
      throw new CliUsageError(
        'invalid --where on Stat.date: use --from and --to for the date range',
      );
    }
    if (operator === 'TRUE' || operator === 'FALSE') {
      filters[field] = { conditional: 'EQUAL_TO', values: [operator === 'TRUE' ? '1' : '0'] };
    } else if (operator === 'NULL' || operator === 'NOT_NULL') {
      filters[field] = { conditional: operator };
    } else {
      filters[field] = { conditional: operator, values: [...values] };
    }
  }
  return filters;
}

function checkGroups(kind: ReportKind, groups: readonly string[]): void {
  const allowed =
    findMethod('Report', kind.method)?.params.find((param) => param.name === 'groups')?.enum ?? [];
  for (const group of groups) {
    if (allowed.length === 0 || allowed.includes(group)) continue;
    const closest = suggestNames(group, allowed);
    const hint = closest.length === 0 ? '' : ` (closest: ${closest.join(', ')})`;
    throw new CliUsageError(`invalid --groups '${group}' for Report.${kind.method}${hint}`);
  }
}

function checkReportNames(kind: ReportKind, flag: string, names: readonly string[]): void {
  const allowed = Object.keys(findModel(kind.model)?.fields ?? {});
  for (const name of names) {
    if (allowed.length === 0 || allowed.includes(name)) continue;
    const closest = suggestNames(name, allowed);
    const hint = closest.length === 0 ? '' : ` (closest: ${closest.join(', ')})`;
    throw new CliUsageError(`unknown report field '${name}' in ${flag} for ${kind.model}${hint}`);
  }
}

// A table or CSV row of totals leaves the grouping columns empty, so the first one is labelled.
/**
 * Labels the totals row of a table or CSV with `total`. The label goes in the first column when
 * that column is empty in the totals or is a group (whose total means nothing). When the first
 * column is a metric, its total must stay, so a leading `row` column carries the label instead.
 */
function labelTotals(
  totals: unknown,
  fields: readonly string[],
  groups: readonly string[],
): { record: FlatRecord; columns: readonly string[] } {
  const flat = flattenRecord(toPlain(totals));
  const first = fields[0];
  if (first !== undefined && ((flat[first] ?? '') === '' || groups.includes(first))) {
    flat[first] = 'total';
    return { record: flat, columns: fields };
  }
  return { record: { row: 'total', ...flat }, columns: ['row', ...fields] };
}

function reportRows(result: ReportPage): { rows: readonly unknown[]; totals?: unknown } {
  return result.totals === undefined
    ? { rows: result.rows }
    : { rows: result.rows, totals: result.totals };
}
