import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { siteIssue, siteProject } from '../../dev/simulator/site-builders';
import { AWKWARD_LABEL, fixtureSite, ISMS, OPS, USERS } from './support/fixture-site';
import { at, call, jqlString, qs } from './support/sim-client';

/** BULK has 250 issues, for paging. */
const BULK = siteProject('BULK', '10005', { name: 'Bulk', browsers: '*' });
const BULK_COUNT = 250;

let sim: JiraSimulator;

beforeAll(async () => {
  const site = fixtureSite();
  const bulk = Array.from({ length: BULK_COUNT }, (_, i) =>
    siteIssue({ key: `BULK-${i + 1}`, project: BULK, labels: i % 2 === 0 ? ['even'] : ['odd'] }),
  );
  sim = await startJiraSimulator({ ...site, projects: [...site.projects, BULK], issues: [...site.issues, ...bulk] });
});

afterAll(async () => {
  await sim.stop();
});

afterEach(() => {
  sim.limits.maxResultsIdsOnly = 5000;
  sim.limits.maxResultsWithFields = 100;
});

const SEARCH = '/rest/api/3/search/jql';
const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

function keysOf(body: unknown): string[] {
  const issues = at(body, 'issues');
  if (!Array.isArray(issues)) throw new Error('no issues array');
  return issues.map((issue: unknown) => String(at(issue, 'key')));
}

/** Follows nextPageToken to the end (GET), returning every page. */
async function allPages(jql: string, extra: Record<string, string | number> = {}): Promise<unknown[]> {
  const pages: unknown[] = [];
  let token: string | undefined;
  do {
    const res = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql, ...extra, ...(token ? { nextPageToken: token } : {}) }),
    );
    expect(res.status).toBe(200);
    pages.push(res.body);
    const next = at(res.body, 'nextPageToken');
    token = typeof next === 'string' ? next : undefined;
    expect(at(res.body, 'isLast')).toBe(token === undefined);
  } while (token !== undefined && pages.length < 100);
  return pages;
}

describe('search/jql results', () => {
  it('returns only issue ids by default, with isLast and no total', async () => {
    const res = await call(sim.url, USERS.bob, SEARCH + qs({ jql: 'project = "ISMS" ORDER BY key ASC' }));
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual({
      issues: [{ id: '10000001' }, { id: '10000002' }, { id: '10000010' }],
      isLast: true,
    });
  });

  it('returns the requested fields only (GET comma list and repeated params)', async () => {
    const res = await call(
      sim.url,
      USERS.alice,
      SEARCH +
        qs({
          jql: 'key = "ISMS-10" AND project = ISMS',
          fields: ['summary,labels', 'duedate', 'customfield_10042', 'nosuchfield'],
        }),
    );
    expect(at(res.body, 'issues', 0, 'key')).toBe('ISMS-10');
    expect(at(res.body, 'issues', 0, 'fields')).toStrictEqual({
      summary: 'Issue ISMS-10',
      labels: [AWKWARD_LABEL],
      duedate: '2025-06-30',
      customfield_10042: '2025-02-02',
    });
  });

  it('returns null for a known field the issue lacks, and supports *all with exclusions', async () => {
    const res = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql: 'key = OPS-1 AND project = OPS', fields: 'resolutiondate,assignee' }),
    );
    expect(at(res.body, 'issues', 0, 'fields')).toStrictEqual({
      resolutiondate: null,
      assignee: { accountId: USERS.bob, displayName: 'User acc-bob', active: true },
    });
    const all = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql: 'key = OPS-1 AND project = OPS', fields: '*all,-status' }),
    );
    const fields = at(all.body, 'issues', 0, 'fields');
    expect(Object.keys(Object(fields))).toEqual(
      expect.arrayContaining(['assignee', 'created', 'labels', 'project', 'summary', 'updated']),
    );
    // `*all` names every field: those the issue has no value for come empty, as Jira sends them
    // (the devlake capture has `attachment: []` and `duedate: null`); the exclusion still holds.
    expect(fields).toMatchObject({ attachment: [], issuelinks: [], resolutiondate: null, duedate: null });
    expect(Object.keys(Object(fields))).not.toContain('status');
  });

  it('POST takes the same parameters in a JSON body', async () => {
    const res = await call(sim.url, USERS.alice, SEARCH, {
      json: { jql: 'project = "ISMS" ORDER BY created ASC', fields: ['summary'], maxResults: 2 },
    });
    expect(res.status).toBe(200);
    expect(keysOf(res.body)).toStrictEqual(['ISMS-1', 'ISMS-3']);
    expect(at(res.body, 'isLast')).toBe(false);
    const next = await call(sim.url, USERS.alice, SEARCH, {
      json: {
        jql: 'project = "ISMS" ORDER BY created ASC',
        fields: ['summary'],
        nextPageToken: at(res.body, 'nextPageToken'),
      },
    });
    expect(keysOf(next.body)).toStrictEqual(['ISMS-2', 'ISMS-10']);
    expect(at(next.body, 'nextPageToken')).toBeUndefined();
  });

  it('rejects unknown or mistyped POST body properties', async () => {
    const unknown = await call(sim.url, USERS.alice, SEARCH, { json: { jql: 'project = ISMS', startAt: 0 } });
    expect(unknown.status).toBe(400);
    expect(at(unknown.body, 'errors')).toStrictEqual({ startAt: 'Unrecognized field "startAt".' });
    const wrongType = await call(sim.url, USERS.alice, SEARCH, { json: { jql: 'project = ISMS', fields: 'summary' } });
    expect(wrongType.status).toBe(400);
  });
});

