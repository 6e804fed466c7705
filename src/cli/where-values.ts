import { findModel, suggestNames } from '../catalogue.js';
import { CliUsageError } from './cli-error.js';
import { expectedValue, fieldKind } from './field-values.js';
import { parseWhere } from './where.js';

/**
 * Checks the values of `--where` expressions against the types and allowed values of the model's
 * fields, so a filter the server cannot match fails before sending. LIKE and NOT LIKE patterns
 * are left unchecked because `%` wildcards make partial values legitimate. Fields the catalogue
 * does not list for the model, such as those of contained models, are left to the server.
 */
export function checkWhereValues(model: string, expressions: readonly string[]): void {
  const fields = findModel(model)?.fields ?? {};
  for (const expression of expressions) {
    const { field, operator, values } = parseWhere(expression);
    const rule = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (rule === undefined || operator === 'LIKE' || operator === 'NOT_LIKE') continue;
    for (const value of values) {
      const expected = expectedValue(rule, value);
      if (expected === undefined) continue;
      const closest = rule.enum === undefined ? [] : suggestNames(value, rule.enum);
      const hint = closest.length === 0 ? '' : ` (closest: ${closest.join(', ')})`;
      throw new CliUsageError(
        `invalid --where '${expression}': ${field} is ${fieldKind(rule)}, ` +
          `so the value must be ${expected}, not '${value}'${hint}`,
      );
    }
  }
}
