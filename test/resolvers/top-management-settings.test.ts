/**
 * The settings of spec 8.8 with Jira: the group and people pickers and the user-picker fields the
 * admin page offers, the names config/get gives admins (and which ones Jira no longer has), and
 * what config/save checks with Jira before anything is stored.
 */
import { MULTI_USER_PICKER_TYPE, USER_PICKER_TYPE } from '../../dev/simulator';
import { defaultConfig } from '../../src/core/config';
import type { CoverageConfig } from '../../src/core/types';
import type { InvokeKey } from '../../src/contract/invoke';
import { USERS, demoSite, useApp } from '../support/app-harness';

const BOARD = { groupId: '952d1b2c-6a1f-4a8e-9d7e-1f2a3b4c5d01', name: 'executive-board' };
const COMMITTEE = { groupId: '952d1b2c-6a1f-4a8e-9d7e-1f2a3b4c5d02', name: 'Executive Committee' };
const GONE_GROUP = '0b5e7c1d-0000-4000-8000-00000000dead';
const SIGNED_OFF_BY = 'customfield_10901';
const ATTENDEES = 'customfield_10902';
const APPROVED_ON = 'customfield_10042';
const CEO = 'demo-ceo';
const BOT = 'demo-automation';

function site() {
  const s = demoSite();
  s.users.push({
    accountId: BOT,
    displayName: 'Dana Automation',
    active: true,
    jiraAdmin: false,
    accountType: 'app',
  });
  return {
    ...s,
    groups: [
      { ...BOARD, members: [CEO, 'demo-cfo'] },
      { ...COMMITTEE, members: [CEO] },
    ],
    fields: [
      ...s.fields,
      {
        id: SIGNED_OFF_BY,
        name: 'Signed off by',
        custom: true,
        schema: { type: 'user', custom: USER_PICKER_TYPE, customId: 10901 },
      },
      {
        id: ATTENDEES,
        name: 'Attendees',
        custom: true,
        schema: { type: 'array', items: 'user', custom: MULTI_USER_PICKER_TYPE, customId: 10902 },
      },
    ],
  };
}

function topConfig(change: Partial<CoverageConfig> = {}): CoverageConfig {
  return {
    ...defaultConfig(),
    topManagement: { groups: [BOARD.groupId], accountIds: [CEO] },
    approverField: SIGNED_OFF_BY,
    attendeesField: ATTENDEES,
    ...change,
  };
}

// A short budget: a Jira that keeps failing is given up on in 2 s, as it would be in 23 s on Forge.
const app = useApp(site, { budgetMs: 2000 });
let version = 0;
/** Each test saves on top of the last: the store is shared by the describe block. */
async function save(config: CoverageConfig): Promise<any> {
  const result = await app.call(USERS.admin, 'config/save', { config, expectedVersion: version });
  if (result.ok) version = result.data.version;
  return result;
}
afterEach(() => app.forge.jira.replaceSite(site()));

