/**
 * PHP-style bracket parameters (`data[name]=x`, `fields[]=id`, `filters[id][GREATER_THAN]=5`)
 * decoded into a tree, the way the PHP service parses its request.
 */
export type Param = string | Param[] | ParamMap;
export interface ParamMap {
  [key: string]: Param;
}

export function createParamMap(): ParamMap {
  return Object.create(null) as ParamMap;
}

export function isParamMap(value: Param | undefined): value is ParamMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deepest bracket nesting kept, PHP's default `max_input_nesting_level`. PHP drops a deeper name,
 * which also keeps deep trees from overflowing the stack when they are echoed back.
 */
export const MAX_NESTING = 64;

/** Adds one `name=value` pair to the tree. Later scalars replace earlier ones, as in PHP. */
export function addParam(root: ParamMap, name: string, value: string): void {
  const path = splitName(name);
  if (path.length === 0 || path.length - 1 > MAX_NESTING) return;
  let container: Param[] | ParamMap = root;
  for (let i = 0; i < path.length - 1; i++) {
    container = childContainer(container, path[i] ?? '', path[i + 1] === '');
  }
  setValue(container, path[path.length - 1] ?? '', value);
}

export function parseParams(pairs: Iterable<[string, string]>): ParamMap {
  const root = createParamMap();
  for (const [name, value] of pairs) addParam(root, name, value);
  return root;
}

/** Splits `a[b][]` into `['a', 'b', '']`. A name with unbalanced brackets is one plain key. */
function splitName(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0) return name === '' ? [] : [name];
  const keys = [name.slice(0, open)];
  const rest = name.slice(open);
  const pattern = /\[([^\]]*)\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(rest)) !== null) {
    keys.push(match[1] ?? '');
    consumed = pattern.lastIndex;
  }
  return consumed === rest.length ? keys : [name];
}

function childContainer(
  container: Param[] | ParamMap,
  key: string,
  nextIsAppend: boolean,
): Param[] | ParamMap {
  const fresh = (): Param[] | ParamMap => (nextIsAppend ? [] : createParamMap());
  if (Array.isArray(container)) {
    const index = key === '' ? container.length : Number(key);
    const existing = Number.isInteger(index) ? container[index] : undefined;
    if (typeof existing === 'object') return existing;
    const child = fresh();
    container[Number.isInteger(index) ? index : container.length] = child;
    return child;
  }
  const existing = container[key];
  if (typeof existing === 'object') return existing;
  const child = fresh();
  container[key] = child;
  return child;
}

function setValue(container: Param[] | ParamMap, key: string, value: string): void {
  if (Array.isArray(container)) {
    const index = key === '' ? container.length : Number(key);
    container[Number.isInteger(index) ? index : container.length] = value;
    return;
  }
  if (key === '') return;
  container[key] = value;
}

/** Reads a scalar parameter, or undefined when it is missing or not a scalar. */
export function scalar(params: ParamMap, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a list parameter sent as `name[]=a&name[]=b`, `name[0]=a` or a single `name=a`. */
export function list(value: Param | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.filter((item): item is string => typeof item === 'string');
}
