/**
 * The project pickers' Jira edge, run for real: @forge/api's asUser() through the local Forge runtime to the Jira
 * simulator's project search. A body Jira would never send comes from a stand-in server the runtime is pointed at
 * for that test alone.
 */
import { runInvocation, startLocalForge, type LocalForge } from '../../dev/runtime';
import { useStubJira } from '../support/stub-jira';
import { siteProject, siteUser } from '../../dev/simulator/site-builders';
import type { SiteData, SiteProject } from '../../dev/simulator/site-types';
import { Budget } from '../../src/jira/budget';
import { JiraClient } from '../../src/jira/client';
import { browsableProjects } from '../../src/jira/projects';
import { AppError } from '../../src/errors';

const ALICE = 'acc-alice';
const BOB = 'acc-bob';
const OUTSIDER = 'acc-outsider';
const SEARCH = '/rest/api/3/project/search';

function site(projects?: SiteProject[]): SiteData {
  return {
    users: [siteUser(ALICE), siteUser(BOB), siteUser(OUTSIDER)],
    projects: projects ?? [
      siteProject('ISMS', '10000', { name: 'Information Security', browsers: [ALICE, BOB] }),
      siteProject('OPS', '10001', { name: 'Operations', browsers: [ALICE] }),
      siteProject('HR', '10002', { name: 'Human Resources', browsers: [ALICE] }),
      siteProject('RD', '10003', { name: 'R&D Lab', browsers: [ALICE] }),
    ],
    securityLevels: [],
    fields: [],
    issues: [],
  };
}

/** `count` projects everyone browses: P001 "Project 001" and on. */
function manyProjects(count: number): SiteProject[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return siteProject(`P${n}`, String(20000 + i), { name: `Project ${n}` });
  });
}

let forge: LocalForge;
beforeAll(async () => {
  forge = await startLocalForge(site());
});
afterAll(() => forge.stop());
beforeEach(() => {
  forge.jira.replaceSite(site());
  forge.jira.faults.reset();
  forge.jira.stats.reset();
});

/**
 * Runs `work` as `accountId` with a client on a 5 s budget whose clock moves on by each retry's wait (taken in
 * full: no jitter), so a retry costs no real time and a failing Jira exhausts the budget as it would on Forge.
 */
function as<T>(accountId: string, work: (client: JiraClient) => Promise<T>): Promise<T> {
  let slept = 0;
  const budget = new Budget(5_000, () => Date.now() + slept);
  const client = new JiraClient({
    budget,
    sleep: (ms) => {
      slept += ms;
      return Promise.resolve();
    },
    random: () => 1,
  });
  return runInvocation(accountId, () => work(client));
}

/** The AppError `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The query parameters of each project search sent, oldest first. */
const searches = () => forge.jira.stats.requests.filter((r) => r.path === SEARCH).map((r) => r.query);

