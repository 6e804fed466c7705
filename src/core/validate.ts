import {
  controllerNames,
  findController,
  findMethod,
  methodNames,
  suggestNames,
} from '../catalogue.js';
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

const BYPASS_HINT = 'To send it anyway, pass { unchecked: true } as the fourth argument of call().';

/**
 * Rejects a Target or Method that the catalogue does not list, naming the closest ones, because
 * the server's reply to an unknown name does not say which names exist.
 */
export function checkCatalogueNames(target: string, method: string): void {
  if (findController(target) === undefined) {
    const hint = didYouMean(suggestNames(target, controllerNames()));
    throw new UsageError(`Unknown target ${JSON.stringify(target)}.${hint} ${BYPASS_HINT}`, {
      target,
      method,
    });
  }
  if (findMethod(target, method) === undefined) {
    const hint = didYouMean(suggestNames(method, methodNames(target)));
    throw new UsageError(
      `Target ${target} has no method ${JSON.stringify(method)}.${hint} ${BYPASS_HINT}`,
      { target, method },
    );
  }
}

function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '';
}
