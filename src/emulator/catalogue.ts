import { findMethod } from '../catalogue.js';

/**
 * Tells whether the public API catalogue lists a Target and Method, so that a real method the
 * emulator does not serve gets a "not available in the emulator" reply instead of "unknown".
 */
export function isCatalogueMethod(target: string, method: string): boolean {
  return findMethod(target, method) !== undefined;
}

/** Contain aliases the catalogue lists for a target's findAll method, in catalogue order. */
export function containAliases(target: string): string[] {
  const contain = findMethod(target, 'findAll')?.params.find((param) => param.name === 'contain');
  return Object.keys(contain?.containable ?? {});
}

/** Tells whether the catalogue lists a `return_object` flag that swaps a new id for the record. */
export function acceptsReturnObject(target: string, method: string): boolean {
  return (
    findMethod(target, method)?.params.some((param) => param.name === 'return_object') ?? false
  );
}
