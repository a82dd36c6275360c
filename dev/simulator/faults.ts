/**
 * Fault injection, switchable at run time from a test: latency, a number of 429s with Retry-After, a number of
 * 5xx responses, search pages Jira gets wrong (entries without a key, a page token that does not advance), and
 * an issue deleted part way through a read, each optionally limited to a path prefix and to requests after the
 * first N; and a project whose permissions change part way through a read (a viewer losing access mid-view).
 * Lets retry, deadline and paging code be tested against the real HTTP stack instead of mocks.
 */
import type { SiteProject } from './site-types';

export interface FaultScope {
  /** Only requests whose path starts with this are affected, e.g. '/rest/api/3/search'. */
  pathPrefix?: string;
  /** Let this many matching requests through untouched first (a search that goes wrong part way). */
  afterRequests?: number;
  /**
   * Only requests with this method, e.g. 'POST' with pathPrefix '/rest/api/3/issue' for creates alone, since that
   * prefix also matches every issue read. Default: any method.
   */
  method?: 'GET' | 'POST';
}

export interface InjectedFailure {
  status: number;
  headers: Record<string, string>;
  message: string;
}

/**
 * What a paged answer gets wrong; applied by the route to the page it would have sent. Search pages take both;
 * the bulk changelog fetch (scope it with its pathPrefix) takes `repeat-page`.
 */
export type PageFault =
  /** The first `entries` issues of the page come without their `key`. */
  | { kind: 'drop-keys'; entries: number }
  /** The page's nextPageToken points at the page itself, and it says it is not the last. */
  | { kind: 'repeat-page' };

/** Page faults apply to searches unless a scope says otherwise. */
export const SEARCH_PATH = '/rest/api/3/search/jql';

interface CountedRule<T> {
  remaining: number;
  /** Matching requests still to let through first. */
  skip: number;
  pathPrefix: string;
  method: string | undefined;
  value: T;
}

interface LatencyRule {
  ms: number;
  skip: number;
  pathPrefix: string;
  method: string | undefined;
}

/** The request a rule is matched against. */
interface Target {
  path: string;
  method: string;
}

const matches = (r: { pathPrefix: string; method: string | undefined }, target: Target): boolean =>
  target.path.startsWith(r.pathPrefix) && (r.method === undefined || r.method === target.method);

export interface FaultDecision {
  latencyMs: number;
  failure: InjectedFailure | undefined;
  /** Only when there is no failure: a failed request sends no page. */
  page: PageFault | undefined;
  /** Issues (id or key) to delete before this request is answered. */
  deletions: string[];
  /** Projects to change before this request is answered (after the deletions). */
  projectChanges: ProjectChange[];
}

/** What `changeProject` does to a project: its permissions, say (`browsers`), as an admin would change them. */
export interface ProjectChange {
  idOrKey: string;
  patch: Partial<Omit<SiteProject, 'id' | 'key'>>;
}

function checkedCount(name: string, value: number, least: number): number {
  if (!Number.isInteger(value) || value < least) {
    const what = least === 0 ? 'a non-negative integer' : 'a positive integer';
    throw new RangeError(`${name} must be ${what}, got ${value}`);
  }
  return value;
}

function rule<T>(
  count: number,
  scope: FaultScope,
  value: T,
  defaultPrefix = '',
  countName = 'failure count',
): CountedRule<T> {
  return {
    remaining: checkedCount(countName, count, 1),
    skip: checkedCount('afterRequests', scope.afterRequests ?? 0, 0),
    pathPrefix: scope.pathPrefix ?? defaultPrefix,
    method: scope.method,
    value,
  };
}

/** Consumes one use of the first matching rule (or one of its skips); the rules left, and what it gave. */
function consume<T>(rules: CountedRule<T>[], target: Target): { rules: CountedRule<T>[]; value: T | undefined } {
  const match = rules.find((r) => r.remaining > 0 && matches(r, target));
  if (!match) return { rules, value: undefined };
  if (match.skip > 0) {
    match.skip -= 1;
    return { rules, value: undefined };
  }
  match.remaining -= 1;
  return { rules: rules.filter((r) => r.remaining > 0), value: match.value };
}

export class FaultController {
  private latencies: LatencyRule[] = [];
  private failures: CountedRule<InjectedFailure>[] = [];
  private pages: CountedRule<PageFault>[] = [];
  private deletions: CountedRule<string>[] = [];
  private projectChanges: CountedRule<ProjectChange>[] = [];

