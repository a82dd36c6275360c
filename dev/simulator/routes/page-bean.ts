/** Jira's offset-paged answer (PageBean: `self`, `nextPage`, `startAt`, `maxResults`, `total`, `isLast`, `values`). */

/**
 * The page of `all` from `startAt`, at most `maxResults` long, as Jira sends it: `pageUrl(start)`
 * gives the address of the page starting there (the route's own parameters kept), and `nextPage`
 * is left out on the last page.
 */
export function pageBean<T>(
  all: readonly T[],
  startAt: number,
  maxResults: number,
  pageUrl: (start: number) => string,
  json: (item: T) => unknown = (item) => item,
): Record<string, unknown> {
  const values = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= all.length;
  return {
    self: pageUrl(startAt),
    ...(isLast ? {} : { nextPage: pageUrl(startAt + values.length) }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values: values.map(json),
  };
}
