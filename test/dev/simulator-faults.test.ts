import { ACCOUNT_ID_HEADER, startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { siteHistory, siteIssue, siteProject, statusChange } from '../../dev/simulator/site-builders';
import { fixtureSite, USERS } from './support/fixture-site';
import { at, call, qs } from './support/sim-client';

/** BULK has 20 issues, for paging faults. */
const BULK = siteProject('BULK', '10005', { name: 'Bulk', browsers: '*' });
const bulkIssue = (n: number) =>
  siteIssue({
    key: `BULK-${n}`,
    project: BULK,
    labels: ['bulk'],
    histories: [
      siteHistory(USERS.alice, new Date(Date.UTC(2025, 0, n, 9)).toISOString(), [
        statusChange({ id: '1', name: 'To Do' }, { id: '3', name: 'In Progress' }),
      ]),
    ],
  });
const BULK_KEYS = Array.from({ length: 20 }, (_, i) => `BULK-${i + 1}`);

let sim: JiraSimulator;

beforeAll(async () => {
  const site = fixtureSite();
  sim = await startJiraSimulator(
    {
      ...site,
      projects: [...site.projects, BULK],
      issues: [...site.issues, ...BULK_KEYS.map((_, i) => bulkIssue(i + 1))],
    },
    { requestLogSize: 5 },
  );
});

/** The `key` of each issue of a search answer, undefined where an entry has none. */
function entryKeys(body: unknown): unknown[] {
  const issues = at(body, 'issues');
  if (!Array.isArray(issues)) throw new Error('no issues array');
  return issues.map((issue: unknown) => at(issue, 'key'));
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

afterAll(async () => {
  await sim.stop();
});

beforeEach(() => {
  sim.faults.reset();
  sim.stats.reset();
});

const MYSELF = '/rest/api/3/myself';
const SEARCH = '/rest/api/3/search/jql';

describe('injected 429s', () => {
  it('answers N requests with 429 and Retry-After, then recovers', async () => {
    sim.faults.rateLimit(2, 7);
    const first = await call(sim.url, USERS.alice, MYSELF);
    const second = await call(sim.url, USERS.alice, MYSELF);
    const third = await call(sim.url, USERS.alice, MYSELF);
    expect([first.status, second.status, third.status]).toStrictEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body).toStrictEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
  });

  it('limits the fault to a path prefix', async () => {
    sim.faults.rateLimit(1, 1, { pathPrefix: '/rest/api/3/search' });
    expect((await call(sim.url, USERS.alice, MYSELF)).status).toBe(200);
    expect((await call(sim.url, USERS.alice, SEARCH + qs({ jql: 'project = ISMS' }))).status).toBe(429);
    expect((await call(sim.url, USERS.alice, SEARCH + qs({ jql: 'project = ISMS' }))).status).toBe(200);
  });

  it('fails before authentication, like Jira’s edge', async () => {
    sim.faults.rateLimit(1, 1);
    expect((await call(sim.url, 'anonymous', MYSELF)).status).toBe(429);
  });
});

describe('injected server errors', () => {
  it.each([500, 503] as const)('answers N requests with %d', async (status) => {
    sim.faults.serverError(2, { status });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(sim.url, USERS.alice, MYSELF)).status);
    expect(statuses).toStrictEqual([status, status, 200]);
  });

  it('applies queued faults in order', async () => {
    sim.faults.serverError(1);
    sim.faults.rateLimit(1, 2);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(sim.url, USERS.alice, MYSELF)).status);
    expect(statuses).toStrictEqual([500, 429, 200]);
  });

  it('reset clears pending faults', async () => {
    sim.faults.serverError(5);
    sim.faults.reset();
    expect((await call(sim.url, USERS.alice, MYSELF)).status).toBe(200);
  });

  it('rejects nonsense fault settings', () => {
    expect(() => sim.faults.serverError(0)).toThrow(RangeError);
    expect(() => sim.faults.rateLimit(1, -1)).toThrow(RangeError);
    expect(() => sim.faults.setLatency(-5)).toThrow(RangeError);
    expect(() => sim.faults.setLatency(5, { afterRequests: 1.5 })).toThrow(RangeError);
    expect(() => sim.faults.dropKeys(0)).toThrow(RangeError);
    expect(() => sim.faults.repeatPage(-1)).toThrow(RangeError);
    expect(() => sim.faults.deleteIssue('')).toThrow(RangeError);
  });
});

