/**
 * report/project and report/issue read what spec 8 needs beyond the search, as the user: the
 * changelogs in bulk, each person's groups once, remote links only where a document is still
 * missing. The demo company's settings name the Board group, as `npm start` has them.
 */
import { DEMO_APPROVER_FIELD, DEMO_ATTENDEES_FIELD, DEMO_PEOPLE, DEMO_USERS } from '../../dev/demo/demo-site';
import { demoSettings } from '../../dev/demo/demo-settings';
import { jiraUserJson } from '../../dev/demo/jira-issue';
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

describe('every person a check needs is looked up, whatever named them (issue 19)', () => {
  const { ceo: CEO, cfo: CFO, ciso: CISO } = DEMO_PEOPLE;
  const SAM = { accountId: USERS.lead, displayName: 'Sam Rivera', active: true };

  /** The panel of `key` as the lead, and whose groups it read. */
  async function panel(key: string): Promise<{ data: IssueReport; groupsRead: string[] }> {
    const result = await app.call(USERS.lead, 'report/issue', {}, issuePanel(key));
    expect(result.ok).toBe(true);
    const groupsRead = app.forge.jira.stats.requests
      .filter((r) => r.path === GROUPS)
      .map((r) => r.query['accountId']?.[0] ?? '');
    return { data: result.data as IssueReport, groupsRead };
  }
  const checkOf = (data: IssueReport, id: string) => data.categories.flatMap((c) => c.checks).find((c) => c.id === id);

  test('named in the approver field: a Board member passes, looked up, and nothing says "could not be checked"', async () => {
    // ISMS-10: the security lead closed it; the CFO's approval is in the approver field.
    const { data, groupsRead } = await panel('ISMS-10');
    expect(groupsRead).toContain(CFO.accountId);
    expect(checkOf(data, 'approved-by-top-management')).toMatchObject({
      pass: true,
      message: expect.stringMatching(/^Signed off by Rahul Mehta \(named in .*\), who is top management\.$/),
    });
    expect(data.notChecked).toBeUndefined();
    // The field names the approver, so the history is not read to find them; it is read once for spec 12
    // (the budget's approval must cover its current version, advisory by default): the approval's time.
    expect(app.forge.jira.stats.count(BULK)).toBe(1);
  });

  test('named in the approver field: someone outside the Board fails for not being top management', async () => {
    app.forge.jira.updateIssue('ISMS-10', { [DEMO_APPROVER_FIELD]: jiraUserJson(CISO) });
    const { data, groupsRead } = await panel('ISMS-10');
    expect(groupsRead).toContain(CISO.accountId);
    expect(checkOf(data, 'approved-by-top-management')).toMatchObject({
      pass: false,
      message: expect.stringMatching(/^Signed off by Priya Natarajan \(named in .*\), who is not top management/),
    });
    // Once, for spec 12's approval time, as above.
    expect(app.forge.jira.stats.count(BULK)).toBe(1);
  });

  test('the approver field naming the only approver of a workshop: who took part is looked up too', async () => {
    // No attendees: who took part is the assignee and the approver, here the CEO named in the field.
    app.forge.jira.updateIssue('ISMS-1', { assignee: jiraUserJson(SAM), [DEMO_APPROVER_FIELD]: jiraUserJson(CEO) });
    const { data, groupsRead } = await panel('ISMS-1');
    expect(groupsRead).toContain(CEO.accountId);
    expect(checkOf(data, 'top-management-took-part')).toMatchObject({
      pass: true,
      message: 'Dana Whitfield took part, and is top management.',
    });
  });

  test('moved to done in the history: the CEO who did it is looked up and passes; the CISO fails', async () => {
    const signed = await panel('ISMS-9');
    expect(signed.groupsRead).toContain(CEO.accountId);
    expect(checkOf(signed.data, 'approved-by-top-management')).toMatchObject({
      pass: true,
      message: expect.stringMatching(/^Signed off by Dana Whitfield \(moved to .*\), who is top management\.$/),
    });
    app.forge.jira.stats.reset();
    const self = await panel('ISMS-19');
    expect(self.groupsRead).toContain(CISO.accountId);
    expect(checkOf(self.data, 'approved-by-top-management')).toMatchObject({
      pass: false,
      message: expect.stringContaining('who is not top management'),
    });
  });

  test('moved to done in the history, on a policy that also carries the approval label: the signer is looked up', async () => {
    // The label was there from the start (no history adds it): its grantor would be the reporter, Sam.
    // The policy's check asks who moved it to done, the CEO, and must know whether she is on the Board.
    app.forge.jira.updateIssue('ISMS-9', {
      labels: ['iso27001-policy-approval', 'board-approved'],
      assignee: jiraUserJson(SAM),
    });
    const { data, groupsRead } = await panel('ISMS-9');
    expect(groupsRead).toContain(CEO.accountId);
    expect(checkOf(data, 'approved-by-top-management')).toMatchObject({
      pass: true,
      message: expect.stringMatching(/^Signed off by Dana Whitfield \(moved to .*\), who is top management\.$/),
    });
  });

  test('the reporter of a corrective action labelled by an automation: the CEO is looked up and passes', async () => {
    const { data, groupsRead } = await panel('ISMS-22');
    expect(groupsRead).toContain(CEO.accountId);
    expect(checkOf(data, 'approved-by-top-management')).toMatchObject({
      pass: true,
      message: expect.stringMatching(
        /^Approved by Dana Whitfield \(raised it with board-approved\), who is top management\.$/,
      ),
    });
  });

  test('the reporter of a corrective action outside the Board fails for not being top management', async () => {
    app.forge.jira.updateIssue('ISMS-22', { reporter: jiraUserJson(SAM) });
    const { data, groupsRead } = await panel('ISMS-22');
    expect(groupsRead).toContain(SAM.accountId);
    expect(checkOf(data, 'approved-by-top-management')).toMatchObject({
      pass: false,
      message: expect.stringContaining('who is not top management'),
    });
  });

  test('named in the attendees field: the Board members who took part are looked up and pass; without them it fails', async () => {
    const attended = await panel('ISMS-13');
    expect(attended.groupsRead).toEqual(expect.arrayContaining([CEO.accountId, CFO.accountId]));
    expect(checkOf(attended.data, 'top-management-took-part')).toMatchObject({ pass: true });
    app.forge.jira.updateIssue('ISMS-13', { [DEMO_ATTENDEES_FIELD]: [jiraUserJson(CISO), jiraUserJson(SAM)] });
    app.forge.jira.stats.reset();
    const without = await panel('ISMS-13');
    expect(without.groupsRead).toEqual(expect.arrayContaining([CISO.accountId, SAM.accountId]));
    expect(checkOf(without.data, 'top-management-took-part')).toMatchObject({
      pass: false,
      message: expect.stringContaining('none is top management'),
    });
  });

  test('the demo as it ships: the security lead\'s panel of ISMS-10 never says "could not be checked"', async () => {
    const result = await app.call(DEMO_USERS.securityLead.accountId, 'report/issue', {}, issuePanel('ISMS-10'));
    expect(result.ok).toBe(true);
    const data = result.data as IssueReport;
    const messages = data.categories.flatMap((c) => c.checks.map((check) => check.message));
    expect(messages.filter((m) => m.includes('could not be checked'))).toEqual([]);
    expect(data.categories.find((c) => c.id === 'resources')).toMatchObject({ counts: true });
    expect(data.notChecked).toBeUndefined();
  });

  test('the project page agrees: ISMS-10 counts for the lead, and the report checked everyone', async () => {
    const data = await report(USERS.lead);
    expect(entry(data, 'resources', 'ISMS-10')).toMatchObject({ counts: true });
    expect(data.notChecked).toBeUndefined();
  });
});
