/**
 * Creating issues (spec section 10): the "Create issues" permission, create metadata's issue types and
 * POST /issue, with Jira Cloud's field-level 400s, and the new issue readable at once.
 */
import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { siteIssue, siteProject, siteUser } from '../../dev/simulator/site-builders';
import { SiteValidationError, validateSite } from '../../dev/simulator/site';
import type { SiteData } from '../../dev/simulator/site-types';
import { fixtureSite, INT, ISMS, OPS, USERS } from './support/fixture-site';
import { at, call, qs } from './support/sim-client';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const CREATE = '/rest/api/3/issue';
const PERMS = '/rest/api/3/mypermissions';
const SEARCH = '/rest/api/3/search/jql';
const createmeta = (project: string) => `/rest/api/3/issue/createmeta/${project}/issuetypes`;

/** Bob browses ISMS but may not create there; outsiders browse INT but create nowhere; OPS requires a date. */
const ISMS_CREATORS = { ...ISMS, creators: [USERS.alice] };
const OPS_REQUIRING = { ...OPS, requiredFields: ['customfield_10042'] };
const INT_BROWSE_ONLY = { ...INT, creators: [] };
const SEALED = siteProject('SEAL', '10007', { browsers: [USERS.alice], appCanBrowse: false });
const CUSTOM = siteProject('CUST', '10008', {
  browsers: [USERS.alice],
  issueTypes: [
    { id: '20001', name: 'Control', description: 'An ISMS control.' },
    { id: '20002', name: 'Evidence' },
    { id: '20003', name: 'Step', subtask: true },
  ],
});

function createSite(): SiteData {
  const site = fixtureSite();
  return {
    ...site,
    users: [...site.users, siteUser('acc-carol', { displayName: 'Carol Colleague' })],
    projects: [ISMS_CREATORS, OPS_REQUIRING, INT_BROWSE_ONLY, SEALED, CUSTOM],
    issues: [
      ...site.issues.map((issue) =>
        issue.fields.project.id === ISMS.id
          ? { ...issue, fields: { ...issue.fields, issuetype: { id: '1000001', name: 'Task' } } }
          : issue,
      ),
      siteIssue({ key: 'ISMS-20', project: ISMS, fields: { issuetype: { id: '1000004', name: 'Epic' } } }),
    ],
  };
}

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(createSite(), { now: () => NOW });
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.replaceSite(createSite());
  sim.faults.reset();
  sim.stats.reset();
});

const doc = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A create of a Task in ISMS; `fields` replace or add to it (undefined removes one). */
function createBody(fields: Record<string, unknown> = {}): { fields: Record<string, unknown> } {
  const base: Record<string, unknown> = {
    project: { key: 'ISMS' },
    issuetype: { id: '1000001' },
    summary: 'Renew: security policy approval',
    labels: ['clause-5.1'],
    duedate: '2026-12-17',
    description: doc('Renews the approval of ISMS-1.'),
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) Reflect.deleteProperty(base, name);
    else base[name] = value;
  }
  return { fields: base };
}

const create = (as: string, fields: Record<string, unknown> = {}) =>
  call(sim.url, as, CREATE, { json: createBody(fields) });

async function searchKeys(as: string, jql: string): Promise<string[]> {
  const res = await call(sim.url, as, SEARCH + qs({ jql: `${jql} ORDER BY key ASC`, fields: 'key' }));
  expect(res.status).toBe(200);
  const issues = at(res.body, 'issues');
  return Array.isArray(issues) ? issues.map((issue: unknown) => String(at(issue, 'key'))) : [];
}

