/**
 * Jira Cloud's points-based hourly quota for apps (enforced from March 2, 2026), as Atlassian's "Rate limiting"
 * page documents it (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/; README.md, Quota):
 *
 * - every request costs a base of 1 point; a read adds a cost per object it returns: 1 for core domain objects
 *   (issues, projects, ...) and anything unlisted, 2 for identity and access objects (users, groups, project
 *   roles, permissions); a write costs the base alone;
 * - Tier 1, the default: one 65,000-point hourly quota per app, shared by every tenant (installation);
 * - quotas reset at the top of each UTC hour; once spent, every request is a 429 until then, with `Retry-After`
 *   (seconds), `X-RateLimit-Reset` (ISO 8601) and `RateLimit-Reason: jira-quota-global-based`.
 *
 * A `QuotaPool` is that quota: several simulators (sites) given the same pool spend from it together, as one app
 * installed on several sites does. Without one, a simulator meters points against an unlimited pool of its own:
 * it never answers 429 and sends no rate-limit headers, so nothing changes for code that does not ask for a quota.
 */
import type { JsonValue } from './json';

/** Tier 1 ("Global Pool"), the default for every app: points per hour, shared by all tenants. */
export const GLOBAL_POOL_POINTS_PER_HOUR = 65_000;
/** `RateLimit-Reason` of a 429 when the Tier 1 pool is spent. */
export const QUOTA_REASON_GLOBAL = 'jira-quota-global-based';
/** `RateLimit-Reason` of a 429 when a Tier 2 (per-tenant) pool is spent. */
export const QUOTA_REASON_TENANT = 'jira-quota-tenant-based';
/** The points every request starts with. */
export const BASE_COST = 1;
/** Points per core or unlisted object (issues, projects, changelog entries, fields, labels, ...). */
export const CORE_OBJECT_COST = 1;
/** Points per identity and access object (users, groups, project roles, permissions). */
export const IDENTITY_OBJECT_COST = 2;

const HOUR_MS = 3_600_000;

export interface QuotaPoolOptions {
  /** Points per hour. Default: unlimited (metering only: never a 429, no rate-limit headers). */
  pointsPerHour?: number;
  /** The pool's clock (epoch ms); the window is the UTC clock hour it falls in. Default Date.now. */
  now?: () => number;
  /** Tier 1 (`global`, default) or Tier 2 (`tenant`): only the `RateLimit-Reason` and policy name differ. */
  tier?: 'global' | 'tenant';
}

/** What a request's cost was made of; `objects` weighted, so a user is 2. */
export interface RequestCost {
  base: number;
  objects: number;
  total: number;
}

/** The quota state a response reports. */
export interface QuotaWindow {
  limit: number;
  /** Points left in this hour's window, never below 0. */
  remaining: number;
  /** Epoch ms of the next top of the hour (UTC). */
  resetAt: number;
}

/** One app's hourly points quota; share an instance between simulators for a quota shared by installations. */
export class QuotaPool {
  readonly pointsPerHour: number;
  readonly tier: 'global' | 'tenant';
  readonly now: () => number;
  private windowStart = Number.NaN;
  private usedInWindow = 0;
  private spentTotal = 0;
  private deniedTotal = 0;

  constructor(options: QuotaPoolOptions = {}) {
    const points = options.pointsPerHour ?? Number.POSITIVE_INFINITY;
    if (!(points > 0)) throw new RangeError(`pointsPerHour must be positive, got ${points}`);
    this.pointsPerHour = points;
    this.tier = options.tier ?? 'global';
    this.now = options.now ?? Date.now;
  }

  /** False for the default (unlimited) pool: no headers, no 429. */
  get limited(): boolean {
    return Number.isFinite(this.pointsPerHour);
  }

  get reason(): string {
    return this.tier === 'global' ? QUOTA_REASON_GLOBAL : QUOTA_REASON_TENANT;
  }

  /** Points spent in the current hour's window. */
  get used(): number {
    this.roll();
    return this.usedInWindow;
  }

  /** Points spent since the pool was made (or reset), every window together. */
  get spent(): number {
    return this.spentTotal;
  }

  /** Requests answered 429 because the pool was spent. */
  get denied(): number {
    return this.deniedTotal;
  }

  window(): QuotaWindow {
    this.roll();
    return {
      limit: this.pointsPerHour,
      remaining: Math.max(0, this.pointsPerHour - this.usedInWindow),
      resetAt: this.windowStart + HOUR_MS,
    };
  }

  /** Whether a request may be answered now: the window has points left. */
  admits(): boolean {
    return this.window().remaining > 0;
  }

  /** Spends points (a request may take the window past its limit: its cost is known only once it is answered). */
  charge(points: number): void {
    this.roll();
    this.usedInWindow += points;
    this.spentTotal += points;
  }

  deny(): void {
    this.deniedTotal += 1;
  }

  /** Forgets everything spent, this window's points included. */
  reset(): void {
    this.windowStart = Number.NaN;
    this.usedInWindow = 0;
    this.spentTotal = 0;
    this.deniedTotal = 0;
  }

  private roll(): void {
    const start = Math.floor(this.now() / HOUR_MS) * HOUR_MS;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.usedInWindow = 0;
    }
  }
}

/** One simulator's share: the points its own answers cost (`sim.quota`), like `sim.stats` counts requests. */
export class QuotaMeter {
  private spentTotal = 0;
  private perPath = new Map<string, number>();

  constructor(readonly pool: QuotaPool) {}

  /** Points this simulator's answers cost (since start or reset). */
  get spent(): number {
    return this.spentTotal;
  }

  /** Points spent on an exact path (no query string). */
  points(path: string): number {
    return this.perPath.get(path) ?? 0;
  }

