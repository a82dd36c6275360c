/**
 * report/project and report/issue read what spec 8 needs beyond the search, as the user: the
 * changelogs in bulk, each person's groups once, remote links only where a document is still
 * missing. The demo company's settings name the Board group, as `npm start` has them.
 */
import { demoSettings } from '../../dev/demo/demo-settings';
import type { IssueReport, ProjectReport } from '../../src/contract/invoke';
import { USERS, adminPage, issuePanel, projectPage, startApp, type App } from '../support/app-harness';

const BULK = '/rest/api/3/changelog/bulkfetch';
const GROUPS = '/rest/api/3/user/groups';
let app: App;

beforeEach(async () => {
  app = await startApp();
  const saved = await app.call(USERS.admin, 'config/save', { config: demoSettings(), expectedVersion: 0 }, adminPage());
  expect(saved.ok).toBe(true);
  app.forge.jira.stats.reset();
});
afterEach(() => app.stop());

const report = async (as: string): Promise<ProjectReport> => {
  const result = await app.call(as, 'report/project', {}, projectPage());
  expect(result.ok).toBe(true);
  return result.data as ProjectReport;
};
const entry = (r: ProjectReport, category: string, key: string) =>
  r.categories.find((c) => c.id === category)?.evidence.find((e) => e.key === key);

describe('the reads of spec 8 in report/project', () => {
  test('the security lead: one bulk changelog request, one groups read per distinct person, and the Board decides', async () => {
    const data = await report(USERS.lead);
    expect(app.forge.jira.stats.count(BULK)).toBe(1);
    const groupReads = app.forge.jira.stats.requests.filter((r) => r.path === GROUPS);
    const people = groupReads.map((r) => r.query['accountId']?.[0]);
    expect(new Set(people).size).toBe(people.length);
    expect(people.length).toBeGreaterThan(0);
    // The CISO signed policy v5 herself: not the Board. The CEO signed v4.
    expect(entry(data, 'security-policy', 'ISMS-19')).toMatchObject({ counts: false });
    expect(entry(data, 'security-policy', 'ISMS-9')).toMatchObject({ counts: true });
    // The approval label added by the CFO counts; the one added by the CISO does not.
    expect(entry(data, 'corrective-action', 'ISMS-6')).toMatchObject({ counts: true });
    expect(entry(data, 'corrective-action', 'ISMS-21')?.problems).toEqual([expect.stringContaining('Priya Natarajan')]);
    expect(data.notChecked).toBeUndefined();
  });

  test('remote links are read only for current issues that still need a document, never for the rest', async () => {
    await report(USERS.lead);
    const linkReads = app.forge.jira.stats.requests.filter((r) => r.path.endsWith('/remotelink')).map((r) => r.path);
    // Q3's review has no attachment: its links are read (a merge request, which is no document).
    expect(linkReads).toContain('/rest/api/3/issue/ISMS-20/remotelink');
    // Policy v4 has its signed PDF attached; last year's review is out of the window.
    expect(linkReads).not.toContain('/rest/api/3/issue/ISMS-9/remotelink');
    expect(linkReads).not.toContain('/rest/api/3/issue/ISMS-16/remotelink');
  });

  test('the manager lacks Browse users and groups: the checks say they could not be made, and the report says why', async () => {
    const data = await report(USERS.manager);
    expect(data.notChecked).toEqual([expect.stringContaining('Browse users and groups')]);
    const policy = entry(data, 'security-policy', 'ISMS-9');
    expect(policy?.counts).toBe(false);
    expect(policy?.problems).toEqual([expect.stringContaining('could not be checked')]);
    // One refusal answers for everyone: the manager's view asks Jira once, not once per person.
    expect(app.forge.jira.stats.count(GROUPS)).toBe(1);
  });

  test('a failing bulk changelog read: approvers are unknown, said so, and nothing is guessed', async () => {
    // A short budget: Jira keeps failing, and the retries give up inside it.
    await app.stop();
    app = await startApp(undefined, { budgetMs: 2_000 });
    expect(
      (await app.call(USERS.admin, 'config/save', { config: demoSettings(), expectedVersion: 0 }, adminPage())).ok,
    ).toBe(true);
    app.forge.jira.faults.serverError(500, { pathPrefix: BULK });
    const data = await report(USERS.lead);
    expect(data.notChecked).toEqual([expect.stringContaining('who signed them off is unknown')]);
    expect(entry(data, 'security-policy', 'ISMS-9')?.problems).toEqual([
      expect.stringContaining('the issue history was not read'),
    ]);
    expect(data.complete).toBe(true);
  });

  test('a 429 on the groups read: those people are unknown, never top management by default', async () => {
    app.forge.jira.faults.rateLimit(50, 60, { pathPrefix: GROUPS });
    const data = await report(USERS.lead);
    expect(data.notChecked?.join(' ')).toContain('could not be checked');
    expect(entry(data, 'security-policy', 'ISMS-9')?.counts).toBe(false);
  });
});

describe('the reads of spec 8 in report/issue', () => {
  test('the panel on policy v5 names the CISO and why she cannot sign it', async () => {
    const result = await app.call(USERS.lead, 'report/issue', {}, issuePanel('ISMS-19'));
    expect(result.ok).toBe(true);
    const data = result.data as IssueReport;
    const check = data.categories[0]?.checks.find((c) => c.id === 'approved-by-top-management');
    expect(check).toMatchObject({
      pass: false,
      message: expect.stringMatching(/^Signed off by Priya Natarajan .* who is not top management/),
    });
    expect(app.forge.jira.stats.count(BULK)).toBe(1);
  });

  test('the manager on the same issue is told what could not be checked', async () => {
    const result = await app.call(USERS.manager, 'report/issue', {}, issuePanel('ISMS-19'));
    const data = result.data as IssueReport;
    expect(data.notChecked).toEqual([expect.stringContaining('Browse users and groups')]);
  });
});
