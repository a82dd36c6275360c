import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { fixtureSite, USERS } from './support/fixture-site';
import { at, call, qs } from './support/sim-client';

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(fixtureSite());
});

afterAll(async () => {
  await sim.stop();
});

const SEARCH = '/rest/api/3/search/jql';
const UNAUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

async function keys(as: string, jql: string): Promise<string[] | number> {
  const res = await call(sim.url, as, SEARCH + qs({ jql: `${jql} ORDER BY key ASC`, fields: 'key' }));
  if (res.status !== 200) return res.status;
  const issues = at(res.body, 'issues');
  return Array.isArray(issues) ? issues.map((i: unknown) => String(at(i, 'key'))) : [];
}

describe('who can call at all', () => {
  it.each([
    ['an unknown account', 'acc-nobody'],
    ['an inactive user', USERS.inactive],
    ['an anonymous caller', 'anonymous'],
  ])('%s gets 401 everywhere', async (_label, as) => {
    for (const path of [
      '/rest/api/3/myself',
      SEARCH + qs({ jql: 'project = ISMS' }),
      '/rest/api/3/issue/ISMS-1',
      '/rest/api/3/field',
    ]) {
      const res = await call(sim.url, as, path);
      expect({ path, status: res.status, body: res.body }).toStrictEqual({ path, status: 401, body: UNAUTHENTICATED });
    }
  });
});

