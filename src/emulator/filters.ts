import { FILTER_OPERATORS as CLIENT_FILTER_OPERATORS } from '../operators.js';
import { ApiError } from './envelope.js';
import { isParamMap, list } from './params.js';
import type { Json, JsonObject } from './json.js';
import type { Param, ParamMap } from './params.js';

export type RowTest = (row: JsonObject) => boolean;

// EQUAL_TO is documented but takes one value only; clients normally send the plain form.
export const FILTER_OPERATORS = ['EQUAL_TO', ...CLIENT_FILTER_OPERATORS] as const;
type Operator = (typeof FILTER_OPERATORS)[number];

/**
 * Compiles a `filters` parameter of a find method into a row test. Conditions are ANDed, and the
 * entries under `filters[OR]` form one group that is ANDed with them as a whole. Inside that group
 * every condition is ORed, including several operators on one field, while an IN list counts as
 * one condition.
 * NOTE: the service's wording for an unknown field or operator was never recorded, so these
 * messages are the emulator's own.
 */
export function compileFilters(
  modelName: string,
  fields: readonly string[],
  filters: Param | undefined,
): RowTest {
  if (filters === undefined || filters === '') return () => true;
  if (!isParamMap(filters)) throw filterError(`filters must be a map of field names to values.`);
  const tests: RowTest[] = [];
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'OR') tests.push(compileOrGroup(modelName, fields, value));
    else tests.push(compileField(modelName, fields, key, value));
  }
  return (row) => tests.every((test) => test(row));
}

function compileOrGroup(modelName: string, fields: readonly string[], group: Param): RowTest {
  if (!isParamMap(group)) throw filterError('filters[OR] must be a map of field names to values.');
  const tests = Object.entries(group).flatMap(([key, value]) =>
    compileConditions(modelName, fields, key, value),
  );
  return (row) => tests.some((test) => test(row));
}

function compileField(
  modelName: string,
  fields: readonly string[],
  key: string,
  value: Param,
): RowTest {
  const tests = compileConditions(modelName, fields, key, value);
  return (row) => tests.every((test) => test(row));
}

/**
 * Compiles the conditions on one field: a plain value, an IN list, or a map of operators. The
 * caller decides whether they combine with AND or OR. Numbered keys (`[0]`, `[1]`) together form
 * one IN list.
 */
function compileConditions(
  modelName: string,
  fields: readonly string[],
  key: string,
  value: Param,
): RowTest[] {
  const field = key.startsWith(`${modelName}.`) ? key.slice(modelName.length + 1) : key;
  if (!fields.includes(field)) {
    throw filterError(`Field "${key}" cannot be used in filters: ${modelName} has no such field.`);
  }
  if (typeof value === 'string') return [(row) => equals(row[field], value)];
  if (Array.isArray(value)) return [inList(field, list(value))];
  const listed: string[] = [];
  const tests: RowTest[] = [];
  for (const [operator, operand] of Object.entries(value)) {
    if (/^\d+$/.test(operator)) listed.push(...list(operand));
    else tests.push(compileOperator(field, operator, operand));
  }
  if (listed.length > 0) tests.push(inList(field, listed));
  return tests;
}

function inList(field: string, values: string[]): RowTest {
  return (row) => values.some((value) => equals(row[field], value));
}

function compileOperator(field: string, operator: string, operand: Param): RowTest {
  if (!(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    throw filterError(
      `Filter operator "${operator}" on field "${field}" is not valid. ` +
        `Use one of: ${FILTER_OPERATORS.join(', ')}.`,
    );
  }
  if (typeof operand !== 'string') {
    throw filterError(`Filter operator ${operator} on field "${field}" takes exactly one value.`);
  }
  return operatorTest(field, operator as Operator, operand);
}

function operatorTest(field: string, operator: Operator, operand: string): RowTest {
  switch (operator) {
    case 'EQUAL_TO':
      return (row) => equals(row[field], operand);
    case 'NOT_EQUAL_TO':
      return (row) => row[field] != null && !equals(row[field], operand);
    case 'LESS_THAN':
      return (row) => compareField(row[field], operand, (order) => order < 0);
    case 'LESS_THAN_OR_EQUAL_TO':
      return (row) => compareField(row[field], operand, (order) => order <= 0);
    case 'GREATER_THAN':
      return (row) => compareField(row[field], operand, (order) => order > 0);
    case 'GREATER_THAN_OR_EQUAL_TO':
      return (row) => compareField(row[field], operand, (order) => order >= 0);
    case 'LIKE':
      return likeTest(field, operand, true);
    case 'NOT_LIKE':
      return likeTest(field, operand, false);
    case 'NULL':
      return (row) => row[field] == null;
    case 'NOT_NULL':
      return (row) => row[field] != null;
    case 'TRUE':
      return (row) => isTruthy(row[field]);
    case 'FALSE':
      return (row) => row[field] != null && !isTruthy(row[field]);
  }
}

function likeTest(field: string, pattern: string, expected: boolean): RowTest {
  const regex = likeToRegExp(pattern);
  return (row) => row[field] != null && regex.test(String(row[field])) === expected;
}

/** Turns an SQL LIKE pattern (`%` any run, `_` one character) into a case-insensitive RegExp. */
export function likeToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((char) => {
      if (char === '%') return '.*';
      if (char === '_') return '.';
      return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'is');
}

function isTruthy(value: Json | undefined): boolean {
  return value === true || value === 1 || value === '1';
}

/** Compares like MySQL with its default case-insensitive collation: numbers numerically. */
export function compareValues(left: Json | undefined, right: string): number {
  const text = String(left);
  const a = Number(text);
  const b = Number(right);
  if (text.trim() !== '' && right.trim() !== '' && !Number.isNaN(a) && !Number.isNaN(b)) {
    return a - b;
  }
  return text.toLowerCase().localeCompare(right.toLowerCase());
}

function equals(value: Json | undefined, expected: string): boolean {
  if (value == null) return false;
  if (typeof value === 'boolean') return (value ? '1' : '0') === expected;
  return compareValues(value, expected) === 0;
}

function compareField(
  value: Json | undefined,
  operand: string,
  accept: (order: number) => boolean,
): boolean {
  return value != null && accept(compareValues(value, operand));
}

function filterError(message: string): ApiError {
  return ApiError.message(message);
}

export type { ParamMap };
