import { CliUsageError } from './cli-error.js';

const SORT_KEY = /^-?[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * Parses `--sort` values such as `-id` or `name,-modified` into the client's sort list, where a
 * leading `-` means descending. Repeated flags add keys in the order given.
 */
export function parseSort(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const keys = values.flatMap((value) => value.split(',')).map((key) => key.trim());
  for (const key of keys) {
    if (!SORT_KEY.test(key)) {
      throw new CliUsageError(
        `invalid --sort '${key}': expected a field name, with a leading '-' for descending order (e.g. --sort -id,name)`,
      );
    }
  }
  return keys;
}

/** Splits a comma-separated flag such as `--fields id,name` into its non-empty names. */
export function parseNameList(
  flag: string,
  values: readonly string[] | undefined,
): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim());
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) {
      throw new CliUsageError(
        `invalid ${flag} '${name}': expected comma-separated names such as id,name`,
      );
    }
  }
  return names;
}
