/**
 * GET /rest/api/3/group/member in the simulator: every answer checked against Atlassian's OpenAPI document
 * (PageBeanUserDetails for a 200, ErrorCollection for an error), paging, inactive users, the group by id or
 * name, 400, 403 (neither Browse users and groups nor Administer Jira), 404, faults and the points it costs.
 */
import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { siteGroup, siteUser } from '../../dev/simulator/site-builders';
import type { SiteData } from '../../dev/simulator/site-types';
import { openApi, OPENAPI_PATH } from './support/openapi';
import { at, call, qs, type SimCall } from './support/sim-client';
import { BOARD, PEOPLE, STAFF, substanceSite, USERS } from './support/substance-site';

const PATH = '/rest/api/3/group/member';
const spec = openApi();
if (!spec) console.warn(`group/member contract checks SKIPPED: OpenAPI document not found at ${OPENAPI_PATH}`);

/** 120 members: every 12th inactive (10), two app accounts; display names "Member 001" on. */
const MANY = Array.from({ length: 120 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return siteUser(`acc-m${n}`, {
    displayName: `Member ${n}`,
    active: (i + 1) % 12 !== 0,
    ...(i === 4 || i === 5 ? { accountType: 'app' as const } : {}),
  });
});
const EVERYONE = siteGroup('3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a', 'everyone-120', [...MANY.map((u) => u.accountId)]);
/** Staff plus the inactive fixture user. */
const WITH_INACTIVE = siteGroup('7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918', 'with-inactive', [
  USERS.alice,
  USERS.inactive,
  PEOPLE.bot,
]);

function site(): SiteData {
  const base = substanceSite();
  return {
    ...base,
    users: [...base.users, ...MANY],
    groups: [...(base.groups ?? []), EVERYONE, WITH_INACTIVE],
  };
}

let sim: JiraSimulator;
beforeAll(async () => {
  sim = await startJiraSimulator(site());
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.faults.reset();
  sim.stats.reset();
  sim.quota.reset();
});

const members = (as: string, params: Record<string, string | number>) => call(sim.url, as, PATH + qs(params));

/** The status, and the body checked against the document: PageBeanUserDetails, or ErrorCollection for an error. */
function expectContract(res: SimCall, status: number): void {
  expect(res.status).toBe(status);
  if (!spec) return;
  const problems =
    status === 200 ? spec.responseProblems('GET', PATH, res.body) : spec.schemaProblems('ErrorCollection', res.body);
  expect({ status, problems }).toStrictEqual({ status, problems: [] });
}

const ids = (body: unknown): unknown[] => {
  const values = at(body, 'values');
  if (!Array.isArray(values)) throw new Error('no values');
  return values.map((v: unknown) => at(v, 'accountId'));
};

