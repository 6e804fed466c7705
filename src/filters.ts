import { UsageError } from './core/errors.js';

import { FILTER_OPERATORS } from './operators.js';
import type { FilterOperator } from './operators.js';

export { FILTER_OPERATORS };
export type { FilterOperator };

/** Operators that take no value; the API expects `1`. */
const FLAG_OPERATORS: ReadonlySet<string> = new Set(['NULL', 'NOT_NULL', 'TRUE', 'FALSE']);

export type FilterScalar = string | number | bigint | boolean | Date;
export type OperatorFilter = { readonly [K in FilterOperator]?: FilterScalar };
/** Equality (`'active'`), IN list (`['a', 'b']`) or operators (`{ GREATER_THAN: 5 }`). */
export type FieldFilter = FilterScalar | readonly FilterScalar[] | OperatorFilter;
/**
 * Field conditions ANDed together. The `OR` key contains conditions ORed together, as one object
 * or as a list of objects and `where()` conditions.
 */
export interface FilterObject {
  readonly [field: string]:
    FieldFilter | FilterObject | readonly (FilterObject | FilterCondition)[] | undefined;
}

/** One condition made by the `where()` builder. */
export class FilterCondition {
  constructor(
    readonly field: string,
    readonly operator: FilterOperator | 'EQUAL' | 'IN',
    readonly value: FilterScalar | readonly FilterScalar[],
  ) {}
}

/** Conditions joined by OR (`filters[OR][…]`); the API allows one OR level. */
export class OrGroup {
  constructor(readonly parts: readonly (FilterCondition | FilterObject)[]) {}
}

export type Filters =
  FilterObject | FilterCondition | OrGroup | readonly (FilterObject | FilterCondition | OrGroup)[];

/** Starts a typed filter condition: `where('id').gt(5)`, `where('status').in(['a', 'b'])`. */
export function where(field: string) {
  const checkedField = checkFieldName(field);
  const make = (
    operator: FilterCondition['operator'],
    value: FilterScalar | readonly FilterScalar[],
  ) => new FilterCondition(checkedField, operator, value);
  return {
    eq: (value: FilterScalar) => make('EQUAL', value),
    in: (values: readonly FilterScalar[]) => make('IN', [...values]),
    ne: (value: FilterScalar) => make('NOT_EQUAL_TO', value),
    lt: (value: FilterScalar) => make('LESS_THAN', value),
    lte: (value: FilterScalar) => make('LESS_THAN_OR_EQUAL_TO', value),
    gt: (value: FilterScalar) => make('GREATER_THAN', value),
    gte: (value: FilterScalar) => make('GREATER_THAN_OR_EQUAL_TO', value),
    like: (pattern: string) => make('LIKE', pattern),
    notLike: (pattern: string) => make('NOT_LIKE', pattern),
    isNull: () => make('NULL', 1),
    notNull: () => make('NOT_NULL', 1),
    isTrue: () => make('TRUE', 1),
    isFalse: () => make('FALSE', 1),
  };
}

/** Joins conditions with OR: `or(where('status').eq('active'), { id: [1, 2] })`. */
export function or(...parts: (FilterCondition | FilterObject)[]): OrGroup {
  return new OrGroup(parts);
}

type WireFilter = Record<string, unknown>;

/**
 * Turns filters into the nested `filters` parameter the encoder writes in bracket form. Throws
 * UsageError for an unknown operator, an invalid field name, a nested OR or a null value.
 */
export function buildFilterParam(filters: Filters | undefined): WireFilter | undefined {
  if (filters === undefined) return undefined;
  const result: WireFilter = {};
  const parts = Array.isArray(filters)
    ? filters
    : [filters as FilterObject | FilterCondition | OrGroup];
  for (const part of parts) addPart(result, part, false);
  return Object.keys(result).length > 0 ? result : undefined;
}

