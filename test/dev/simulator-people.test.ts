import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { at, call, qs } from './support/sim-client';
import { BOARD, BOARD_ADVISORS, PEOPLE, STAFF, substanceSite, USERS } from './support/substance-site';

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(substanceSite());
});

afterAll(async () => {
  await sim.stop();
});

const NO_BROWSE_USERS = {
  errorMessages: ['You do not have the permission to browse users and groups.'],
  errors: {},
};

const names = (body: unknown, list: string, key: string): unknown[] => {
  const items = at(body, list);
  if (!Array.isArray(items)) throw new Error(`no ${list}`);
  return items.map((item: unknown) => at(item, key));
};

describe('GET /user/groups', () => {
  const groupsOf = (as: string, accountId: string) => call(sim.url, as, '/rest/api/3/user/groups' + qs({ accountId }));

  it("lists a person's groups by name, as GroupName", async () => {
    const res = await groupsOf(USERS.alice, PEOPLE.ceo);
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual([
      { name: 'board', groupId: BOARD.groupId, self: `${sim.url}/rest/api/3/group?groupId=${BOARD.groupId}` },
      { name: 'Staff', groupId: STAFF.groupId, self: `${sim.url}/rest/api/3/group?groupId=${STAFF.groupId}` },
    ]);
    expect((await groupsOf(USERS.alice, USERS.padmin)).body).toStrictEqual([]);
  });

  it('answers for inactive users and app accounts too, and for the app caller', async () => {
    expect((await groupsOf(USERS.alice, USERS.inactive)).status).toBe(200);
    expect((await groupsOf(USERS.alice, PEOPLE.bot)).status).toBe(200);
    expect((await groupsOf('app', USERS.alice)).body).toMatchObject([{ name: 'board-advisors' }, { name: 'Staff' }]);
  });

  it('403 when the caller lacks Browse users and groups, even about themselves', async () => {
    for (const accountId of [PEOPLE.ceo, USERS.bob, 'acc-nobody']) {
      const res = await groupsOf(USERS.bob, accountId);
      expect({ accountId, status: res.status, body: res.body }).toStrictEqual({
        accountId,
        status: 403,
        body: NO_BROWSE_USERS,
      });
    }
  });

  it('404 for an account id nobody has; 400 without one', async () => {
    expect(await groupsOf(USERS.alice, 'acc-nobody')).toMatchObject({
      status: 404,
      body: { errorMessages: ["The user with account ID 'acc-nobody' does not exist."], errors: {} },
    });
    expect((await call(sim.url, USERS.alice, '/rest/api/3/user/groups')).status).toBe(400);
    expect((await groupsOf(USERS.alice, 'x'.repeat(129))).status).toBe(400);
  });

  it('follows group changes', async () => {
    const site = sim.site();
    try {
      sim.replaceSite({ ...site, groups: [{ ...BOARD, members: [PEOPLE.cfo] }] });
      expect((await groupsOf(USERS.alice, PEOPLE.ceo)).body).toStrictEqual([]);
    } finally {
      sim.replaceSite(site);
    }
  });
});

describe('GET /user', () => {
  it('returns the user, with their groups when expanded', async () => {
    const plain = await call(sim.url, USERS.alice, '/rest/api/3/user' + qs({ accountId: PEOPLE.ceo }));
    expect(plain.body).toMatchObject({
      accountId: PEOPLE.ceo,
      accountType: 'atlassian',
      displayName: 'Dana Chief',
      active: true,
      groups: { size: 2, items: [] },
    });
    const expanded = await call(
      sim.url,
      USERS.alice,
      '/rest/api/3/user' + qs({ accountId: PEOPLE.ceo, expand: 'groups' }),
    );
    expect(names(at(expanded.body, 'groups'), 'items', 'groupId')).toStrictEqual([BOARD.groupId, STAFF.groupId]);
    const bot = await call(sim.url, USERS.alice, '/rest/api/3/user' + qs({ accountId: PEOPLE.bot }));
    expect(bot.body).toMatchObject({ accountType: 'app', displayName: 'Automation for Jira' });
  });

  it('403 without Browse users and groups, 404 for an unknown account, 400 without an account id', async () => {
    expect((await call(sim.url, USERS.bob, '/rest/api/3/user' + qs({ accountId: PEOPLE.ceo }))).status).toBe(403);
    expect((await call(sim.url, USERS.alice, '/rest/api/3/user' + qs({ accountId: 'acc-gone' }))).status).toBe(404);
    expect((await call(sim.url, USERS.alice, '/rest/api/3/user')).status).toBe(400);
  });
});

