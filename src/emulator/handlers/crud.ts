import { hydrateError, requireId } from '../context.js';
import { findAll, findAllIds, findById } from '../find.js';
import { modelDef } from '../models.js';
import { list } from '../params.js';
import { sourceOf } from '../sources.js';
import { formatDatetime } from '../store.js';
import { applyWrite } from '../write.js';
import type { CallContext, HandlerTable } from '../context.js';
import type { ModelName } from '../store.js';

/** findById, findAll, findAllIds, findAllByIds, create and update for one stored model. */
export function crudHandlers(name: ModelName): HandlerTable {
  const def = modelDef(name);
  return {
    findById: (call) => {
      const row = call.store.table(name).get(requireId(call.params, 'id'));
      return findById(sourceOf(call.store, name), row, call.params);
    },
    findAll: (call) => findAll(sourceOf(call.store, name), call.params),
    findAllIds: (call) => findAllIds(sourceOf(call.store, name), call.params),
    findAllByIds: (call) => {
      const ids = new Set(list(call.params['ids']));
      const source = sourceOf(call.store, name);
      const rows = [...call.store.table(name).values()].filter((row) => ids.has(String(row['id'])));
      return findAll({ ...source, rows }, { ...call.params, limit: '' });
    },
    create: (call) => createRecord(call, name),
    update: (call) => {
      const id = requireId(call.params, 'id');
      const row = call.store.table(name).get(id);
      if (row === undefined) throw hydrateError(id);
      applyWrite(def, row, call.params['data'], 'update');
      return { [name]: row };
    },
  };
}

/**
 * Creates a record from `data[...]`. The id is only taken from the table once the data is valid
 * and every column in `references` names a stored row of its model, so a failed create leaves no
 * gap in the ids.
 */
export function createRecord(
  call: CallContext,
  name: ModelName,
  references: Readonly<Record<string, ModelName>> = {},
) {
  const def = modelDef(name);
  const now = formatDatetime(call.now());
  const draft = def.blank('0', now);
  applyWrite(def, draft, call.params['data'], 'create');
  for (const [column, model] of Object.entries(references)) {
    const id = draft[column];
    if (id == null || id === '') continue;
    if (call.store.table(model).get(String(id)) === undefined) throw hydrateError(String(id));
  }
  const row = call.store.table(name).insert((id) => ({ ...draft, id }));
  return { [name]: row };
}