describe('the pickers and user fields serve admins only', () => {
  test.each<[InvokeKey, unknown]>([
    ['jira/groups', { query: 'exec' }],
    ['jira/users', { query: 'dana' }],
    ['jira/user-fields', {}],
  ])('%s is FORBIDDEN for someone who is not a Jira admin, without searching Jira', async (key, payload) => {
    expect(await app.call(USERS.lead, key, payload)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only Jira administrators can change Clause 5.1 settings.' },
    });
    expect(app.forge.jira.stats.count('/rest/api/3/groups/picker')).toBe(0);
    expect(app.forge.jira.stats.count('/rest/api/3/user/picker')).toBe(0);
  });

  test('the group picker finds groups by part of their name, in any case, with their ids', async () => {
    expect(await app.call(USERS.admin, 'jira/groups', { query: 'EXEC' })).toEqual({
      ok: true,
      data: { groups: [BOARD, COMMITTEE].sort((a, b) => a.name.localeCompare(b.name)) },
    });
    expect((await app.call(USERS.admin, 'jira/groups', { query: 'board' })).data.groups).toEqual([BOARD]);
    expect((await app.call(USERS.admin, 'jira/groups', {})).data.groups).toHaveLength(2);
  });

  test('the people picker finds people and leaves out app accounts; an empty query asks Jira nothing', async () => {
    expect(await app.call(USERS.admin, 'jira/users', { query: 'dana' })).toEqual({
      ok: true,
      data: { users: [{ accountId: CEO, displayName: 'Dana Whitfield' }] },
    });
    app.forge.jira.stats.reset();
    expect(await app.call(USERS.admin, 'jira/users', { query: '  ' })).toEqual({ ok: true, data: { users: [] } });
    expect(app.forge.jira.stats.count('/rest/api/3/user/picker')).toBe(0);
  });

  test('user fields are the user-picker custom fields, single and multi, by name; date fields are not', async () => {
    const result = await app.call(USERS.admin, 'jira/user-fields');
    const fields: { id: string; name: string }[] = result.data.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { id: ATTENDEES, name: 'Attendees', multi: true },
        { id: SIGNED_OFF_BY, name: 'Signed off by', multi: false },
      ]),
    );
    expect(fields.map((f) => f.id)).not.toContain(APPROVED_ON);
    expect(fields.every((f) => f.id.startsWith('customfield_'))).toBe(true);
    expect(fields.map((f) => f.name)).toEqual(fields.map((f) => f.name).sort((a, b) => a.localeCompare(b)));
  });

  test.each([
    ['a number', { query: 7 }],
    ['a list', { query: ['exec'] }],
    ['text over 255 characters', { query: 'x'.repeat(256) }],
  ])('a search with a query of %s is INVALID_INPUT naming the query', async (_name, payload) => {
    for (const key of ['jira/groups', 'jira/users'] as const)
      expect(await app.call(USERS.admin, key, payload)).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          details: { fields: [{ field: 'query', message: 'must be text of at most 255 characters' }] },
        },
      });
  });

  test('unexpected payload fields are INVALID_INPUT, the user-field list included', async () => {
    expect(await app.call(USERS.admin, 'jira/groups', { query: 'x', groupId: BOARD.groupId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'groupId', message: 'is not expected here' }] } },
    });
    expect(await app.call(USERS.admin, 'jira/user-fields', { multi: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'multi', message: 'is not expected here' }] } },
    });
  });

  test('Jira failing on the picker is a typed error saying when to try again, never INTERNAL', async () => {
    app.forge.jira.faults.rateLimit(100, 90, { pathPrefix: '/rest/api/3/groups/picker' });
    expect(await app.call(USERS.admin, 'jira/groups', { query: 'exec' })).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Jira is rate limiting requests right now. Try again in 90 seconds.' },
    });
    app.forge.jira.faults.reset();
    app.forge.jira.faults.serverError(100, { status: 503, pathPrefix: '/rest/api/3/user/picker' });
    expect(await app.call(USERS.admin, 'jira/users', { query: 'dana' })).toMatchObject({
      ok: false,
      error: { code: 'JIRA_UNAVAILABLE' },
    });
  });

  test('a 5xx once on the picker is retried and the answer is complete', async () => {
    app.forge.jira.faults.serverError(1, { status: 502, pathPrefix: '/rest/api/3/groups/picker' });
    expect((await app.call(USERS.admin, 'jira/groups', { query: 'board' })).data.groups).toEqual([BOARD]);
    expect(app.forge.jira.stats.count('/rest/api/3/groups/picker')).toBe(2);
  });
});

