import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { siteIssue } from '../../dev/simulator/site-builders';
import { fixtureSite, ISMS, USERS } from './support/fixture-site';
import { at, call, qs } from './support/sim-client';

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(fixtureSite(), { appDisplayName: 'Clause 5.1 Coverage' });
});

afterAll(async () => {
  await sim.stop();
});

describe('GET /myself', () => {
  it('returns the calling user', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/myself');
    expect(res.body).toMatchObject({
      accountId: USERS.alice,
      accountType: 'atlassian',
      displayName: 'Alice Auditor',
      emailAddress: 'alice@example.com',
      active: true,
    });
  });

  it('returns the app user for asApp', async () => {
    const res = await call(sim.url, 'app', '/rest/api/3/myself');
    expect(res.body).toMatchObject({ accountType: 'app', displayName: 'Clause 5.1 Coverage', active: true });
  });
});

describe('GET /issue and /project', () => {
  it('returns all fields by default and a subset on request', async () => {
    const all = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-10');
    expect(at(all.body, 'key')).toBe('ISMS-10');
    expect(at(all.body, 'fields', 'customfield_10042')).toBe('2025-02-02');
    const some = await call(sim.url, USERS.alice, '/rest/api/3/issue/10000010' + qs({ fields: 'summary,status' }));
    expect(at(some.body, 'fields')).toStrictEqual({
      summary: 'Issue ISMS-10',
      status: { name: 'To Do', statusCategory: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } },
    });
    expect(at(some.body, 'self')).toBe(`${sim.url}/rest/api/3/issue/10000010`);
    const idOnly = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-10' + qs({ fields: 'id' }));
    expect(idOnly.body).toMatchObject({ id: '10000010', key: 'ISMS-10', fields: {} });
  });

  it('returns a project by key or id; keys are case sensitive', async () => {
    const byKey = await call(sim.url, USERS.alice, '/rest/api/3/project/ISMS');
    expect(byKey.body).toMatchObject({
      id: '10000',
      key: 'ISMS',
      name: 'Information Security',
      lead: { accountId: USERS.padmin },
    });
    expect((await call(sim.url, USERS.alice, '/rest/api/3/project/10000')).status).toBe(200);
    expect((await call(sim.url, USERS.alice, '/rest/api/3/project/isms')).status).toBe(404);
  });
});

describe('GET /field', () => {
  it('lists system fields and the site custom fields', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/field');
    const fields = Array.isArray(res.body) ? res.body : [];
    const ids = fields.map((f: unknown) => at(f, 'id'));
    expect(ids).toEqual(
      expect.arrayContaining([
        'summary',
        'labels',
        'status',
        'created',
        'resolutiondate',
        'statuscategorychangedate',
        'duedate',
        'assignee',
        'customfield_10042',
      ]),
    );
    expect(fields.find((f: unknown) => at(f, 'id') === 'customfield_10042')).toStrictEqual({
      id: 'customfield_10042',
      key: 'customfield_10042',
      name: 'Approved on',
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ['cf[10042]', 'Approved on'],
      schema: { type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker', customId: 10042 },
    });
  });
});

describe('GET /label', () => {
  it('pages labels with startAt and maxResults', async () => {
    const first = await call(sim.url, USERS.alice, '/rest/api/3/label' + qs({ maxResults: 3 }));
    expect(first.body).toMatchObject({
      startAt: 0,
      maxResults: 3,
      total: 7,
      isLast: false,
      values: ['Policy', 'board', 'clause-5.1'],
    });
    expect(at(first.body, 'nextPage')).toBe(`${sim.url}/rest/api/3/label?maxResults=3&startAt=3`);
    const last = await call(sim.url, USERS.alice, '/rest/api/3/label' + qs({ startAt: 6, maxResults: 3 }));
    expect(last.body).toMatchObject({ startAt: 6, isLast: true, values: ['we"ird\\label'] });
    expect(at(last.body, 'nextPage')).toBeUndefined();
    expect((await call(sim.url, USERS.alice, '/rest/api/3/label' + qs({ maxResults: 0 }))).status).toBe(400);
  });
});

describe('HTTP edges', () => {
  it('404 for endpoints the simulator does not implement', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/search' + qs({ jql: 'project = ISMS' }));
    expect(res.status).toBe(404);
    expect(res.body).toStrictEqual({
      errorMessages: ['The local Jira simulator does not implement GET /rest/api/3/search.'],
      errors: {},
    });
  });

  it('405 for a known path with another method', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/myself', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('415 for a POST without a JSON content type', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/search/jql', {
      rawBody: '{"jql":"project = ISMS"}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
  });

  it('400 for a malformed JSON body', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/search/jql', {
      rawBody: '{"jql":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({
      errorMessages: ['Invalid request payload. Refer to the REST API documentation and try again.'],
      errors: {},
    });
  });
});

describe('site mutation helpers', () => {
  afterEach(() => sim.replaceSite(fixtureSite()));

  it('adds, updates and removes issues', async () => {
    sim.addIssue(siteIssue({ key: 'ISMS-11', project: ISMS, labels: ['fresh'] }));
    const count = async () =>
      at(
        (
          await call(sim.url, USERS.alice, '/rest/api/3/search/approximate-count', {
            json: { jql: 'project = ISMS AND labels = fresh' },
          })
        ).body,
        'count',
      );
    expect(await count()).toBe(1);
    sim.updateIssue('ISMS-11', { labels: ['stale'] });
    expect(await count()).toBe(0);
    sim.updateIssue('ISMS-1', { summary: 'Renamed' });
    expect(
      at(
        (await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1' + qs({ fields: 'summary' }))).body,
        'fields',
        'summary',
      ),
    ).toBe('Renamed');
    sim.removeIssue('ISMS-11');
    expect((await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-11')).status).toBe(404);
  });

  it('validates changes and keeps the old data on error', () => {
    expect(() => sim.addIssue(siteIssue({ key: 'ISMS-1', project: ISMS }))).toThrow(/duplicate issue/);
    expect(() => sim.updateIssue('ISMS-404', { summary: 'x' })).toThrow(/no issue 'ISMS-404'/);
    expect(sim.site().issues).toHaveLength(fixtureSite().issues.length);
  });
});
