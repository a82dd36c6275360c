import { defaultConfig } from '../../src/core/config';
import type { InvokeKey, ProjectReport } from '../../src/contract/invoke';
import { USERS, projectPage, startApp, type App } from '../support/app-harness';

let app: App;
beforeEach(async () => {
  app = await startApp();
});
afterEach(() => app.stop());

const withWindow = (days: number) => {
  const config = defaultConfig();
  config.categories['management-targets'].windowDays = days;
  return config;
};

describe('config/get', () => {
  test('defaults at version 0 before any save; anyone who can open a screen may read them', async () => {
    expect(await app.call(USERS.manager, 'config/get')).toEqual({
      ok: true,
      data: { config: defaultConfig(), version: 0, canEdit: false },
    });
    expect(await app.call(USERS.admin, 'config/get')).toEqual({
      ok: true,
      data: { config: defaultConfig(), version: 0, canEdit: true },
    });
  });
});

describe('config/save', () => {
  test('an admin saves; the version, author and time are returned and the report changes', async () => {
    const before: ProjectReport = (await app.call(USERS.lead, 'report/project', {}, projectPage())).data;
    expect(before.categories.find((c) => c.id === 'management-targets')?.status).toBe('stale');

    const saved = await app.call(USERS.admin, 'config/save', { config: withWindow(730), expectedVersion: 0 });
    expect(saved).toEqual({
      ok: true,
      data: {
        config: withWindow(730),
        version: 1,
        canEdit: true,
        updatedBy: { accountId: USERS.admin, displayName: 'Alex Morgan (Jira admin)' },
        updatedAt: '2026-11-28T12:00:00.000Z',
      },
    });
    expect((await app.call(USERS.manager, 'config/get')).data).toMatchObject({ version: 1, config: withWindow(730) });

    const after: ProjectReport = (await app.call(USERS.lead, 'report/project', {}, projectPage())).data;
    expect(after.categories.find((c) => c.id === 'management-targets')?.status).toBe('met');
  });

  test('a non-admin is FORBIDDEN and nothing is stored', async () => {
    const result = await app.call(USERS.lead, 'config/save', { config: withWindow(30), expectedVersion: 0 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only Jira administrators can change Clause 5.1 settings.' },
    });
    expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({ version: 0, config: defaultConfig() });
  });

  test('two admins saving from the same version: one wins, the other gets CONFLICT and changes nothing', async () => {
    const [a, b] = await Promise.all([
      app.call(USERS.admin, 'config/save', { config: withWindow(100), expectedVersion: 0 }),
      app.call(USERS.admin2, 'config/save', { config: withWindow(200), expectedVersion: 0 }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser.error).toEqual({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone else saved'),
      details: { currentVersion: 1 },
    });
    const winner = results.find((r) => r.ok);
    expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({ version: 1, config: winner.data.config });
  });

  test('a save from an old version is CONFLICT, even when sequential', async () => {
    await app.call(USERS.admin, 'config/save', { config: withWindow(100), expectedVersion: 0 });
    const stale = await app.call(USERS.admin2, 'config/save', { config: withWindow(200), expectedVersion: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: 1 } } });
    expect((await app.call(USERS.admin, 'config/get')).data.config).toEqual(withWindow(100));
  });

  test('an invalid config is INVALID_INPUT with field-level details, and the stored config is untouched', async () => {
    await app.call(USERS.admin, 'config/save', { config: withWindow(100), expectedVersion: 0 });
    const bad = withWindow(0);
    bad.categories.resources.labels = ['budget approved'];
    const result = await app.call(USERS.admin, 'config/save', { config: bad, expectedVersion: 1 });
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'config.categories.resources.labels.0', message: expect.stringContaining('cannot contain spaces') },
        {
          field: 'config.categories.management-targets.windowDays',
          message: expect.stringContaining('from 1 to 3660'),
        },
      ]),
    );
    expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({ version: 1, config: withWindow(100) });
  });
});

describe('config/reset and config/history', () => {
  test('reset goes back to the defaults as a new version; history lists who changed what, newest first', async () => {
    await app.call(USERS.admin, 'config/save', { config: withWindow(100), expectedVersion: 0 });
    const reset = await app.call(USERS.admin2, 'config/reset', { expectedVersion: 1 });
    expect(reset.data).toMatchObject({ version: 2, config: defaultConfig(), updatedBy: { accountId: USERS.admin2 } });

    const history = await app.call(USERS.admin, 'config/history');
    expect(history.data.changes).toEqual([
      {
        version: 2,
        action: 'reset',
        by: { accountId: USERS.admin2, displayName: 'Second Admin' },
        at: '2026-11-28T12:00:00.000Z',
        changes: [{ field: 'categories.management-targets.windowDays', from: 100, to: 365 }],
      },
      {
        version: 1,
        action: 'save',
        by: { accountId: USERS.admin, displayName: 'Alex Morgan (Jira admin)' },
        at: '2026-11-28T12:00:00.000Z',
        changes: [{ field: 'categories.management-targets.windowDays', from: 365, to: 100 }],
      },
    ]);
  });

  test('history keeps the last 50 changes', async () => {
    for (let v = 0; v < 52; v += 1) {
      const result = await app.call(USERS.admin, 'config/save', { config: withWindow(100 + v), expectedVersion: v });
      expect(result.ok).toBe(true);
    }
    const history = await app.call(USERS.admin, 'config/history');
    expect(history.data.changes).toHaveLength(50);
    expect(history.data.changes[0].version).toBe(52);
    expect(history.data.changes[49].version).toBe(3);
  });

  test('reset from an old version is CONFLICT', async () => {
    await app.call(USERS.admin, 'config/save', { config: withWindow(100), expectedVersion: 0 });
    expect(await app.call(USERS.admin, 'config/reset', { expectedVersion: 0 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  test.each<InvokeKey>(['config/reset', 'config/history'])('%s is FORBIDDEN for a non-admin', async (key) => {
    const payload = key === 'config/reset' ? { expectedVersion: 0 } : {};
    expect(await app.call(USERS.manager, key, payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a damaged stored record is reported to admins, never used to grade, and never locks anyone out', async () => {
    await app.call(USERS.admin, 'config/save', { config: withWindow(100), expectedVersion: 0 });
    app.forge.kvs.write([
      {
        namespace: 'kvs',
        key: 'config:version:0000000001',
        entry: { value: { version: 1, config: { categories: 'garbage' } }, createdAt: 0, updatedAt: 0 },
      },
    ]);
    const report = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(report).toMatchObject({ ok: true, data: { settingsNotice: expect.stringContaining('default settings') } });
    const categories = (report.data as ProjectReport).categories;
    expect(categories.find((c) => c.id === 'management-targets')?.status).toBe('stale');
    expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({
      version: 1,
      config: defaultConfig(),
      storedProblem: { version: 1, message: expect.stringContaining('categories must be an object') },
    });
    expect(await app.call(USERS.admin, 'config/reset', { expectedVersion: 1 })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
  });
});