function addPart(
  target: WireFilter,
  part: FilterObject | FilterCondition | OrGroup,
  insideOr: boolean,
): void {
  if (part instanceof OrGroup) {
    if (insideOr)
      throw new UsageError(
        'Filters contain an OR group inside another OR group; the API allows one level.',
      );
    if (target.OR !== undefined) {
      // Merging two groups would turn (a OR b) AND (c OR d) into a OR b OR c OR d.
      throw new UsageError(
        'Filters contain more than one OR group, but the API allows one OR group per call. Put all alternatives in a single or(...).',
      );
    }
    const group: WireFilter = {};
    target.OR = group;
    for (const inner of part.parts) addPart(group, inner, true);
    return;
  }
  if (part instanceof FilterCondition) {
    addCondition(target, part.field, part.operator, part.value, insideOr);
    return;
  }
  for (const [field, value] of Object.entries(part)) {
    if (value === undefined) continue;
    if (field === 'OR') {
      const parts = Array.isArray(value) ? value : [value];
      addPart(target, new OrGroup(parts as (FilterCondition | FilterObject)[]), insideOr);
      continue;
    }
    addFieldFilter(target, checkFieldName(field), value as FieldFilter, insideOr);
  }
}

function addFieldFilter(
  target: WireFilter,
  field: string,
  value: FieldFilter,
  insideOr: boolean,
): void {
  if (value === null) {
    throw new UsageError(
      `Filter ${field} is null. Use { ${field}: { NULL: true } } or where('${field}').isNull().`,
    );
  }
  if (Array.isArray(value)) return addCondition(target, field, 'IN', value, insideOr);
  if (typeof value === 'object' && !(value instanceof Date)) {
    if (Object.keys(value).length === 0) {
      throw new UsageError(
        `Filter ${field} has no operator. Pass one such as { GREATER_THAN: 5 }, or leave the field out.`,
      );
    }
    for (const [operator, operand] of Object.entries(value as OperatorFilter)) {
      const checked = checkOperator(field, operator);
      addCondition(target, field, checked, operand as FilterScalar, insideOr);
    }
    return;
  }
  addCondition(target, field, 'EQUAL', value as FilterScalar, insideOr);
}

/**
 * Adds one condition to a group. PHP reads `filters[id]` either as a value, a list or a map of
 * operators, and keeps the last of repeated keys, so conditions that share a field must fit one of
 * those shapes. Inside an OR group, equalities on one field become one IN list, which means the same.
 */
function addCondition(
  target: WireFilter,
  field: string,
  operator: FilterCondition['operator'],
  value: FilterScalar | readonly FilterScalar[],
  insideOr: boolean,
): void {
  checkOperand(field, operator, value);
  const existing = target[field];
  const isEquality = operator === 'EQUAL' || operator === 'IN';
  if (existing === undefined) {
    target[field] = isEquality ? copyValue(value) : { [operator]: operatorValue(operator, value) };
    return;
  }
  const existingIsEquality = !isOperatorMap(existing);
  if (isEquality && existingIsEquality && insideOr) {
    target[field] = [...asList(existing), ...asList(value)];
    return;
  }
  if (isEquality || existingIsEquality) {
    const other = isEquality ? Object.keys(existing as object)[0] : operator;
    throw mixedConflict(field, existingIsEquality && isEquality ? undefined : other, insideOr);
  }
  const operators = existing as Record<string, unknown>;
  if (Object.hasOwn(operators, operator)) throw repeatedOperator(field, operator, insideOr);
  operators[operator] = operatorValue(operator, value);
}