describe('GET /mypermissions with USER_PICKER', () => {
  const holds = async (as: string, extra: Record<string, string> = {}) =>
    at(
      (await call(sim.url, as, '/rest/api/3/mypermissions' + qs({ permissions: 'USER_PICKER', ...extra }))).body,
      'permissions',
      'USER_PICKER',
    );

  it('answers the same per-user setting the user and group routes obey', async () => {
    expect(await holds(USERS.alice)).toStrictEqual({
      id: '27',
      key: 'USER_PICKER',
      name: 'Browse users and groups',
      type: 'GLOBAL',
      description: expect.stringContaining('user picker') as unknown,
      havePermission: true,
    });
    expect(await holds(USERS.bob)).toMatchObject({ havePermission: false });
    expect(await holds('app')).toMatchObject({ havePermission: true });
    // A global permission reads the same in a project context.
    expect(await holds(USERS.bob, { projectKey: 'ISMS' })).toMatchObject({ havePermission: false });
  });

  it('changes with the user', async () => {
    sim.updateUser(USERS.alice, { browseUsersAndGroups: false });
    try {
      expect(await holds(USERS.alice)).toMatchObject({ havePermission: false });
      expect((await call(sim.url, USERS.alice, '/rest/api/3/user/groups' + qs({ accountId: PEOPLE.ceo }))).status).toBe(
        403,
      );
    } finally {
      sim.updateUser(USERS.alice, { browseUsersAndGroups: true });
    }
  });
});

describe('GET /groups/picker', () => {
  const picker = (as: string, params: Record<string, string | string[]> = {}) =>
    call(sim.url, as, '/rest/api/3/groups/picker' + qs(params));

  it('finds groups whose name contains the query, by name, highlighted', async () => {
    const res = await picker(USERS.alice, { query: 'board' });
    expect(res.body).toStrictEqual({
      header: 'Showing 2 of 2 matching groups',
      total: 2,
      groups: [
        { name: 'board', html: '<b>board</b>', groupId: BOARD.groupId, labels: [] },
        { name: 'board-advisors', html: '<b>board</b>-advisors', groupId: BOARD_ADVISORS.groupId, labels: [] },
      ],
    });
  });

  it('is case sensitive unless caseInsensitive=true, lists all without a query, and limits to maxResults', async () => {
    expect(names((await picker(USERS.alice, { query: 'staff' })).body, 'groups', 'name')).toStrictEqual([]);
    expect(
      names((await picker(USERS.alice, { query: 'staff', caseInsensitive: 'true' })).body, 'groups', 'html'),
    ).toStrictEqual(['<b>Staff</b>']);
    const limited = await picker(USERS.alice, { maxResults: '2' });
    expect(limited.body).toMatchObject({ header: 'Showing 2 of 3 matching groups', total: 3 });
    expect(names(limited.body, 'groups', 'name')).toStrictEqual(['board', 'board-advisors']);
  });

  it('excludes by name or by id', async () => {
    expect(names((await picker(USERS.alice, { exclude: 'board' })).body, 'groups', 'name')).toStrictEqual([
      'board-advisors',
      'Staff',
    ]);
    expect(
      names((await picker(USERS.alice, { excludeId: [BOARD.groupId, STAFF.groupId] })).body, 'groups', 'name'),
    ).toStrictEqual(['board-advisors']);
  });

  it('without Browse users and groups finds only an exact name; without any project, nothing', async () => {
    expect(names((await picker(USERS.bob, { query: 'board' })).body, 'groups', 'name')).toStrictEqual(['board']);
    expect(names((await picker(USERS.bob, { query: 'boa' })).body, 'groups', 'name')).toStrictEqual([]);
    const site = sim.site();
    try {
      sim.replaceSite({ ...site, projects: site.projects.map((p) => ({ ...p, browsers: [USERS.alice] })) });
      expect((await picker(USERS.outsider, { query: 'board' })).body).toStrictEqual({
        header: 'Showing 0 of 0 matching groups',
        total: 0,
        groups: [],
      });
    } finally {
      sim.replaceSite(site);
    }
  });

  it.each([
    [{ exclude: 'board', excludeId: BOARD.groupId }],
    [{ maxResults: '0' }],
    [{ maxResults: 'ten' }],
    [{ caseInsensitive: 'yes' }],
  ])('400 for %j', async (params) => {
    const res = await picker(USERS.alice, params);
    expect(res.status).toBe(400);
    expect(at(res.body, 'errors')).toStrictEqual({});
  });
});