describe('mypermissions: CREATE_ISSUES', () => {
  async function createIssues(as: string, params: Record<string, string>): Promise<boolean | number> {
    const res = await call(sim.url, as, PERMS + qs({ ...params, permissions: 'CREATE_ISSUES' }));
    return res.status === 200 ? at(res.body, 'permissions', 'CREATE_ISSUES', 'havePermission') === true : res.status;
  }

  it.each<[string, string, Record<string, string>, boolean | number]>([
    ['a creator, project context', USERS.alice, { projectKey: 'ISMS' }, true],
    ['a browser who is no creator', USERS.bob, { projectKey: 'ISMS' }, false],
    ['creators default to the browsers', USERS.bob, { projectKey: 'OPS' }, true],
    ['a project admin, not among the creators', USERS.padmin, { projectKey: 'ISMS' }, true],
    ['a Jira admin anywhere', USERS.admin, { projectKey: 'INT' }, true],
    ['by project id', USERS.alice, { projectId: ISMS.id }, true],
    ['a hidden project is 404', USERS.outsider, { projectKey: 'ISMS' }, 404],
    ['issue context: the project decides', USERS.alice, { issueKey: 'ISMS-1' }, true],
    ['issue context, no creator', USERS.bob, { issueKey: 'ISMS-1' }, false],
    ['issue context, a secured issue the caller cannot see', USERS.bob, { issueKey: 'ISMS-3' }, 404],
    ['global context: held in some project', USERS.bob, {}, true],
    ['global context: held nowhere', USERS.outsider, {}, false],
    ['the app, where it browses', 'app', { projectKey: 'ISMS' }, true],
    ['the app, where it does not browse', 'app', { projectKey: 'SEAL' }, 404],
  ])('%s', async (_label, as, params, expected) => {
    expect(await createIssues(as, params)).toBe(expected);
  });

  it("sends Jira's definition of the permission", async () => {
    const res = await call(sim.url, USERS.alice, PERMS + qs({ projectKey: 'ISMS', permissions: 'CREATE_ISSUES' }));
    expect(res.body).toStrictEqual({
      permissions: {
        CREATE_ISSUES: {
          id: '11',
          key: 'CREATE_ISSUES',
          name: 'Create Issues',
          type: 'PROJECT',
          description: 'Ability to create issues.',
          havePermission: true,
        },
      },
    });
  });
});

describe('createmeta issue types', () => {
  const names = (body: unknown): unknown[] => {
    const types = at(body, 'issueTypes');
    return Array.isArray(types) ? types.map((t: unknown) => at(t, 'name')) : [];
  };

  it("lists a company-managed project's default types, with ids unique on the site", async () => {
    const res = await call(sim.url, USERS.alice, createmeta('ISMS'));
    expect(res.status).toBe(200);
    expect(names(res.body)).toStrictEqual(['Task', 'Bug', 'Story', 'Epic', 'Subtask']);
    expect(at(res.body, 'issueTypes', 0)).toStrictEqual({
      self: `${sim.url}/rest/api/3/issuetype/1000001`,
      id: '1000001',
      description: 'Tasks track small, distinct pieces of work.',
      iconUrl: `${sim.url}/rest/api/2/universal_avatar/view/type/issuetype/avatar/1000001?size=medium`,
      name: 'Task',
      subtask: false,
      hierarchyLevel: 0,
    });
    expect(at(res.body, 'issueTypes', 3)).toMatchObject({ name: 'Epic', hierarchyLevel: 1, subtask: false });
    expect(at(res.body, 'issueTypes', 4)).toMatchObject({ name: 'Subtask', hierarchyLevel: -1, subtask: true });
    expect(res.body).toMatchObject({ startAt: 0, maxResults: 50, total: 5 });
    const ops = await call(sim.url, USERS.alice, createmeta(OPS.id));
    expect(at(ops.body, 'issueTypes', 0, 'id')).toBe('1000101');
  });

  it("lists a project's own types", async () => {
    const res = await call(sim.url, USERS.alice, createmeta('CUST'));
    expect(names(res.body)).toStrictEqual(['Control', 'Evidence', 'Step']);
    expect(at(res.body, 'issueTypes', 2)).toMatchObject({ id: '20003', subtask: true, hierarchyLevel: -1 });
  });

  it('pages with startAt and maxResults', async () => {
    const res = await call(sim.url, USERS.alice, createmeta('ISMS') + qs({ startAt: 1, maxResults: 2 }));
    expect(names(res.body)).toStrictEqual(['Bug', 'Story']);
    expect(res.body).toMatchObject({ startAt: 1, maxResults: 2, total: 5 });
    const past = await call(sim.url, USERS.alice, createmeta('ISMS') + qs({ startAt: 5 }));
    expect(past.body).toMatchObject({ issueTypes: [], total: 5 });
  });

  it('is an empty page for a caller who browses but may not create', async () => {
    const res = await call(sim.url, USERS.bob, createmeta('ISMS'));
    expect(res).toMatchObject({ status: 200, body: { issueTypes: [], startAt: 0, maxResults: 50, total: 0 } });
  });

  it('is a 404 for a project the caller cannot browse, as GET project is', async () => {
    const res = await call(sim.url, USERS.outsider, createmeta('ISMS'));
    expect(res).toMatchObject({
      status: 404,
      body: { errorMessages: ["No project could be found with key 'ISMS'."], errors: {} },
    });
    expect((await call(sim.url, USERS.alice, createmeta('NOPE'))).status).toBe(404);
  });

  it.each([
    ['maxResults over 200', { maxResults: 201 }, "Parameter 'maxResults' must not exceed the limit '200'"],
    ['maxResults 0', { maxResults: 0 }, expect.stringContaining('maxResults')],
    ['a negative startAt', { startAt: -1 }, expect.stringContaining('startAt')],
  ])('400 for %s', async (_label, params, message) => {
    const res = await call(sim.url, USERS.alice, createmeta('ISMS') + qs(params));
    expect(res).toMatchObject({ status: 400, body: { errorMessages: [message], errors: {} } });
  });
});

