import { defaultConfig } from '../../src/core/config';
import { CONFIG_SCHEMA } from '../../src/core/config-migrations';
import type { ConfigState, IssueReport, ProjectReport } from '../../src/contract/invoke';
import type { JsonValue } from '../../dev/simulator/json';
import { USERS, issuePanel, projectPage, startApp, type App } from '../support/app-harness';
import { HEAD_KEY, plant, remove, sizeOf, versionKey } from './support/stored-settings';

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
const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;
const author = { accountId: USERS.admin, displayName: 'Alex Morgan (Jira admin)' };
const at = '2026-11-01T09:00:00.000Z';

/** A record as this version writes it, with `config` replaced. */
const recordWith = (config: unknown, extra: Record<string, unknown> = {}): JsonValue =>
  asJson({ schema: CONFIG_SCHEMA, version: 1, action: 'save', by: author, at, changes: [], config, ...extra });

const configWith = (change: (c: Record<string, any>) => void): unknown => {
  const c = asJson(defaultConfig()) as Record<string, any>;
  change(c);
  return c;
};

/** Stores `value` as version 1, as if a save had written it. */
function storeAsVersion1(value: JsonValue): void {
  plant(app.forge.kvs, versionKey(1), value);
  plant(app.forge.kvs, HEAD_KEY, { version: 1 });
}

describe('stored settings that cannot be used never lock anyone out', () => {
  const damaged: [string, JsonValue, string][] = [
    ['a plain string', 'garbage', 'the stored record is plain text'],
    ['null', null, 'the stored record is empty'],
    ['a list', [1, 2, 3], 'the stored record is a list'],
    ['a record without config', { version: 1 }, 'the configuration must be an object'],
    ['a damaged shape', { version: 1, config: { categories: 'garbage' } }, 'categories must be an object'],
    [
      'an unknown category id',
      recordWith(configWith((c) => (c.categories.coffee = { labels: ['coffee'], enabled: true, windowDays: 365 }))),
      'categories.coffee is not a Clause 5.1 category',
    ],
    [
      'a window out of range',
      recordWith(configWith((c) => (c.categories.resources.windowDays = 99999))),
      'categories.resources.windowDays must be a whole number of days from 1 to 3660',
    ],
    [
      'a record from a newer version of the app',
      recordWith(defaultConfig(), { schema: CONFIG_SCHEMA + 1 }),
      'newer version',
    ],
    ['a schema that is not a number', recordWith(defaultConfig(), { schema: 'two' }), 'which schema'],
  ];

  test.each(damaged)('%s: admins are told what is wrong, on the defaults', async (_name, value, problem) => {
    storeAsVersion1(value);
    const result = await app.call(USERS.admin, 'config/get');
    expect(result).toEqual({
      ok: true,
      data: {
        config: defaultConfig(),
        version: 1,
        canEdit: true,
        ...(typeof value === 'object' && value !== null && !Array.isArray(value) && 'by' in value
          ? { updatedBy: author, updatedAt: at }
          : {}),
        storedProblem: {
          version: 1,
          message: expect.stringContaining(problem) as string,
        },
      },
    });
    const state = result.data as ConfigState;
    expect(state.storedProblem?.message).toMatch(/^The saved settings \(version 1\) cannot be used: /);
    // Anyone else sees the settings in use, not the details.
    expect((await app.call(USERS.manager, 'config/get')).data).toEqual({
      config: defaultConfig(),
      version: 1,
      canEdit: false,
      ...(state.updatedBy ? { updatedBy: author, updatedAt: at } : {}),
    });
  });

  test.each(damaged)('%s: the project page and issue panel grade with the defaults and say so', async (_n, value) => {
    const graded: ProjectReport = (await app.call(USERS.lead, 'report/project', {}, projectPage())).data;
    expect(graded.settingsNotice).toBeUndefined();
    storeAsVersion1(value);

    const report = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(report.ok).toBe(true);
    const data = report.data as ProjectReport;
    expect(data.settingsNotice).toContain('graded with the default settings until a Jira admin saves or resets them');
    expect({ coverage: data.coverage, verdict: data.verdict, categories: data.categories }).toEqual({
      coverage: graded.coverage,
      verdict: graded.verdict,
      categories: graded.categories,
    });

    const issue = await app.call(USERS.lead, 'report/issue', {}, issuePanel('ISMS-1'));
    expect(issue.ok).toBe(true);
    expect((issue.data as IssueReport).settingsNotice).toContain('default settings');
  });

  test.each(damaged)('%s: a save from that version replaces it', async (_name, value) => {
    storeAsVersion1(value);
    const saved = await app.call(USERS.admin, 'config/save', { config: withWindow(200), expectedVersion: 1 });
    expect(saved).toMatchObject({ ok: true, data: { version: 2, config: withWindow(200) } });
    expect(saved.data.storedProblem).toBeUndefined();
    const state = (await app.call(USERS.admin, 'config/get')).data as ConfigState;
    expect(state).toMatchObject({ version: 2, config: withWindow(200) });
    expect(state.storedProblem).toBeUndefined();
    const report: ProjectReport = (await app.call(USERS.lead, 'report/project', {}, projectPage())).data;
    expect(report.settingsNotice).toBeUndefined();
  });

  test.each(damaged)('%s: a reset from that version replaces it', async (_name, value) => {
    storeAsVersion1(value);
    const reset = await app.call(USERS.admin, 'config/reset', { expectedVersion: 1 });
    expect(reset).toMatchObject({ ok: true, data: { version: 2, config: defaultConfig() } });
    expect(((await app.call(USERS.admin, 'config/get')).data as ConfigState).storedProblem).toBeUndefined();
    // The history still lists what it can.
    const history = await app.call(USERS.admin, 'config/history');
    expect(history.ok).toBe(true);
    expect(history.data.changes[0]).toMatchObject({ version: 2, action: 'reset' });
  });

  test('a save from before the damaged record is still CONFLICT, naming its version', async () => {
    storeAsVersion1('garbage');
    expect(await app.call(USERS.admin, 'config/save', { config: withWindow(200), expectedVersion: 0 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { currentVersion: 1 } },
    });
  });

  test('the problem quotes the bad value cut short: a 100,000-character label is not echoed', async () => {
    const label = `a b${'x'.repeat(100_000)}`;
    storeAsVersion1(recordWith(configWith((c) => (c.categories.resources.labels = [label]))));
    const result = await app.call(USERS.admin, 'config/get');
    const message = (result.data as ConfigState).storedProblem?.message ?? '';
    expect(message).toContain('categories.resources.labels.0');
    expect(message.length).toBeLessThan(1000);
    expect(sizeOf(result)).toBeLessThan(5000);
  });
});

