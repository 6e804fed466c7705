import { UsageError } from '../core/errors.js';
import { isJsonObject, toPlain } from '../core/json.js';
import type { JsonValue } from '../core/json.js';
import { buildSortParam, checkFieldName } from '../filters.js';
import type { Sort } from '../filters.js';
import { buildReportFilterParam } from './report-filters.js';
import type { ReportFilters } from './report-filters.js';
import { checkPositiveInteger, TargetResource } from './resource.js';
import type { ResourceContext } from './resource.js';

/** Options shared by the Report methods. Dates are `YYYY-MM-DD` in the network's time zone. */
export interface ReportOptions {
  /** Report fields, such as `['Stat.clicks', 'Stat.date']`. Required. */
  readonly fields: readonly string[];
  readonly groups?: readonly string[];
  readonly filters?: ReportFilters;
  readonly sort?: Sort;
  readonly limit?: number;
  readonly page?: number;
  /** Ask for aggregate totals in `totals`. */
  readonly totals?: boolean;
  readonly data_start?: string;
  readonly data_end?: string;
  readonly hour_offset?: number;
  readonly currency?: string;
}

/** Rows of a report, each grouped by model prefix: `{ Stat: { clicks: '5' }, Offer: {…} }`. */
export interface ReportPage {
  readonly rows: readonly Record<string, Record<string, unknown>>[];
  readonly page: number;
  readonly pageCount: number;
  readonly count: number;
  readonly totals: Record<string, Record<string, unknown>> | undefined;
}

/** Statistics and conversion reports (target `Report`). */
export class ReportResource extends TargetResource {
  constructor(context: ResourceContext) {
    super(context, 'Report');
  }

  async getStats(options: ReportOptions): Promise<ReportPage> {
    return toReportPage(await this.send('getStats', reportParams(options)));
  }

  async getConversions(options: ReportOptions): Promise<ReportPage> {
    return toReportPage(await this.send('getConversions', reportParams(options)));
  }
}

function reportParams(options: ReportOptions): Record<string, unknown> {
  if (!Array.isArray(options.fields) || options.fields.length === 0) {
    throw new UsageError("Report calls need fields, such as fields: ['Stat.clicks', 'Stat.date'].");
  }
  const { fields, groups, filters, sort, limit, page, ...rest } = options;
  return {
    ...rest,
    fields: fields.map(checkFieldName),
    groups: groups?.map(checkFieldName),
    filters: buildReportFilterParam(filters),
    sort: buildSortParam(sort, 'Stat'),
    limit: limit === undefined ? undefined : checkPositiveInteger(limit, 'limit'),
    page: page === undefined ? undefined : checkPositiveInteger(page, 'page'),
  };
}

// NOTE: no recorded getStats reply exists, so the shape is a guess. Rows are read from a list or
// an id-keyed map, and totals from `data.totals`, where other clients read them.
function toReportPage(data: JsonValue): ReportPage {
  const wrapper = isJsonObject(data) ? data : new Map<string, JsonValue>();
  const rawRows = wrapper.get('data');
  const rowValues = isJsonObject(rawRows)
    ? [...rawRows.values()]
    : Array.isArray(rawRows)
      ? rawRows
      : [];
  const rows = rowValues.map((row) => toPlain(row) as Record<string, Record<string, unknown>>);
  const totals = wrapper.get('totals');
  const number = (key: string, fallback: number): number => {
    const value = Number(wrapper.get(key));
    return Number.isFinite(value) ? value : fallback;
  };
  return {
    rows,
    page: number('page', 1),
    pageCount: number('pageCount', 1),
    count: number('count', rows.length),
    totals: isJsonObject(totals)
      ? (toPlain(totals) as Record<string, Record<string, unknown>>)
      : undefined,
  };
}