describe('GET /issuetype', () => {
  const names = async (as: string): Promise<unknown> => {
    const res = await call(sim.url, as, '/rest/api/3/issuetype');
    expect(res.status).toBe(200);
    return Array.isArray(res.body)
      ? res.body.map((t: unknown) => `${String(at(t, 'id'))} ${String(at(t, 'name'))}`)
      : res.body;
  };

  it('lists the types of the projects the caller browses, each id once', async () => {
    expect(await names(USERS.outsider)).toStrictEqual([
      '1000201 Task',
      '1000202 Bug',
      '1000203 Story',
      '1000204 Epic',
      '1000205 Subtask',
    ]);
    const alice = await names(USERS.alice);
    expect(alice).toEqual(expect.arrayContaining(['1000001 Task', '1000101 Task', '20001 Control', '20003 Step']));
    expect(alice).toHaveLength(5 * 4 + 3);
  });

  it('gives a Jira admin every type, and the app the projects it browses', async () => {
    expect(await names(USERS.admin)).toHaveLength(5 * 4 + 3);
    expect(await names('app')).not.toContain('1000701 Task');
  });
});

describe('POST /issue: a successful create', () => {
  it('answers 201 with the id, key and self, and the issue is in search and GET issue at once', async () => {
    const res = await create(USERS.alice, { labels: ['clause-5.1', 'renewal', 'renewal'] });
    expect(res.status).toBe(201);
    const id = String(at(res.body, 'id'));
    expect(res.body).toStrictEqual({ id, key: 'ISMS-21', self: `${sim.url}/rest/api/3/issue/${id}` });
    expect(await searchKeys(USERS.alice, 'project = ISMS AND labels = renewal')).toStrictEqual(['ISMS-21']);
    expect(await searchKeys(USERS.bob, 'project = ISMS AND labels in (renewal)')).toStrictEqual(['ISMS-21']);

    const read = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-21');
    expect(read.status).toBe(200);
    expect(at(read.body, 'id')).toBe(id);
    expect(at(read.body, 'fields')).toMatchObject({
      summary: 'Renew: security policy approval',
      labels: ['clause-5.1', 'renewal'],
      duedate: '2026-12-17',
      description: doc('Renews the approval of ISMS-1.'),
      project: { id: ISMS.id, key: 'ISMS', name: ISMS.name },
      issuetype: { id: '1000001', name: 'Task', subtask: false },
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      reporter: { accountId: USERS.alice, displayName: 'Alice Auditor' },
      creator: { accountId: USERS.alice },
      assignee: null,
      resolution: null,
      resolutiondate: null,
      created: '2026-11-28T12:00:00.000+0000',
      updated: '2026-11-28T12:00:00.000+0000',
    });
    expect(sim.stats.count(CREATE)).toBe(1);
  });

  it('gives two creates two keys, and never reuses a deleted one', async () => {
    const first = await create(USERS.alice);
    const second = await create(USERS.alice);
    expect([at(first.body, 'key'), at(second.body, 'key')]).toStrictEqual(['ISMS-21', 'ISMS-22']);
    expect(at(first.body, 'id')).not.toBe(at(second.body, 'id'));
    sim.removeIssue('ISMS-22');
    expect(at((await create(USERS.alice)).body, 'key')).toBe('ISMS-23');
  });

  it('accepts the project by id, the type by name, an assignee and a settable custom field', async () => {
    const res = await call(sim.url, USERS.bob, CREATE, {
      json: {
        fields: {
          project: { id: OPS.id },
          issuetype: { name: 'Bug' },
          summary: 'Approve the policy',
          assignee: { accountId: USERS.alice },
          customfield_10042: '2026-12-01',
        },
      },
    });
    expect(res.status).toBe(201);
    const read = await call(sim.url, USERS.bob, `/rest/api/3/issue/${String(at(res.body, 'key'))}`);
    expect(at(read.body, 'fields')).toMatchObject({
      issuetype: { name: 'Bug' },
      assignee: { accountId: USERS.alice },
      customfield_10042: '2026-12-01',
      labels: [],
      duedate: null,
      description: null,
    });
  });

  it('lets the app create where it browses, as the app user', async () => {
    const res = await create('app');
    expect(res.status).toBe(201);
    const read = await call(sim.url, USERS.alice, `/rest/api/3/issue/${String(at(res.body, 'key'))}`);
    expect(at(read.body, 'fields', 'reporter')).toMatchObject({ accountType: 'app' });
    const sealed = await create('app', { project: { key: 'SEAL' } });
    expect(sealed.body).toStrictEqual({ errorMessages: [], errors: { project: 'valid project is required' } });
  });

  it('creates a sub-task under a standard issue, and a standard issue under an epic', async () => {
    const subtask = await create(USERS.alice, { issuetype: { id: '1000005' }, parent: { key: 'ISMS-1' } });
    expect(subtask.status).toBe(201);
    const read = await call(sim.url, USERS.alice, `/rest/api/3/issue/${String(at(subtask.body, 'key'))}`);
    expect(at(read.body, 'fields', 'parent')).toMatchObject({ key: 'ISMS-1' });
    expect((await create(USERS.alice, { parent: { key: 'ISMS-20' } })).status).toBe(201);
  });
});