describe('records written by an older version are migrated on read', () => {
  test('a record without a schema field (what the app wrote until now) is used as it is', async () => {
    plant(
      app.forge.kvs,
      versionKey(1),
      asJson({ version: 1, action: 'save', by: author, at, changes: [], config: withWindow(100) }),
    );
    plant(app.forge.kvs, HEAD_KEY, { version: 1 });
    expect(await app.call(USERS.admin, 'config/get')).toEqual({
      ok: true,
      data: { config: withWindow(100), version: 1, canEdit: true, updatedBy: author, updatedAt: at },
    });
  });

  test('settings an early version did not write take their defaults', async () => {
    const early = asJson(withWindow(100)) as Record<string, JsonValue>;
    delete early.expiringSoonDays;
    plant(app.forge.kvs, versionKey(1), { version: 1, action: 'save', by: author, at, changes: [], config: early });
    const state = (await app.call(USERS.admin, 'config/get')).data as ConfigState;
    expect(state.config).toEqual(withWindow(100));
    expect(state.storedProblem).toBeUndefined();
  });

  test('a current-schema record gets no defaults: a missing setting is a problem, not silently filled', async () => {
    const partial = asJson(defaultConfig()) as Record<string, JsonValue>;
    delete partial.expiringSoonDays;
    storeAsVersion1(recordWith(partial));
    const state = (await app.call(USERS.admin, 'config/get')).data as ConfigState;
    expect(state.storedProblem?.message).toContain('expiringSoonDays must be a whole number');
  });
});

describe('finding the newest record survives a crash or a damaged head', () => {
  const save = (version: number, days: number) =>
    app.call(USERS.admin, 'config/save', { config: withWindow(days), expectedVersion: version });

  test('a record written before the head (a save that stopped between its writes) is found', async () => {
    await save(0, 101);
    await save(1, 102);
    plant(app.forge.kvs, versionKey(3), recordWith(withWindow(103), { version: 3 }));
    expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({ version: 3, config: withWindow(103) });
    expect(await save(2, 104)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { currentVersion: 3 } },
    });
    expect(await save(3, 104)).toMatchObject({ ok: true, data: { version: 4 } });
  });

  test.each<[string, JsonValue | undefined]>([
    ['damaged', 'garbage'],
    ['missing', undefined],
  ])(
    'a %s head, after the oldest records were deleted: the newest record is still the one used',
    async (_name, head) => {
      await save(0, 101);
      await save(1, 102);
      await save(2, 103);
      // As the history's pruning leaves it: the first record is long gone.
      remove(app.forge.kvs, versionKey(1));
      if (head === undefined) remove(app.forge.kvs, HEAD_KEY);
      else plant(app.forge.kvs, HEAD_KEY, head);
      expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({ version: 3, config: withWindow(103) });
      expect(await save(3, 104)).toMatchObject({ ok: true, data: { version: 4 } });
      expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({ version: 4, config: withWindow(104) });
    },
  );

  test('a head naming a record that is gone: the defaults, said, and the next save goes forward', async () => {
    plant(app.forge.kvs, HEAD_KEY, { version: 7 });
    const state = (await app.call(USERS.admin, 'config/get')).data as ConfigState;
    expect(state).toMatchObject({ version: 7, config: defaultConfig() });
    expect(state.storedProblem?.message).toContain('missing');
    expect(await save(7, 101)).toMatchObject({ ok: true, data: { version: 8 } });
  });
});
