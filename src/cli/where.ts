import { CliUsageError } from './cli-error.js';

/** Filter operators of the HasOffers API, as sent in `filters[field][OPERATOR]=value`. */
export type FilterOperator =
  | 'EQUAL_TO'
  | 'NOT_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LIKE'
  | 'NOT_LIKE'
  | 'NULL'
  | 'NOT_NULL'
  | 'TRUE'
  | 'FALSE';

/** One parsed `--where` condition. `values` contains several entries only for an IN list. */
export interface WhereCondition {
  field: string;
  operator: FilterOperator;
  values: string[];
}

/** A filter value in wire shape: a value, an IN list, or operator -> value. */
export type FilterValue = string | string[] | Partial<Record<FilterOperator, string>>;
export type Filters = Record<string, FilterValue> & { OR?: Record<string, FilterValue> };

export const WHERE_SYNTAX =
  'field=value, field=a,b (any of), field!=value, field>value, field>=value, field<value, ' +
  'field<=value, field~pattern (LIKE, % is the wildcard), field!~pattern, ' +
  "'field is null', 'field is not null', 'field is true' or 'field is false'";

const FIELD = '[A-Za-z_][A-Za-z0-9_.]*';

// Longer operators come first so that `>=` is not read as `>` followed by a value starting `=`.
const COMPARISONS: ReadonlyArray<[string, FilterOperator]> = [
  ['!~', 'NOT_LIKE'],
  ['!=', 'NOT_EQUAL_TO'],
  ['>=', 'GREATER_THAN_OR_EQUAL_TO'],
  ['<=', 'LESS_THAN_OR_EQUAL_TO'],
  ['>', 'GREATER_THAN'],
  ['<', 'LESS_THAN'],
  ['~', 'LIKE'],
  ['=', 'EQUAL_TO'],
];

const IS_FORMS: Readonly<Record<string, FilterOperator>> = {
  null: 'NULL',
  'not null': 'NOT_NULL',
  true: 'TRUE',
  false: 'FALSE',
};

const IS_PATTERN = new RegExp(`^\\s*(${FIELD})\\s+is\\s+(not\\s+null|null|true|false)\\s*$`, 'i');
const COMPARISON_PATTERN = new RegExp(`^\\s*(${FIELD})\\s*(!~|!=|>=|<=|>|<|~|=)(.*)$`, 's');

/**
 * Parses one `--where` expression such as `status=active`, `id>5` or `name~%foo%`.
 * Throws a usage error that quotes the expression and lists the accepted forms.
 */
export function parseWhere(expression: string): WhereCondition {
  const isMatch = IS_PATTERN.exec(expression);
  if (isMatch) {
    const form = (isMatch[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const operator = IS_FORMS[form];
    if (operator) return { field: isMatch[1] ?? '', operator, values: [] };
  }

  const match = COMPARISON_PATTERN.exec(expression);
  const field = match?.[1];
  const symbol = match?.[2];
  const rawValue = match?.[3];
  const operator = COMPARISONS.find(([candidate]) => candidate === symbol)?.[1];
  if (field === undefined || rawValue === undefined || operator === undefined) {
    throw invalidWhere(expression);
  }

  const trimmed = rawValue.trim();
  if (trimmed === '') {
    throw invalidWhere(expression, 'the value is empty');
  }
  // `id>>5` or `id=>5` is almost always a mistyped operator, and the API would compare against
  // the text '>5' and quietly match the wrong records. A leading backslash keeps such a value.
  if (/^[<>=!~]/.test(trimmed)) {
    throw invalidWhere(
      expression,
      `the value '${trimmed}' starts with an operator character; fix the operator, or write \\${trimmed} to match that text`,
    );
  }
  const value = /^\\[<>=!~]/.test(trimmed) ? trimmed.slice(1) : trimmed;
  if (operator === 'EQUAL_TO') {
    return { field, operator, values: splitList(value) };
  }
  return { field, operator, values: [value] };
}

/**
 * Combines parsed conditions into the API's filter object. With `anyOf`, conditions are joined
 * with OR (the API's `filters[OR][...]` form) instead of AND.
 */
export function buildFilters(conditions: readonly WhereCondition[], anyOf = false): Filters {
  const combined: Record<string, FilterValue> = {};
  for (const condition of conditions) {
    combined[condition.field] = mergeCondition(combined[condition.field], condition);
  }
  return anyOf ? { OR: combined } : combined;
}

/** Parses every `--where` flag value and builds the filter object, or returns undefined. */
export function filtersFromFlags(
  expressions: readonly string[] | undefined,
  anyOf = false,
): Filters | undefined {
  if (expressions === undefined || expressions.length === 0) {
    if (anyOf) throw new CliUsageError('--or needs at least two --where conditions to join');
    return undefined;
  }
  if (anyOf && expressions.length < 2) {
    throw new CliUsageError('--or needs at least two --where conditions to join');
  }
  return buildFilters(expressions.map(parseWhere), anyOf);
}

function mergeCondition(existing: FilterValue | undefined, condition: WhereCondition): FilterValue {
  const { field, operator, values } = condition;
  if (operator === 'EQUAL_TO') {
    if (existing === undefined) return values.length === 1 ? (values[0] ?? '') : values;
    if (typeof existing === 'string' || Array.isArray(existing)) {
      // Two equality tests on one field can only both be true for the same value, so the user
      // most likely meant "any of". The IN list expresses that.
      return [...new Set([...[existing].flat(), ...values])];
    }
    throw conflictingConditions(field);
  }

  if (typeof existing === 'string' || Array.isArray(existing)) throw conflictingConditions(field);
  const operators = { ...existing };
  if (operators[operator] !== undefined) {
    throw new CliUsageError(
      `invalid --where: '${field}' has two ${operator} conditions; the API takes one value per operator`,
    );
  }
  operators[operator] = values[0] ?? '1';
  return operators;
}

// Splits `a,b` into an IN list; `\,` keeps a literal comma inside a value.
function splitList(value: string): string[] {
  const parts = value.split(/(?<!\\),/).map((part) => part.replace(/\\,/g, ',').trim());
  return parts.filter((part) => part !== '');
}

function conflictingConditions(field: string): CliUsageError {
  return new CliUsageError(
    `invalid --where: '${field}' mixes an equality test with an operator; ` +
      `use field=a,b for "any of" or only operators such as ${field}>1 and ${field}<9`,
  );
}

function invalidWhere(expression: string, reason?: string): CliUsageError {
  const detail = reason === undefined ? '' : ` (${reason})`;
  return new CliUsageError(`invalid --where '${expression}'${detail}: expected ${WHERE_SYNTAX}`);
}
