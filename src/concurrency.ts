/**
 * Work at once, for every layer (Jira reads, storage, the services). Both helpers keep one rule: a
 * failure is thrown (or returned) only once the work already started has settled.
 */

/** The outcome of `mapLimit(..., 'return')`: each item's result, `undefined` where none came. */
export interface Stopped<R> {
  results: (R | undefined)[];
  /** What failed, in the order it did: the first stopped new work, the others were running then. Empty when all was done. */
  failures: unknown[];
}

/**
 * What `mapLimit` does with the first failure, once the running work has settled. Either way it
 * stops new work. `throw` (the default): it is thrown. `return`: it is returned with what was done
 * (`Stopped`), for a caller that reports a partial result (the search's pages, read until Jira stops
 * answering).
 */
export type FailurePolicy = 'throw' | 'return';

/**
 * `work` over `items`, at most `limit` at once, results in the items' order. The first failure
 * stops new work and, once the running ones have settled, is thrown or returned as `policy` says.
 */
export function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  policy?: 'throw',
): Promise<R[]>;
export function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  policy: 'return',
): Promise<Stopped<R>>;
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  policy: FailurePolicy = 'throw',
): Promise<R[] | Stopped<R>> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const failures: unknown[] = [];
  async function worker(): Promise<void> {
    while (next < items.length && failures.length === 0) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failures.push(error);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (policy === 'return') return { results, failures };
  if (failures.length > 0) throw failures[0];
  return results;
}

type Settled<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * Independent tasks the caller started together: their values in the given order, or, once every
 * one has settled, the first failure in that order. Unlike `Promise.all`, which rejects at the first
 * failure, it waits for the others, so nothing is left running after a failure: no read goes on
 * behind an answer already sent, spending the invocation's budget and Jira's rate limit on nothing.
 */
export async function allSettledOrThrow<T extends readonly unknown[]>(tasks: readonly [...T]): Promise<Settled<T>> {
  const settled = await Promise.allSettled(tasks);
  const values: unknown[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    values.push(outcome.value);
  }
  return values as Settled<T>;
}
