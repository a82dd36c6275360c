/**
 * The simulator's points-based hourly quota (dev/simulator/quota.ts): what each answer costs, the rate-limit
 * headers, a pool shared by several sites, the 429 once it is spent, the reset at the top of the hour, and that
 * without a quota nothing changes.
 */
import {
  GLOBAL_POOL_POINTS_PER_HOUR,
  QUOTA_REASON_GLOBAL,
  QuotaPool,
  requestCost,
  startJiraSimulator,
  type JiraSimulator,
} from '../../dev/simulator';
import { ISMS, USERS } from './support/fixture-site';
import { at, call, qs } from './support/sim-client';
import { STAFF, substanceSite } from './support/substance-site';

const SEARCH = '/rest/api/3/search/jql';
const BULK = '/rest/api/3/changelog/bulkfetch';
/** 2026-03-02T10:15:30Z: 44 min 30 s before the top of the hour. */
const T0 = Date.UTC(2026, 2, 2, 10, 15, 30);

/** A clock the test moves. */
function clock(start = T0) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v) };
}

const running: JiraSimulator[] = [];
async function simulator(options: Parameters<typeof startJiraSimulator>[1] = {}): Promise<JiraSimulator> {
  const sim = await startJiraSimulator(substanceSite(), options);
  running.push(sim);
  return sim;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const ismsSearch = (sim: JiraSimulator, as: string, maxResults = 50) =>
  call(sim.url, as, SEARCH, { json: { jql: `project = ${ISMS.key} ORDER BY key ASC`, maxResults, fields: ['id'] } });

describe('points per answer', () => {
  it('charges a search page 1 point plus 1 per issue it returns', async () => {
    const sim = await simulator();
    const res = await ismsSearch(sim, USERS.alice);
    expect(res.status).toBe(200);
    const issues = at(res.body, 'issues') as unknown[];
    expect(issues.length).toBeGreaterThan(1);
    expect(sim.quota.points(SEARCH)).toBe(1 + issues.length);
    expect(sim.quota.spent).toBe(1 + issues.length);

    // A page of 1: 2 points.
    await ismsSearch(sim, USERS.alice, 1);
    expect(sim.quota.points(SEARCH)).toBe(1 + issues.length + 2);
  });

  it('charges a bulk changelog page 1 point plus 1 per changelog entry, over every issue in it', async () => {
    const sim = await simulator();
    const res = await call(sim.url, USERS.alice, BULK, { json: { issueIdsOrKeys: ['ISMS-1', 'ISMS-2', 'OPS-1'] } });
    expect(res.status).toBe(200);
    const logs = at(res.body, 'issueChangeLogs') as unknown[];
    const entries = logs.reduce<number>((n, log) => n + (at(log, 'changeHistories') as unknown[]).length, 0);
    expect(logs.length).toBe(3);
    expect(entries).toBeGreaterThan(logs.length);
    expect(sim.quota.points(BULK)).toBe(1 + entries);
  });

  it('charges identity objects 2 points each, a single issue 2, a write and an error the base alone', async () => {
    const sim = await simulator();
    const groups = await call(sim.url, USERS.alice, `/rest/api/3/user/groups${qs({ accountId: USERS.alice })}`);
    expect(groups.status).toBe(200);
    expect(groups.body).toHaveLength(2);
    expect(sim.quota.points('/rest/api/3/user/groups')).toBe(1 + 2 * 2);

    await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    expect(sim.quota.points('/rest/api/3/issue/ISMS-1')).toBe(2);

    const members = await call(sim.url, USERS.alice, `/rest/api/3/group/bulk${qs({ groupId: STAFF.groupId })}`);
    expect(members.status).toBe(200);
    expect(sim.quota.points('/rest/api/3/group/bulk')).toBe(3);

    const missing = await call(sim.url, USERS.alice, '/rest/api/3/issue/NOPE-1');
    expect(missing.status).toBe(404);
    expect(sim.quota.points('/rest/api/3/issue/NOPE-1')).toBe(1);

    expect(requestCost('POST /rest/api/3/issue', 201, { id: '1', key: 'ISMS-9' })).toEqual({
      base: 1,
      objects: 0,
      total: 1,
    });
  });

  it('counts calls as a user and as the app against the same pool', async () => {
    const pool = new QuotaPool({ pointsPerHour: 1000, now: clock().now });
    const sim = await simulator({ quota: pool });
    await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    await call(sim.url, 'app', '/rest/api/3/issue/ISMS-1');
    expect(pool.used).toBe(4);
    expect(sim.quota.spent).toBe(4);
  });
});

describe('rate-limit headers', () => {
  it('sends limit, remaining and reset (ISO 8601, the top of the hour) on every answer, errors included', async () => {
    const pool = new QuotaPool({ pointsPerHour: 1000, now: clock().now });
    const sim = await simulator({ quota: pool });
    const answers = [
      await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1'),
      await ismsSearch(sim, USERS.alice),
      await call(sim.url, USERS.alice, '/rest/api/3/issue/NOPE-1'),
      await call(sim.url, 'anonymous', '/rest/api/3/myself'),
      await call(sim.url, USERS.alice, '/rest/api/3/nothing-here'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 404, 401, 404]);
    let spent = 0;
    for (const answer of answers) {
      spent = 1000 - Number(answer.headers.get('x-ratelimit-remaining'));
      expect(answer.headers.get('x-ratelimit-limit')).toBe('1000');
      expect(answer.headers.get('x-ratelimit-reset')).toBe('2026-03-02T11:00:00Z');
      expect(answer.headers.get('ratelimit-policy')).toBe('"global-app-quota";q=1000;w=3600');
      expect(answer.headers.get('retry-after')).toBeNull();
      expect(answer.headers.get('ratelimit-reason')).toBeNull();
    }
    // Remaining counts this answer too: after the last one it is what the pool has left.
    expect(spent).toBe(pool.used);
    expect(answers[0]?.headers.get('x-ratelimit-remaining')).toBe('998');
  });

  it('says near limit once less than 20% is left', async () => {
    // 20% of 12 is 2.4: 4 points left is not near, 2 is.
    const sim = await simulator({ quota: new QuotaPool({ pointsPerHour: 12, now: clock().now }) });
    const read = () => call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    await read();
    await read();
    await read();
    const third = await read();
    expect(third.headers.get('x-ratelimit-remaining')).toBe('4');
    expect(third.headers.get('x-ratelimit-nearlimit')).toBeNull();
    const fourth = await read();
    expect(fourth.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(fourth.headers.get('x-ratelimit-nearlimit')).toBe('true');
  });
});

describe('a pool shared by sites', () => {
  it('spends one quota from two simulators, each counting its own share', async () => {
    const pool = new QuotaPool({ pointsPerHour: 100, now: clock().now });
    const siteA = await simulator({ quota: pool });
    const siteB = await simulator({ quota: pool });
    await call(siteA.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    const fromB = await call(siteB.url, USERS.alice, '/rest/api/3/issue/ISMS-2');
    expect(fromB.headers.get('x-ratelimit-remaining')).toBe('96');
    expect(siteA.quota.spent).toBe(2);
    expect(siteB.quota.spent).toBe(2);
    expect(pool.used).toBe(4);
    expect(pool.spent).toBe(4);
  });

  it('shuts every site out once one of them spent the pool', async () => {
    const pool = new QuotaPool({ pointsPerHour: 5, now: clock().now });
    const siteA = await simulator({ quota: pool });
    const siteB = await simulator({ quota: pool });
    // 1 + every ISMS issue: more than the whole pool, still answered (its cost is known only once answered).
    expect((await ismsSearch(siteA, USERS.alice)).status).toBe(200);
    const denied = await call(siteB.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    expect(denied.status).toBe(429);
    expect(denied.headers.get('ratelimit-reason')).toBe(QUOTA_REASON_GLOBAL);
    expect(siteB.quota.spent).toBe(0);
    expect(pool.denied).toBe(1);
  });
});

describe('when the quota is spent', () => {
  it('answers 429 with Retry-After to the top of the hour, RateLimit-Reason and X-RateLimit-Reset', async () => {
    const time = clock();
    const pool = new QuotaPool({ pointsPerHour: 4, now: time.now });
    const sim = await simulator({ quota: pool });
    expect((await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1')).status).toBe(200);
    expect((await call(sim.url, 'app', '/rest/api/3/issue/ISMS-1')).status).toBe(200);
    const denied = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    expect(denied.status).toBe(429);
    expect(denied.headers.get('retry-after')).toBe(String(44 * 60 + 30));
    expect(denied.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    expect(denied.headers.get('x-ratelimit-reset')).toBe('2026-03-02T11:00:00Z');
    expect(denied.headers.get('x-ratelimit-limit')).toBe('4');
    expect(denied.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(at(denied.body, 'errorMessages')).toHaveLength(1);
    // Denied requests cost nothing; every path is denied, the app's calls too.
    expect((await call(sim.url, 'app', '/rest/api/3/myself')).status).toBe(429);
    expect((await ismsSearch(sim, USERS.bob)).status).toBe(429);
    expect(pool.used).toBe(4);
    expect(pool.denied).toBe(3);
    expect(sim.stats.total).toBe(5);

    time.set(Date.UTC(2026, 2, 2, 10, 59, 59, 500));
    const late = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    expect(late.status).toBe(429);
    expect(late.headers.get('retry-after')).toBe('1');
  });

  it('resets at the top of the (UTC) hour, with nothing carried over', async () => {
    const time = clock();
    const pool = new QuotaPool({ pointsPerHour: 4, now: time.now });
    const sim = await simulator({ quota: pool });
    await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    expect((await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1')).status).toBe(429);

    time.set(Date.UTC(2026, 2, 2, 11, 0, 0));
    const after = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(after.headers.get('x-ratelimit-reset')).toBe('2026-03-02T12:00:00Z');
    expect(pool.used).toBe(2);
    expect(pool.spent).toBe(6);
    expect(sim.quota.spent).toBe(6);
  });

  it('leaves injected faults to the fault controller: they cost nothing and carry no quota headers', async () => {
    const pool = new QuotaPool({ pointsPerHour: 100, now: clock().now });
    const sim = await simulator({ quota: pool });
    sim.faults.rateLimit(1, 7);
    const faulted = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1');
    expect(faulted.status).toBe(429);
    expect(faulted.headers.get('retry-after')).toBe('7');
    expect(faulted.headers.get('ratelimit-reason')).toBeNull();
    expect(pool.used).toBe(0);
  });
});

describe('without a configured quota', () => {
  it('never answers 429 and sends no rate-limit headers, while still counting points', async () => {
    const sim = await simulator();
    for (let i = 0; i < 30; i += 1) {
      const res = await ismsSearch(sim, i % 2 === 0 ? USERS.alice : 'app');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
      expect(res.headers.get('x-ratelimit-remaining')).toBeNull();
      expect(res.headers.get('retry-after')).toBeNull();
    }
    expect(sim.quota.pool.limited).toBe(false);
    expect(sim.quota.spent).toBeGreaterThan(30);
    expect(sim.quota.pool.denied).toBe(0);
    sim.quota.reset();
    expect(sim.quota.spent).toBe(0);
    expect(sim.quota.byPath).toEqual({});
  });

  it('knows the documented Tier 1 pool', () => {
    expect(GLOBAL_POOL_POINTS_PER_HOUR).toBe(65_000);
    expect(() => new QuotaPool({ pointsPerHour: 0 })).toThrow(RangeError);
  });
});