  /** Snapshot of points per path. */
  get byPath(): Record<string, number> {
    return Object.fromEntries(this.perPath);
  }

  /** Forgets this simulator's counters; the pool (maybe shared) keeps its own. */
  reset(): void {
    this.spentTotal = 0;
    this.perPath = new Map();
  }

  record(path: string, points: number): void {
    this.spentTotal += points;
    this.perPath.set(path, (this.perPath.get(path) ?? 0) + points);
    this.pool.charge(points);
  }
}

type Body = JsonValue | undefined;

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (body: Body, name: string): unknown =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? body[name] : undefined;
const objectCount = (value: unknown): number =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).length : 0;

/**
 * What one object is on each route, and its weight: the objects a successful read returns. Keys are the router's
 * templates. Unlisted routes (none today) cost the base alone.
 */
const OBJECTS: Record<string, (body: Body) => number> = {
  // A search page: its issues (the changelog entries expanded inside them are not counted again).
  'GET /rest/api/3/search/jql': (b) => listOf(field(b, 'issues')).length * CORE_OBJECT_COST,
  'POST /rest/api/3/search/jql': (b) => listOf(field(b, 'issues')).length * CORE_OBJECT_COST,
  // A count, no object.
  'POST /rest/api/3/search/approximate-count': () => 0,
  'GET /rest/api/3/issue/{issueIdOrKey}': () => CORE_OBJECT_COST,
  'GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes': (b) =>
    listOf(field(b, 'issueTypes')).length * CORE_OBJECT_COST,
  'GET /rest/api/3/issuetype': (b) => listOf(b).length * CORE_OBJECT_COST,
  'GET /rest/api/3/project/search': (b) => listOf(field(b, 'values')).length * CORE_OBJECT_COST,
  'GET /rest/api/3/project/{projectIdOrKey}': () => CORE_OBJECT_COST,
  // Each permission answered is an identity and access object.
  'GET /rest/api/3/mypermissions': (b) => objectCount(field(b, 'permissions')) * IDENTITY_OBJECT_COST,
  'GET /rest/api/3/label': (b) => listOf(field(b, 'values')).length * CORE_OBJECT_COST,
  'GET /rest/api/3/field': (b) => listOf(b).length * CORE_OBJECT_COST,
  'GET /rest/api/3/myself': () => IDENTITY_OBJECT_COST,
  // A bulk changelog page: its changelog entries, over every issue in it.
  'POST /rest/api/3/changelog/bulkfetch': (b) =>
    listOf(field(b, 'issueChangeLogs')).reduce<number>(
      (sum, log) => sum + listOf(field(log as Body, 'changeHistories')).length * CORE_OBJECT_COST,
      0,
    ),
  // One link (with globalId) or the list of them.
  'GET /rest/api/3/issue/{issueIdOrKey}/remotelink': (b) => (Array.isArray(b) ? b.length : 1) * CORE_OBJECT_COST,
  'GET /rest/api/3/user': () => IDENTITY_OBJECT_COST,
  'GET /rest/api/3/user/groups': (b) => listOf(b).length * IDENTITY_OBJECT_COST,
  'GET /rest/api/3/user/picker': (b) => listOf(field(b, 'users')).length * IDENTITY_OBJECT_COST,
  'GET /rest/api/3/groups/picker': (b) => listOf(field(b, 'groups')).length * IDENTITY_OBJECT_COST,
  'GET /rest/api/3/group/bulk': (b) => listOf(field(b, 'values')).length * IDENTITY_OBJECT_COST,
  // A page of a group's members: Atlassian's own example, 8 users cost 1 + 8 × 2 = 17.
  'GET /rest/api/3/group/member': (b) => listOf(field(b, 'values')).length * IDENTITY_OBJECT_COST,
};

/** Routes that change data: the base cost alone, whatever they return. */
const WRITES = new Set(['POST /rest/api/3/issue']);

/**
 * The points an answer costs. `route` is `METHOD template`, or undefined when no route matched (404/405). An
 * error answer (any status but 2xx) returns no objects, so it costs the base alone.
 */
export function requestCost(route: string | undefined, status: number, body: unknown): RequestCost {
  const counter = route === undefined || WRITES.has(route) ? undefined : OBJECTS[route];
  const objects = counter && status >= 200 && status < 300 ? counter(body as Body) : 0;
  return { base: BASE_COST, objects, total: BASE_COST + objects };
}

/** `X-RateLimit-Reset`'s form in Atlassian's examples: ISO 8601 in UTC, whole seconds (2025-10-08T15:00:00Z). */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The headers every answer carries from a limited pool (none from the default unlimited one). */
export function quotaHeaders(pool: QuotaPool): Record<string, string> {
  if (!pool.limited) return {};
  const { limit, remaining, resetAt } = pool.window();
  const policy = pool.tier === 'global' ? 'global-app-quota' : 'tenant-app-quota';
  const secondsLeft = Math.max(0, Math.ceil((resetAt - pool.now()) / 1000));
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': isoSeconds(resetAt),
    ...(remaining < limit * 0.2 ? { 'x-ratelimit-nearlimit': 'true' } : {}),
    'ratelimit-policy': `"${policy}";q=${limit};w=3600`,
    ratelimit: `"${policy}";r=${remaining};t=${secondsLeft}`,
  };
}

/** The 429 a spent pool answers: every request until the top of the hour. */
export function quotaExceededHeaders(pool: QuotaPool): Record<string, string> {
  const { resetAt } = pool.window();
  return {
    ...quotaHeaders(pool),
    'retry-after': String(Math.max(1, Math.ceil((resetAt - pool.now()) / 1000))),
    'ratelimit-reason': pool.reason,
  };
}