  /** Adds `ms` of delay before each matching response (stacks with other latency rules). */
  setLatency(ms: number, scope: FaultScope = {}): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a non-negative number of ms, got ${ms}`);
    const skip = checkedCount('afterRequests', scope.afterRequests ?? 0, 0);
    this.latencies.push({ ms, skip, pathPrefix: scope.pathPrefix ?? '', method: scope.method });
  }

  /** The next `count` matching requests get 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit(count: number, retryAfterSeconds: number, scope: FaultScope = {}): void {
    if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
      throw new RangeError(`Retry-After must be a non-negative whole number of seconds, got ${retryAfterSeconds}`);
    }
    this.failures.push(
      rule(count, scope, {
        status: 429,
        headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-reason': 'jira-burst-based' },
        message: 'Rate limit exceeded.',
      }),
    );
  }

  /** The next `count` matching requests fail with `status` (500 by default; 502, 503 or 504 also allowed). */
  serverError(count: number, scope: FaultScope & { status?: 500 | 502 | 503 | 504 } = {}): void {
    const status = scope.status ?? 500;
    this.failures.push(
      rule(count, scope, {
        status,
        headers: {},
        message: status === 503 ? 'Service Unavailable' : 'Internal server error',
      }),
    );
  }

  /** The next matching search page sends its first `entries` issues without a `key`. */
  dropKeys(entries: number, scope: FaultScope = {}): void {
    this.pages.push(rule(1, scope, { kind: 'drop-keys', entries: checkedCount('entries', entries, 1) }, SEARCH_PATH));
  }

  /**
   * The next `count` matching pages send a nextPageToken that does not advance: the same page again. Searches by
   * default; `{ pathPrefix: '/rest/api/3/changelog/bulkfetch' }` for the bulk changelog fetch.
   */
  repeatPage(count: number, scope: FaultScope = {}): void {
    this.pages.push(rule(count, scope, { kind: 'repeat-page' }, SEARCH_PATH, 'repeat count'));
  }

  /** After `afterRequests` matching requests, the issue is deleted before the next one is answered. */
  deleteIssue(idOrKey: string, scope: FaultScope = {}): void {
    if (idOrKey.length === 0) throw new RangeError('deleteIssue needs an issue id or key');
    this.deletions.push(rule(1, scope, idOrKey));
  }

  /**
   * After `afterRequests` matching requests, the project is changed (`patch` merged, as `updateProject` does)
   * before the next one is answered: e.g. `{ browsers: [...] }` without the viewer, so a project they could see
   * at the start of a view is hidden from them before its next request.
   */
  changeProject(idOrKey: string, patch: ProjectChange['patch'], scope: FaultScope = {}): void {
    if (idOrKey.length === 0) throw new RangeError('changeProject needs a project id or key');
    this.projectChanges.push(rule(1, scope, { idOrKey, patch }));
  }

  /** Removes every fault rule. */
  reset(): void {
    this.latencies = [];
    this.failures = [];
    this.pages = [];
    this.deletions = [];
    this.projectChanges = [];
  }

  /** Decides what happens to one request; consumes one use (or one skip) of the first matching rule of each kind. */
  take(path: string, method = 'GET'): FaultDecision {
    const target: Target = { path, method: method.toUpperCase() };
    let latencyMs = 0;
    for (const r of this.latencies.filter((l) => matches(l, target))) {
      if (r.skip > 0) r.skip -= 1;
      else latencyMs += r.ms;
    }
    const deletions: string[] = [];
    for (const r of this.deletions.filter((d) => matches(d, target))) {
      if (r.skip > 0) r.skip -= 1;
      else if (r.remaining-- > 0) deletions.push(r.value);
    }
    this.deletions = this.deletions.filter((d) => d.remaining > 0);
    const changed = consume(this.projectChanges, target);
    this.projectChanges = changed.rules;
    const projectChanges = changed.value ? [changed.value] : [];
    const failed = consume(this.failures, target);
    this.failures = failed.rules;
    if (failed.value) return { latencyMs, failure: failed.value, page: undefined, deletions, projectChanges };
    const paged = consume(this.pages, target);
    this.pages = paged.rules;
    return { latencyMs, failure: undefined, page: paged.value, deletions, projectChanges };
  }
}
