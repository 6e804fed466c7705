import { findMethod, findModel, suggestNames } from '../catalogue.js';
import { CliUsageError } from './cli-error.js';
import type { ValueRule } from './field-values.js';
import { expectedValue, fieldKind } from './field-values.js';

/**
 * Checks that each name is a field of the model, so a typo in `--fields`, `--where` or `--sort`
 * fails before sending instead of being ignored by the server. Names with a dot
 * (`Country.name`) refer to contained models and are left to the server.
 */
export function checkFieldNames(model: string, flag: string, names: readonly string[]): void {
  const fields = Object.keys(findModel(model)?.fields ?? {});
  if (fields.length === 0) return;
  for (const name of names) {
    if (name.includes('.') || fields.includes(name)) continue;
    const closest = suggestNames(name, fields);
    const hint = closest.length === 0 ? '' : ` (closest: ${closest.join(', ')})`;
    throw new CliUsageError(`unknown field '${name}' in ${flag} for ${model}${hint}`);
  }
}

/** Checks `--contain` aliases against those the target's findAll accepts. */
export function checkContainAliases(target: string, aliases: readonly string[]): void {
  const spec = findMethod(target, 'findAll')?.params.find((param) => param.name === 'contain');
  const allowed = Object.keys(spec?.containable ?? {});
  for (const alias of aliases) {
    if (allowed.includes(alias)) continue;
    if (allowed.length === 0) {
      throw new CliUsageError(`--contain is not supported for ${target}`);
    }
    const closest = suggestNames(alias, allowed);
    const hint = closest.length === 0 ? '' : ` (closest: ${closest.join(', ')})`;
    throw new CliUsageError(
      `unknown --contain '${alias}' for ${target}${hint}; allowed: ${allowed.join(', ')}`,
    );
  }
}

/**
 * Checks that every key of a create or update payload is a writable field of the model and that
 * each text value fits the field's type or allowed values. An empty value passes, because it
 * clears the field.
 */
export function checkWritableFields(model: string, data: Readonly<Record<string, unknown>>): void {
  const fields = findModel(model)?.fields ?? {};
  const names = Object.keys(fields);
  if (names.length === 0) return;
  for (const key of Object.keys(data)) {
    const field = fields[key];
    if (field === undefined || !Object.hasOwn(fields, key)) {
      const closest = suggestNames(key, names);
      const hint = closest.length === 0 ? '' : ` (closest: ${closest.join(', ')})`;
      throw new CliUsageError(`unknown field '${key}' for ${model}${hint}`);
    }
    const value = data[key];
    if (typeof value === 'string' && value !== '') checkFieldValue(model, key, field, value);
  }
}

function checkFieldValue(model: string, key: string, rule: ValueRule, value: string): void {
  const expected = expectedValue(rule, value);
  if (expected === undefined) return;
  const closest = rule.enum === undefined ? [] : suggestNames(value, rule.enum);
  const hint = closest.length === 0 ? '' : ` (closest: ${closest.join(', ')})`;
  throw new CliUsageError(
    `invalid ${key} '${value}' for ${model}: ${key} is ${fieldKind(rule)}, ` +
      `so the value must be ${expected}${hint}`,
  );
}

/** Returns the field names of a model in catalogue order, or none for an unknown model. */
export function modelFieldNames(model: string): string[] {
  return Object.keys(findModel(model)?.fields ?? {});
}
