/**
 * The top management groups' members (spec 13.1), run for real: @forge/api's asUser() through the local Forge
 * runtime to the Jira simulator's group/member. Bodies Jira would never send come from a stand-in server the
 * runtime is pointed at for those tests alone.
 */
import { runInvocation, startLocalForge, type LocalForge } from '../../dev/runtime';
import { useStubJira } from '../support/stub-jira';
import { siteGroup, siteProject, siteUser } from '../../dev/simulator/site-builders';
import type { SiteData, SiteUser } from '../../dev/simulator/site-types';
import { Budget } from '../../src/jira/budget';
import { JiraClient, type JiraResponse } from '../../src/jira/client';
import { groupMembers, type GroupMember, type GroupMembers } from '../../src/jira/group-members';

const PATH = '/rest/api/3/group/member';
const ALICE = 'acc-alice';
/** Lacks Browse users and groups. */
const MANAGER = 'acc-manager';

const person = (accountId: string, displayName: string, extra: Partial<SiteUser> = {}): SiteUser =>
  siteUser(accountId, { displayName, ...extra });

const CEO = person('acc-ceo', 'Dana Chief');
const CFO = person('acc-cfo', 'Rahul Money');
const COO = person('acc-coo', 'Oona Ops');
const GONE = person('acc-gone', 'Gil Gone', { active: false });
const BOT = person('acc-bot', 'Automation for Jira', { accountType: 'app' });

/** `count` people "Member 001" on: every 12th inactive, the 5th and 6th app accounts. */
function many(count: number): SiteUser[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return person(`acc-m${n}`, `Member ${n}`, {
      active: (i + 1) % 12 !== 0,
      ...(i === 4 || i === 5 ? { accountType: 'app' as const } : {}),
    });
  });
}

