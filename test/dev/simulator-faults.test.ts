import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { fixtureSite, USERS } from './support/fixture-site';
import { call, qs } from './support/sim-client';

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(fixtureSite(), { requestLogSize: 5 });
});

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
