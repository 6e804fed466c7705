import type { Emulator } from '../../src/emulator/index.js';

/** A value in PHP bracket notation: scalars, lists (`a[]=`) and maps (`a[k]=`). */
export type BracketValue = string | number | BracketValue[] | { [key: string]: BracketValue };

/** Encodes params the way the API expects: `data[name]=x`, `fields[]=id`, `filters[id][GREATER_THAN]=5`. */
export function encodeBrackets(params: Record<string, BracketValue>): URLSearchParams {
  const search = new URLSearchParams();
  const add = (name: string, value: BracketValue): void => {
    if (Array.isArray(value)) value.forEach((item) => add(`${name}[]`, item));
    else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    } else search.append(name, String(value));
  };
  for (const [name, value] of Object.entries(params)) add(name, value);
  return search;
}

export interface ApiReply {
  status: number;
  text: string;
  // `any` because envelope shapes differ per method and tests inspect them freely.
  body: any;
}

/** Calls the emulator with credentials added; `post` sends the params as a form body. */
export async function callApi(
  emulator: Emulator,
  target: string,
  method: string,
  params: Record<string, BracketValue> = {},
  options: { post?: boolean; credentials?: Record<string, string> } = {},
): Promise<ApiReply> {
  const credentials = options.credentials ?? {
    NetworkId: emulator.networkId,
    NetworkToken: emulator.networkToken,
  };
  const search = encodeBrackets({ ...credentials, Target: target, Method: method, ...params });
  const response = options.post
    ? await fetch(emulator.url, { method: 'POST', body: search })
    : await fetch(`${emulator.url}?${search}`);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

/**
 * Calls and returns `response.data`, failing the test with the server's message on an error.
 * Returns `any` because the data shape depends on the method.
 */
export async function callData(
  emulator: Emulator,
  target: string,
  method: string,
  params: Record<string, BracketValue> = {},
): Promise<any> {
  const reply = await callApi(emulator, target, method, params);
  if (reply.body?.response?.status !== 1) {
    throw new Error(`${target}.${method} failed: ${reply.text.slice(0, 500)}`);
  }
  return reply.body.response.data;
}

/** Keys of an id-keyed JSON object in wire order, which JSON.parse would reorder. */
export function wireKeyOrder(text: string, after: string): string[] {
  const start = text.indexOf(after);
  const keys: string[] = [];
  const pattern = /"(\d+)":\{"[A-Z]/g;
  pattern.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) keys.push(match[1] ?? '');
  return keys;
}

/** Parses a reply body; `any` because envelope shapes differ per method. */
export async function readJson(response: Response): Promise<any> {
  return response.json();
}