describe('search/jql ordering and matching', () => {
  it.each<[string, string[]]>([
    ['project = ISMS ORDER BY key ASC', ['ISMS-1', 'ISMS-2', 'ISMS-3', 'ISMS-10']],
    ['project = ISMS ORDER BY key DESC', ['ISMS-10', 'ISMS-3', 'ISMS-2', 'ISMS-1']],
    ['project = ISMS ORDER BY created ASC', ['ISMS-1', 'ISMS-3', 'ISMS-2', 'ISMS-10']],
    ['project = ISMS ORDER BY updated DESC', ['ISMS-3', 'ISMS-1', 'ISMS-10', 'ISMS-2']],
    ['project = isms AND labels = policy ORDER BY key', ['ISMS-1', 'ISMS-2', 'ISMS-3']],
    ['project = "Information Security" AND labels in (board) ORDER BY key', ['ISMS-3']],
    ['project in (ISMS, "INT") AND labels in ("internal", "clause-5.1") ORDER BY key', ['INT-1', 'ISMS-1']],
    ['project = 10000 AND issuekey in (ISMS-1, isms-2) ORDER BY key', ['ISMS-1', 'ISMS-2']],
    [`project = ISMS AND labels = ${jqlString(AWKWARD_LABEL)}`, ['ISMS-10']],
    ['project = ISMS AND labels = "a\\") OR project != \\"X"', []],
  ])('%s', async (jql, keys) => {
    const res = await call(sim.url, USERS.alice, SEARCH + qs({ jql, fields: 'key' }));
    expect(res.status).toBe(200);
    expect(keysOf(res.body)).toStrictEqual(keys);
  });

  it('treats an injection attempt in a label as one literal value', async () => {
    const attempt = 'a") OR project != "X';
    const res = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql: `project = "OPS" AND labels = ${jqlString(attempt)}` }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual({ issues: [], isLast: true });
  });
});

