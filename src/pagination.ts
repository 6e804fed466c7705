import { isJsonObject } from './core/json.js';
import type { JsonValue } from './core/json.js';

/** One page of a list call. Unpaginated replies (no `limit` sent) come back as a single page. */
export interface Page<T> {
  readonly items: readonly T[];
  /** 1-based page number. */
  readonly page: number;
  /** Number of pages; the server leaves it out on some list methods, then it is `page`. */
  readonly pageCount: number;
  /** Total records on all pages; when the server leaves it out, the number of items. */
  readonly count: number;
  /** True when the server sent the page wrapper (`limit` was set). */
  readonly paginated: boolean;
  /** False when the server left out `pageCount`, so `pageCount` and `count` are only lower bounds. */
  readonly totalsKnown: boolean;
}

/**
 * Recognises the three page wrappers seen from the API (`page,current,count,pageCount`,
 * `page,current`, `current,count,pageCount`) by the presence of `page` or `pageCount`. When the
 * server leaves out `page`, the page number is `requestedPage`, the one the call asked for.
 */
export function toPage<T>(
  data: JsonValue,
  buildItems: (rows: JsonValue) => T[],
  requestedPage = 1,
): Page<T> {
  if (isJsonObject(data) && (data.has('page') || data.has('pageCount'))) {
    const items = buildItems(data.get('data') ?? []);
    const page = numberOr(data.get('page'), requestedPage);
    return {
      items,
      page,
      pageCount: numberOr(data.get('pageCount'), page),
      count: numberOr(data.get('count'), items.length),
      paginated: true,
      totalsKnown: data.has('pageCount'),
    };
  }
  const items = data === null || data === false || data === '' ? [] : buildItems(data);
  return {
    items,
    page: 1,
    pageCount: items.length > 0 ? 1 : 0,
    count: items.length,
    paginated: false,
    totalsKnown: true,
  };
}

function numberOr(value: JsonValue | undefined, fallback: number): number {
  const result = typeof value === 'string' ? Number(value) : value;
  return typeof result === 'number' && Number.isFinite(result) ? result : fallback;
}

/**
 * Yields every item across pages, fetching each page once, until the last page by `pageCount`
 * or, when the server sends no `pageCount`, until a page comes back shorter than `pageSize`.
 * A short page before `pageCount` is not the end, because a server may cap the page size.
 */
export async function* iteratePages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  pageSize: number,
): AsyncGenerator<T, void, undefined> {
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await fetchPage(pageNumber);
    yield* page.items;
    if (page.items.length === 0 || !page.paginated) return;
    if (page.totalsKnown ? pageNumber >= page.pageCount : page.items.length < pageSize) return;
  }
}