describe('issue visibility', () => {
  it.each<[string, string, string[] | number]>([
    ['browser in the security level', USERS.alice, ['ISMS-1', 'ISMS-2', 'ISMS-3', 'ISMS-10']],
    ['browser outside the security level', USERS.bob, ['ISMS-1', 'ISMS-2', 'ISMS-10']],
    ['Jira admin (browses all, not in the level)', USERS.admin, ['ISMS-1', 'ISMS-2', 'ISMS-10']],
    ['project admin (browses own project)', USERS.padmin, ['ISMS-1', 'ISMS-2', 'ISMS-10']],
    ['the app (not in the level)', 'app', ['ISMS-1', 'ISMS-2', 'ISMS-10']],
  ])('%s', async (_label, as, expected) => {
    expect(await keys(as, 'project = ISMS')).toStrictEqual(expected);
  });

  it('an outsider is told the project does not exist', async () => {
    const res = await call(sim.url, USERS.outsider, SEARCH + qs({ jql: 'project = "ISMS"' }));
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({
      errorMessages: ["The value 'ISMS' does not exist for the field 'project'."],
      errors: {},
    });
    expect(await keys(USERS.outsider, 'project = "INT"')).toStrictEqual(['INT-1']);
  });

  it('a secured issue is 404 for non-members, by key and by id, and invalid in JQL', async () => {
    expect((await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-3')).status).toBe(200);
    for (const ref of ['ISMS-3', '10000003', 'isms-3']) {
      const res = await call(sim.url, USERS.bob, `/rest/api/3/issue/${ref}`);
      expect(res.status).toBe(404);
      expect(res.body).toStrictEqual({
        errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        errors: {},
      });
    }
    const jql = await call(sim.url, USERS.bob, SEARCH + qs({ jql: 'project = ISMS AND key = ISMS-3' }));
    expect(at(jql.body, 'errorMessages')).toStrictEqual(["An issue with key 'ISMS-3' does not exist for field 'key'."]);
  });

  it('the approximate count follows the same visibility', async () => {
    const admin = await call(sim.url, USERS.admin, '/rest/api/3/search/approximate-count', {
      json: { jql: 'project = ISMS' },
    });
    expect(admin.body).toStrictEqual({ count: 3 });
  });

  it('hides projects a user cannot browse from GET project', async () => {
    expect((await call(sim.url, USERS.alice, '/rest/api/3/project/ISMS')).status).toBe(200);
    const hidden = await call(sim.url, USERS.outsider, '/rest/api/3/project/ISMS');
    expect(hidden).toMatchObject({
      status: 404,
      body: { errorMessages: ["No project could be found with key 'ISMS'."], errors: {} },
    });
    const byId = await call(sim.url, USERS.outsider, '/rest/api/3/project/10000');
    expect(byId.body).toStrictEqual({ errorMessages: ["No project could be found with id '10000'."], errors: {} });
  });

  it('lists only labels of visible issues', async () => {
    const values = (as: string) => call(sim.url, as, '/rest/api/3/label').then((r) => at(r.body, 'values'));
    expect(await values(USERS.outsider)).toStrictEqual(['internal']);
    expect(await values(USERS.bob)).not.toContain('board');
    expect(await values(USERS.alice)).toContain('board');
  });
});

describe('mypermissions', () => {
  const PERMS = '/rest/api/3/mypermissions';
  async function have(as: string, params: Record<string, string>): Promise<Record<string, boolean> | number> {
    const res = await call(sim.url, as, PERMS + qs(params));
    if (res.status !== 200) return res.status;
    const permissions = at(res.body, 'permissions');
    return Object.fromEntries(
      Object.keys(Object(permissions)).map((key) => [key, at(permissions, key, 'havePermission') === true]),
    );
  }

  it.each<[string, string, Record<string, string>, Record<string, boolean> | number]>([
    ['Jira admin, global', USERS.admin, { permissions: 'ADMINISTER' }, { ADMINISTER: true }],
    ['browser, global', USERS.alice, { permissions: 'ADMINISTER' }, { ADMINISTER: false }],
    ['app, global', 'app', { permissions: 'ADMINISTER' }, { ADMINISTER: false }],
    [
      'project admin in own project',
      USERS.padmin,
      { projectKey: 'ISMS', permissions: 'ADMINISTER_PROJECTS,BROWSE_PROJECTS' },
      { ADMINISTER_PROJECTS: true, BROWSE_PROJECTS: true },
    ],
    [
      'browser in project',
      USERS.alice,
      { projectKey: 'ISMS', permissions: 'ADMINISTER_PROJECTS,BROWSE_PROJECTS' },
      { ADMINISTER_PROJECTS: false, BROWSE_PROJECTS: true },
    ],
    [
      'Jira admin in any project',
      USERS.admin,
      { projectKey: 'OPS', permissions: 'ADMINISTER_PROJECTS,BROWSE_PROJECTS' },
      { ADMINISTER_PROJECTS: true, BROWSE_PROJECTS: true },
    ],
    [
      'project admin elsewhere',
      USERS.padmin,
      { projectKey: 'INT', permissions: 'ADMINISTER_PROJECTS' },
      { ADMINISTER_PROJECTS: false },
    ],
    [
      'project permission without context = held anywhere',
      USERS.padmin,
      { permissions: 'ADMINISTER_PROJECTS' },
      { ADMINISTER_PROJECTS: true },
    ],
    [
      'outsider asking about a hidden project',
      USERS.outsider,
      { projectKey: 'ISMS', permissions: 'BROWSE_PROJECTS' },
      404,
    ],
    [
      'issue context, secured issue, member',
      USERS.alice,
      { issueKey: 'ISMS-3', permissions: 'BROWSE_PROJECTS' },
      { BROWSE_PROJECTS: true },
    ],
    [
      'issue context, secured issue, non-member',
      USERS.bob,
      { issueKey: 'ISMS-3', permissions: 'BROWSE_PROJECTS' },
      404,
    ],
  ])('%s', async (_label, as, params, expected) => {
    expect(await have(as, params)).toStrictEqual(expected);
  });

  it('returns the permission details in Jira shape', async () => {
    const res = await call(sim.url, USERS.alice, PERMS + qs({ projectKey: 'ISMS', permissions: 'BROWSE_PROJECTS' }));
    expect(res.body).toStrictEqual({
      permissions: {
        BROWSE_PROJECTS: {
          id: '10',
          key: 'BROWSE_PROJECTS',
          name: 'Browse Projects',
          type: 'PROJECT',
          description: 'Ability to browse projects and the issues within them.',
          havePermission: true,
        },
      },
    });
  });

  it.each([
    ['missing permissions', {}],
    ['empty permissions', { permissions: '' }],
    ['invalid key', { permissions: 'MAKE_COFFEE' }],
    ['real but unmodelled key', { permissions: 'EDIT_ISSUES' }],
  ])('400 for %s', async (_label, params) => {
    const res = await call(sim.url, USERS.alice, PERMS + qs(params));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorMessages: [expect.any(String)], errors: {} });
  });
});

describe('site changes take effect immediately', () => {
  it('deactivating a user locks them out; a new browser sees the project', async () => {
    sim.updateUser(USERS.bob, { active: false });
    sim.updateProject('INT', { browsers: [USERS.alice] });
    try {
      expect((await call(sim.url, USERS.bob, '/rest/api/3/myself')).status).toBe(401);
      expect(await keys(USERS.outsider, 'project = "INT"')).toBe(400);
    } finally {
      sim.replaceSite(fixtureSite());
    }
    expect((await call(sim.url, USERS.bob, '/rest/api/3/myself')).status).toBe(200);
  });
});
