/**
 * The report command on an export made with expand=changelog and the fields the app reads (spec 8.7):
 * attachments with their times, the issue's creation instant and the approver field's history come
 * through, so spec 12's check is made from the export as from a live read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_APPROVER_FIELD, DEMO_PEOPLE, DEMO_USERS } from '../../dev/demo/demo-site';
import { demoSettings } from '../../dev/demo/demo-settings';
import { parseFieldSelection, projectIssue } from '../../dev/simulator/fields';
import { validateSite } from '../../dev/simulator/site';
import { userPickerSet, withAttachmentAdded } from '../../dev/simulator/site-history';
import { SiteIndex } from '../../dev/simulator/site-index';
import type { SiteChangeHistory } from '../../dev/simulator/site-types';
import { runReport } from '../../src/cli/report';
import type { CoverageReport, EvidenceEntry } from '../../src/core/types';
import { fieldsToRead } from '../../src/jira/transform';
import { AS_OF, demoSite } from '../support/app-harness';

const VERSION = 'approval-covers-current-version';
const { ceo: CEO, cfo: CFO, ciso: CISO } = DEMO_PEOPLE;
const config = { ...demoSettings(), topManagement: { groups: [], accountIds: [CEO.accountId, CFO.accountId] } };
type Site = ReturnType<typeof demoSite>;

const approverSet = (issue: Site['issues'][number], at: string): Site['issues'][number] => {
  const entry: SiteChangeHistory = {
    author: CFO.accountId,
    created: at,
    items: [userPickerSet({ id: DEMO_APPROVER_FIELD, name: 'Approver' }, CFO)],
  };
  return { ...issue, histories: [...(issue.histories ?? []), entry] };
};

/** The site as the security lead's search with the app's fields and expand=changelog returns it. */
function exportOf(site: Site, withChangelog = true): string {
  const index = new SiteIndex(validateSite(site, 'test site'));
  const lead = index.users.get(DEMO_USERS.securityLead.accountId);
  if (!lead) throw new Error('no security lead');
  const selection = parseFieldSelection(fieldsToRead(config), '*all');
  const issues = index.issues.map((indexed) => ({
    ...projectIssue(index, indexed, {
      selection,
      siteUrl: 'https://brightwater.atlassian.net',
      idOnlyShape: false,
      caller: { kind: 'user', user: lead },
      ...(withChangelog ? { changelogMax: Number.MAX_SAFE_INTEGER } : {}),
    }),
  }));
  const dir = mkdtempSync(join(tmpdir(), 'report-approval-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'export.json'), JSON.stringify({ issues }));
  return dir;
}

function report(dir: string): CoverageReport {
  const args = ['--data', join(dir, 'export.json'), '--project', 'ISMS', '--as-of', AS_OF, '--format', 'json'];
  const out = runReport([...args, '--config', join(dir, 'config.json')], new Date());
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout) as CoverageReport;
}

const entry = (r: CoverageReport, category: string, key: string): EvidenceEntry | undefined =>
  r.categories.find((c) => c.id === category)?.evidence.find((e) => e.key === key);
const versionCheck = (e: EvidenceEntry | undefined) => e?.failedChecks?.find((f) => f.id === VERSION);

describe('the report command and spec 12', () => {
  const site = demoSite();
  site.issues = site.issues.map((issue) => {
    if (issue.key === 'ISMS-9')
      return withAttachmentAdded(issue, {
        filename: 'Information-Security-Policy-v4-redline.docx',
        at: '2026-02-10T10:00:00.000+0000',
        by: CISO,
      });
    if (issue.key === 'ISMS-10')
      return withAttachmentAdded(
        withAttachmentAdded(approverSet(issue, '2026-06-02T09:00:00.000+0000'), {
          filename: 'budget-2026-signed.pdf',
          at: '2026-06-01T16:00:00.000+0000',
          by: CFO,
        }),
        {
          filename: 'budget-2026-v2.xlsx',
          at: '2026-07-03T10:00:00.000+0000',
          by: CISO,
        },
      );
    return issue;
  });
  const dir = exportOf(site);

  test('an attachment added after the CEO signed the policy: the check names it, who and when', () => {
    expect(versionCheck(entry(report(dir), 'security-policy', 'ISMS-9'))).toMatchObject({
      pass: false,
      advisory: true,
      message: expect.stringMatching(
        /^Information-Security-Policy-v4-redline\.docx was attached by Priya Natarajan on 10 Feb 2026, after Dana Whitfield's approval on 13 Dec 2025/,
      ),
    });
  });

  test("the approver field's history comes through: the approval is when the field was set", () => {
    // The signed copy was there when the CFO was named (2 Jun); v2 came after. Without the field's history
    // the approval would be the issue's creation (12 May), and the sentence would say so.
    expect(versionCheck(entry(report(dir), 'resources', 'ISMS-10'))).toMatchObject({
      pass: false,
      advisory: true,
      message: expect.stringMatching(
        /^budget-2026-v2\.xlsx was attached by Priya Natarajan on 3 Jul 2026, after Rahul Mehta's approval on 2 Jun 2026/,
      ),
    });
  });

  test('an export without expand=changelog: the check could not be made, and says so', () => {
    const check = versionCheck(entry(report(exportOf(site, false)), 'security-policy', 'ISMS-9'));
    expect(check).toMatchObject({
      pass: false,
      unknown: true,
      message: expect.stringContaining('could not be checked'),
    });
  });
});
