import type { Command } from 'commander';

import { CliError, CliUsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import {
  checkContainAliases,
  checkFieldNames,
  checkWritableFields,
  modelFieldNames,
} from '../model-fields.js';
import type { ColumnChoice, OutputFormat } from '../output/format.js';
import { createRecordSink, writeOne } from '../output/format.js';
import { parseKeyValues } from '../params.js';
import { parsePositiveInteger } from '../settings.js';
import { parseNameList, parseSort } from '../sort.js';
import type { Filters } from '../where.js';
import { filtersFromFlags, parseWhere } from '../where.js';
import { checkWhereValues } from '../where-values.js';

/** Query options of a list command, in the client's `findAll` shape. */
export interface ListQuery {
  filters?: Filters;
  sort?: string[];
  fields?: string[];
  contain?: string[];
  limit?: number;
  page?: number;
}

/** One page of records as the client returns it. */
export interface RecordPage {
  items: readonly unknown[];
  page: number;
  pageCount: number;
  count: number;
  paginated: boolean;
}

/** The client resource methods that the generic commands use. */
export interface RecordResource {
  findAll(query: ListQuery): Promise<RecordPage>;
  findById(id: string, options?: { contain?: string[] }): Promise<unknown>;
  create?(data: Record<string, unknown>): Promise<unknown>;
  update?(id: string, data: Record<string, unknown>): Promise<unknown>;
}

/** Describes one resource command group such as `tsoffers offers`. */
export interface ResourceSpec {
  /** Command name, plural: `offers`. */
  command: string;
  /** Word for one record in messages: `offer`. */
  singular: string;
  /** API target and model name: `Offer`. */
  target: string;
  /** Whether the target has `contain` on findAll. */
  containable: boolean;
  writable: boolean;
  /** Columns a table shows when `--fields` is not given; the other formats print every field. */
  tableColumns: readonly string[];
  /** Picks the resource from a connected client. */
  select(client: Awaited<ReturnType<CommandContext['connect']>>): RecordResource;
  /** Values for the help examples, valid for this target so that each example runs as written. */
  examples: ResourceExamples;
}

/** Help example values of one resource. */
export interface ResourceExamples {
  /** A `--where` condition, such as `status=active`. */
  where: string;
  /** A `--where` condition with a list of values, such as `status=active,paused`. */
  whereIn: string;
  /** A `--fields` list. */
  fields: string;
  /** An id that `get` and `update` examples use. */
  id: string;
  /** `field=value` pairs of a create call, quoted for a shell. */
  create: string;
  /** `field=value` pairs of an update call. */
  update: string;
}

interface ListFlags {
  where?: string[];
  or?: boolean;
  sort?: string[];
  fields?: string[];
  contain?: string[];
  limit?: string;
  page?: string;
  all?: boolean;
}

const DEFAULT_PAGE_SIZE = 500;

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** Registers `list`, `get` and, for writable resources, `create` and `update`. */
export function registerResource(
  program: Command,
  context: CommandContext,
  spec: ResourceSpec,
): Command {
  const group = program
    .command(spec.command)
    .description(
      `list, show, create and update ${spec.command.replace('-', ' ')} (${spec.target} target)`,
    );
  registerList(group, context, spec);
  registerGet(group, context, spec);
  if (spec.writable) registerWrites(group, context, spec);
  return group;
}

function registerList(group: Command, context: CommandContext, spec: ResourceSpec): void {
  const list = group
    .command('list')
    .description(`list ${spec.command}, one page or --all`)
    .option(
      '-w, --where <condition>',
      "filter, repeatable: 'status=active', 'id>5', 'name~%foo%'; commas list values (IN)",
      collect,
    )
    .option('--or', 'join the --where conditions with OR instead of AND')
    .option(
      '-s, --sort <fields>',
      'sort keys, comma-separated; a leading - sorts descending',
      collect,
    )
    .option(
      '-f, --fields <names>',
      'fields to return, comma-separated (a table otherwise shows a few main ones)',
      collect,
    )
    .option(
      '-l, --limit <n>',
      `records per page (with --all: page size, default ${DEFAULT_PAGE_SIZE})`,
    )
    .option('-p, --page <n>', 'page number, starting at 1')
    .option('-a, --all', 'fetch every page');
  if (spec.containable) {
    list.option('-c, --contain <models>', 'related models to include, comma-separated', collect);
  }
  list.addHelpText('after', listHelp(spec)).action(async (flags: ListFlags, command: Command) => {
    const query = buildListQuery(spec, flags);
    const format = context.format(command);
    const all = flags.all === true;
    const resource = spec.select(await context.connect(command, { longRun: all }));
    const sink = createRecordSink(format, context.io.stdout, listColumns(spec, format, query), {
      streamed: all,
      emptyColumns: query.fields ?? modelFieldNames(spec.target),
    });
    if (all) {
      await fetchAllPages(context, command, resource, query, (item) => sink.write(item));
    } else {
      const page = await resource.findAll(query);
      page.items.forEach((item) => sink.write(item));
      notePages(context, command, page);
    }
    sink.end();
    if (sink.count === 0 && format === 'table') {
      context.note(command, `no ${spec.command.replace('-', ' ')} matched`);
    }
  });
}

function notePages(context: CommandContext, command: Command, page: RecordPage): void {
  if (page.paginated && page.pageCount > page.page) {
    context.note(
      command,
      `page ${page.page} of ${page.pageCount} (${page.count} records); use --page ${page.page + 1} or --all for more`,
    );
  }
}

function listHelp(spec: ResourceSpec): string {
  const { where, whereIn, fields } = spec.examples;
  return `
A --where value with commas is a list: '${whereIn}' matches any of the values (SQL IN).
Write \\, for a comma inside one value: 'name=Acme\\, Inc'.

Examples:
  $ tsoffers ${spec.command} list --limit 10
  $ tsoffers ${spec.command} list --where '${where}' --where 'id>5' --sort -id
  $ tsoffers ${spec.command} list --where '${whereIn}' --fields ${fields} --all --csv
  $ tsoffers ${spec.command} list --where 'id<10' --where 'id>100' --or --json`;
}

// A table of every field is too wide to read, so without --fields it shows a few main ones.
// Columns of contained models are only known from the records, so they are added from there.
function listColumns(
  spec: ResourceSpec,
  format: OutputFormat,
  query: ListQuery,
): ColumnChoice | undefined {
  const base = query.fields ?? (format === 'table' ? spec.tableColumns : undefined);
  const contain = query.contain;
  if (base === undefined || contain === undefined) return base;
  return (seen) => [
    ...base,
    ...seen.filter((column) => contain.some((alias) => isColumnOf(column, alias))),
  ];
}

// Models name contained records by the lower-cased alias (`country`), so the match ignores case.
function isColumnOf(column: string, alias: string): boolean {
  const name = column.toLowerCase();
  const prefix = alias.toLowerCase();
  return name === prefix || name.startsWith(`${prefix}.`);
}

/** Validates list flags and turns them into the client's query, before anything is sent. */
export function buildListQuery(spec: ResourceSpec, flags: ListFlags): ListQuery {
  const query: ListQuery = {};

  const filters = filtersFromFlags(flags.where, flags.or === true);
  if (filters !== undefined) {
    const fieldNames = (flags.where ?? []).map((expression) => parseWhere(expression).field);
    checkFieldNames(spec.target, '--where', fieldNames);
    checkWhereValues(spec.target, flags.where ?? []);
    query.filters = filters;
  }

  const sort = parseSort(flags.sort);
  if (sort !== undefined) {
    const sortFields = sort.map((key) => key.replace(/^-/, ''));
    checkFieldNames(spec.target, '--sort', sortFields);
    query.sort = sort;
  }

  const fields = parseNameList('--fields', flags.fields);
  if (fields !== undefined) {
    checkFieldNames(spec.target, '--fields', fields);
    query.fields = fields;
  }

  const contain = parseNameList('--contain', flags.contain);
  if (contain !== undefined) {
    checkContainAliases(spec.target, contain);
    query.contain = contain;
  }

  if (flags.limit !== undefined) query.limit = parsePositiveInteger('--limit', flags.limit);
  if (flags.page !== undefined) {
    if (flags.all === true) {
      throw new CliUsageError('--page and --all cannot be combined: --all fetches every page');
    }
    query.page = parsePositiveInteger('--page', flags.page);
    if (query.limit === undefined) {
      throw new CliUsageError(
        `--page ${flags.page} needs --limit, the page size: pass e.g. --page ${flags.page} --limit 50`,
      );
    }
  }
  return query;
}

/**
 * Fetches every page in order, one request per page, with a progress bar on stderr. Paging by
 * hand instead of through the client's iterator gives the total count for the bar.
 */
async function fetchAllPages(
  context: CommandContext,
  command: Command,
  resource: RecordResource,
  query: ListQuery,
  onItem: (item: unknown) => void,
): Promise<void> {
  const progress = context.progress(command);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  let pageNumber = 1;
  let pageCount = 1;
  try {
    do {
      const page = await resource.findAll({ ...query, limit, page: pageNumber });
      if (pageNumber === 1) progress.start(page.count, 'records');
      page.items.forEach(onItem);
      progress.increment(page.items.length);
      pageCount = page.paginated ? page.pageCount : 1;
      pageNumber += 1;
    } while (pageNumber <= pageCount);
  } finally {
    progress.stop();
  }
}

function registerGet(group: Command, context: CommandContext, spec: ResourceSpec): void {
  const get = group.command('get <id>').description(`show one ${spec.singular} by id`);
  if (spec.containable) {
    get.option('-c, --contain <models>', 'related models to include, comma-separated', collect);
  }
  get
    .addHelpText(
      'after',
      `\nExamples:\n  $ tsoffers ${spec.command} get ${spec.examples.id} --json`,
    )
    .action(async (id: string, flags: { contain?: string[] }, command: Command) => {
      const recordId = checkId(spec.singular, id);
      const contain = parseNameList('--contain', flags.contain);
      if (contain !== undefined) checkContainAliases(spec.target, contain);
      const resource = spec.select(await context.connect(command));
      const record = await resource.findById(recordId, contain === undefined ? {} : { contain });
      if (record === null || record === undefined) {
        throw new CliError(
          `${spec.singular} ${recordId} not found; run tsoffers ${spec.command} list to see existing ids`,
          ExitCode.notFound,
        );
      }
      writeOne(context.format(command), context.io.stdout, record);
    });
}

function registerWrites(group: Command, context: CommandContext, spec: ResourceSpec): void {
  group
    .command('create <field=value...>')
    .description(`create one ${spec.singular} from field=value pairs`)
    .addHelpText(
      'after',
      `\nExamples:\n  $ tsoffers ${spec.command} create ${spec.examples.create}`,
    )
    .action(async (pairs: string[], _flags: unknown, command: Command) => {
      const data = parseKeyValues(pairs, spec.examples.create);
      checkWritableFields(spec.target, data);
      const resource = spec.select(await context.connect(command));
      if (resource.create === undefined)
        throw new CliUsageError(`${spec.command} cannot be created`);
      writeOne(context.format(command), context.io.stdout, await resource.create(data));
    });

  group
    .command('update <id> <field=value...>')
    .description(`change fields of one ${spec.singular}`)
    .addHelpText(
      'after',
      `\nExamples:\n  $ tsoffers ${spec.command} update ${spec.examples.id} ${spec.examples.update}`,
    )
    .action(async (id: string, pairs: string[], _flags: unknown, command: Command) => {
      const recordId = checkId(spec.singular, id);
      const data = parseKeyValues(pairs, spec.examples.update);
      checkWritableFields(spec.target, data);
      const resource = spec.select(await context.connect(command));
      if (resource.update === undefined)
        throw new CliUsageError(`${spec.command} cannot be updated`);
      writeOne(context.format(command), context.io.stdout, await resource.update(recordId, data));
    });
}

/** Checks that an id argument is a positive whole number, as every HasOffers id is. */
export function checkId(what: string, id: string): string {
  if (!/^[1-9]\d*$/.test(id)) {
    throw new CliUsageError(`invalid ${what} id '${id}': expected a positive whole number`);
  }
  return id;
}
