/**
 * Spec 11 through the real resolvers and the Jira simulator: a project page graded with the
 * projects of its scope, each confirmed as the viewer; the dashboard gadget's configured project
 * confirmed the same way; and the settings refusing a scope Jira does not know.
 */
import { DEMO_BOARD_PROJECT } from '../../dev/demo/demo-site';
import { demoSettings } from '../../dev/demo/demo-settings';
import { CONFIG_SCHEMA } from '../../src/core/config-migrations';
import { defaultConfig } from '../../src/core/config';
import type { JsonValue } from '../../dev/simulator/json';
import type { ConfigState, JiraProject, ProjectReport } from '../../src/contract/invoke';
import { USERS, adminPage, projectPage, useApp } from '../support/app-harness';
import { HEAD_KEY, plant, versionKey } from './support/stored-settings';

const app = useApp();
const SEARCH = '/rest/api/3/search/jql';
const gadget = (gadgetConfiguration?: unknown) => ({ type: 'jira:dashboardGadget', gadgetConfiguration });

/** Stores `config` as version 1, as a save would, without the save's checks with Jira. */
function storeDirectly(config: unknown): void {
  const record = {
    schema: CONFIG_SCHEMA,
    version: 1,
    action: 'save',
    by: { accountId: USERS.admin },
    at: '2026-11-01T09:00:00.000Z',
    changes: [],
    config,
  };
  plant(app.forge.kvs, versionKey(1), JSON.parse(JSON.stringify(record)) as JsonValue);
  plant(app.forge.kvs, HEAD_KEY, { version: 1 });
}

const evidenceKeys = (report: { categories: { evidence: { key: string }[] }[] }): string[] =>
  report.categories.flatMap((c) => c.evidence.map((e) => e.key));

describe('a project page graded with its scope', () => {
  beforeEach(() => storeDirectly(demoSettings()));

  test('the security lead: the Board project is confirmed, searched with ISMS in one query, and counted', async () => {
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result.data.projects).toEqual([
      { key: 'ISMS', name: 'Information Security Management', visible: true },
      { key: 'BOARD', name: DEMO_BOARD_PROJECT.name, visible: true },
    ]);
    expect(evidenceKeys(result.data)).toEqual(expect.arrayContaining(['BOARD-1', 'BOARD-2', 'ISMS-9']));
    expect(result.data.scope.note).toBe(
      'Computed from the issues in ISMS and BOARD that you can see. Issues restricted from you are not counted.',
    );
    const searches = app.forge.jira.stats.requests.filter((r) => r.path === SEARCH);
    expect(searches).toHaveLength(1);
  });

  test('the scope is confirmed with one project search, however many projects it holds', async () => {
    storeDirectly({ ...demoSettings(), scopes: { ISMS: ['ISMS', 'BOARD', 'ITOPS', 'NOPE', 'GONE'] } });
    const result = await app.call(USERS.lead, 'report/project', { fullRead: true }, projectPage());
    expect(result.data.projects).toEqual([
      { key: 'ISMS', name: 'Information Security Management', visible: true },
      { key: 'BOARD', name: DEMO_BOARD_PROJECT.name, visible: true },
      expect.objectContaining({ key: 'ITOPS', visible: true }),
      { key: 'NOPE', name: 'NOPE', visible: false },
      { key: 'GONE', name: 'GONE', visible: false },
    ]);
    expect(app.forge.jira.stats.count('/rest/api/3/project/search')).toBe(1);
    // The page's own project alone is read by key.
    expect(app.forge.jira.stats.count('/rest/api/3/project/ISMS')).toBe(1);
    expect(app.forge.jira.stats.count('/rest/api/3/project/BOARD')).toBe(0);
  });

  test('the manager cannot browse BOARD: it is named as not visible, and none of its issues count', async () => {
    const result = await app.call(USERS.manager, 'report/project', {}, projectPage());
    expect(result.ok).toBe(true);
    expect(result.data.projects).toEqual([
      { key: 'ISMS', name: 'Information Security Management', visible: true },
      { key: 'BOARD', name: 'BOARD', visible: false },
    ]);
    expect(evidenceKeys(result.data).filter((k) => k.startsWith('BOARD-'))).toEqual([]);
    expect(result.data.scope.note).toContain('BOARD is not visible to you, so its evidence is not counted.');
  });

  test('a scope project deleted since it was saved is left out as not visible; the page still answers', async () => {
    storeDirectly({ ...demoSettings(), scopes: { ISMS: ['ISMS', 'GONE', 'BOARD'] } });
    const admin = (await app.call(USERS.admin, 'config/get', {}, adminPage())) as { data: ConfigState };
    expect(admin.data.names?.projects).toEqual({
      ISMS: 'Information Security Management',
      GONE: null,
      BOARD: 'Board of Directors',
    });
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect((result.data as ProjectReport).projects.map((p) => [p.key, p.visible])).toEqual([
      ['ISMS', true],
      ['GONE', false],
      ['BOARD', true],
    ]);
    expect(result.data.scope.note).toContain('GONE is not visible to you');
  });

  test('the gadget configured with ISMS: the security lead gets its coverage, verdict, items and next lapse', async () => {
    const [gadgetResult, page] = await Promise.all([
      app.call(USERS.lead, 'report/gadget', {}, gadget({ projectKey: 'ISMS' })),
      app.call(USERS.lead, 'report/project', {}, projectPage()),
    ]);
    expect(gadgetResult).toEqual({
      ok: true,
      data: {
        state: 'ready',
        projectKey: 'ISMS',
        projectName: 'Information Security Management',
        coverage: page.data.coverage,
        verdict: page.data.verdict,
        complete: true,
        items: page.data.items,
        asOf: page.data.asOf,
        generatedAt: page.data.generatedAt,
        nextLapse: { ...page.data.upcoming[0], categoryName: 'Security policy approval' },
        // Issue 20: one line on why, the page's worst finding.
        worstFinding: { severity: page.data.findings[0].severity, message: page.data.findings[0].message },
      },
    });
  });

  test("another project's page keeps its own scope: ITOPS alone", async () => {
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage('ITOPS'));
    expect(result.data.projects).toEqual([{ key: 'ITOPS', name: 'IT Operations', visible: true }]);
  });
});

