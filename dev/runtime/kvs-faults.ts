/**
 * Faults for the local KVS, switchable at run time from a test, like the Jira simulator's (dev/simulator/faults.ts):
 * a delay before matching calls are answered (a slow store), and a number of calls that fail as an outage would.
 * Each is optionally limited to one operation (`get`, `set`, `delete`, `query`, ...), to keys starting with a
 * prefix, and to calls after the first N. The store itself (kvs-store.ts) is synchronous; the faults act on the
 * HTTP answer @forge/kvs waits for, so app code sees them exactly as it would see Forge's.
 */
import { isPlainObject } from '../simulator/json';

/** The KVS API operation, the path after `/api/v1/`: `get`, `set`, `delete`, `query`, `batch/set`, `transaction`... */
export type KvsOperation = string;

export interface KvsFaultScope {
  /** Only calls of this operation, e.g. `'set'`. Default: any. */
  operation?: KvsOperation;
  /** Only calls naming a key that starts with this (a query: its `BEGINS_WITH` value; a batch: any of its keys). */
  keyPrefix?: string;
  /** Let this many matching calls through untouched first. */
  afterCalls?: number;
}

/** What the store answers a failed call with: the service's `{ code, message }` error shape. */
export interface KvsFailure {
  status: number;
  code: string;
  message: string;
}

export interface KvsFaultDecision {
  latencyMs: number;
  failure: KvsFailure | undefined;
}

interface Rule {
  operation: string | undefined;
  keyPrefix: string;
  skip: number;
}

const OUTAGE: KvsFailure = {
  status: 503,
  code: 'SERVICE_UNAVAILABLE',
  message: 'The local KVS was told to fail this call (dev/runtime/kvs-faults.ts).',
};

function count(name: string, value: number, least: number): number {
  if (!Number.isInteger(value) || value < least)
    throw new RangeError(`${name} must be an integer of at least ${least}, got ${value}`);
  return value;
}

/** Every key a call names: its `key`, a query's prefix, each item's key in a batch or transaction. */
function keysOf(body: unknown): string[] {
  const keyOf = (item: unknown): string[] =>
    isPlainObject(item) && typeof item['key'] === 'string' ? [item['key']] : [];
  if (Array.isArray(body)) return body.flatMap(keyOf);
  if (!isPlainObject(body)) return [];
  const where = body['where'];
  if (Array.isArray(where)) {
    const clause: unknown = where[0];
    const values = isPlainObject(clause) ? clause['values'] : undefined;
    const first: unknown = Array.isArray(values) ? values[0] : undefined;
    return typeof first === 'string' ? [first] : [];
  }
  const items = [body['set'], body['delete']].flatMap((list) => (Array.isArray(list) ? list.flatMap(keyOf) : []));
  return [...keyOf(body), ...items];
}

export class KvsFaults {
  private latencies: Array<Rule & { ms: number }> = [];
  private failures: Array<Rule & { remaining: number; failure: KvsFailure }> = [];

  /** Every matching call waits `ms` before it is carried out and answered (rules stack). */
  setLatency(ms: number, scope: KvsFaultScope = {}): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a non-negative number of ms, got ${ms}`);
    this.latencies.push({ ...this.rule(scope), ms });
  }

  /** The next `calls` matching calls fail (503 `SERVICE_UNAVAILABLE` by default) and change nothing. */
  fail(calls: number, scope: KvsFaultScope & { failure?: KvsFailure } = {}): void {
    this.failures.push({ ...this.rule(scope), remaining: count('calls', calls, 1), failure: scope.failure ?? OUTAGE });
  }

  /** Removes every fault rule. */
  reset(): void {
    this.latencies = [];
    this.failures = [];
  }

  /** Decides what happens to one call; consumes one use (or one skip) of each matching rule. */
  take(path: string, body: unknown): KvsFaultDecision {
    const operation = path.replace(/^\/api\/v1\//, '');
    const keys = keysOf(body);
    const matches = (r: Rule) =>
      (r.operation === undefined || r.operation === operation) &&
      (r.keyPrefix === '' || keys.some((k) => k.startsWith(r.keyPrefix)));
    let latencyMs = 0;
    for (const r of this.latencies.filter(matches)) {
      if (r.skip > 0) r.skip -= 1;
      else latencyMs += r.ms;
    }
    const failing = this.failures.find((r) => r.remaining > 0 && matches(r));
    if (!failing) return { latencyMs, failure: undefined };
    if (failing.skip > 0) {
      failing.skip -= 1;
      return { latencyMs, failure: undefined };
    }
    failing.remaining -= 1;
    this.failures = this.failures.filter((r) => r.remaining > 0);
    return { latencyMs, failure: failing.failure };
  }

  private rule(scope: KvsFaultScope): Rule {
    return {
      operation: scope.operation,
      keyPrefix: scope.keyPrefix ?? '',
      skip: count('afterCalls', scope.afterCalls ?? 0, 0),
    };
  }
}
