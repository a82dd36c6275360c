import { runReport } from '../../src/cli/report';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoExport } from '../../dev/demo/demo-export';
import { DEMO_PEOPLE } from '../../dev/demo/demo-site';
import { demoSettings } from '../../dev/demo/demo-settings';
import { AS_OF, USERS, adminPage, issuePanel, projectPage, useApp } from '../support/app-harness';

const app = useApp();

describe('report/project', () => {
  test('returns the same report as the report command on the same data', async () => {
    // Top management named by person, which both can use (the command cannot look up groups).
    const config = {
      ...demoSettings(),
      topManagement: { groups: [], accountIds: [DEMO_PEOPLE.ceo.accountId, DEMO_PEOPLE.cfo.accountId] },
    };
    expect((await app.call(USERS.admin, 'config/save', { config, expectedVersion: 0 }, adminPage())).ok).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'same-report-'));
    const file = join(dir, 'export.json');
    const configFile = join(dir, 'config.json');
    // The demo as an export made with expand=changelog, carrying its remote links.
    writeFileSync(file, JSON.stringify({ issues: buildDemoExport(AS_OF) }));
    writeFileSync(configFile, JSON.stringify(config));
    // The demo's settings put the Board's project in the ISMS page's scope (spec 11): the command grades both.
    const args = [
      '--data',
      file,
      '--project',
      'ISMS,BOARD',
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--config',
      configFile,
    ];
    const cli = JSON.parse(runReport(args, new Date()).stdout);

    const result = await app.call(USERS.lead, 'report/project', {}, projectPage('ISMS'));
    expect(result.ok).toBe(true);
    const { projectName, scope, generatedAt, fixes: _fixes, projects, read: _read, ...report } = result.data;
    expect(report).toEqual(cli);
    expect(projectName).toBe('Information Security Management');
    expect(projects).toEqual([
      { key: 'ISMS', name: 'Information Security Management', visible: true },
      { key: 'BOARD', name: 'Board of Directors', visible: true },
    ]);
    expect(scope).toEqual({ accountId: USERS.lead, note: expect.stringContaining('that you can see') });
    expect(generatedAt).toBe('2026-11-28T12:00:00.000Z');
    // The other tests grade with the defaults.
    expect((await app.call(USERS.admin, 'config/reset', { expectedVersion: 1 }, adminPage())).ok).toBe(true);
  });

  test('reads Jira as the user: a manager without Board-only access gets fewer issues and a different grade', async () => {
    const lead = await app.call(USERS.lead, 'report/project', {}, projectPage());
    const manager = await app.call(USERS.manager, 'report/project', {}, projectPage());
    const status = (r: { data: { categories: { id: string; status: string }[] } }, id: string) =>
      r.data.categories.find((c) => c.id === id)?.status;
    expect(status(lead, 'resources')).toBe('met');
    expect(status(manager, 'resources')).toBe('missing');
    expect(manager.data.verdict).toBe('major-nc');
    const keys = (r: { data: { categories: { evidence: { key: string }[] }[] } }) =>
      r.data.categories.flatMap((c) => c.evidence.map((e) => e.key));
    expect(keys(manager)).not.toContain('ISMS-10');
    expect(keys(lead)).toContain('ISMS-10');
    expect(
      app.forge.jira.stats.requests.every((r) => r.accountId === USERS.lead || r.accountId === USERS.manager),
    ).toBe(true);
  });

  test('reads the project once and searches once: the demo project fits in one page', async () => {
    await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(app.forge.jira.stats.count('/rest/api/3/search/jql')).toBe(1);
    expect(app.forge.jira.stats.count('/rest/api/3/project/ISMS')).toBe(1);
  });

  test.each([
    ['a project the user cannot browse', USERS.outsider, 'ISMS'],
    ['a project that does not exist', USERS.lead, 'NOPE'],
    ['a forged key that is not a project key', USERS.lead, 'ISMS" OR project = "ITOPS'],
    ['a lower-case key', USERS.lead, 'isms'],
  ])('%s is NOT_FOUND', async (_name, user, key) => {
    const result = await app.call(user, 'report/project', {}, projectPage(key));
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('does not exist, or you do not have permission') },
    });
    expect(app.forge.jira.stats.count('/rest/api/3/search/jql')).toBe(0);
  });

  test('a screen without a project is INVALID_INPUT naming the missing context', async () => {
    const result = await app.call(USERS.lead, 'report/project', {}, { type: 'jira:projectPage' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { fields: [{ field: 'context.extension.project.key', message: 'is missing' }] },
      },
    });
  });

  test('a call without a user is FORBIDDEN', async () => {
    expect(await app.call(undefined, 'report/project', {}, projectPage())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('an empty project is a real report at 0% with its findings', async () => {
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage('ITOPS'));
    expect(result.data).toMatchObject({ projectKey: 'ITOPS', coverage: 0, evidenceIssueCount: 0, complete: true });
  });
});

describe('report/issue', () => {
  test('explains a valid piece of evidence', async () => {
    const result = await app.call(USERS.manager, 'report/issue', {}, issuePanel('ISMS-1'));
    expect(result.data).toMatchObject({
      issueKey: 'ISMS-1',
      projectKey: 'ISMS',
      summary: expect.stringContaining('Board security workshop'),
      categories: [{ id: 'workshop-outcome', counts: true, expiresOn: '2027-10-19' }],
    });
  });

  test('explains why an issue is not evidence, with the labels that would make it so', async () => {
    const result = await app.call(USERS.manager, 'report/issue', {}, issuePanel('ISMS-17'));
    expect(result.data.categories).toEqual([]);
    expect(result.data.suggestedLabels).toHaveLength(10);
  });

  test('a restricted issue is NOT_FOUND for a manager outside its security level', async () => {
    expect(await app.call(USERS.manager, 'report/issue', {}, issuePanel('ISMS-10'))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.call(USERS.lead, 'report/issue', {}, issuePanel('ISMS-10'))).toMatchObject({
      ok: true,
      data: { issueKey: 'ISMS-10' },
    });
  });

  test.each([
    ['an issue that does not exist', 'ISMS-999'],
    ['a forged key with a path in it', 'ISMS-1/../../rest/api/3/myself'],
    ['a key of another shape', '../ISMS-1'],
  ])('%s is NOT_FOUND', async (_name, key) => {
    expect(await app.call(USERS.lead, 'report/issue', {}, issuePanel(key))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