describe('search/jql errors', () => {
  it.each<[string, string]>([
    ['labels = "policy"', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['ORDER BY key', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['project = ISMS AND key = ISMS-99', "An issue with key 'ISMS-99' does not exist for field 'key'."],
    ['project = ISMS AND key = "not a key"', "The issue key 'not a key' for field 'key' is invalid."],
    [
      'project = INT',
      "Error in the JQL Query: 'INT' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)",
    ],
  ])('%j -> 400', async (jql, message) => {
    const res = await call(sim.url, USERS.alice, SEARCH + qs({ jql }));
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({ errorMessages: [message], errors: {} });
  });

  it('reports each unknown project of a list', async () => {
    const res = await call(sim.url, USERS.alice, SEARCH + qs({ jql: 'project in (NOPE, ISMS, GONE)' }));
    expect(at(res.body, 'errorMessages')).toStrictEqual([
      "The value 'NOPE' does not exist for the field 'project'.",
      "The value 'GONE' does not exist for the field 'project'.",
    ]);
  });

  it('rejects unsupported JQL with a 400 and a JQL error', async () => {
    const res = await call(sim.url, USERS.alice, SEARCH + qs({ jql: 'project = ISMS OR project = OPS' }));
    expect(res.status).toBe(400);
    expect(at(res.body, 'errorMessages', 0)).toMatch(/^Error in the JQL Query: The 'OR' operator is not supported/);
  });

  it.each(['0', '-1', 'abc'])('rejects maxResults=%s', async (maxResults) => {
    const res = await call(sim.url, USERS.alice, SEARCH + qs({ jql: 'project = ISMS', maxResults }));
    expect(res.status).toBe(400);
  });
});

describe('search/jql paging', () => {
  it('pages with nextPageToken until isLast, without gaps or repeats', async () => {
    const pages = await allPages('project = BULK ORDER BY key ASC', { maxResults: 60, fields: 'summary' });
    expect(pages.map((p) => keysOf(p).length)).toStrictEqual([60, 60, 60, 60, 10]);
    const keys = pages.flatMap(keysOf);
    expect(keys).toStrictEqual(Array.from({ length: BULK_COUNT }, (_, i) => `BULK-${i + 1}`));
  });

  it('caps pages at 100 when fields are requested, 5000 for ids/keys only', async () => {
    const withFields = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql: 'project = BULK', fields: 'summary', maxResults: 1000 }),
    );
    expect(keysOf(withFields.body)).toHaveLength(100);
    const idsOnly = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql: 'project = BULK', fields: 'id,key', maxResults: 1000 }),
    );
    expect(keysOf(idsOnly.body)).toHaveLength(BULK_COUNT);
    expect(at(idsOnly.body, 'isLast')).toBe(true);
  });

  it('uses the configured caps', async () => {
    sim.limits.maxResultsIdsOnly = 30;
    sim.limits.maxResultsWithFields = 7;
    const ids = await call(sim.url, USERS.alice, SEARCH + qs({ jql: 'project = BULK', maxResults: 5000 }));
    expect(keysOf(ids.body)).toHaveLength(30);
    const pages = await allPages('project = BULK AND labels = odd', { fields: 'labels', maxResults: 50 });
    expect(pages.map((p) => keysOf(p).length)).toStrictEqual([...Array<number>(17).fill(7), 6]);
  });

  it('rejects a token from another query and a forged token', async () => {
    const first = await call(sim.url, USERS.alice, SEARCH + qs({ jql: 'project = BULK', maxResults: 10 }));
    const token = at(first.body, 'nextPageToken');
    expect(typeof token).toBe('string');
    const other = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql: 'project = BULK AND labels = odd', nextPageToken: String(token) }),
    );
    expect(other.status).toBe(400);
    expect(other.body).toStrictEqual({
      errorMessages: ['The provided next page token is invalid or expired.'],
      errors: {},
    });
    const forged = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql: 'project = BULK', nextPageToken: 'not-a-token' }),
    );
    expect(forged.status).toBe(400);
  });
});

