/**
 * Spec 10 end to end through the real resolvers, @forge/api, @forge/kvs and the Jira simulator:
 * what "Create issue" would create, creating it as the user, and everything that must change
 * nothing (a refusal, Jira's field errors, a second click, a second tab).
 */
import { DEMO_USERS } from '../../dev/demo/demo-site';
import { jiraIssue } from '../../dev/demo/jira-issue';
import type { SiteProject } from '../../dev/simulator/site-types';
import { defaultConfig } from '../../src/core/config';
import { USERS, adminPage, demoSite, issuePanel, projectPage, startApp, type App } from '../support/app-harness';

const CREATE = { categoryId: 'strategy-alignment', origin: 'finding' } as const;
const SEARCH = '/rest/api/3/search/jql';

async function labelled(app: App, label: string): Promise<{ key: string; fields: Record<string, any> }[]> {
  const res = await fetch(`${app.forge.jira.url}${SEARCH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sim-account-id': USERS.admin },
    body: JSON.stringify({
      jql: `project = "ISMS" AND labels = "${label}"`,
      fields: ['summary', 'labels', 'duedate', 'issuetype', 'description', 'reporter'],
    }),
  });
  const body = (await res.json()) as { issues?: { key: string; fields: Record<string, any> }[] };
  if (!body.issues) throw new Error(`search failed: ${JSON.stringify(body)}`);
  return body.issues;
}

const ismsOf = (projects: SiteProject[]): SiteProject => projects.find((p) => p.key === 'ISMS')!;

const creates = (app: App) =>
  app.forge.jira.stats.requests.filter((r) => r.method === 'POST' && r.path === '/rest/api/3/issue').length;

describe('issue/fix-preview and issue/create-fix on the demo company', () => {
  let app: App;
  beforeEach(async () => {
    app = await startApp(demoSite());
  });
  afterEach(async () => {
    await app.stop();
  });

  test('the preview names the project, the type, the summary, the label and the due date; nothing is created', async () => {
    const result = await app.call(USERS.lead, 'issue/fix-preview', CREATE, projectPage());
    expect(result).toEqual({
      ok: true,
      data: {
        kind: 'create',
        plan: {
          projectKey: 'ISMS',
          projectName: 'Information Security Management',
          issueType: { id: expect.any(String), name: 'Task' },
          summary: 'Record: strategy alignment',
          label: 'iso27001-strategy-alignment',
          dueDate: '2026-12-28',
          description: expect.arrayContaining([
            expect.stringContaining('a security objective linked to a business objective'),
          ]),
          renews: [],
        },
      },
    });
    expect(creates(app)).toBe(0);
  });

  test('create makes the issue as the user, and the report then links the finding to it', async () => {
    const result = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
    expect(result).toMatchObject({
      ok: true,
      data: { created: true, issue: { summary: 'Record: strategy alignment' } },
    });
    const key: string = result.data.issue.key;
    const [issue] = await labelled(app, 'iso27001-strategy-alignment');
    expect(issue?.key).toBe(key);
    expect(issue?.fields).toMatchObject({
      summary: 'Record: strategy alignment',
      labels: ['iso27001-strategy-alignment'],
      duedate: '2026-12-28',
      issuetype: { name: 'Task' },
      reporter: { accountId: USERS.lead },
      description: { type: 'doc', version: 1 },
    });
    const report = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(report.data.fixes).toMatchObject({ canCreate: true, open: { 'strategy-alignment': { key } } });
  });

  test('a second click creates nothing: it answers with the issue already open', async () => {
    const first = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
    const second = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
    expect(second).toEqual({ ok: true, data: { created: false, issue: first.data.issue } });
    expect(creates(app)).toBe(1);
    const preview = await app.call(USERS.lead, 'issue/fix-preview', CREATE, projectPage());
    expect(preview.data).toEqual({ kind: 'existing', issue: first.data.issue });
  });

  test('two tabs at once: one issue, whichever answers first', async () => {
    const answers = await Promise.all([
      app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage()),
      app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage()),
      app.call(USERS.admin, 'issue/create-fix', CREATE, projectPage()),
    ]);
    expect(answers.filter((a) => a.ok && a.data.created)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a.error.code).toBe('CONFLICT');
    expect(await labelled(app, 'iso27001-strategy-alignment')).toHaveLength(1);
    expect(creates(app)).toBe(1);
  });

  test('an open issue with the category label already there: the action links to it and creates nothing', async () => {
    const site = demoSite();
    site.issues.push(
      jiraIssue({
        key: 'ISMS-90',
        summary: 'Warehouse targets for 2027',
        labels: ['iso27001-department-targets'],
        status: 'indeterminate',
        created: '2026-11-20',
        projectName: 'Information Security Management',
        projectId: '10000',
      }),
    );
    await app.stop();
    app = await startApp(site);
    const request = { categoryId: 'management-targets', origin: 'finding' };
    const expected = { key: 'ISMS-90', summary: 'Warehouse targets for 2027' };
    expect((await app.call(USERS.lead, 'issue/fix-preview', request, projectPage())).data).toEqual({
      kind: 'existing',
      issue: expected,
    });
    expect((await app.call(USERS.lead, 'issue/create-fix', request, projectPage())).data).toEqual({
      created: false,
      issue: expected,
    });
    expect(creates(app)).toBe(0);
  });

  test('Jira refusing the user: no action in the report, FORBIDDEN on preview and create, nothing created', async () => {
    const site = demoSite();
    const isms = ismsOf(site.projects);
    // The security lead browses ISMS but, no longer its admin, may not create in it.
    isms.creators = [DEMO_USERS.manager.accountId];
    isms.projectAdmins = [];
    await app.stop();
    app = await startApp(site);
    const report = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(report.data.fixes.canCreate).toBe(false);
    for (const key of ['issue/fix-preview', 'issue/create-fix'] as const)
      expect(await app.call(USERS.lead, key, CREATE, projectPage())).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Jira does not let you create issues in Information Security Management (ISMS).',
        },
      });
    expect(creates(app)).toBe(0);
  });

  test("Jira's field errors come back by field, and leave nothing behind: the next try is refused the same way", async () => {
    const site = demoSite();
    ismsOf(site.projects).requiredFields = ['assignee'];
    await app.stop();
    app = await startApp(site);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: expect.stringContaining('Jira did not create the issue'),
          details: { fields: [{ field: 'assignee', message: expect.stringContaining('required') }] },
        },
      });
    }
    expect(await labelled(app, 'iso27001-strategy-alignment')).toHaveLength(0);
  });

  test('the issue type the admin chose, missing from the project, is said by field before anything is sent', async () => {
    const config = { ...defaultConfig(), fixIssueType: 'Change request' };
    expect((await app.call(USERS.admin, 'config/save', { config, expectedVersion: 0 }, adminPage())).ok).toBe(true);
    const result = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('has no issue type "Change request"'),
        details: { fields: [{ field: 'issuetype' }] },
      },
    });
    expect(creates(app)).toBe(0);
  });

  test('Jira failing on the create: it may have been created, so a retry at once is held back', async () => {
    app.forge.jira.faults.serverError(1, { status: 503, pathPrefix: '/rest/api/3/issue', method: 'POST' });
    const first = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
    expect(first).toMatchObject({
      ok: false,
      error: { code: 'JIRA_UNAVAILABLE', message: expect.stringContaining('may or may not') },
    });
    const retry = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
    expect(retry).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(creates(app)).toBe(1);
  });

  test('nothing to fix any more (a met category): NOT_FOUND, saying to reload', async () => {
    const result = await app.call(
      USERS.lead,
      'issue/create-fix',
      { categoryId: 'workshop-outcome', origin: 'finding' },
      projectPage(),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('Reload') },
    });
    const upcoming = await app.call(
      USERS.lead,
      'issue/fix-preview',
      { categoryId: 'workshop-outcome', origin: 'upcoming' },
      projectPage(),
    );
    expect(upcoming).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test.each([
    [{ categoryId: 'budget', origin: 'finding' }, 'categoryId'],
    [{ categoryId: 'resources', origin: 'email' }, 'origin'],
    [{ categoryId: 'resources' }, 'origin'],
    [{ categoryId: 'resources', origin: 'finding', summary: 'Pwned' }, 'summary'],
  ])('a bad payload %j is INVALID_INPUT naming %s, before Jira is asked', async (payload, field) => {
    const result = await app.call(USERS.lead, 'issue/create-fix', payload, projectPage());
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ field }] } } });
    expect(app.forge.jira.stats.total).toBe(0);
  });

  test('someone who cannot browse the project: NOT_FOUND, as for its report', async () => {
    const result = await app.call(USERS.outsider, 'issue/create-fix', CREATE, projectPage());
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(creates(app)).toBe(0);
  });

  test('the panel on lapsed evidence offers its renewal, and the preview renews that issue', async () => {
    const panel = await app.call(USERS.lead, 'report/issue', {}, issuePanel('ISMS-12'));
    expect(panel.data.fixes).toEqual({ canCreate: true, open: {}, renewable: ['management-targets'] });
    const preview = await app.call(
      USERS.lead,
      'issue/fix-preview',
      { categoryId: 'management-targets', origin: 'panel' },
      issuePanel('ISMS-12'),
    );
    expect(preview.data.plan).toMatchObject({
      summary: expect.stringMatching(/^Renew: department security targets, lapsed on /),
      renews: ['ISMS-12'],
      dueDate: '2026-12-28',
    });
    // A panel on an issue that counts for long yet offers nothing, and asks Jira nothing more.
    const fresh = await app.call(USERS.lead, 'report/issue', {}, issuePanel('ISMS-1'));
    expect(fresh.data.fixes).toBeUndefined();
  });
});
