/**
 * A large project's report is never silently partial and never counts an issue twice, whatever
 * Jira's paging gets wrong: entries without a key, a page token that does not advance, an issue
 * deleted between the key listing and the read of its page.
 */
import type { ProjectReport } from '../../src/contract/invoke';
import { USERS, demoSiteWithWorkshops, projectPage, useApp } from '../support/app-harness';

const SEARCH = '/rest/api/3/search/jql';
/** The demo project's 16 evidence issues and the 500 extra workshop outcomes. */
const EVIDENCE = 520;

/** Every evidence entry of every category: an issue may be evidence of two categories, never twice of one. */
function duplicateEntries(report: ProjectReport): string[] {
  return report.categories.flatMap((c) => {
    const keys = c.evidence.map((e) => e.key);
    return keys.filter((k, i) => keys.indexOf(k) !== i).map((k) => `${c.id}: ${k}`);
  });
}

describe('paging Jira gets wrong', () => {
  const app = useApp(demoSiteWithWorkshops);
  // Keys listed 200 a page, so the listing takes three pages: 200, 200 and 116.
  let site: ReturnType<typeof app.forge.jira.site>;
  beforeEach(() => {
    app.forge.jira.limits.maxResultsIdsOnly = 200;
    site = app.forge.jira.site();
  });
  afterEach(() => {
    app.forge.jira.limits.maxResultsIdsOnly = 5000;
    // Puts back an issue a test deleted, so each test sees the same project.
    app.forge.jira.replaceSite(site);
  });

  async function report(): Promise<ProjectReport> {
    const result = await app.call(USERS.lead, 'report/project', { fullRead: true }, projectPage());
    expect(result.ok).toBe(true);
    const data: ProjectReport = result.data;
    return data;
  }

  test('the control: a listing of three pages gives the complete report once', async () => {
    const data = await report();
    expect(data).toMatchObject({ complete: true, evidenceIssueCount: EVIDENCE });
    expect(duplicateEntries(data)).toStrictEqual([]);
  });

  test('listed entries without a key make the report incomplete, and it says why', async () => {
    // Request 1 is the first page, 2 the first page of keys: the second page of keys loses three.
    app.forge.jira.faults.dropKeys(3, { afterRequests: 2 });
    const data = await report();
    expect(data).toMatchObject({
      complete: false,
      evidenceIssueCount: EVIDENCE - 3,
      incompleteReason: 'Jira listed 3 issues without a key, which cannot be read, so they are not counted.',
    });
  });

  test('a page token that does not advance stops the listing: incomplete, and no issue counted twice', async () => {
    // The first page of keys comes back twice, the token pointing at itself.
    app.forge.jira.faults.repeatPage(2, { afterRequests: 1 });
    const data = await report();
    expect(duplicateEntries(data)).toStrictEqual([]);
    expect(data).toMatchObject({
      complete: false,
      evidenceIssueCount: 200,
      incompleteReason:
        'Jira sent the same page of issues again, so the listing stopped after 200 issues and later ones are not counted.',
    });
  });

  test('an issue deleted after the listing costs that issue alone: the report stays complete', async () => {
    // Deleted once the first page and the three pages of keys were served: its page by key gets a 400 naming it.
    app.forge.jira.faults.deleteIssue('ISMS-350', { pathPrefix: SEARCH, afterRequests: 4 });
    const data = await report();
    expect(data).toMatchObject({ complete: true, evidenceIssueCount: EVIDENCE - 1 });
    expect(data.categories.flatMap((c) => c.evidence.map((e) => e.key))).not.toContain('ISMS-350');
    // 1 first page + 3 pages of keys + 5 pages by key + the one page read again without ISMS-350.
    expect(app.forge.jira.stats.count(SEARCH)).toBe(10);
  });
});