describe('saving a scope', () => {
  // The describe above left its settings behind: every save here starts from what is stored.
  const version = async (): Promise<number> =>
    ((await app.call(USERS.admin, 'config/get', {}, adminPage())) as { data: ConfigState }).data.version;

  test.each([
    [{ ISMS: ['ISMS', 'NOPE'] }, 'scopes.ISMS.1', 'NOPE is not a project in Jira'],
    [{ NOPE: ['ISMS'] }, 'scopes.NOPE', 'NOPE is not a project in Jira'],
    [{ ISMS: ['ISMS', 'ISMS'] }, 'scopes.ISMS.1', 'listed twice'],
    [{ ISMS: ['isms'] }, 'scopes.ISMS.0', 'not a Jira project key'],
    [{ ISMS: Array.from({ length: 21 }, (_, i) => `P${i}`) }, 'scopes.ISMS', 'at most 20'],
  ])('%j is refused at %s, and nothing is stored', async (scopes, field, message) => {
    const config = { ...defaultConfig(), scopes };
    const before = await version();
    const result = await app.call(USERS.admin, 'config/save', { config, expectedVersion: before }, adminPage());
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.error.details.fields).toContainEqual({
      field: `config.${field}`,
      message: expect.stringContaining(message),
    });
    expect(await version()).toBe(before);
  });

  test('a scope of projects Jira has is saved, and in the history', async () => {
    const config = { ...defaultConfig(), scopes: { ISMS: ['ISMS', 'BOARD', 'ITOPS'] } };
    const before = await version();
    const saved = await app.call(USERS.admin, 'config/save', { config, expectedVersion: before }, adminPage());
    expect(saved).toMatchObject({
      ok: true,
      data: { version: before + 1, config: { scopes: { ISMS: ['ISMS', 'BOARD', 'ITOPS'] } } },
    });
    const names = (await app.call(USERS.admin, 'config/get', {}, adminPage())) as { data: ConfigState };
    expect(names.data.names?.projects).toEqual({
      ISMS: 'Information Security Management',
      BOARD: 'Board of Directors',
      ITOPS: 'IT Operations',
    });
    const history = await app.call(USERS.admin, 'config/history', {}, adminPage());
    expect(history.data.changes[0].changes).toContainEqual(
      expect.objectContaining({ field: expect.stringMatching(/^scopes/) }),
    );
  });
});

describe('the dashboard gadget', () => {
  test('not configured yet: it says so, and asks Jira nothing', async () => {
    for (const extension of [gadget(), gadget({}), gadget({ projectKey: '' })])
      expect(await app.call(USERS.lead, 'report/gadget', {}, extension)).toEqual({
        ok: true,
        data: { state: 'not-configured' },
      });
    expect(app.forge.jira.stats.total).toBe(0);
  });

  test('a project the viewer cannot browse, or a forged one, is "not visible", never its data', async () => {
    for (const [as, projectKey] of [
      [USERS.manager, 'BOARD'],
      [USERS.outsider, 'ISMS'],
      [USERS.lead, 'isms") OR project = "BOARD'],
      [USERS.lead, 'NOPE'],
    ] as const)
      expect(await app.call(as, 'report/gadget', {}, gadget({ projectKey }))).toEqual({
        ok: true,
        data: { state: 'not-visible', projectKey: projectKey.slice(0, 40) },
      });
  });

  test('a configuration that is not a project key is INVALID_INPUT naming the field', async () => {
    const result = await app.call(USERS.lead, 'report/gadget', {}, gadget({ projectKey: 42 }));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { fields: [{ field: 'context.extension.gadgetConfiguration.projectKey' }] },
      },
    });
  });

  test("the edit view's picker lists the projects the viewer may browse", async () => {
    const keysFor = async (as: string, payload: { query?: string }) =>
      ((await app.call(as, 'jira/projects', payload, gadget())) as { data: { projects: JiraProject[] } }).data.projects
        .map((p) => p.key)
        .sort();
    expect(await keysFor(USERS.lead, {})).toEqual(['BOARD', 'ISMS', 'ITOPS']);
    expect(await keysFor(USERS.manager, { query: 'o' })).toEqual(['ISMS', 'ITOPS']);
    const bad = await app.call(USERS.manager, 'jira/projects', { query: 7 }, gadget());
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'query' }] } },
    });
  });
});
