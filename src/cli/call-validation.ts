import type { MethodSpec, ParamSpec } from '../catalogue.js';
import { controllerNames, findController, methodNames, suggestNames } from '../catalogue.js';
import { CliUsageError } from './cli-error.js';
import { baseType, expectedValue } from './field-values.js';
import type { ParamValue, Params } from './params.js';

/**
 * Checks a raw call against the API catalogue before anything is sent. The target and method
 * must exist and every parameter must belong to the method. Required parameters must be
 * present, enum and contain values must be allowed ones, and scalar values must fit their type.
 */
export function validateCall(target: string, method: string, params: Params): MethodSpec {
  const spec = lookupMethod(target, method);
  const known = spec.params.map((param) => param.name);
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) {
      const expected = known.length === 0 ? ' (it takes no parameters)' : closest(name, known);
      throw new CliUsageError(`unknown parameter '${name}' for ${target}.${method}${expected}`);
    }
  }
  for (const param of spec.params) {
    const value = params[param.name];
    if (value === undefined) {
      if (param.required) {
        throw new CliUsageError(
          `missing required parameter '${param.name}' (${param.type}) for ${target}.${method}; add ${example(param)}`,
        );
      }
      continue;
    }
    checkAllowedValues(`${target}.${method}`, param, value);
    checkValueType(`${target}.${method}`, param, value);
  }
  return spec;
}

/** Returns the catalogue entry of a method, or throws a usage error naming the closest names. */
export function lookupMethod(target: string, method: string): MethodSpec {
  const controller = findController(target);
  if (controller === undefined) {
    throw new CliUsageError(
      `unknown target '${target}'${closest(target, controllerNames())}; run 'tsoffers call --list' for all targets`,
    );
  }
  const spec = Object.hasOwn(controller.methods, method) ? controller.methods[method] : undefined;
  if (spec === undefined) {
    throw new CliUsageError(
      `unknown method ${target}.${method}${closest(method, methodNames(target))}; run 'tsoffers call --list ${target}' for its methods`,
    );
  }
  return spec;
}

/** Describes a method's parameters, one per line, for `call --list Target.method`. */
export function describeMethod(target: string, method: string, spec: MethodSpec): string {
  const lines = [`${target}.${method} (${spec.http}) returns ${spec.returns}`];
  for (const param of spec.params) {
    const required = param.required ? 'required' : 'optional';
    const allowed = param.enum ? ` one of: ${param.enum.join(', ')}` : '';
    const contain = param.containable
      ? ` aliases: ${Object.keys(param.containable).join(', ')}`
      : '';
    lines.push(`  ${param.name}  ${param.type}  ${required}${allowed}${contain}`);
  }
  return lines.join('\n') + '\n';
}

function checkAllowedValues(where: string, param: ParamSpec, value: ParamValue): void {
  const allowed = param.enum ?? (param.containable ? Object.keys(param.containable) : undefined);
  if (allowed === undefined) return;
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  for (const item of values) {
    if (typeof item === 'string' && !allowed.includes(item)) {
      throw new CliUsageError(
        `invalid ${param.name} '${item}' for ${where}${closest(item, allowed)}; allowed: ${allowed.join(', ')}`,
      );
    }
  }
}

// Only text values of scalar types and of `array<scalar>` lists have a form to check. Nested
// data, filters and the like are checked by the server.
function checkValueType(where: string, param: ParamSpec, value: ParamValue): void {
  if (param.enum !== undefined) return;
  const itemType = /^array<(\w+)>$/.exec(param.type)?.[1];
  const items = itemType === undefined ? [value] : Array.isArray(value) ? value : [];
  const rule = { type: itemType ?? param.type };
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const expected = expectedValue(rule, item);
    if (expected !== undefined) {
      throw new CliUsageError(
        `invalid ${param.name} '${item}' for ${where}: expected ${expected} (${baseType(rule.type)} parameter)`,
      );
    }
  }
}

function example(param: ParamSpec): string {
  if (param.type.startsWith('data<')) return `${param.name}.FIELD=VALUE`;
  if (param.type.startsWith('fields<') || param.type.startsWith('array'))
    return `${param.name}[]=VALUE`;
  if (param.type.startsWith('filter')) return `${param.name}[FIELD]=VALUE`;
  return `${param.name}=VALUE`;
}

function closest(input: string, candidates: readonly string[]): string {
  const names = suggestNames(input, candidates);
  return names.length === 0 ? '' : ` (closest: ${names.join(', ')})`;
}
