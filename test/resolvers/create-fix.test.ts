/**
 * Spec 10 end to end through the real resolvers, @forge/api, @forge/kvs and the Jira simulator:
 * what "Create issue" would create, creating it as the user, and everything that must change
 * nothing (a refusal, Jira's field errors, a second click, a second tab).
 */
import { DEMO_USERS } from '../../dev/demo/demo-site';
import { jiraIssue } from '../../dev/demo/jira-issue';
import type { SiteProject } from '../../dev/simulator/site-types';
import type { KvsWrite } from '../../dev/runtime';
import { defaultConfig } from '../../src/core/config';
import { RESTRICTED_WHY } from '../../src/core/fix-plan';
import type { Finding } from '../../src/core/types';
import { isRecord } from '../../src/core/guards';
import { USERS, adminPage, demoSite, issuePanel, projectPage, startApp, type App } from '../support/app-harness';
import { FailingKvsStore } from '../support/failing-kvs-store';

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

interface ReadBack {
  summary: string;
  /** The description's paragraphs, as plain text. */
  paragraphs: string[];
  duedate: unknown;
  security: unknown;
}

const textOf = (node: unknown): string =>
  isRecord(node) && Array.isArray(node.content)
    ? node.content
        .map((child: unknown) => (isRecord(child) && typeof child.text === 'string' ? child.text : ''))
        .join('')
    : '';

/** The issue as Jira sends it to the Jira admin (in the Board-only level too): what its readers read. */
async function issueOf(app: App, key: string): Promise<ReadBack> {
  const res = await fetch(`${app.forge.jira.url}/rest/api/3/issue/${key}?fields=summary,description,duedate,security`, {
    headers: { 'x-sim-account-id': USERS.admin },
  });
  const body: unknown = await res.json();
  const fields = isRecord(body) && isRecord(body.fields) ? body.fields : {};
  const description = isRecord(fields.description) ? fields.description : {};
  const paragraphs = Array.isArray(description.content) ? description.content.map(textOf) : [];
  const summary = typeof fields.summary === 'string' ? fields.summary : '';
  return { summary, paragraphs, duedate: fields.duedate, security: fields.security };
}

/** Keys that not everyone who browses ISMS may see: Board-only issues, and every other project's. */
function restrictedKeys(site: ReturnType<typeof demoSite>): string[] {
  return site.issues.filter((i) => i.fields.security || !i.key.startsWith('ISMS-')).map((i) => i.key);
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

  test('restricted evidence is never named in the issue that everyone in the project reads (issue 19)', async () => {
    const restricted = restrictedKeys(demoSite());
    // The management reviews' finding rests on ISMS-15, Board only, which the lead may see.
    expect(restricted).toEqual(expect.arrayContaining(['ISMS-15', 'ISMS-16']));
    const request = { categoryId: 'management-review', origin: 'finding' };
    const report = await app.call(USERS.lead, 'report/project', {}, projectPage());
    const findings: Finding[] = report.data.findings;
    expect(findings.find((f) => f.categoryId === 'management-review')?.issueKeys).toEqual(['ISMS-15']);

    const preview = await app.call(USERS.lead, 'issue/fix-preview', request, projectPage());
    const created = await app.call(USERS.lead, 'issue/create-fix', request, projectPage());
    expect(created).toMatchObject({ ok: true, data: { created: true } });
    const issue = await issueOf(app, created.data.issue.key);
    // Nothing makes the new issue Board only: everyone who browses ISMS reads it.
    expect(issue.security ?? null).toBeNull();
    const text = [issue.summary, ...issue.paragraphs].join('\n');
    for (const key of restricted) expect(text).not.toMatch(new RegExp(`\\b${key}\\b`));
    // ISMS-15 was resolved 130 days before as-of (21 Jul 2026) and lapses on 22 Jul 2027.
    for (const leak of ['2026-07-21', '21 Jul 2026', '22 Jul 2027', '2027-07-22', '130 days'])
      expect(text).not.toContain(leak);
    expect(issue.summary).toBe('Hold the next management review');
    expect(issue.duedate).toBe('2026-12-28');
    expect(issue.paragraphs).toContain(RESTRICTED_WHY);
    // The preview showed exactly what was created.
    expect(preview.data.plan).toMatchObject({
      summary: issue.summary,
      description: issue.paragraphs,
      dueDate: '2026-12-28',
    });
  });

  test("the panel's renewal of a Board-only review names neither the review nor its dates", async () => {
    const request = { categoryId: 'management-review', origin: 'panel' };
    const preview = await app.call(USERS.lead, 'issue/fix-preview', request, issuePanel('ISMS-16'));
    expect(preview).toMatchObject({
      ok: true,
      data: { kind: 'create', plan: { summary: 'Renew: management reviews' } },
    });
    const text = [preview.data.plan.summary, ...preview.data.plan.description].join('\n');
    expect(text).not.toMatch(/\bISMS-16\b/);
    // ISMS-16 was resolved 400 days before as-of (24 Oct 2025) and lapsed on 25 Oct 2026.
    for (const leak of ['2025-10-24', '24 Oct 2025', '25 Oct 2026', '2026-10-25', '365-day'])
      expect(text).not.toContain(leak);
    expect(preview.data.plan.description).toContain(RESTRICTED_WHY);
  });

  test('the issue created but not recorded: the answer names it, says so, and a retry creates nothing (issue 19)', async () => {
    const isRecordOfIssue = (write: KvsWrite) =>
      write.key.startsWith('fix-claim:') && isRecord(write.entry?.value) && 'issueKey' in write.entry.value;
    const kvs = new FailingKvsStore(isRecordOfIssue);
    await app.stop();
    app = await startApp(demoSite(), {}, { kvs });
    const result = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
    expect(kvs.failures).toBe(1);
    expect(result).toEqual({
      ok: true,
      data: {
        created: true,
        notRecorded: true,
        issue: { key: expect.stringMatching(/^ISMS-\d+$/), summary: 'Record: strategy alignment' },
      },
    });
    expect(creates(app)).toBe(1);
    // Not remembered, but Jira's search finds it open with its label: the next click links it.
    const again = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
    expect(again).toEqual({ ok: true, data: { created: false, issue: result.data.issue } });
    expect(creates(app)).toBe(1);
  });
});
