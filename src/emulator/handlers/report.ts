import { findModel } from '../../catalogue.js';
import { ApiError } from '../envelope.js';
import { compareNullable, readPaging } from '../find.js';
import { isParamMap, list, scalar } from '../params.js';
import { parseConditions } from '../report/conditions.js';
import { conversionFacts, statFacts } from '../report/facts.js';
import { addFact, dimensionValue, emptyTotals, isMeasure, measureValue } from '../report/fields.js';
import { inWindow, readReportWindow, shiftFact } from '../report/window.js';
import type { CallContext, HandlerTable } from '../context.js';
import type { Json, JsonObject } from '../json.js';
import type { Fact } from '../report/facts.js';
import type { Totals } from '../report/fields.js';
import type { Store } from '../store.js';

export const reportHandlers: HandlerTable = {
  getStats: (call) => runReport(call, 'StatReport', statFacts(call.store)),
  getConversions: (call) => {
    const report = runReport(call, 'ConversionReport', conversionFacts(call.store));
    // NOTE: the reply to `count=1` was never recorded; this sends the bare row count.
    return scalar(call.params, 'count') === '1' ? (report['count'] ?? 0) : report;
  },
};

interface ReportRow {
  values: Record<string, Json>;
  totals: Totals;
}

/**
 * Runs a report: filter facts on dimensions, group by `groups[]` plus every requested dimension
 * field, sum the measures, then filter on measures, sort and page. Rows come as a list of objects
 * grouped by model prefix (`{"Stat": {...}, "Offer": {...}}`), with `totals.Stat` when asked.
 * NOTE: whether the service sends rows as a list or an index-keyed map is not recorded.
 */
function runReport(call: CallContext, model: string, facts: Fact[]): JsonObject {
  const { params, store } = call;
  const known = reportFieldCheck(model);
  const fields = list(params['fields']);
  if (fields.length === 0) throw ApiError.message('Missing required argument "fields".');
  for (const field of [...fields, ...list(params['groups'])]) {
    if (!known(field)) throw ApiError.message(`Field "${field}" is not a field of ${model}.`);
  }

  const window = readReportWindow(params);
  const conditions = parseConditions(params['filters'], known);
  const dimensionFields = unique([
    ...list(params['groups']),
    ...fields.filter((f) => !isMeasure(f)),
  ]);
  const selected = facts
    .map((fact) => shiftFact(fact, window.hourOffset))
    .filter((fact) => inWindow(window, fact) && matchesDimensions(conditions, fact, store));
  const rows = groupFacts(selected, dimensionFields, store).filter((row) =>
    conditions.every((c) => !isMeasure(c.field) || c.test(measureValue(c.field, row.totals))),
  );
  sortRows(rows, params['sort'], known);

  const paging = readPaging(params) ?? { limit: Math.max(rows.length, 1), page: 1 };
  const start = (paging.page - 1) * paging.limit;
  const result: JsonObject = {
    page: paging.page,
    current: 0,
    count: rows.length,
    pageCount: Math.ceil(rows.length / paging.limit),
    data: rows.slice(start, start + paging.limit).map((row) => shapeRow(fields, row)),
  };
  if (scalar(params, 'totals') === '1') result['totals'] = totalsOf(fields, rows);
  return result;
}

function reportFieldCheck(model: string): (field: string) => boolean {
  const fields = findModel(model)?.fields ?? {};
  return (field) => Object.hasOwn(fields, field) || isMeasure(field) || field === 'Stat.date';
}

function matchesDimensions(
  conditions: ReturnType<typeof parseConditions>,
  fact: Fact,
  store: Store,
) {
  return conditions.every(
    (c) => isMeasure(c.field) || c.test(dimensionValue(c.field, fact, store)),
  );
}

function groupFacts(facts: Fact[], dimensions: string[], store: Store): ReportRow[] {
  const groups = new Map<string, ReportRow>();
  for (const fact of facts) {
    const values: Record<string, Json> = {};
    for (const field of dimensions) values[field] = dimensionValue(field, fact, store);
    const key = JSON.stringify(dimensions.map((field) => values[field]));
    let row = groups.get(key);
    if (row === undefined) {
      row = { values, totals: emptyTotals() };
      groups.set(key, row);
    }
    addFact(row.totals, fact);
  }
  return [...groups.values()];
}

function valueOf(row: ReportRow, field: string): Json {
  return isMeasure(field) ? measureValue(field, row.totals) : (row.values[field] ?? null);
}

function sortRows(
  rows: ReportRow[],
  sort: CallContext['params'][string] | undefined,
  known: (f: string) => boolean,
) {
  if (sort === undefined || sort === '') return;
  if (!isParamMap(sort))
    throw ApiError.message('sort must be a map of report fields to asc or desc.');
  const keys = Object.entries(sort).map(([field, direction]) => {
    if (!known(field)) throw ApiError.message(`Field "${field}" cannot be used in sort.`);
    const order = typeof direction === 'string' ? direction.toLowerCase() : '';
    if (order !== 'asc' && order !== 'desc') {
      throw ApiError.message(`Sort direction for "${field}" must be asc or desc.`);
    }
    return { field, sign: order === 'asc' ? 1 : -1 };
  });
  rows.sort((a, b) => {
    for (const { field, sign } of keys) {
      const order = compareNullable(valueOf(a, field), valueOf(b, field));
      if (order !== 0) return order * sign;
    }
    return 0;
  });
}

/** Writes a row grouped by model prefix: `Stat.clicks` goes to `{"Stat": {"clicks": …}}`. */
function shapeRow(fields: string[], row: ReportRow): JsonObject {
  const shaped: Record<string, JsonObject> = {};
  for (const field of fields) {
    const [model = 'Stat', name = field] = field.split('.', 2);
    shaped[model] ??= {};
    shaped[model][name] = valueOf(row, field);
  }
  return shaped;
}

function totalsOf(fields: string[], rows: ReportRow[]): JsonObject {
  const sum = emptyTotals();
  for (const row of rows) {
    for (const key of Object.keys(sum) as Array<keyof Totals>) sum[key] += row.totals[key];
  }
  const stat: JsonObject = {};
  for (const field of fields.filter(isMeasure))
    stat[field.slice('Stat.'.length)] = measureValue(field, sum);
  return { Stat: stat };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
