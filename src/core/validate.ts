import { findMethod, suggestNames } from '../catalogue.js';
import { UsageError } from './errors.js';

/**
 * Rejects parameter names that the catalogue does not list for a known Target/Method, naming the
 * closest valid ones. Calls missing from the catalogue pass unchecked, because the live API has
 * methods that no published list names.
 */
export function checkParamNames(
  target: string,
  method: string,
  params: Readonly<Record<string, unknown>>,
): void {
  const spec = findMethod(target, method);
  if (spec === undefined) return;
  const known = spec.params.map((param) => param.name);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || known.includes(name)) continue;
    const suggestions = suggestNames(name, known);
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '';
    const valid =
      known.length > 0 ? `Valid parameters: ${known.join(', ')}.` : 'It takes no parameters.';
    throw new UsageError(
      `${target}.${method} has no parameter ${JSON.stringify(name)}.${hint} ${valid}`,
      {
        target,
        method,
      },
    );
  }
}
