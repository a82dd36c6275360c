/**
 * Fault injection, switchable at run time from a test: latency, a number of 429s with Retry-After, a number of
 * 5xx responses, each optionally limited to a path prefix. Lets retry/back-off code be tested against the real
 * HTTP stack instead of mocks.
 */

export interface FaultScope {
  /** Only requests whose path starts with this are affected, e.g. '/rest/api/3/search'. */
  pathPrefix?: string;
  /** Failures only: let this many matching requests through first (a search that fails part way). */
  afterRequests?: number;
}

export interface InjectedFailure {
  status: number;
  headers: Record<string, string>;
  message: string;
}

interface FailureRule {
  remaining: number;
  /** Matching requests still to let through before failing. */
  skip: number;
  pathPrefix: string;
  failure: InjectedFailure;
}

interface LatencyRule {
  ms: number;
  pathPrefix: string;
}

export class FaultController {
  private latencies: LatencyRule[] = [];
  private failures: FailureRule[] = [];

  /** Adds `ms` of delay before each matching response (stacks with other latency rules). */
  setLatency(ms: number, scope: FaultScope = {}): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a non-negative number of ms, got ${ms}`);
    this.latencies.push({ ms, pathPrefix: scope.pathPrefix ?? '' });
  }

  /** The next `count` matching requests get 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit(count: number, retryAfterSeconds: number, scope: FaultScope = {}): void {
    if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
      throw new RangeError(`Retry-After must be a non-negative whole number of seconds, got ${retryAfterSeconds}`);
    }
    this.addFailure(count, scope, {
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-reason': 'jira-burst-based' },
      message: 'Rate limit exceeded.',
    });
  }

  /** The next `count` matching requests fail with `status` (500 by default; 502, 503 or 504 also allowed). */
  serverError(count: number, scope: FaultScope & { status?: 500 | 502 | 503 | 504 } = {}): void {
    const status = scope.status ?? 500;
    this.addFailure(count, scope, {
      status,
      headers: {},
      message: status === 503 ? 'Service Unavailable' : 'Internal server error',
    });
  }

  /** Removes every latency and failure rule. */
  reset(): void {
    this.latencies = [];
    this.failures = [];
  }

  /** Decides what happens to one request; consumes one use of the first matching failure rule. */
  take(path: string): { latencyMs: number; failure: InjectedFailure | undefined } {
    const latencyMs = this.latencies.filter((r) => path.startsWith(r.pathPrefix)).reduce((sum, r) => sum + r.ms, 0);
    const rule = this.failures.find((r) => r.remaining > 0 && path.startsWith(r.pathPrefix));
    if (rule && rule.skip > 0) {
      rule.skip -= 1;
      return { latencyMs, failure: undefined };
    }
    if (rule) rule.remaining -= 1;
    this.failures = this.failures.filter((r) => r.remaining > 0);
    return { latencyMs, failure: rule?.failure };
  }

  private addFailure(count: number, scope: FaultScope, failure: InjectedFailure): void {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`failure count must be a positive integer, got ${count}`);
    const skip = scope.afterRequests ?? 0;
    if (!Number.isInteger(skip) || skip < 0)
      throw new RangeError(`afterRequests must be a non-negative integer, got ${skip}`);
    this.failures.push({ remaining: count, skip, pathPrefix: scope.pathPrefix ?? '', failure });
  }
}