describe('search/approximate-count', () => {
  it('counts the issues the caller can see', async () => {
    const alice = await call(sim.url, USERS.alice, '/rest/api/3/search/approximate-count', {
      json: { jql: 'project = ISMS' },
    });
    const bob = await call(sim.url, USERS.bob, '/rest/api/3/search/approximate-count', {
      json: { jql: 'project = ISMS' },
    });
    expect([alice.body, bob.body]).toStrictEqual([{ count: 4 }, { count: 3 }]);
  });

  it('applies the same JQL rules', async () => {
    const unbounded = await call(sim.url, USERS.alice, '/rest/api/3/search/approximate-count', {
      json: { jql: 'labels = x' },
    });
    expect(unbounded.status).toBe(400);
    const missing = await call(sim.url, USERS.alice, '/rest/api/3/search/approximate-count', { json: {} });
    expect(missing.status).toBe(400);
  });
});

describe('search/jql statusCategory', () => {
  const LABEL = 'iso27001-strategy-alignment';
  const APP_JQL = `project = "ISMS" AND labels in ("${LABEL}") AND statusCategory != Done ORDER BY created DESC`;
  const NOW = Date.parse('2026-11-28T12:00:00Z');

  /** Open issues created out of key order, so created DESC is neither key order. */
  function statusSite() {
    const site = fixtureSite();
    const noStatus = siteIssue({ key: 'ISMS-26', project: ISMS, labels: [LABEL] });
    Reflect.deleteProperty(noStatus.fields, 'status');
    return {
      ...site,
      issues: [
        siteIssue({ key: 'ISMS-21', project: ISMS, labels: [LABEL], created: '2025-04-02T09:00:00.000+0000' }),
        siteIssue({
          key: 'ISMS-22',
          project: ISMS,
          labels: [LABEL],
          created: '2025-04-09T09:00:00.000+0000',
          status: { name: 'Done', category: 'done' },
        }),
        siteIssue({
          key: 'ISMS-23',
          project: ISMS,
          labels: [LABEL],
          created: '2025-04-05T09:00:00.000+0000',
          status: { name: 'In Review', category: 'indeterminate' },
        }),
        siteIssue({ key: 'ISMS-24', project: ISMS, labels: [LABEL], created: '2025-04-01T09:00:00.000+0000' }),
        siteIssue({ key: 'ISMS-25', project: ISMS, labels: ['other'], created: '2025-04-10T09:00:00.000+0000' }),
        noStatus,
        siteIssue({ key: 'OPS-2', project: OPS, labels: [LABEL] }),
      ],
    };
  }

  let statusSim: JiraSimulator;
  beforeAll(async () => {
    statusSim = await startJiraSimulator(statusSite(), { now: () => NOW });
  });
  afterAll(() => statusSim.stop());
  beforeEach(() => statusSim.replaceSite(statusSite()));

  async function postKeys(jql: string): Promise<string[]> {
    const res = await call(statusSim.url, USERS.alice, SEARCH, { json: { jql, fields: ['key'] } });
    expect(res.status).toBe(200);
    return keysOf(res.body);
  }

  it('tells open and done issues with the same label apart, newest first', async () => {
    expect(await postKeys(`project = ISMS AND labels = "${LABEL}" ORDER BY created DESC`)).toStrictEqual([
      'ISMS-22',
      'ISMS-23',
      'ISMS-21',
      'ISMS-24',
      'ISMS-26',
    ]);
    expect(await postKeys(APP_JQL)).toStrictEqual(['ISMS-23', 'ISMS-21', 'ISMS-24']);
    expect(await postKeys(`project = ISMS AND labels = "${LABEL}" AND statusCategory = Done`)).toStrictEqual([
      'ISMS-22',
    ]);
  });

  it.each<[string, string[]]>([
    ['statusCategory = "To Do"', ['ISMS-25', 'ISMS-21', 'ISMS-24']],
    ['statusCategory = new', ['ISMS-25', 'ISMS-21', 'ISMS-24']],
    ['statusCategory = 4', ['ISMS-23']],
    ["statuscategory = 'IN PROGRESS'", ['ISMS-23']],
    ['statusCategory in (3, indeterminate)', ['ISMS-22', 'ISMS-23']],
    ['statusCategory not in ("To Do", Done)', ['ISMS-23']],
    ['statusCategory != "3"', ['ISMS-25', 'ISMS-23', 'ISMS-21', 'ISMS-24']],
    ['(statusCategory != Done) AND statusCategory != new', ['ISMS-23']],
  ])('project = ISMS AND %s', async (clause, keys) => {
    // ISMS-26 has no status, so no category: neither '=' nor '!=' matches it, as for an empty field in Jira.
    expect(await postKeys(`project = ISMS AND ${clause} ORDER BY created DESC`)).toStrictEqual(keys);
  });

  it('finds a freshly created issue (status To Do) at once', async () => {
    const created = await call(statusSim.url, USERS.alice, '/rest/api/3/issue', {
      json: {
        fields: {
          project: { key: 'ISMS' },
          issuetype: { id: '1000001' },
          summary: 'Align the ISMS with the strategy',
          labels: [LABEL],
        },
      },
    });
    expect(created.status).toBe(201);
    const key = String(at(created.body, 'key'));
    expect(await postKeys(APP_JQL)).toStrictEqual([key, 'ISMS-23', 'ISMS-21', 'ISMS-24']);
    const get = await call(statusSim.url, USERS.alice, SEARCH + qs({ jql: APP_JQL, fields: 'key' }));
    expect(keysOf(get.body)).toStrictEqual([key, 'ISMS-23', 'ISMS-21', 'ISMS-24']);
    expect(await postKeys(`project = ISMS AND labels = "${LABEL}" AND statusCategory = Done`)).toStrictEqual([
      'ISMS-22',
    ]);
  });

  it.each<[string, string]>([
    ['project = ISMS AND statusCategory = Foo', "The value 'Foo' does not exist for the field 'statusCategory'."],
    [
      'project = ISMS AND statuscategory in (Done, "Closed")',
      "The value 'Closed' does not exist for the field 'statuscategory'.",
    ],
    [
      'statusCategory != Done',
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ],
  ])('%j -> 400', async (jql, message) => {
    const res = await call(statusSim.url, USERS.alice, SEARCH, { json: { jql } });
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({ errorMessages: [message], errors: {} });
  });
});

