import { REPORT_CONDITIONALS } from '../../operators.js';
import { ApiError } from '../envelope.js';
import { compareValues, likeToRegExp } from '../filters.js';
import { isParamMap, list } from '../params.js';
import type { Json } from '../json.js';
import type { Param } from '../params.js';

export const CONDITIONALS = REPORT_CONDITIONALS;

/** One report filter: `filters[<field>][conditional]=…&filters[<field>][values][]=…`. */
export interface Condition {
  field: string;
  test: (value: Json) => boolean;
}

/**
 * Parses report filters. Unlike find filters every entry needs a conditional, and there is no OR.
 * NOTE: the service's wording for a bad report filter was never recorded; these messages are the
 * emulator's own.
 */
export function parseConditions(filters: Param | undefined, known: (field: string) => boolean) {
  if (filters === undefined || filters === '') return [];
  if (!isParamMap(filters)) throw ApiError.message('filters must be a map of report fields.');
  return Object.entries(filters).map(([field, spec]): Condition => {
    if (!known(field)) throw ApiError.message(`Field "${field}" cannot be used in report filters.`);
    if (!isParamMap(spec) || typeof spec['conditional'] !== 'string') {
      throw ApiError.message(`Report filter on "${field}" needs filters[${field}][conditional].`);
    }
    return { field, test: conditionTest(field, spec['conditional'], list(spec['values'])) };
  });
}

function conditionTest(field: string, conditional: string, values: string[]) {
  const expect = (count: number) => {
    if (values.length !== count) {
      throw ApiError.message(
        `Report filter ${conditional} on "${field}" takes ${count} value(s), got ${values.length}.`,
      );
    }
  };
  const first = values[0] ?? '';
  const compare = (accept: (order: number) => boolean) => {
    expect(1);
    return (value: Json) => value != null && accept(compareValues(value, first));
  };
  switch (conditional) {
    case 'EQUAL_TO':
      if (values.length === 0) expect(1);
      return (value: Json) =>
        value != null && values.some((item) => compareValues(value, item) === 0);
    case 'NOT_EQUAL_TO':
      return compare((order) => order !== 0);
    case 'LESS_THAN':
      return compare((order) => order < 0);
    case 'LESS_THAN_OR_EQUAL_TO':
      return compare((order) => order <= 0);
    case 'GREATER_THAN':
      return compare((order) => order > 0);
    case 'GREATER_THAN_OR_EQUAL_TO':
      return compare((order) => order >= 0);
    case 'LIKE':
    case 'NOT_LIKE': {
      expect(1);
      const regex = likeToRegExp(first);
      const shouldMatch = conditional === 'LIKE';
      return (value: Json) => value != null && regex.test(String(value)) === shouldMatch;
    }
    case 'BETWEEN': {
      expect(2);
      const [low = '', high = ''] = values;
      return (value: Json) =>
        value != null && compareValues(value, low) >= 0 && compareValues(value, high) <= 0;
    }
    case 'NULL':
      return (value: Json) => value == null || value === '';
    case 'NOT_NULL':
      return (value: Json) => value != null && value !== '';
  }
  throw ApiError.message(
    `Report filter conditional "${conditional}" on "${field}" is not valid. ` +
      `Use one of: ${CONDITIONALS.join(', ')}.`,
  );
}