describe('POST /issue: field-level 400s', () => {
  const errorsOf = async (fields: Record<string, unknown>, as: string = USERS.alice) => {
    const res = await create(as, fields);
    expect(res.status).toBe(400);
    return res.body;
  };
  const only = (errors: Record<string, string>, errorMessages: string[] = []) => ({ errorMessages, errors });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['no summary', { summary: undefined }, { summary: 'You must specify a summary of the issue.' }],
    ['a blank summary', { summary: '   ' }, { summary: 'You must specify a summary of the issue.' }],
    [
      'a summary over 255 characters',
      { summary: 'x'.repeat(256) },
      { summary: 'Summary must be less than 255 characters.' },
    ],
    [
      'a summary with a newline',
      { summary: 'two\nlines' },
      { summary: 'The summary is invalid because it contains newline characters.' },
    ],
    ['no issue type', { issuetype: undefined }, { issuetype: 'Specify a valid issue type' }],
    ['an unknown issue type', { issuetype: { id: '999' } }, { issuetype: 'Specify a valid issue type' }],
    ["another project's issue type", { issuetype: { id: '20001' } }, { issuetype: 'Specify a valid issue type' }],
    ['a label with a space', { labels: ['a b'] }, { labels: "The label 'a b' contains spaces which is invalid." }],
    ['labels that are no list', { labels: 'policy' }, { labels: 'data was not an array' }],
    ['a due date Jira cannot read', { duedate: 'x' }, { duedate: 'Error parsing date string: x' }],
    ['a due date that is no day', { duedate: '2026-02-30' }, { duedate: 'Error parsing date string: 2026-02-30' }],
    [
      'a plain-text description',
      { description: 'text' },
      { description: 'Operation value must be an Atlassian Document' },
    ],
    [
      'a document with a broken node',
      { description: { type: 'doc', version: 1, content: [{ type: 'text' }] } },
      { description: 'Operation value must be an Atlassian Document' },
    ],
    [
      'an unknown field',
      { customfield_99999: 'x' },
      {
        customfield_99999: "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
      },
    ],
    ['a field Jira sets itself', { status: { name: 'Done' } }, { status: expect.stringContaining("Field 'status'") }],
    [
      'an assignee who cannot browse the project',
      { assignee: { accountId: USERS.outsider } },
      { assignee: `User '${USERS.outsider}' cannot be assigned issues.` },
    ],
    [
      'a custom date field Jira cannot read',
      { customfield_10042: 'soon' },
      { customfield_10042: 'Error parsing date string: soon' },
    ],
  ])('%s', async (_label, fields, errors) => {
    expect(await errorsOf(fields)).toStrictEqual(only(errors));
  });

  it('reports every bad field at once', async () => {
    expect(await errorsOf({ summary: '', labels: ['a b'], duedate: 'x' })).toStrictEqual(
      only({
        summary: 'You must specify a summary of the issue.',
        labels: "The label 'a b' contains spaces which is invalid.",
        duedate: 'Error parsing date string: x',
      }),
    );
  });

  it("names a project's required field by its name", async () => {
    const ops = { project: { key: 'OPS' }, issuetype: { name: 'Task' } };
    const missing = await create(USERS.alice, ops);
    expect(missing.body).toStrictEqual(only({ customfield_10042: 'Approved on is required.' }));
    const blank = await create(USERS.alice, { ...ops, customfield_10042: null });
    expect(blank.body).toStrictEqual(only({ customfield_10042: 'Approved on is required.' }));
    const given = await create(USERS.alice, { ...ops, customfield_10042: '2026-12-01' });
    expect(given.status).toBe(201);
  });

  it('refuses a sub-task without a parent, and a parent of the wrong level or project', async () => {
    const subtask = { issuetype: { id: '1000005' } };
    expect(await errorsOf(subtask)).toStrictEqual(
      only({}, ['Issue type is a sub-task but parent issue key or id not specified.']),
    );
    const hierarchy = 'Given parent work item does not belong to appropriate hierarchy.';
    expect(await errorsOf({ ...subtask, parent: { key: 'OPS-1' } })).toStrictEqual(only({ parent: hierarchy }));
    expect(await errorsOf({ parent: { key: 'ISMS-1' } })).toStrictEqual(only({ parent: hierarchy }));
    // A parent the caller cannot see does not exist for them.
    expect(await errorsOf({ ...subtask, parent: { key: 'ISMS-3' } }, USERS.padmin)).toStrictEqual(
      only({ parent: 'Could not find issue by id or key.' }),
    );
  });
});