describe('GET /group/bulk', () => {
  const bulk = (as: string, params: Record<string, string | string[]> = {}) =>
    call(sim.url, as, '/rest/api/3/group/bulk' + qs(params));

  it('returns the groups named by id, leaving out ids that name none', async () => {
    const res = await bulk(USERS.alice, { groupId: [STAFF.groupId, 'gone-0000', BOARD.groupId] });
    expect(res.body).toMatchObject({
      startAt: 0,
      maxResults: 50,
      total: 2,
      isLast: true,
      values: [
        { name: 'board', groupId: BOARD.groupId },
        { name: 'Staff', groupId: STAFF.groupId },
      ],
    });
    expect(at(res.body, 'nextPage')).toBeUndefined();
  });

  it('also by name (ignoring case), and all groups without a filter, paged', async () => {
    expect(
      names((await bulk(USERS.alice, { groupName: 'STAFF', groupId: BOARD.groupId })).body, 'values', 'name'),
    ).toStrictEqual(['board', 'Staff']);
    const first = await bulk(USERS.alice, { maxResults: '2' });
    expect(first.body).toMatchObject({ total: 3, isLast: false, startAt: 0 });
    expect(at(first.body, 'nextPage')).toBe(`${sim.url}/rest/api/3/group/bulk?maxResults=2&startAt=2`);
    const second = await bulk(USERS.alice, { maxResults: '2', startAt: '2' });
    expect(second.body).toMatchObject({ isLast: true, values: [{ name: 'Staff' }] });
  });

  it('403 without Browse users and groups; 400 for bad paging and unmodelled filters', async () => {
    expect(await bulk(USERS.bob, { groupId: BOARD.groupId })).toMatchObject({
      status: 403,
      body: { errorMessages: ['Browse users and groups permission is required to view groups.'], errors: {} },
    });
    const invalid: Array<Record<string, string>> = [
      { startAt: '-1' },
      { maxResults: '0' },
      { accessType: 'admin' },
      { applicationKey: 'jira-software' },
    ];
    for (const params of invalid)
      expect({ params, status: (await bulk(USERS.alice, params)).status }).toStrictEqual({ params, status: 400 });
  });
});

describe('GET /user/picker', () => {
  const picker = (as: string, params: Record<string, string | string[]>) =>
    call(sim.url, as, '/rest/api/3/user/picker' + qs(params));

  it('finds active users by the start of a name word or the email address', async () => {
    const res = await picker(USERS.alice, { query: 'da' });
    expect(res.body).toStrictEqual({
      users: [
        {
          accountId: PEOPLE.ceo,
          accountType: 'atlassian',
          html: '<strong>Da</strong>na Chief - <strong>da</strong>na@example.com',
          displayName: 'Dana Chief',
        },
      ],
      total: 1,
      header: 'Showing 1 of 1 matching users',
    });
    expect(names((await picker(USERS.alice, { query: 'chief' })).body, 'users', 'accountId')).toStrictEqual([
      PEOPLE.ceo,
    ]);
    expect(names((await picker(USERS.alice, { query: 'ina' })).body, 'users', 'accountId')).toStrictEqual([]);
  });

  it('includes app accounts unless excludeConnectUsers, and excludes account ids', async () => {
    expect(names((await picker(USERS.alice, { query: 'auto' })).body, 'users', 'accountType')).toStrictEqual(['app']);
    expect(
      names((await picker(USERS.alice, { query: 'auto', excludeConnectUsers: 'true' })).body, 'users', 'accountId'),
    ).toStrictEqual([]);
    expect(
      names(
        (await picker(USERS.alice, { query: 'a', excludeAccountIds: `${USERS.alice},${USERS.admin}` })).body,
        'users',
        'accountId',
      ),
    ).not.toContain(USERS.alice);
  });

  it('takes the first maxResults users, then the matches among them, as the document warns', async () => {
    // By display name: Ada Admin, Alice Auditor, Automation for Jira, Bob Builder, Dana Chief...
    const res = await picker(USERS.alice, { query: 'dana', maxResults: '3' });
    expect(res.body).toMatchObject({ users: [], total: 1, header: 'Showing 0 of 1 matching users' });
  });

  it('without Browse users and groups finds exact names only', async () => {
    expect(names((await picker(USERS.bob, { query: 'dana' })).body, 'users', 'accountId')).toStrictEqual([]);
    expect(names((await picker(USERS.bob, { query: 'dana chief' })).body, 'users', 'accountId')).toStrictEqual([
      PEOPLE.ceo,
    ]);
  });

  it('adds the avatar on request; 400 without a query, with exclude, or a bad maxResults', async () => {
    const withAvatar = await picker(USERS.alice, { query: 'dana', showAvatar: 'true' });
    expect(String(at(withAvatar.body, 'users', 0, 'avatarUrl'))).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/secure\/useravatar/,
    );
    expect((await call(sim.url, USERS.alice, '/rest/api/3/user/picker')).status).toBe(400);
    expect((await picker(USERS.alice, { query: 'a', exclude: 'x' })).status).toBe(400);
    expect((await picker(USERS.alice, { query: 'a', maxResults: '0' })).status).toBe(400);
  });
});

describe('GET /myself', () => {
  it('counts the groups, and lists them with expand=groups', async () => {
    expect(at((await call(sim.url, USERS.alice, '/rest/api/3/myself')).body, 'groups')).toStrictEqual({
      size: 2,
      items: [],
    });
    const expanded = await call(sim.url, USERS.alice, '/rest/api/3/myself' + qs({ expand: 'groups' }));
    expect(names(at(expanded.body, 'groups'), 'items', 'name')).toStrictEqual(['board-advisors', 'Staff']);
  });
});
