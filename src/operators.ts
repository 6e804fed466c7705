/**
 * Filter vocabulary of the Network API, shared by the client, which sends it, and the emulator,
 * which evaluates it.
 */

/** Operators of regular `find*` filters, sent as `filters[field][OPERATOR]=value`. */
export const FILTER_OPERATORS = [
  'NOT_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL_TO',
  'LIKE',
  'NOT_LIKE',
  'NULL',
  'NOT_NULL',
  'TRUE',
  'FALSE',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * Conditionals of Report filters, sent as `filters[Stat.x][conditional]=…`. EQUAL_TO takes one or
 * more values, BETWEEN exactly two, NULL and NOT_NULL none, the rest one each.
 */
export const REPORT_CONDITIONALS = [
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL_TO',
  'LIKE',
  'NOT_LIKE',
  'BETWEEN',
  'NULL',
  'NOT_NULL',
] as const;
export type ReportConditional = (typeof REPORT_CONDITIONALS)[number];
