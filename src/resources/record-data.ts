import { findModel, suggestNames } from '../catalogue.js';
import { UsageError } from '../core/errors.js';
import type { RecordData } from './options.js';

const DATA_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks create and update data before sending: a plain object with at least one field, no null
 * values, and only field names that the catalogue lists for `modelName`. Models missing from the
 * catalogue get the name-syntax check only.
 */
export function checkData<D extends RecordData>(data: D, method: string, modelName: string): D {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(
      `${method} needs the record fields as a plain object, got ${JSON.stringify(data)}.`,
    );
  }
  // The encoder leaves out undefined and null, so such fields would never reach the server.
  const keys = Object.keys(data).filter((key) => data[key] !== undefined);
  if (keys.length === 0)
    throw new UsageError(`${method} got no fields. Pass at least one field to write.`);
  for (const key of keys) {
    if (data[key] === null) {
      throw new UsageError(
        `Field ${key} passed to ${method} is null, which the API cannot receive. Pass an empty string to clear it, or leave the field out.`,
      );
    }
    if (!DATA_KEY_PATTERN.test(key)) {
      throw new UsageError(
        `Field name ${JSON.stringify(key)} passed to ${method} is invalid. Use the API's field names, such as offer_url.`,
      );
    }
    checkKnownField(key, method, modelName);
  }
  return data;
}

/**
 * Rejects a field name that the catalogue does not list for the model, so a typo such as `stauts`
 * is caught before sending, with the closest names as a hint. Live records hold some fields the
 * catalogue lacks (`Offer.lifetime_revenue_cap`), so the message points to `client.call()`, which
 * sends data unchecked.
 */
function checkKnownField(key: string, method: string, modelName: string): void {
  const fields = findModel(modelName)?.fields;
  if (fields === undefined || Object.hasOwn(fields, key)) return;
  const writable = Object.keys(fields).filter((name) => fields[name]?.writable === true);
  const suggestions = suggestNames(key, Object.keys(fields));
  const hint =
    suggestions.length > 0
      ? `Did you mean ${suggestions.join(' or ')}?`
      : `Writable fields: ${writable.join(', ')}.`;
  throw new UsageError(
    `${modelName} has no field ${JSON.stringify(key)} in the API catalogue, so ${method} rejected it. ${hint} ` +
      `To write a field that your network has but the catalogue lacks, use client.call() with a data parameter.`,
  );
}