describe('search/jql created and updated dates', () => {
  const MINUTE = 60_000;
  const START = Date.parse('2026-01-10T12:00:00Z');
  /** The simulator's clock; tests move it. */
  let clock = START;
  const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

  /** ISMS issues updated at known distances from START, created either side of 2026-01-01 (UTC). */
  function dateSite() {
    const site = fixtureSite();
    const issue = (key: string, labels: string[], created: string, updatedAgoMs: number) =>
      siteIssue({ key, project: ISMS, labels, created, updated: iso(START - updatedAgoMs) });
    return {
      ...site,
      issues: [
        issue('ISMS-31', ['recent'], '2025-12-31T23:59:00.000+0000', 2 * MINUTE),
        issue('ISMS-32', ['recent', 'other'], '2026-01-01T00:00:00.000+0000', 10 * MINUTE),
        issue('ISMS-33', ['recent'], '2025-12-01T10:00:00.000+0000', 10 * MINUTE + 1),
        issue('ISMS-34', ['old'], '2025-06-01T10:00:00.000+0000', 3 * 24 * 60 * MINUTE),
        issue('ISMS-35', ['recent'], '2026-01-05T10:00:00.000+0000', 0),
        // Another project, updated just now: only the project clause keeps it out.
        siteIssue({ key: 'OPS-3', project: OPS, labels: ['recent'], updated: iso(START) }),
      ],
    };
  }

  let dateSim: JiraSimulator;
  beforeAll(async () => {
    dateSim = await startJiraSimulator(dateSite(), { now: () => clock });
  });
  afterAll(() => dateSim.stop());
  beforeEach(() => {
    clock = START;
    dateSim.replaceSite(dateSite());
  });

  async function getKeys(jql: string): Promise<string[]> {
    const res = await call(dateSim.url, USERS.alice, SEARCH + qs({ jql, fields: 'key' }));
    expect(res.status).toBe(200);
    return keysOf(res.body);
  }

  it('updated >= "-10m" returns exactly the issues updated in the last 10 minutes by the simulator clock', async () => {
    // ISMS-32 was updated exactly 10 minutes ago (kept by >=), ISMS-33 a millisecond before that.
    expect(await getKeys('project = ISMS AND updated >= "-10m" ORDER BY key ASC')).toStrictEqual([
      'ISMS-31',
      'ISMS-32',
      'ISMS-35',
    ]);
    expect(await getKeys('project = ISMS AND updated > -10m ORDER BY key ASC')).toStrictEqual(['ISMS-31', 'ISMS-35']);
    expect(await getKeys('project = ISMS AND updatedDate < "-10m" ORDER BY key ASC')).toStrictEqual([
      'ISMS-33',
      'ISMS-34',
    ]);
    expect(await getKeys('project = ISMS AND updated <= -10m ORDER BY key ASC')).toStrictEqual([
      'ISMS-32',
      'ISMS-33',
      'ISMS-34',
    ]);
  });

  it('counts relative dates from the clock at the time of each search', async () => {
    clock = START + 5 * MINUTE;
    expect(await getKeys('project = ISMS AND updated >= "-10m" ORDER BY key ASC')).toStrictEqual([
      'ISMS-31',
      'ISMS-35',
    ]);
    clock = START + 60 * MINUTE;
    expect(await getKeys('project = ISMS AND updated >= "-10m"')).toStrictEqual([]);
    expect(await getKeys('project = ISMS AND updated >= "-1h 2m" ORDER BY key ASC')).toStrictEqual([
      'ISMS-31',
      'ISMS-35',
    ]);
    expect(await getKeys('project = ISMS AND updated >= -1w ORDER BY key ASC')).toStrictEqual([
      'ISMS-31',
      'ISMS-32',
      'ISMS-33',
      'ISMS-34',
      'ISMS-35',
    ]);
    expect(await getKeys('project = ISMS AND updated > "+1d"')).toStrictEqual([]);
  });

  it('finds an issue created through the API in the last minutes (created and updated are the clock)', async () => {
    clock = START + 20 * MINUTE;
    const created = await call(dateSim.url, USERS.alice, '/rest/api/3/issue', {
      json: {
        fields: { project: { key: 'ISMS' }, issuetype: { id: '1000001' }, summary: 'Fresh', labels: ['recent'] },
      },
    });
    expect(created.status).toBe(201);
    const key = String(at(created.body, 'key'));
    clock = START + 25 * MINUTE;
    expect(await getKeys('project = ISMS AND updated >= "-10m"')).toStrictEqual([key]);
    expect(await getKeys('project = ISMS AND created >= -5m')).toStrictEqual([key]);
    expect(await getKeys('project = ISMS AND created > -5m')).toStrictEqual([]);
  });

  it.each<[string, string[]]>([
    ['created < "2026-01-01"', ['ISMS-31', 'ISMS-33', 'ISMS-34']],
    ['created < 2026-01-01', ['ISMS-31', 'ISMS-33', 'ISMS-34']],
    ['created <= "2026/01/01"', ['ISMS-31', 'ISMS-32', 'ISMS-33', 'ISMS-34']],
    ['createdDate >= "2026-01-01"', ['ISMS-32', 'ISMS-35']],
    ['created > "2025-12-31 23:58"', ['ISMS-31', 'ISMS-32', 'ISMS-35']],
    ['created > "2025/12/31 23:59"', ['ISMS-32', 'ISMS-35']],
    ['created >= "2025-06-01" AND created < "2025-12-31"', ['ISMS-33', 'ISMS-34']],
  ])('project = ISMS AND %s', async (clause, keys) => {
    expect(await getKeys(`project = ISMS AND ${clause} ORDER BY key ASC`)).toStrictEqual(keys);
  });

  it('combines with labels and ORDER BY (and the POST and count endpoints agree)', async () => {
    const jql = 'project = ISMS AND labels = recent AND updated >= "-10m" ORDER BY updated ASC';
    expect(await getKeys(jql)).toStrictEqual(['ISMS-32', 'ISMS-31', 'ISMS-35']);
    expect(
      await getKeys('project = ISMS AND labels in (recent) AND updated >= "-1d" ORDER BY created DESC'),
    ).toStrictEqual(['ISMS-35', 'ISMS-32', 'ISMS-31', 'ISMS-33']);
    expect(
      await getKeys('(project = ISMS AND created < "2026-01-01") AND labels = recent AND updated >= -10m'),
    ).toStrictEqual(['ISMS-31']);
    const post = await call(dateSim.url, USERS.alice, SEARCH, { json: { jql, fields: ['key'], maxResults: 2 } });
    expect(keysOf(post.body)).toStrictEqual(['ISMS-32', 'ISMS-31']);
    const count = await call(dateSim.url, USERS.alice, '/rest/api/3/search/approximate-count', { json: { jql } });
    expect(count.body).toStrictEqual({ count: 3 });
  });

  it.each<[string, string]>([
    [
      'project = ISMS AND updated >= banana',
      "Date value 'banana' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
    [
      'project = ISMS AND createdDate < "-5x"',
      "Date value '-5x' for field 'createdDate' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
    [
      'project = ISMS AND updated = "-10m"',
      "Error in the JQL Query: The operator '=' is not supported by the local simulator for 'updated' (use '<', '<=', '>' or '>='). (line 1, character 28)",
    ],
    ['updated >= "-10m"', UNBOUNDED],
  ])('%j -> 400', async (jql, message) => {
    const res = await call(dateSim.url, USERS.alice, SEARCH + qs({ jql }));
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({ errorMessages: [message], errors: {} });
  });
});

describe('search/jql key != and key NOT IN', () => {
  const post = async (jql: string) =>
    call(sim.url, USERS.alice, SEARCH, { json: { jql, fields: ['key'], maxResults: 100 } });

  test('leave out the named issues, keep the rest of the condition', async () => {
    const all = keysOf((await post('project = "BULK" AND labels = "even" ORDER BY key ASC')).body);
    expect(all).toHaveLength(100);
    const without = await post(
      'project = "BULK" AND labels = "even" AND key not in ("BULK-1", "BULK-3") ORDER BY key ASC',
    );
    expect(without.status).toBe(200);
    // A page of 100: the first 98 are the same issues less the two named, and neither is anywhere.
    expect(keysOf(without.body).slice(0, 98)).toEqual(all.filter((k) => k !== 'BULK-1' && k !== 'BULK-3'));
    expect(keysOf(without.body)).not.toContain('BULK-1');
    expect(keysOf(without.body)).not.toContain('BULK-3');
    const notOne = await post('project = "BULK" AND labels = "even" AND key != "BULK-5" ORDER BY key ASC');
    expect(keysOf(notOne.body).slice(0, 99)).toEqual(all.filter((k) => k !== 'BULK-5'));
    expect(keysOf(notOne.body)).not.toContain('BULK-5');
  });

  test('a key that does not exist is an error, as Jira validates it', async () => {
    const res = await post('project = "BULK" AND key not in ("BULK-99999")');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("An issue with key 'BULK-99999' does not exist");
  });
});