describe('POST /issue: refusals that are not about a field', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    [
      'a browser without Create issues',
      USERS.bob,
      { project: { key: 'ISMS' } },
      'You do not have permission to create issues in this project.',
    ],
    ['a project the caller cannot browse', USERS.outsider, { project: { key: 'ISMS' } }, 'valid project is required'],
    ['an unknown project', USERS.alice, { project: { key: 'NOPE' } }, 'valid project is required'],
    ['an unknown project id', USERS.alice, { project: { id: '424242' } }, 'valid project is required'],
    ['no project', USERS.alice, { project: undefined }, 'Specify a valid project ID or key'],
  ])('%s: 400 on the project alone, nothing created', async (_label, as, fields, message) => {
    const res = await create(as, { ...fields, summary: '' });
    expect(res).toMatchObject({ status: 400, body: { errorMessages: [], errors: { project: message } } });
    expect(Object.keys(Object(at(res.body, 'errors')))).toStrictEqual(['project']);
    expect(await searchKeys(USERS.admin, 'project = ISMS AND labels = clause-5.1')).toStrictEqual(['ISMS-1']);
  });

  it('400 for a body that is not JSON, 415 for another content type, 400 for unmodelled parts', async () => {
    const notJson = await call(sim.url, USERS.alice, CREATE, {
      rawBody: '{"fields":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson).toMatchObject({
      status: 400,
      body: { errorMessages: [expect.stringContaining('Invalid request')] },
    });
    const text = await call(sim.url, USERS.alice, CREATE, {
      method: 'POST',
      rawBody: 'summary=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const update = await call(sim.url, USERS.alice, CREATE, { json: { ...createBody(), update: {} } });
    expect(update).toMatchObject({ status: 400, body: { errorMessages: [expect.stringContaining("'update'")] } });
    const array = await call(sim.url, USERS.alice, CREATE, { json: [createBody()] });
    expect(array.status).toBe(400);
    expect(sim.stats.count(CREATE)).toBe(4);
  });

  it('401 for an unknown caller', async () => {
    expect((await create('acc-nobody')).status).toBe(401);
  });
});