describe('browsableProjects', () => {
  test('the projects the user browses, key and name, by name', async () => {
    expect(await as(ALICE, (client) => browsableProjects(client, ''))).toStrictEqual([
      { key: 'HR', name: 'Human Resources' },
      { key: 'ISMS', name: 'Information Security' },
      { key: 'OPS', name: 'Operations' },
      { key: 'RD', name: 'R&D Lab' },
    ]);
    expect(await as(BOB, (client) => browsableProjects(client, ''))).toStrictEqual([
      { key: 'ISMS', name: 'Information Security' },
    ]);
    expect(await as(OUTSIDER, (client) => browsableProjects(client, ''))).toStrictEqual([]);
    // Asked as the user, never as the app.
    expect(forge.jira.stats.requests.map((r) => [r.accountId, r.asApp])).toStrictEqual([
      [ALICE, false],
      [BOB, false],
      [OUTSIDER, false],
    ]);
  });

  test('a blank query is not sent; any other is, trimmed', async () => {
    await as(ALICE, (client) => browsableProjects(client, '   '));
    await as(ALICE, (client) => browsableProjects(client, ' sec '));
    expect(searches()).toStrictEqual([
      { orderBy: ['name'], startAt: ['0'], maxResults: ['50'] },
      { query: ['sec'], orderBy: ['name'], startAt: ['0'], maxResults: ['50'] },
    ]);
  });

  test.each([
    ['part of a key', 'op', ['OPS']],
    ['part of a name, in another case', 'RESOURCES', ['HR']],
    ['a query that needs quoting', 'r&d', ['RD']],
    ['a query that finds nothing', 'zzz', []],
  ])('Jira filters by the query: %s', async (_label, query, keys) => {
    const found = await as(ALICE, (client) => browsableProjects(client, query));
    expect(found.map((p) => p.key)).toStrictEqual(keys);
  });

  test('the query never finds a project the user cannot browse', async () => {
    expect(await as(BOB, (client) => browsableProjects(client, 'hr'))).toStrictEqual([]);
  });

  test('at most `limit`, in one request of that size', async () => {
    const found = await as(ALICE, (client) => browsableProjects(client, '', 2));
    expect(found.map((p) => p.key)).toStrictEqual(['HR', 'ISMS']);
    expect(searches()).toStrictEqual([{ orderBy: ['name'], startAt: ['0'], maxResults: ['2'] }]);
  });

  describe('on a site with more projects than a page holds', () => {
    test('reads on past the first page of 100 to the last', async () => {
      forge.jira.replaceSite(site(manyProjects(120)));
      const found = await as(ALICE, (client) => browsableProjects(client, '', 120));
      expect(found).toHaveLength(120);
      expect(found[0]).toStrictEqual({ key: 'P001', name: 'Project 001' });
      expect(found[119]).toStrictEqual({ key: 'P120', name: 'Project 120' });
      expect(new Set(found.map((p) => p.key)).size).toBe(120);
      expect(searches().map((q) => [q['startAt'], q['maxResults']])).toStrictEqual([
        [['0'], ['100']],
        [['100'], ['100']],
      ]);
    });

    test('stops at the last page when it holds fewer than the limit', async () => {
      forge.jira.replaceSite(site(manyProjects(120)));
      expect(await as(ALICE, (client) => browsableProjects(client, '', 1000))).toHaveLength(120);
      expect(searches()).toHaveLength(2);
    });

    test('the default limit is 50, one page', async () => {
      forge.jira.replaceSite(site(manyProjects(120)));
      const found = await as(ALICE, (client) => browsableProjects(client, ''));
      expect(found).toHaveLength(50);
      expect(found[49]).toStrictEqual({ key: 'P050', name: 'Project 050' });
      expect(searches()).toHaveLength(1);
    });

    test('reads at most 5 pages', async () => {
      forge.jira.replaceSite(site(manyProjects(600)));
      const found = await as(ALICE, (client) => browsableProjects(client, '', 1000));
      expect(found).toHaveLength(500);
      expect(found[499]).toStrictEqual({ key: 'P500', name: 'Project 500' });
      expect(searches()).toHaveLength(5);
    });

    test('pages of a query carry it on', async () => {
      forge.jira.replaceSite(site(manyProjects(120)));
      // "Project 0.." and "Project 1..": every project; the query is sent with each page.
      const found = await as(ALICE, (client) => browsableProjects(client, 'project', 110));
      expect(found).toHaveLength(110);
      expect(searches().map((q) => q['query'])).toStrictEqual([['project'], ['project']]);
    });
  });

  describe('when Jira fails', () => {
    test('a 500 is retried, and the read goes on', async () => {
      forge.jira.faults.serverError(1, { pathPrefix: SEARCH });
      expect(await as(BOB, (client) => browsableProjects(client, ''))).toStrictEqual([
        { key: 'ISMS', name: 'Information Security' },
      ]);
      expect(forge.jira.stats.requests.map((r) => r.status)).toStrictEqual([500, 200]);
    });

    test('500s until the budget is spent: JIRA_UNAVAILABLE after the retries', async () => {
      forge.jira.faults.serverError(100, { pathPrefix: SEARCH });
      const error = await failure(as(ALICE, (client) => browsableProjects(client, '')));
      expect(error).toMatchObject({
        code: 'JIRA_UNAVAILABLE',
        message: 'Jira is not answering right now. Try again in a minute.',
      });
      // Waits of 250, 500, 1000 and 2000 ms fit the 5 s budget; the fifth, 4000 ms, does not.
      expect(forge.jira.stats.requests.map((r) => r.status)).toStrictEqual([500, 500, 500, 500, 500]);
    });

    test('a 500 on a later page fails the read: no half a list', async () => {
      forge.jira.replaceSite(site(manyProjects(120)));
      forge.jira.faults.serverError(100, { pathPrefix: SEARCH, afterRequests: 1 });
      const error = await failure(as(ALICE, (client) => browsableProjects(client, '', 120)));
      expect(error.code).toBe('JIRA_UNAVAILABLE');
      expect(forge.jira.stats.requests[0]?.status).toBe(200);
    });

    test('a 429 is retried after Retry-After, and the read goes on', async () => {
      forge.jira.faults.rateLimit(1, 0, { pathPrefix: SEARCH });
      expect(await as(ALICE, (client) => browsableProjects(client, 'ops'))).toStrictEqual([
        { key: 'OPS', name: 'Operations' },
      ]);
      expect(forge.jira.stats.requests.map((r) => r.status)).toStrictEqual([429, 200]);
    });

    test('a refusal (a user Jira does not know: 401) is FORBIDDEN at once, not retried', async () => {
      const error = await failure(as('acc-nobody', (client) => browsableProjects(client, '')));
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'Jira does not let you read the projects.' });
      expect(forge.jira.stats.requests.map((r) => r.status)).toStrictEqual([401]);
    });
  });

  describe('an answer the app cannot read', () => {
    const { reply, replyText, seen } = useStubJira(() => forge);

    test.each([
      ['no values', { isLast: true, total: 0 }],
      ['values that are not a list', { values: { key: 'ISMS' }, isLast: true }],
      ['a list instead of a page', [{ key: 'ISMS', name: 'Information Security' }]],
      ['null', null],
    ])('%s: JIRA_UNAVAILABLE, saying so', async (_label, body) => {
      reply(body);
      const error = await failure(as(ALICE, (client) => browsableProjects(client, '')));
      expect(error).toMatchObject({
        code: 'JIRA_UNAVAILABLE',
        message: 'Jira answered the project search request with something the app cannot read.',
      });
      expect(seen).toHaveLength(1);
    });

    test('a body that is not JSON: JIRA_UNAVAILABLE', async () => {
      replyText('<html>Jira is down for maintenance</html>', 200);
      const error = await failure(as(ALICE, (client) => browsableProjects(client, '')));
      expect(error).toMatchObject({ code: 'JIRA_UNAVAILABLE', message: expect.stringContaining('not JSON') });
    });

    test('entries without a string key are skipped; one without a name is named by its key', async () => {
      reply({
        isLast: true,
        values: [
          { key: 'ISMS', name: 'Information Security' },
          { name: 'No key' },
          { key: 10001, name: 'Numeric key' },
          { key: '', name: 'Empty key' },
          null,
          'OPS',
          { key: 'HR' },
        ],
      });
      expect(await as(ALICE, (client) => browsableProjects(client, ''))).toStrictEqual([
        { key: 'ISMS', name: 'Information Security' },
        { key: 'HR', name: 'HR' },
      ]);
    });

    test('a page without isLast ends at total, and an empty page ends the read', async () => {
      reply({
        total: 2,
        values: [
          { key: 'A', name: 'A' },
          { key: 'B', name: 'B' },
        ],
      });
      expect(await as(ALICE, (client) => browsableProjects(client, '', 5))).toHaveLength(2);
      expect(seen).toHaveLength(1);
      seen.length = 0;
      reply({ isLast: false, values: [] });
      expect(await as(ALICE, (client) => browsableProjects(client, '', 5))).toStrictEqual([]);
      expect(seen).toHaveLength(1);
    });

    test('a Jira that never says a page is the last is read 5 pages and no more', async () => {
      reply({ isLast: false, values: [{ key: 'SAME', name: 'Same' }] });
      expect(await as(ALICE, (client) => browsableProjects(client, '', 10))).toHaveLength(5);
      expect(seen.map((url) => new URL(url, 'http://x').searchParams.get('startAt'))).toStrictEqual([
        '0',
        '1',
        '2',
        '3',
        '4',
      ]);
    });
  });
});
