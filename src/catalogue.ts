/** Look-ups over the generated API catalogue: method specs and "did you mean" suggestions. */
import type { ControllerSpec, MethodSpec, ModelSpec } from './catalogue-types.js';
import { CATALOGUE } from './generated/catalogue.js';

export type {
  Catalogue,
  ControllerSpec,
  FieldSpec,
  MethodSpec,
  ModelSpec,
  ParamSpec,
} from './catalogue-types.js';
export { CATALOGUE };

export function findController(target: string): ControllerSpec | undefined {
  return Object.hasOwn(CATALOGUE.controllers, target) ? CATALOGUE.controllers[target] : undefined;
}

export function findMethod(target: string, method: string): MethodSpec | undefined {
  const controller = findController(target);
  if (!controller || !Object.hasOwn(controller.methods, method)) return undefined;
  return controller.methods[method];
}

export function findModel(name: string): ModelSpec | undefined {
  return Object.hasOwn(CATALOGUE.models, name) ? CATALOGUE.models[name] : undefined;
}

export function controllerNames(): string[] {
  return Object.keys(CATALOGUE.controllers);
}

export function methodNames(target: string): string[] {
  return Object.keys(findController(target)?.methods ?? {});
}

/** Levenshtein distance, case-insensitive, because users mistype case as often as letters. */
function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/**
 * Returns up to `max` candidates closest to `input`: names starting with it, then names containing
 * it, then names within an edit distance of a third of the input's length (at least 2). Shorter
 * names win ties because they are the likelier intent.
 */
export function suggestNames(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(input.length / 3));
  return candidates
    .map((name) => {
      const lower = name.toLowerCase();
      if (needle.length > 0 && lower.startsWith(needle)) return { name, score: 0 };
      if (needle.length > 0 && lower.includes(needle)) return { name, score: 0.5 };
      return { name, score: editDistance(input, name) };
    })
    .filter((entry) => entry.score <= limit)
    .sort(
      (a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name),
    )
    .slice(0, max)
    .map((entry) => entry.name);
}
