import { ApiError } from './envelope.js';
import { modelFields } from './models.js';
import { isParamMap } from './params.js';
import { formatDatetime } from './store.js';
import type { ApiErrorEntry } from './envelope.js';
import type { JsonObject } from './json.js';
import type { ModelDef } from './models.js';
import type { Param } from './params.js';

type WriteAction = 'create' | 'update';

const ID_FIELD = /(^|_)id$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Applies `data[...]` fields to a record after checking them the way the service does: enum
 * values (err_code 3, "must be one of"), ids and amounts (err_code 3, "is not valid") and
 * required fields (err_code 1, "cannot be blank"). The record is left unchanged on error.
 */
export function applyWrite(
  def: ModelDef,
  row: JsonObject,
  data: Param | undefined,
  action: WriteAction,
): void {
  const fields = new Set(modelFields(def));
  const changes: JsonObject = {};
  const problems: ApiErrorEntry[] = [];
  const sent = isParamMap(data) ? Object.entries(data) : [];

  for (const [field, value] of sent) {
    // NOTE: no reply to an unknown or read-only `data[...]` field was recorded. The emulator
    // ignores such fields, and nested values, without an error.
    if (!fields.has(field) || def.readOnly.includes(field) || typeof value !== 'string') continue;
    const problem = checkValue(def, field, value);
    if (problem !== undefined) problems.push(problem);
    else changes[field] = normalize(def, field, value);
  }
  // On update only the fields being changed can become blank.
  const checked = action === 'create' ? { ...row, ...changes } : changes;
  problems.push(...missingRequired(def, checked, action === 'create'));
  if (problems.length > 0) throw validationError(def, action, problems);

  Object.assign(row, changes);
  if (action === 'update' && 'modified' in row) touchModified(row);
}

function checkValue(def: ModelDef, field: string, value: string): ApiErrorEntry | undefined {
  const allowed = def.enums[field];
  if (allowed !== undefined && !allowed.includes(value)) {
    return problem(3, `${fieldLabel(field)} must be one of: ${allowed.join(', ')}`, field);
  }
  const invalidId = ID_FIELD.test(field) && value !== '' && !/^\d+$/.test(value);
  const invalidAmount = field in def.decimals && value !== '' && !NUMBER.test(value);
  if (invalidId || invalidAmount) return problem(3, `${fieldLabel(field)} is not valid.`, field);
  return undefined;
}

function normalize(def: ModelDef, field: string, value: string): string | null {
  const decimals = def.decimals[field];
  if (decimals !== undefined) return value === '' ? null : Number(value).toFixed(decimals);
  if ((field === 'offer_url' || field === 'preview_url') && value !== '') {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  }
  return value;
}

function missingRequired(
  def: ModelDef,
  fields: JsonObject,
  absentIsBlank: boolean,
): ApiErrorEntry[] {
  return def.required
    .filter((field) => {
      const value = fields[field];
      return value === null || value === '' || (absentIsBlank && value === undefined);
    })
    .map((field) => problem(1, `${fieldLabel(field)} cannot be blank.`, field));
}

function touchModified(row: JsonObject): void {
  const now = new Date();
  row['modified'] =
    typeof row['modified'] === 'number' ? Math.floor(now.getTime() / 1000) : formatDatetime(now);
}

function problem(code: number, message: string, field: string): ApiErrorEntry {
  return { err_code: code, err_msg: message, attribute_name: field };
}

/** Builds the validation error; only the first entry carries the public message, as recorded. */
export function validationError(
  def: ModelDef,
  action: WriteAction,
  problems: ApiErrorEntry[],
): ApiError {
  const entries = problems.map((entry, index) =>
    index === 0 ? { ...entry, publicMessage: `Could not ${action} ${def.label}.` } : entry,
  );
  return new ApiError(entries);
}

/** Writes a field name the way validation messages do: `account_manager_id` → `Account_manager_id`. */
export function fieldLabel(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}