describe('faults on the create routes', () => {
  it('a 5xx on POST /issue creates nothing, and a method scope leaves the reads alone', async () => {
    sim.faults.serverError(1, { pathPrefix: CREATE, method: 'POST', status: 503 });
    expect((await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1')).status).toBe(200);
    const failed = await create(USERS.alice, { labels: ['renewal'] });
    expect(failed).toMatchObject({ status: 503, body: { errorMessages: ['Service Unavailable'] } });
    expect(await searchKeys(USERS.alice, 'project = ISMS AND labels = renewal')).toStrictEqual([]);
    const retried = await create(USERS.alice, { labels: ['renewal'] });
    expect(at(retried.body, 'key')).toBe('ISMS-21');
    expect(
      sim.stats.requests.filter((r) => r.method === 'POST' && r.path === CREATE).map((r) => r.status),
    ).toStrictEqual([503, 201]);
  });

  it('a 429 carries Retry-After and creates nothing', async () => {
    sim.faults.rateLimit(1, 3, { pathPrefix: CREATE });
    const limited = await create(USERS.alice);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await create(USERS.alice)).status).toBe(201);
    expect(await searchKeys(USERS.alice, 'project = ISMS AND labels = clause-5.1')).toStrictEqual([
      'ISMS-1',
      'ISMS-21',
    ]);
  });

  it('latency and errors reach createmeta too', async () => {
    sim.faults.setLatency(50, { pathPrefix: '/rest/api/3/issue/createmeta' });
    sim.faults.serverError(1, { pathPrefix: '/rest/api/3/issue/createmeta' });
    const started = Date.now();
    expect((await call(sim.url, USERS.alice, createmeta('ISMS'))).status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect((await call(sim.url, USERS.alice, createmeta('ISMS'))).status).toBe(200);
  });
});

describe('site format for creating', () => {
  function problemsOf(input: unknown): readonly string[] {
    try {
      validateSite(input);
    } catch (error) {
      if (error instanceof SiteValidationError) return error.problems;
      throw error;
    }
    throw new Error('expected the site to be rejected');
  }
  const withProjects = (...projects: unknown[]) => ({
    ...fixtureSite(),
    projects: [...fixtureSite().projects, ...projects],
  });

  it('keeps the create settings as given, and leaves them out when not given', () => {
    const site = validateSite(createSite());
    expect(site.projects.find((p) => p.key === 'CUST')?.issueTypes).toStrictEqual([
      { id: '20001', name: 'Control', subtask: false, hierarchyLevel: 0, description: 'An ISMS control.' },
      { id: '20002', name: 'Evidence', subtask: false, hierarchyLevel: 0 },
      { id: '20003', name: 'Step', subtask: true, hierarchyLevel: -1 },
    ]);
    expect(site.projects.find((p) => p.key === 'ISMS')).toMatchObject({ creators: [USERS.alice] });
    const plain = validateSite(fixtureSite()).projects;
    expect(plain.filter((p) => 'issueTypes' in p || 'requiredFields' in p || 'creators' in p)).toStrictEqual([]);
  });

  it('names every broken create setting by its path', () => {
    const problems = problemsOf(
      withProjects(
        {
          ...siteProject('BAD', '10010'),
          issueTypes: [
            { id: '30001', name: 'Task' },
            { id: '30002', name: 'task' },
            { id: 'x', name: 'Other' },
            { id: '30003', name: 'Step', subtask: true, hierarchyLevel: 0 },
          ],
          requiredFields: ['summary', 'customfield_404', 'duedate'],
          creators: ['acc-ghost'],
        },
        { ...siteProject('ONLY', '10011'), issueTypes: [{ id: '30009', name: 'Step', subtask: true }] },
        { ...siteProject('CLASH', '10012'), issueTypes: [{ id: '30002', name: 'Other' }] },
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "site.projects[3].issueTypes[1]: duplicate issue type name 'task'",
        expect.stringMatching(/^site\.projects\[3\]\.issueTypes\[2\]\.id: 'x' does not match/),
        expect.stringMatching(/^site\.projects\[3\]\.issueTypes\[3\]\.hierarchyLevel: 0 with subtask true/),
        "site.projects[3].creators[0]: unknown user 'acc-ghost' (not in users)",
        "site.projects[3].requiredFields[0]: 'summary' is required on every create screen already",
        expect.stringMatching(/^site\.projects\[3\]\.requiredFields\[1\]: 'customfield_404' is neither/),
        'site.projects[4].issueTypes: a Jira project always has a standard issue type (hierarchyLevel 0)',
        expect.stringMatching(/^site\.projects\[5\]\.issueTypes: issue type id '30002' is 'Other' here but 'task'/),
      ]),
    );
    expect(problems.some((p) => p.includes('requiredFields[2]'))).toBe(false);
  });

  it('lets projects share an issue type by id', () => {
    const shared = { id: '40001', name: 'Task' };
    expect(() =>
      validateSite(
        withProjects(
          { ...siteProject('ONE', '10020'), issueTypes: [shared] },
          { ...siteProject('TWO', '10021'), issueTypes: [shared] },
        ),
      ),
    ).not.toThrow();
  });
});