function isOperatorMap(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function copyValue(value: FilterScalar | readonly FilterScalar[]): unknown {
  return Array.isArray(value) ? [...value] : value;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? [...value] : [value];
}

function operatorValue(operator: string, value: unknown): unknown {
  return FLAG_OPERATORS.has(operator) ? 1 : value;
}

// A missing value would be left out by the encoder, silently dropping the condition.
function checkOperand(field: string, operator: string, value: unknown): void {
  if (Array.isArray(value)) {
    if (value.some((item) => item === undefined || item === null)) {
      throw new UsageError(
        `Filter ${field} list contains null or undefined. Remove those entries, or use a NULL condition in an OR group.`,
      );
    }
    if (value.some((item) => typeof item === 'object' && !(item instanceof Date))) {
      throw new UsageError(
        `Filter ${field} has an object in its list, but a list gives the values of an IN test. Put conditions in a list under the OR key instead.`,
      );
    }
    return;
  }
  if (FLAG_OPERATORS.has(operator)) {
    if (value === false || value === 0) {
      throw new UsageError(
        `Filter ${field} ${operator} is ${String(value)}, which the API cannot express. Use the opposite operator (NULL and NOT_NULL, TRUE and FALSE) with true.`,
      );
    }
    return;
  }
  if (value === undefined || value === null) {
    const shown = operator === 'EQUAL' ? '' : ` ${operator}`;
    throw new UsageError(
      `Filter ${field}${shown} has no value. Pass a value, or use NULL or NOT_NULL to test for a missing one.`,
    );
  }
}

function mixedConflict(field: string, operator: string | undefined, insideOr: boolean): UsageError {
  if (!insideOr) {
    const what = operator === undefined ? 'another equality or list' : operator;
    return new UsageError(
      `Filter ${field} mixes an equality or list with ${what}, which the API cannot express. ` +
        'An equality already fixes the value, so keep only it, or use operators only.',
    );
  }
  return new UsageError(
    `Filter ${field} mixes an equality or list with ${operator ?? 'another condition'} in one OR group, ` +
      `which the API cannot express because filters[OR][${field}] holds either values or operators. ` +
      'Write the equality as operators (for example GREATER_THAN_OR_EQUAL_TO and LESS_THAN_OR_EQUAL_TO on a range), or make two calls.',
  );
}

function repeatedOperator(field: string, operator: string, insideOr: boolean): UsageError {
  const group = insideOr ? 'one OR group' : 'one group';
  return new UsageError(
    `Filter ${field} uses ${operator} twice in ${group}, but the API's bracket encoding keeps only the last value. ` +
      'Keep the one condition that expresses what you mean.',
  );
}

function checkOperator(field: string, operator: string): FilterOperator {
  if ((FILTER_OPERATORS as readonly string[]).includes(operator)) return operator as FilterOperator;
  const upper = operator.toUpperCase();
  const hint = (FILTER_OPERATORS as readonly string[]).includes(upper)
    ? ` Did you mean ${upper}?`
    : '';
  throw new UsageError(
    `Filter ${field} uses unknown operator ${JSON.stringify(operator)}.${hint} Valid operators: ${FILTER_OPERATORS.join(', ')}.`,
  );
}

const FIELD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** Accepts `name` or `Model.name`; anything else would break the bracket encoding. */
export function checkFieldName(field: string): string {
  if (!FIELD_NAME_PATTERN.test(field)) {
    throw new UsageError(
      `Field name ${JSON.stringify(field)} is invalid. Use letters, digits and underscores, optionally prefixed by a model name (Offer.id).`,
    );
  }
  return field;
}

/** Sort input: `['-id', 'name']` (leading `-` for descending) or `{ id: 'desc' }`. */
export type Sort = string | readonly string[] | Readonly<Record<string, 'asc' | 'desc'>>;

/** Builds `sort[Model.field]=asc|desc` entries in order; a bare field gets the model prefix. */
export function buildSortParam(
  sort: Sort | undefined,
  modelName: string,
): Record<string, string> | undefined {
  if (sort === undefined) return undefined;
  const entries: [string, string][] =
    typeof sort === 'string' || Array.isArray(sort)
      ? (typeof sort === 'string' ? [sort] : (sort as readonly string[])).map((item) =>
          item.startsWith('-') ? [item.slice(1), 'desc'] : [item, 'asc'],
        )
      : Object.entries(sort as Record<string, string>);
  const result: Record<string, string> = {};
  for (const [field, direction] of entries) {
    checkFieldName(field);
    if (direction !== 'asc' && direction !== 'desc') {
      throw new UsageError(
        `Sort direction for ${field} is ${JSON.stringify(direction)}. Use 'asc' or 'desc'.`,
      );
    }
    result[field.includes('.') ? field : `${modelName}.${field}`] = direction;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