describe('GET /group/member', () => {
  it('the validator is not vacuous: a page off the document is rejected', () => {
    if (!spec) return;
    expect(spec.responseProblems('GET', PATH, { values: [{ accountId: 'a', surprise: true }] })).not.toStrictEqual([]);
    expect(spec.responseProblems('GET', PATH, { values: 'nobody' })).not.toStrictEqual([]);
  });

  it("lists a group's active members as UserDetails, by display name, in one page", async () => {
    const res = await members(USERS.alice, { groupId: STAFF.groupId, includeInactiveUsers: 'false' });
    expectContract(res, 200);
    const self = `${sim.url}${PATH}?groupId=${STAFF.groupId}&includeInactiveUsers=false&startAt=0&maxResults=50`;
    expect(res.body).toStrictEqual({
      self,
      maxResults: 50,
      startAt: 0,
      total: 3,
      isLast: true,
      values: [
        expect.objectContaining({ accountId: USERS.alice, displayName: 'Alice Auditor', active: true }),
        expect.objectContaining({ accountId: USERS.bob, displayName: 'Bob Builder', active: true }),
        expect.objectContaining({ accountId: PEOPLE.ceo, displayName: 'Dana Chief', active: true }),
      ],
    });
    expect(at(res.body, 'values', 2)).toStrictEqual({
      self: `${sim.url}/rest/api/3/user?accountId=${PEOPLE.ceo}`,
      accountId: PEOPLE.ceo,
      accountType: 'atlassian',
      emailAddress: 'dana@example.com',
      avatarUrls: expect.any(Object) as unknown,
      displayName: 'Dana Chief',
      active: true,
      timeZone: 'Etc/UTC',
    });
  });

  it('pages 120 members 50 at a time, nextPage carrying the request on, and leaves inactive ones out', async () => {
    const seen: unknown[] = [];
    let startAt = 0;
    const pages: unknown[] = [];
    for (;;) {
      const res = await members(USERS.alice, { groupId: EVERYONE.groupId, startAt, maxResults: 50 });
      expectContract(res, 200);
      pages.push([at(res.body, 'startAt'), at(res.body, 'total'), at(res.body, 'isLast')]);
      seen.push(...ids(res.body));
      if (at(res.body, 'isLast') === true) {
        expect(res.body).not.toHaveProperty('nextPage');
        break;
      }
      const next = new URL(String(at(res.body, 'nextPage')));
      expect(Object.fromEntries(next.searchParams)).toStrictEqual({
        groupId: EVERYONE.groupId,
        includeInactiveUsers: 'false',
        startAt: String(startAt + 50),
        maxResults: '50',
      });
      startAt += 50;
    }
    expect(pages).toStrictEqual([
      [0, 110, false],
      [50, 110, false],
      [100, 110, true],
    ]);
    const active = MANY.filter((u) => u.active).map((u) => u.accountId);
    expect(seen).toStrictEqual(active);
    // App accounts are members like anyone: the client decides what to do with them.
    expect(seen).toContain('acc-m005');
  });

  it('includeInactiveUsers=true lists inactive members too; false is the default', async () => {
    const all = await members(USERS.alice, { groupId: WITH_INACTIVE.groupId, includeInactiveUsers: 'true' });
    expectContract(all, 200);
    expect(ids(all.body)).toStrictEqual([USERS.alice, PEOPLE.bot, USERS.inactive]);
    expect(at(all.body, 'values', 2, 'active')).toBe(false);
    const byDefault = await members(USERS.alice, { groupId: WITH_INACTIVE.groupId });
    expect(ids(byDefault.body)).toStrictEqual([USERS.alice, PEOPLE.bot]);
    expect(at(byDefault.body, 'values', 1, 'accountType')).toBe('app');
    expect(at(byDefault.body, 'self')).toContain('includeInactiveUsers=false');
  });

  it('maxResults above 50 gets pages of 50; a start past the end is an empty last page', async () => {
    const big = await members(USERS.alice, { groupId: EVERYONE.groupId, maxResults: 1000 });
    expectContract(big, 200);
    expect(at(big.body, 'maxResults')).toBe(50);
    expect(ids(big.body)).toHaveLength(50);
    const past = await members(USERS.alice, { groupId: EVERYONE.groupId, startAt: 500 });
    expectContract(past, 200);
    expect(past.body).toMatchObject({ startAt: 500, total: 110, isLast: true, values: [] });
  });

  it('takes the group by groupname too, ignoring case, and keeps it in the page links', async () => {
    const res = await members(USERS.alice, { groupname: 'BOARD', maxResults: 1 });
    expectContract(res, 200);
    expect(ids(res.body)).toStrictEqual([PEOPLE.ceo]);
    expect(at(res.body, 'nextPage')).toBe(
      `${sim.url}${PATH}?groupname=BOARD&includeInactiveUsers=false&startAt=1&maxResults=1`,
    );
  });

  it('404 for a group id or name nobody has', async () => {
    const gone = await members(USERS.alice, { groupId: 'gone-0000' });
    expectContract(gone, 404);
    expect(gone.body).toStrictEqual({ errorMessages: ["No group could be found with id 'gone-0000'."], errors: {} });
    expectContract(await members(USERS.alice, { groupname: 'nobody' }), 404);
  });

  it('403 without Browse users and groups, before any 404; a Jira admin without it may still list', async () => {
    for (const groupId of [BOARD.groupId, 'gone-0000']) {
      const res = await members(USERS.bob, { groupId });
      expectContract(res, 403);
      expect(res.body).toStrictEqual({
        errorMessages: ['You do not have the permission to browse users and groups.'],
        errors: {},
      });
    }
    sim.updateUser(USERS.admin, { browseUsersAndGroups: false });
    try {
      expectContract(await members(USERS.admin, { groupId: BOARD.groupId }), 200);
    } finally {
      sim.updateUser(USERS.admin, { browseUsersAndGroups: true });
    }
    // The app user holds the permission (the groups apps are in).
    expectContract(await members('app', { groupId: BOARD.groupId }), 200);
  });

  it.each([
    ['no group', {}],
    ['an empty groupId', { groupId: '' }],
    ['both groupId and groupname', { groupId: BOARD.groupId, groupname: 'board' }],
    ['a negative startAt', { groupId: BOARD.groupId, startAt: -1 }],
    ['maxResults 0', { groupId: BOARD.groupId, maxResults: 0 }],
    ['maxResults not a number', { groupId: BOARD.groupId, maxResults: 'ten' }],
    ['includeInactiveUsers not a boolean', { groupId: BOARD.groupId, includeInactiveUsers: 'yes' }],
  ])('400 for %s, even without the permission', async (_label, params: Record<string, string | number>) => {
    expectContract(await members(USERS.alice, params), 400);
    expect((await members(USERS.bob, params)).status).toBe(400);
  });

  it('401 for an unknown caller', async () => {
    expectContract(await members('acc-nobody', { groupId: BOARD.groupId }), 401);
  });

  it('follows membership changes', async () => {
    const before = sim.site();
    try {
      sim.replaceSite({
        ...before,
        groups: (before.groups ?? []).map((g) => (g.groupId === BOARD.groupId ? { ...g, members: [PEOPLE.cfo] } : g)),
      });
      expect(ids((await members(USERS.alice, { groupId: BOARD.groupId })).body)).toStrictEqual([PEOPLE.cfo]);
    } finally {
      sim.replaceSite(before);
    }
  });

  it('costs 1 point plus 2 per member listed; an error 1', async () => {
    await members(USERS.alice, { groupId: EVERYONE.groupId });
    expect(sim.quota.points(PATH)).toBe(1 + 50 * 2);
    await members(USERS.alice, { groupId: EVERYONE.groupId, startAt: 100 });
    expect(sim.quota.points(PATH)).toBe(101 + 1 + 10 * 2);
    await members(USERS.bob, { groupId: EVERYONE.groupId });
    await members(USERS.alice, { groupId: 'gone-0000' });
    expect(sim.quota.points(PATH)).toBe(122 + 1 + 1);
  });

  it('injected 429s and 5xx answer it in the error shape, and cost nothing', async () => {
    sim.faults.rateLimit(1, 3, { pathPrefix: PATH });
    sim.faults.serverError(1, { pathPrefix: PATH, status: 503 });
    const limited = await members(USERS.alice, { groupId: BOARD.groupId });
    expectContract(limited, 429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expectContract(await members(USERS.alice, { groupId: BOARD.groupId }), 503);
    expectContract(await members(USERS.alice, { groupId: BOARD.groupId }), 200);
    expect(sim.stats.count(PATH)).toBe(3);
    expect(sim.quota.points(PATH)).toBe(1 + 2 * 2);
  });
});
