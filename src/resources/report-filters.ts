import { UsageError } from '../core/errors.js';
import { checkFieldName } from '../filters.js';
import type { FilterScalar } from '../filters.js';

import { REPORT_CONDITIONALS } from '../operators.js';
import type { ReportConditional } from '../operators.js';

export { REPORT_CONDITIONALS };
export type { ReportConditional };

export interface ReportCondition {
  readonly conditional: ReportConditional;
  readonly values?: FilterScalar | readonly FilterScalar[];
}

/** Report filters by `Model.field`: a condition, or a value / list meaning EQUAL_TO. No OR. */
export type ReportFilters = Readonly<
  Record<string, ReportCondition | FilterScalar | readonly FilterScalar[]>
>;

/** Number of values each conditional takes: EQUAL_TO one or more, BETWEEN two, NULL none. */
function expectedValueCount(conditional: ReportConditional): 'many' | 0 | 1 | 2 {
  if (conditional === 'EQUAL_TO') return 'many';
  if (conditional === 'BETWEEN') return 2;
  if (conditional === 'NULL' || conditional === 'NOT_NULL') return 0;
  return 1;
}

/** Builds the nested `filters` parameter of Report methods, checking each conditional's values. */
export function buildReportFilterParam(
  filters: ReportFilters | undefined,
): Record<string, unknown> | undefined {
  if (filters === undefined) return undefined;
  const result: Record<string, unknown> = {};
  for (const [field, input] of Object.entries(filters)) {
    checkFieldName(field);
    const condition = toCondition(input);
    if (!(REPORT_CONDITIONALS as readonly string[]).includes(condition.conditional)) {
      throw new UsageError(
        `Report filter ${field} uses unknown conditional ${JSON.stringify(condition.conditional)}. Valid conditionals: ${REPORT_CONDITIONALS.join(', ')}.`,
      );
    }
    const values =
      condition.values === undefined
        ? []
        : Array.isArray(condition.values)
          ? [...condition.values]
          : [condition.values];
    checkValueCount(field, condition.conditional, values.length);
    result[field] =
      values.length === 0
        ? { conditional: condition.conditional }
        : { conditional: condition.conditional, values };
  }
  return result;
}

function toCondition(input: ReportFilters[string]): ReportCondition {
  if (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    !(input instanceof Date)
  ) {
    return input as ReportCondition;
  }
  return { conditional: 'EQUAL_TO', values: input as FilterScalar | readonly FilterScalar[] };
}

function checkValueCount(field: string, conditional: ReportConditional, count: number): void {
  const expected = expectedValueCount(conditional);
  const valid = expected === 'many' ? count >= 1 : count === expected;
  if (!valid) {
    const required =
      expected === 'many' ? 'one or more values' : `${expected} value${expected === 1 ? '' : 's'}`;
    throw new UsageError(
      `Report filter ${field} with ${conditional} needs ${required}, got ${count}.`,
    );
  }
}