describe('config/save checks the settings with Jira', () => {
  test('top management, the approver field and the attendees field are saved, with their names', async () => {
    const result = await save(topConfig());
    expect(result).toMatchObject({
      ok: true,
      data: {
        config: topConfig(),
        names: {
          groups: { [BOARD.groupId]: BOARD.name },
          people: { [CEO]: 'Dana Whitfield' },
          fields: { [SIGNED_OFF_BY]: 'Signed off by', [ATTENDEES]: 'Attendees' },
        },
      },
    });
    expect(result.data.names.problem).toBeUndefined();
    // The groups and fields read for the checks serve for the names too.
    expect(app.forge.jira.stats.count('/rest/api/3/group/bulk')).toBe(1);
    expect(app.forge.jira.stats.count('/rest/api/3/field')).toBe(1);
  });

  test.each([
    ['a date field as the approver', { approverField: APPROVED_ON }, 'approverField', 'is not a user-picker field'],
    [
      'a single-user picker as the attendees',
      { attendeesField: SIGNED_OFF_BY },
      'attendeesField',
      'is not a multi-user-picker field',
    ],
    ['a field Jira does not have', { approverField: 'customfield_99999' }, 'approverField', 'no longer exists in Jira'],
    [
      'a group Jira does not have',
      { topManagement: { groups: [BOARD.groupId, GONE_GROUP], accountIds: [] } },
      'topManagement.groups.1',
      'no longer exists in Jira',
    ],
  ])('%s is refused at that setting, and nothing is saved', async (_name, change, field, message) => {
    const before = (await app.call(USERS.admin, 'config/get')).data;
    const result = await save(topConfig(change));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `The settings were not saved: ${field} ${message}.`,
        details: { fields: [{ field: `config.${field}`, message }] },
      },
    });
    const after = (await app.call(USERS.admin, 'config/get')).data;
    expect(after.version).toBe(before.version);
    expect(after.config).toEqual(before.config);
  });

  test('a config that names nothing in Jira is saved without asking Jira about groups or fields', async () => {
    app.forge.jira.stats.reset();
    expect(await save(defaultConfig())).toMatchObject({ ok: true });
    expect(app.forge.jira.stats.count('/rest/api/3/group/bulk')).toBe(0);
    expect(app.forge.jira.stats.count('/rest/api/3/field')).toBe(0);
    expect(app.forge.jira.stats.count('/rest/api/3/user')).toBe(0);
  });

  test('Jira failing on the group check refuses the save with a typed error; nothing is saved', async () => {
    const before = (await app.call(USERS.admin, 'config/get')).data.version;
    app.forge.jira.faults.rateLimit(100, 120, { pathPrefix: '/rest/api/3/group/bulk' });
    expect(await save(topConfig())).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Jira is rate limiting requests right now. Try again in 2 minutes.' },
    });
    app.forge.jira.faults.reset();
    expect((await app.call(USERS.admin, 'config/get')).data.version).toBe(before);
  });

  test('an admin who may not read groups is told at the groups setting, not turned away', async () => {
    app.forge.jira.updateUser(USERS.admin, { browseUsersAndGroups: false });
    const result = await save(topConfig());
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: {
          fields: [{ field: 'config.topManagement.groups', message: expect.stringContaining('cannot be checked') }],
        },
      },
    });
  });

  test('a non-admin is FORBIDDEN before Jira is asked about groups or fields', async () => {
    app.forge.jira.stats.reset();
    expect(await app.call(USERS.lead, 'config/save', { config: topConfig(), expectedVersion: version })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(app.forge.jira.stats.count('/rest/api/3/group/bulk')).toBe(0);
  });

  test('a malformed group id is refused by the settings check before Jira is asked', async () => {
    app.forge.jira.stats.reset();
    const result = await save(topConfig({ topManagement: { groups: ['../admin'], accountIds: [] } }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'config.topManagement.groups.0' }] } },
    });
    expect(app.forge.jira.stats.count('/rest/api/3/group/bulk')).toBe(0);
  });
});

describe('config/get names what the settings hold', () => {
  test('a group and a field deleted from Jira since the save, and a person it never had, are named null', async () => {
    const config = topConfig({
      topManagement: { groups: [BOARD.groupId, COMMITTEE.groupId], accountIds: [CEO, 'demo-left-2025'] },
    });
    expect(await save(config)).toMatchObject({ ok: true, data: { names: { people: { 'demo-left-2025': null } } } });
    const current = app.forge.jira.site();
    app.forge.jira.replaceSite({
      ...current,
      groups: (current.groups ?? []).filter((g) => g.groupId !== COMMITTEE.groupId),
      fields: current.fields.filter((f) => f.id !== ATTENDEES),
    });
    app.forge.jira.stats.reset();
    expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({
      config,
      names: {
        groups: { [BOARD.groupId]: BOARD.name, [COMMITTEE.groupId]: null },
        people: { [CEO]: 'Dana Whitfield', 'demo-left-2025': null },
        fields: { [SIGNED_OFF_BY]: 'Signed off by', [ATTENDEES]: null },
      },
    });
    // Twenty groups at most, so one request with the ids repeated names them all; people one by one.
    const bulk = app.forge.jira.stats.requests.filter((r) => r.path === '/rest/api/3/group/bulk');
    expect(bulk.map((r) => r.query.groupId)).toEqual([[BOARD.groupId, COMMITTEE.groupId]]);
    expect(app.forge.jira.stats.count('/rest/api/3/user')).toBe(2);
  });

  test('names are for admins: others get the settings alone, and Jira is not asked', async () => {
    await save(topConfig());
    app.forge.jira.stats.reset();
    const result = await app.call(USERS.manager, 'config/get');
    expect(result.data.names).toBeUndefined();
    expect(result.data.config.topManagement).toEqual({ groups: [BOARD.groupId], accountIds: [CEO] });
    expect(app.forge.jira.stats.count('/rest/api/3/group/bulk')).toBe(0);
  });

  test('names Jira cannot give are said, and the settings still load', async () => {
    await save(topConfig());
    app.forge.jira.faults.serverError(100, { status: 503, pathPrefix: '/rest/api/3/group/bulk' });
    const result = await app.call(USERS.admin, 'config/get');
    expect(result).toMatchObject({
      ok: true,
      data: {
        canEdit: true,
        config: topConfig(),
        names: {
          groups: {},
          people: { [CEO]: 'Dana Whitfield' },
          problem: expect.stringMatching(/^Some names could not be read from Jira: Jira is not answering right now/),
        },
      },
    });
  });
});
