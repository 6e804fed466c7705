/**
 * Compares two JSON values by shape: the same keys and value types at each level. Id-keyed maps
 * (keys all digits or two-letter codes) and lists are compared by their first entry, and an empty
 * list matches any collection, because the API writes every empty collection as `[]`.
 */
export function shapeDifferences(
  recorded: unknown,
  actual: unknown,
  variantFields: ReadonlySet<string>,
  path = '',
): string[] {
  const field = path.slice(path.lastIndexOf('.') + 1);
  if (isEmptyList(recorded) || isEmptyList(actual)) {
    return isCollection(recorded) && isCollection(actual)
      ? []
      : [`${path}: ${kind(recorded)} vs ${kind(actual)}`];
  }
  if (recorded === null || actual === null) {
    const scalarPair = isScalar(recorded) && isScalar(actual);
    return scalarPair ? [] : [`${path}: ${kind(recorded)} vs ${kind(actual)}`];
  }
  if (Array.isArray(recorded) || Array.isArray(actual)) {
    if (!Array.isArray(recorded) || !Array.isArray(actual))
      return [`${path}: ${kind(recorded)} vs ${kind(actual)}`];
    return shapeDifferences(recorded[0], actual[0], variantFields, `${path}[0]`);
  }
  if (typeof recorded === 'object' && typeof actual === 'object') {
    return objectDifferences(
      recorded as Record<string, unknown>,
      actual as Record<string, unknown>,
      variantFields,
      path,
    );
  }
  if (typeof recorded === typeof actual) return [];
  const numberOrString = (value: unknown) => typeof value === 'number' || typeof value === 'string';
  if (variantFields.has(field) && numberOrString(recorded) && numberOrString(actual)) return [];
  return [`${path}: ${kind(recorded)} vs ${kind(actual)}`];
}

function objectDifferences(
  recorded: Record<string, unknown>,
  actual: Record<string, unknown>,
  variantFields: ReadonlySet<string>,
  path: string,
): string[] {
  if (isKeyedMap(recorded) || isKeyedMap(actual)) {
    if (!isKeyedMap(recorded) || !isKeyedMap(actual))
      return [`${path}: keyed map vs ${kind(actual)}`];
    const first = (map: Record<string, unknown>) => map[Object.keys(map)[0] ?? ''];
    return shapeDifferences(first(recorded), first(actual), variantFields, `${path}.<key>`);
  }
  const differences: string[] = [];
  const keys = new Set([...Object.keys(recorded), ...Object.keys(actual)]);
  for (const key of keys) {
    if (!(key in actual)) differences.push(`${path}.${key}: missing in the emulator reply`);
    else if (!(key in recorded)) differences.push(`${path}.${key}: not in the recorded reply`);
    else
      differences.push(
        ...shapeDifferences(recorded[key], actual[key], variantFields, `${path}.${key}`),
      );
  }
  return differences;
}

function isKeyedMap(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => /^\d+$/.test(key) || /^[A-Z]{2}$/.test(key));
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function isCollection(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  return (
    typeof value === 'object' && value !== null && isKeyedMap(value as Record<string, unknown>)
  );
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number';
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'empty list' : 'list';
  return typeof value;
}

/**
 * Field names the recordings themselves show both as a number and as a string (for example
 * `modified`), so a type difference there is the service's own inconsistency.
 */
export function variantFieldNames(bodies: unknown[]): Set<string> {
  const seen = new Map<string, Set<string>>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (typeof item === 'number' || typeof item === 'string') {
          const kinds = seen.get(key) ?? new Set<string>();
          kinds.add(typeof item);
          seen.set(key, kinds);
        }
        walk(item);
      }
    }
  };
  bodies.forEach(walk);
  return new Set([...seen].filter(([, kinds]) => kinds.size > 1).map(([key]) => key));
}