const BOARD = siteGroup('0b6c5a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21', 'board', [CEO.accountId, CFO.accountId]);
const EXEC = siteGroup('5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d10', 'executives', [
  CFO.accountId,
  COO.accountId,
  GONE.accountId,
  BOT.accountId,
]);
const LARGE = siteGroup('3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a', 'leadership-120', []);
const MISSING = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function site(members = 120): SiteData {
  const crowd = many(members);
  return {
    users: [
      person(ALICE, 'Alice Auditor'),
      person(MANAGER, 'Mo Manager', { browseUsersAndGroups: false }),
      CEO,
      CFO,
      COO,
      GONE,
      BOT,
      ...crowd,
    ],
    projects: [siteProject('ISMS', '10000', { browsers: '*' })],
    securityLevels: [],
    fields: [],
    issues: [],
    groups: [BOARD, EXEC, { ...LARGE, members: crowd.map((u) => u.accountId) }],
  };
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
 * Runs `work` as `accountId` with a client on a budget (5 s by default) whose clock moves on by each retry's
 * wait, taken in full, so a retry costs no real time and a failing Jira spends the budget as it would on Forge.
 */
function as<T>(accountId: string, work: (client: JiraClient) => Promise<T>, budgetMs = 5_000): Promise<T> {
  let slept = 0;
  const client = new JiraClient({
    budget: new Budget(budgetMs, () => Date.now() + slept),
    sleep: (ms) => {
      slept += ms;
      return Promise.resolve();
    },
    random: () => 1,
  });
  return runInvocation(accountId, () => work(client));
}

const read = (accountId: string, groupIds: string[], names?: ReadonlyMap<string, string>): Promise<GroupMembers> =>
  as(accountId, (client) => groupMembers(client, groupIds, names));

/** Group id and startAt of each group/member request sent, oldest first, with its status. */
const requests = () =>
  forge.jira.stats.requests
    .filter((r) => r.path === PATH)
    .map((r) => [r.query['groupId']?.[0], r.query['startAt']?.[0], r.status]);

const member = (u: SiteUser): GroupMember => ({ accountId: u.accountId, displayName: u.displayName });

describe('groupMembers', () => {
  test('reads a group once, as the user, with the documented parameters', async () => {
    expect(await read(ALICE, [BOARD.groupId])).toStrictEqual({
      members: new Map([[BOARD.groupId, [member(CEO), member(CFO)]]]),
    });
    expect(forge.jira.stats.requests).toStrictEqual([
      {
        method: 'GET',
        path: PATH,
        query: { groupId: [BOARD.groupId], includeInactiveUsers: ['false'], startAt: ['0'], maxResults: ['50'] },
        accountId: ALICE,
        asApp: false,
        status: 200,
      },
    ]);
  });

  test('no groups: nothing asked', async () => {
    expect(await read(ALICE, [])).toStrictEqual({ members: new Map() });
    expect(forge.jira.stats.total).toBe(0);
  });

  test('reads every page of a large group, one request per page of 50', async () => {
    const { members, problem } = await read(ALICE, [LARGE.groupId]);
    expect(problem).toBeUndefined();
    // 120 less 10 inactive (Jira leaves them out) and 2 app accounts (the reader does).
    const expected = many(120)
      .filter((u) => u.active && u.accountType !== 'app')
      .map(member);
    expect(members.get(LARGE.groupId)).toStrictEqual(expected);
    expect(expected).toHaveLength(108);
    expect(requests()).toStrictEqual([
      [LARGE.groupId, '0', 200],
      [LARGE.groupId, '50', 200],
      [LARGE.groupId, '100', 200],
    ]);
  });

  test('a group of exactly 50 is one request', async () => {
    forge.jira.replaceSite(site(50));
    expect((await read(ALICE, [LARGE.groupId])).members.get(LARGE.groupId)).toHaveLength(50 - 4 - 2);
    expect(requests()).toHaveLength(1);
  });

  test('two groups sharing a member: each group lists them (merging is the caller’s); a group named twice is read once', async () => {
    const result = await read(ALICE, [BOARD.groupId, EXEC.groupId, BOARD.groupId]);
    expect(result).toStrictEqual({
      members: new Map([
        [BOARD.groupId, [member(CEO), member(CFO)]],
        // Oona Ops and Rahul Money; the inactive member and the app account are left out.
        [EXEC.groupId, [member(COO), member(CFO)]],
      ]),
    });
    expect(requests()).toStrictEqual([
      [BOARD.groupId, '0', 200],
      [EXEC.groupId, '0', 200],
    ]);
  });

  test('a viewer without Browse users and groups: a sentence saying why, no error, one request', async () => {
    const result = await read(MANAGER, [BOARD.groupId, EXEC.groupId, LARGE.groupId]);
    expect(result).toStrictEqual({
      members: new Map(),
      problem: "Jira did not list the members of the named groups: you lack Jira's Browse users and groups permission.",
    });
    expect(requests()).toStrictEqual([[BOARD.groupId, '0', 403]]);
  });

  test('a group that no longer exists is named, by name where known; the other groups are still read', async () => {
    const names = new Map([[MISSING, 'old-board']]);
    expect(await read(ALICE, [MISSING, BOARD.groupId], names)).toStrictEqual({
      members: new Map([[BOARD.groupId, [member(CEO), member(CFO)]]]),
      problem: 'The group “old-board” no longer exists in Jira.',
    });
    const other = 'ffffffff-0000-4000-8000-000000000000';
    expect(await read(ALICE, [BOARD.groupId, MISSING, other])).toMatchObject({
      problem: `The groups ${MISSING}, ${other} no longer exist in Jira.`,
    });
  });

  test('a 500 is retried and the read goes on; a 429 likewise', async () => {
    forge.jira.faults.serverError(1, { pathPrefix: PATH });
    forge.jira.faults.rateLimit(1, 0, { pathPrefix: PATH });
    expect(await read(ALICE, [BOARD.groupId])).toStrictEqual({
      members: new Map([[BOARD.groupId, [member(CEO), member(CFO)]]]),
    });
    expect(requests().map(([, , status]) => status)).toStrictEqual([500, 429, 200]);
  });

  test('Jira failing until the budget is spent: a sentence, and no other group started', async () => {
    forge.jira.faults.serverError(100, { pathPrefix: PATH });
    const result = await read(ALICE, [BOARD.groupId, EXEC.groupId]);
    expect(result).toStrictEqual({
      members: new Map(),
      problem: `The members of the groups ${BOARD.groupId}, ${EXEC.groupId} could not be read: Jira is not answering right now. Try again in a minute.`,
    });
    // Waits of 250, 500, 1000 and 2000 ms fit the 5 s budget; the fifth, 4000 ms, does not.
    expect(requests()).toStrictEqual(Array.from({ length: 5 }, () => [BOARD.groupId, '0', 500]));
  });

  test('rate limited past the budget: RATE_LIMITED said, the groups already read kept', async () => {
    forge.jira.faults.rateLimit(100, 30, { pathPrefix: PATH, afterRequests: 1 });
    const result = await read(ALICE, [BOARD.groupId, EXEC.groupId], new Map([[EXEC.groupId, 'executives']]));
    expect(result).toStrictEqual({
      members: new Map([[BOARD.groupId, [member(CEO), member(CFO)]]]),
      problem:
        'The members of the group “executives” could not be read: Jira is rate limiting requests right now. Try again in 30 seconds.',
    });
    expect(requests()).toStrictEqual([
      [BOARD.groupId, '0', 200],
      [EXEC.groupId, '0', 429],
    ]);
  });

  test('a failure on a later page leaves the whole group out: no half a group', async () => {
    forge.jira.faults.serverError(100, { pathPrefix: PATH, afterRequests: 1 });
    const result = await read(ALICE, [LARGE.groupId]);
    expect(result.members).toStrictEqual(new Map());
    expect(result.problem).toBe(
      `The members of the group ${LARGE.groupId} could not be read: Jira is not answering right now. Try again in a minute.`,
    );
    expect(requests()[0]).toStrictEqual([LARGE.groupId, '0', 200]);
  });

  test('no budget left: a sentence, nothing sent', async () => {
    const result = await as(ALICE, (client) => groupMembers(client, [BOARD.groupId]), 0);
    expect(result).toStrictEqual({
      members: new Map(),
      problem: `The members of the group ${BOARD.groupId} could not be read: Jira did not answer in time. Try again in a moment.`,
    });
    expect(forge.jira.stats.total).toBe(0);
  });

  test('a fault in the app itself is thrown, not said', async () => {
    class Broken extends JiraClient {
      override get(): Promise<JiraResponse> {
        return Promise.reject(new TypeError('a bug'));
      }
    }
    const client = new Broken({ budget: new Budget(5_000) });
    await expect(groupMembers(client, [BOARD.groupId, EXEC.groupId])).rejects.toThrow(TypeError);
  });

  describe('an answer the app cannot read', () => {
    const { reply, replyText, seen } = useStubJira(() => forge);
    const startAts = () => seen.map((url) => new URL(url, 'http://x').searchParams.get('startAt'));

    test.each([
      ['no values', { isLast: true, total: 0 }],
      ['values that are not a list', { values: { accountId: 'acc-ceo' }, isLast: true }],
      ['a list instead of a page', [{ accountId: 'acc-ceo', displayName: 'Dana Chief' }]],
      ['null', null],
    ])('%s: the group is said to be unreadable', async (_label, body) => {
      reply(body);
      expect(await read(ALICE, [BOARD.groupId])).toStrictEqual({
        members: new Map(),
        problem: `The members of the group ${BOARD.groupId} could not be read: Jira answered the group members request with something the app cannot read.`,
      });
      expect(seen).toHaveLength(1);
    });

    test('an unreadable answer for one group does not stop the others', async () => {
      reply({ values: 'nobody' });
      const result = await read(ALICE, [BOARD.groupId, EXEC.groupId]);
      expect(result.problem).toBe(
        `The members of the groups ${BOARD.groupId}, ${EXEC.groupId} could not be read: Jira answered the group members request with something the app cannot read.`,
      );
      expect(seen).toHaveLength(2);
    });

    test('a body that is not JSON: said too', async () => {
      replyText('<html>Jira is down for maintenance</html>', 200);
      const result = await read(ALICE, [BOARD.groupId]);
      expect(result.members).toStrictEqual(new Map());
      expect(result.problem).toContain('not JSON');
    });

    test('entries without an account id, app accounts and inactive people are skipped; a nameless one is named by its id', async () => {
      reply({
        isLast: true,
        values: [
          { accountId: 'acc-ceo', displayName: 'Dana Chief', active: true, accountType: 'atlassian' },
          { displayName: 'No id' },
          { accountId: 42, displayName: 'Numeric id' },
          { accountId: '', displayName: 'Empty id' },
          null,
          'acc-cfo',
          { accountId: 'acc-bot', displayName: 'Automation for Jira', accountType: 'app' },
          { accountId: 'acc-old', displayName: 'Old Timer', active: false },
          { accountId: 'acc-coo' },
          { accountId: 'acc-ceo', displayName: 'Dana Chief' },
        ],
      });
      expect(await read(ALICE, [BOARD.groupId])).toStrictEqual({
        members: new Map([
          [
            BOARD.groupId,
            [
              { accountId: 'acc-ceo', displayName: 'Dana Chief' },
              { accountId: 'acc-coo', displayName: 'acc-coo' },
            ],
          ],
        ]),
      });
    });

    test('a page without isLast ends at total, and an empty page ends the read', async () => {
      reply({ total: 1, values: [{ accountId: 'acc-ceo', displayName: 'Dana Chief' }] });
      expect((await read(ALICE, [BOARD.groupId])).members.get(BOARD.groupId)).toHaveLength(1);
      expect(startAts()).toStrictEqual(['0']);
      seen.length = 0;
      reply({ isLast: false, values: [] });
      expect(await read(ALICE, [BOARD.groupId])).toStrictEqual({ members: new Map([[BOARD.groupId, []]]) });
      expect(startAts()).toStrictEqual(['0']);
    });

    test('a Jira that never says a page is the last is read 20 pages and no more, and says so', async () => {
      reply({ isLast: false, total: 5000, values: [{ accountId: 'acc-same', displayName: 'Same Person' }] });
      const result = await read(ALICE, [BOARD.groupId], new Map([[BOARD.groupId, 'board']]));
      expect(result).toStrictEqual({
        members: new Map([[BOARD.groupId, [{ accountId: 'acc-same', displayName: 'Same Person' }]]]),
        problem: 'Only 1 of the 5000 active members of the group “board” was read.',
      });
      expect(startAts()).toStrictEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    });

    test('a 400 is said in Jira’s words, and the other groups are still asked', async () => {
      reply({ errorMessages: ['Something odd'], errors: {} }, 400);
      const result = await read(ALICE, [BOARD.groupId, EXEC.groupId]);
      expect(result).toStrictEqual({
        members: new Map(),
        problem: `The members of the groups ${BOARD.groupId}, ${EXEC.groupId} could not be read: Jira refused to read the members of a group (400): Something odd.`,
      });
      expect(seen).toHaveLength(2);
    });
  });
});
