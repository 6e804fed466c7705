import { CliUsageError } from './cli-error.js';

/** A nested parameter tree as the client encodes it into PHP bracket form. */
export type ParamValue = string | ParamValue[] | { [key: string]: ParamValue };
export type Params = { [key: string]: ParamValue };

const HEAD = /^([A-Za-z_][A-Za-z0-9_.]*)((?:\[[^\]]*\])*)$/;

/**
 * Parses `key=value` arguments into nested parameters. Keys may be dotted (`data.name=x`) or in
 * PHP bracket form (`filters[id][GREATER_THAN]=5`, `fields[]=id`); brackets keep dots literal,
 * so `sort[Offer.id]=desc` names the key `Offer.id`.
 */
export function parseKeyValues(
  pairs: readonly string[],
  example = 'data.name=Test or filters[id][GREATER_THAN]=5',
): Params {
  const params: Params = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new CliUsageError(`invalid parameter '${pair}': expected key=value, e.g. ${example}`);
    }
    const path = parseKeyPath(pair.slice(0, equals), pair);
    assign(params, path, pair.slice(equals + 1), pair);
  }
  return params;
}

/** Splits a key into its path; an empty segment (`[]`) means "append to a list". */
export function parseKeyPath(key: string, pair: string = key): string[] {
  const match = HEAD.exec(key.trim());
  if (!match) {
    throw new CliUsageError(
      `invalid parameter name in '${pair}': use letters, digits and _ with '.' or [brackets] for nesting`,
    );
  }
  const head = (match[1] ?? '').split('.');
  if (head.some((segment) => segment === '')) {
    throw new CliUsageError(`invalid parameter name in '${pair}': empty segment between dots`);
  }
  const brackets = [...(match[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((found) => found[1] ?? '');
  return [...head, ...brackets];
}

function assign(target: Params, path: readonly string[], value: string, pair: string): void {
  let node: Params | ParamValue[] = target;
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index] ?? '';
    const last = index === path.length - 1;
    if (Array.isArray(node)) {
      if (segment !== '') throw conflict(pair);
      if (last) {
        node.push(value);
        return;
      }
      const child: Params = {};
      node.push(child);
      node = child;
      continue;
    }
    if (segment === '') throw conflict(pair);
    if (last) {
      if (node[segment] !== undefined) throw duplicate(pair);
      node[segment] = value;
      return;
    }
    const wantsList = path[index + 1] === '';
    const existing: ParamValue | undefined = node[segment];
    if (existing === undefined) {
      const created: Params | ParamValue[] = wantsList ? [] : {};
      node[segment] = created;
      node = created;
    } else if (typeof existing === 'string' || Array.isArray(existing) !== wantsList) {
      throw conflict(pair);
    } else {
      node = existing;
    }
  }
}

function conflict(pair: string): CliUsageError {
  return new CliUsageError(
    `invalid parameter '${pair}': it conflicts with an earlier parameter of the same name`,
  );
}

function duplicate(pair: string): CliUsageError {
  return new CliUsageError(
    `invalid parameter '${pair}': the key was already given; use key[]=value to send a list`,
  );
}
