/**
 * Spec 12's reads in report/project and report/issue: the one bulk changelog read brings the
 * attachment, description and approver-field history as well (12.2), for the issues whose approval
 * must cover the current version, whoever approved them, and without a request more.
 */
import { DEMO_APPROVER_FIELD, DEMO_PEOPLE } from '../../dev/demo/demo-site';
import { demoSettings } from '../../dev/demo/demo-settings';
import { userPickerSet, withAttachmentAdded, withDescriptionChanged } from '../../dev/simulator/site-history';
import type { SiteChangeHistory } from '../../dev/simulator/site-types';
import type { IssueReport, ProjectReport } from '../../src/contract/invoke';
import type { RequirementMode } from '../../src/core/requirements';
import type { CategoryId } from '../../src/core/types';
import { USERS, adminPage, demoSite, issuePanel, projectPage, startApp, type App } from '../support/app-harness';

const BULK = '/rest/api/3/changelog/bulkfetch';
const VERSION = 'approval-covers-current-version' as const;
const { cfo: CFO, ciso: CISO } = DEMO_PEOPLE;
let app: App;

type Site = ReturnType<typeof demoSite>;

/** The demo site with `change` made to the issue `key` (site-history builders). */
function siteWith(key: string, change: (issue: Site['issues'][number]) => Site['issues'][number]): Site {
  const site = demoSite();
  site.issues = site.issues.map((issue) => (issue.key === key ? change(issue) : issue));
  return site;
}

/** The approver field set on ISMS-10 at `at` by the CFO: a history entry with the field's item (spec 12.1). */
const approverSet =
  (at: string) =>
  (issue: Site['issues'][number]): Site['issues'][number] => {
    const entry: SiteChangeHistory = {
      author: CFO.accountId,
      created: at,
      items: [userPickerSet({ id: DEMO_APPROVER_FIELD, name: 'Approver' }, CFO)],
    };
    return { ...issue, histories: [...(issue.histories ?? []), entry] };
  };

async function start(
  site: Site = demoSite(),
  modes: Partial<Record<CategoryId, RequirementMode>> = {},
  budgetMs?: number,
): Promise<void> {
  app = await startApp(site, budgetMs === undefined ? {} : { budgetMs });
  const config = demoSettings();
  for (const [category, mode] of Object.entries(modes) as [CategoryId, RequirementMode][])
    config.categories[category].requirements[VERSION] = mode;
  const saved = await app.call(USERS.admin, 'config/save', { config, expectedVersion: 0 }, adminPage());
  expect(saved.ok).toBe(true);
  app.forge.jira.stats.reset();
}
afterEach(() => app.stop());

async function panel(key: string): Promise<IssueReport> {
  const result = await app.call(USERS.lead, 'report/issue', {}, issuePanel(key));
  expect(result.ok).toBe(true);
  return result.data as IssueReport;
}
const versionCheck = (data: IssueReport) => data.categories.flatMap((c) => c.checks).find((c) => c.id === VERSION);

describe('the history read for spec 12', () => {
  test('the demo: still one bulk changelog request for the whole page, and every version check is made', async () => {
    await start();
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result.ok).toBe(true);
    const data = result.data as ProjectReport;
    expect(app.forge.jira.stats.count(BULK)).toBe(1);
    const checks = data.categories
      .flatMap((c) => c.evidence)
      .flatMap((e) => (e.failedChecks ?? []).filter((f) => f.id === VERSION));
    expect(checks.filter((f) => f.unknown === true)).toEqual([]);
  });

  test('the approver field names the CFO: the history is read for the approval time, and nothing changed since', async () => {
    await start();
    const data = await panel('ISMS-10');
    expect(app.forge.jira.stats.count(BULK)).toBe(1);
    // No entry sets the field: the approval is the issue's creation (12.1), and nothing was attached after.
    expect(versionCheck(data)).toMatchObject({ pass: true, message: expect.stringMatching(/^Nothing changed after /) });
  });

  test('the approver field naming someone, the version check off: the history is not read', async () => {
    await start(demoSite(), { resources: 'off' });
    await panel('ISMS-10');
    expect(app.forge.jira.stats.count(BULK)).toBe(0);
  });

  test('an attachment added after the approver field was set: the approver field item came with the bulk read', async () => {
    const site = siteWith('ISMS-10', (issue) =>
      withAttachmentAdded(
        withAttachmentAdded(approverSet('2026-06-02T09:00:00.000+0000')(issue), {
          filename: 'budget-2026-signed.pdf',
          at: '2026-06-01T16:00:00.000+0000',
          by: CFO,
        }),
        { filename: 'budget-2026-v2.xlsx', at: '2026-07-03T10:00:00.000+0000', by: CISO },
      ),
    );
    await start(site);
    const check = versionCheck(await panel('ISMS-10'));
    // The signed copy came before the field was set (there at approval); v2 is a change after it.
    expect(check).toMatchObject({
      pass: false,
      message: expect.stringMatching(
        /^budget-2026-v2\.xlsx was attached by Priya Natarajan on 3 Jul 2026, after Rahul Mehta's approval on 2 Jun 2026/,
      ),
    });
  });

  test('a description edited after the CEO signed the policy off: named, with who and when', async () => {
    const site = siteWith('ISMS-9', (issue) =>
      withDescriptionChanged(issue, {
        description: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Policy v4, scope widened.' }] }],
        },
        at: '2026-01-20T10:00:00.000+0000',
        by: CISO,
      }),
    );
    await start(site);
    const check = versionCheck(await panel('ISMS-9'));
    expect(check).toMatchObject({
      pass: false,
      advisory: true,
      message: expect.stringMatching(/^The description was changed by Priya Natarajan on 20 Jan 2026, after /),
    });
  });

  test('the bulk read fails: the version checks could not be made, and the report says why', async () => {
    await start(demoSite(), {}, 2_000);
    app.forge.jira.faults.serverError(500, { pathPrefix: BULK });
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result.ok).toBe(true);
    const data = result.data as ProjectReport;
    expect(data.notChecked).toEqual([expect.stringContaining('who signed them off is unknown')]);
    const budget = data.categories.find((c) => c.id === 'resources')?.evidence.find((e) => e.key === 'ISMS-10');
    expect(budget?.failedChecks?.find((f) => f.id === VERSION)).toMatchObject({
      pass: false,
      unknown: true,
      message: expect.stringContaining('could not be checked'),
    });
  });
});