describe('injected latency', () => {
  it('delays matching responses only', async () => {
    sim.faults.setLatency(300, { pathPrefix: '/rest/api/3/myself' });
    let started = performance.now();
    expect((await call(sim.url, USERS.alice, MYSELF)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    started = performance.now();
    await call(sim.url, USERS.alice, '/rest/api/3/field');
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('injected latency after some requests', () => {
  it('lets the first N matching requests through at full speed', async () => {
    sim.faults.setLatency(300, { pathPrefix: MYSELF, afterRequests: 1 });
    let started = performance.now();
    await call(sim.url, USERS.alice, MYSELF);
    expect(performance.now() - started).toBeLessThan(250);
    started = performance.now();
    await call(sim.url, USERS.alice, MYSELF);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('ends a slow answer when the caller hangs up, and logs it as 499', async () => {
    sim.faults.setLatency(30_000, { pathPrefix: MYSELF });
    await expect(
      fetch(`${sim.url}${MYSELF}`, { headers: { [ACCOUNT_ID_HEADER]: USERS.alice }, signal: AbortSignal.timeout(50) }),
    ).rejects.toThrow();
    // The simulator hears of it at once, not 30 s later.
    await waitFor(() => sim.stats.requests.length > 0);
    expect(sim.stats.requests).toMatchObject([{ path: MYSELF, status: 499 }]);
  });
});

const keyPage = (extra: Record<string, unknown> = {}) => ({
  json: { jql: 'project = BULK ORDER BY key ASC', fields: ['key'], maxResults: 4, ...extra },
});

describe('injected search page faults', () => {
  it('sends the next page with its first entries missing their key, once', async () => {
    sim.faults.dropKeys(2);
    const faulty = await call(sim.url, USERS.alice, SEARCH, keyPage());
    expect(entryKeys(faulty.body)).toStrictEqual([undefined, undefined, 'BULK-3', 'BULK-4']);
    expect(entryKeys((await call(sim.url, USERS.alice, SEARCH, keyPage())).body)).toStrictEqual(BULK_KEYS.slice(0, 4));
  });

  it('sends a nextPageToken that does not advance: the same page again, N times', async () => {
    sim.faults.repeatPage(2, { afterRequests: 1 });
    const first = await call(sim.url, USERS.alice, SEARCH, keyPage());
    const token = at(first.body, 'nextPageToken');
    const again = await call(sim.url, USERS.alice, SEARCH, keyPage({ nextPageToken: token }));
    const still = await call(sim.url, USERS.alice, SEARCH, keyPage({ nextPageToken: at(again.body, 'nextPageToken') }));
    expect(entryKeys(again.body)).toStrictEqual(BULK_KEYS.slice(4, 8));
    expect(entryKeys(still.body)).toStrictEqual(BULK_KEYS.slice(4, 8));
    expect(at(still.body, 'isLast')).toBe(false);
    const moved = await call(sim.url, USERS.alice, SEARCH, keyPage({ nextPageToken: at(still.body, 'nextPageToken') }));
    expect(entryKeys(moved.body)).toStrictEqual(BULK_KEYS.slice(4, 8));
    const next = await call(sim.url, USERS.alice, SEARCH, keyPage({ nextPageToken: at(moved.body, 'nextPageToken') }));
    expect(entryKeys(next.body)).toStrictEqual(BULK_KEYS.slice(8, 12));
  });

  it('leaves other paths alone by default', async () => {
    sim.faults.repeatPage(1);
    expect((await call(sim.url, USERS.alice, MYSELF)).status).toBe(200);
    const first = await call(sim.url, USERS.alice, SEARCH, keyPage());
    const again = await call(sim.url, USERS.alice, SEARCH, keyPage({ nextPageToken: at(first.body, 'nextPageToken') }));
    expect(entryKeys(again.body)).toStrictEqual(BULK_KEYS.slice(0, 4));
  });
});

describe('an issue deleted part way', () => {
  afterEach(() => {
    if (!sim.site().issues.some((i) => i.key === 'BULK-2')) sim.addIssue(bulkIssue(2));
  });

  it('is there for the first N matching requests, then gone, and Jira names it in a key search', async () => {
    sim.faults.deleteIssue('BULK-2', { pathPrefix: SEARCH, afterRequests: 1 });
    const byKey = { json: { jql: 'project = BULK AND key in ("BULK-1", "BULK-2")', fields: ['key'] } };
    expect(entryKeys((await call(sim.url, USERS.alice, SEARCH, byKey)).body)).toStrictEqual(['BULK-2', 'BULK-1']);
    expect((await call(sim.url, USERS.alice, '/rest/api/3/issue/BULK-2')).status).toBe(200);
    const after = await call(sim.url, USERS.alice, SEARCH, byKey);
    expect(after).toMatchObject({
      status: 400,
      body: { errorMessages: ["An issue with key 'BULK-2' does not exist for field 'key'."], errors: {} },
    });
    expect((await call(sim.url, USERS.alice, '/rest/api/3/issue/BULK-2')).status).toBe(404);
  });

  it('is a no-op for an issue already gone', async () => {
    sim.faults.deleteIssue('BULK-99');
    expect((await call(sim.url, USERS.alice, MYSELF)).status).toBe(200);
  });
});

describe('a project changed part way', () => {
  afterEach(() => sim.updateProject('OPS', { browsers: [USERS.alice, USERS.bob, USERS.padmin] }));

  it('is as it was for the first N matching requests, then changed before the next is answered', async () => {
    sim.faults.changeProject(
      'OPS',
      { browsers: [USERS.bob] },
      { pathPrefix: '/rest/api/3/project/', afterRequests: 1 },
    );
    expect((await call(sim.url, USERS.alice, '/rest/api/3/project/OPS')).status).toBe(200);
    // Another path is not a matching request: nothing changes yet.
    expect((await call(sim.url, USERS.alice, MYSELF)).status).toBe(200);
    expect((await call(sim.url, USERS.alice, '/rest/api/3/project/OPS')).status).toBe(404);
    expect(sim.site().projects.find((p) => p.key === 'OPS')?.browsers).toStrictEqual([USERS.bob]);
    expect((await call(sim.url, USERS.bob, '/rest/api/3/project/OPS')).status).toBe(200);
  });

  it('is a no-op for a project the site does not have, and reset() drops a pending change', async () => {
    sim.faults.changeProject('NOPE', { browsers: [] });
    expect((await call(sim.url, USERS.alice, MYSELF)).status).toBe(200);
    sim.faults.changeProject('OPS', { browsers: [] });
    sim.faults.reset();
    expect((await call(sim.url, USERS.alice, '/rest/api/3/project/OPS')).status).toBe(200);
    expect(() => sim.faults.changeProject('', {})).toThrow(RangeError);
  });
});

describe('request statistics', () => {
  it('counts requests in total and per path, including failed ones', async () => {
    sim.faults.serverError(1);
    await call(sim.url, USERS.alice, MYSELF);
    await call(sim.url, USERS.alice, MYSELF);
    await call(sim.url, 'app', SEARCH + qs({ jql: 'project = ISMS' }));
    expect(sim.stats.total).toBe(3);
    expect(sim.stats.count(MYSELF)).toBe(2);
    expect(sim.stats.byPath).toStrictEqual({ [MYSELF]: 2, [SEARCH]: 1 });
  });

  it('logs method, path, query and caller of recent requests, bounded', async () => {
    await call(sim.url, USERS.bob, SEARCH + qs({ jql: 'project = ISMS', fields: ['summary', 'labels'] }));
    await call(sim.url, 'app', '/rest/api/3/search/approximate-count', { json: { jql: 'project = ISMS' } });
    expect(sim.stats.requests).toStrictEqual([
      {
        method: 'GET',
        path: SEARCH,
        query: { jql: ['project = ISMS'], fields: ['summary', 'labels'] },
        accountId: USERS.bob,
        asApp: false,
        status: 200,
      },
      {
        method: 'POST',
        path: '/rest/api/3/search/approximate-count',
        query: {},
        accountId: null,
        asApp: true,
        status: 200,
      },
    ]);
    for (let i = 0; i < 6; i += 1) await call(sim.url, USERS.alice, `/rest/api/3/issue/ISMS-${i + 1}`);
    expect(sim.stats.requests).toHaveLength(5);
    expect(sim.stats.total).toBe(8);
  });
});

describe('faults reach the routes of spec section 8', () => {
  const CHANGELOG = '/rest/api/3/changelog/bulkfetch';
  const changelogOf = (keys: string[], extra: Record<string, unknown> = {}) => ({
    json: { issueIdsOrKeys: keys, fieldIds: ['status'], maxResults: 2, ...extra },
  });

  it.each<[string, string, { json?: unknown }, (scope: { pathPrefix: string }) => void, number]>([
    ['the changelog bulk fetch', CHANGELOG, changelogOf(['BULK-1']), (scope) => sim.faults.rateLimit(1, 3, scope), 429],
    [
      'remote links',
      '/rest/api/3/issue/ISMS-1/remotelink',
      {},
      (scope) => sim.faults.serverError(1, { ...scope, status: 503 }),
      503,
    ],
    [
      "a user's groups",
      '/rest/api/3/user/groups?accountId=acc-bob',
      {},
      (scope) => sim.faults.rateLimit(1, 3, scope),
      429,
    ],
    ['the group picker', '/rest/api/3/groups/picker?query=b', {}, (scope) => sim.faults.serverError(1, scope), 500],
    [
      'groups by id',
      '/rest/api/3/group/bulk?groupId=g',
      {},
      (scope) => sim.faults.serverError(1, { ...scope, status: 502 }),
      502,
    ],
    [
      'the user picker',
      '/rest/api/3/user/picker?query=a',
      {},
      (scope) => sim.faults.serverError(1, { ...scope, status: 504 }),
      504,
    ],
    ['a user', '/rest/api/3/user?accountId=acc-bob', {}, (scope) => sim.faults.rateLimit(1, 3, scope), 429],
  ])(
    '%s: an injected failure is served once, in the error shape, then the real answer',
    async (_label, path, init, inject, status) => {
      inject({ pathPrefix: path.replace(/\?.*$/, '') });
      const failed = await call(sim.url, USERS.alice, path, init);
      expect(failed.status).toBe(status);
      expect(at(failed.body, 'errorMessages')).toHaveLength(1);
      if (status === 429) expect(failed.headers.get('retry-after')).toBe('3');
      expect((await call(sim.url, USERS.alice, path, init)).status).toBe(200);
    },
  );

  it('a bulk fetch page can repeat its own token, as search pages can', async () => {
    sim.faults.repeatPage(1, { pathPrefix: CHANGELOG });
    const keys = ['BULK-1', 'BULK-2', 'BULK-3'];
    const first = await call(sim.url, USERS.alice, CHANGELOG, changelogOf(keys));
    const again = await call(
      sim.url,
      USERS.alice,
      CHANGELOG,
      changelogOf(keys, { nextPageToken: at(first.body, 'nextPageToken') }),
    );
    // The faulty page's token pointed at itself: the same entries again, then the paging moves on.
    expect(at(again.body, 'issueChangeLogs')).toStrictEqual(at(first.body, 'issueChangeLogs'));
    const next = await call(
      sim.url,
      USERS.alice,
      CHANGELOG,
      changelogOf(keys, { nextPageToken: at(again.body, 'nextPageToken') }),
    );
    expect(at(next.body, 'issueChangeLogs', 0, 'issueId')).toBe('10005003');
    expect(at(next.body, 'nextPageToken')).toBeUndefined();
  });

  it('latency applies to them too', async () => {
    sim.faults.setLatency(300, { pathPrefix: CHANGELOG });
    const started = performance.now();
    expect((await call(sim.url, USERS.alice, CHANGELOG, changelogOf(['BULK-1']))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
