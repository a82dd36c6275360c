/**
 * The report command on an export made with expand=changelog (spec 8.7): who signed, who approved,
 * what the issue holds, with top management given as account ids; a config naming groups is refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '../../src/cli/report';
import type { CoverageReport } from '../../src/core/types';

const AS_OF = '2026-11-28';
const dir = mkdtempSync(join(tmpdir(), 'report-substance-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

const CEO = { accountId: 'acc-ceo', displayName: 'Dana Whitfield', accountType: 'atlassian', active: true };
const CISO = { accountId: 'acc-ciso', displayName: 'Priya Natarajan', accountType: 'atlassian', active: true };
const done = { id: '10001', name: 'Done', statusCategory: { key: 'done' } };

/** A done issue as Jira's search sends it with expand=changelog, signed off (moved to Done) by `by`. */
function signedIssue(key: string, labels: string[], by: typeof CEO, extra: Record<string, unknown> = {}) {
  return {
    id: key.replace(/\D/g, ''),
    key,
    fields: {
      summary: `${key} record`,
      labels,
      status: done,
      created: '2026-08-01T09:00:00.000+0000',
      updated: '2026-09-01T10:00:00.000+0000',
      resolutiondate: '2026-09-01T10:00:00.000+0000',
      project: { key: 'ISMS' },
      assignee: null,
      reporter: CISO,
      attachment: [{ id: '1', filename: 'signed.pdf' }],
      comment: { comments: [], total: 0 },
      issuelinks: [],
      description: null,
      ...extra,
    },
    changelog: {
      startAt: 0,
      maxResults: 100,
      total: 1,
      histories: [
        {
          id: '1',
          author: by,
          created: '2026-09-01T10:00:00.000+0000',
          items: [
            {
              field: 'status',
              fieldtype: 'jira',
              fieldId: 'status',
              from: '3',
              fromString: 'In Progress',
              to: '10001',
              toString: 'Done',
            },
          ],
        },
      ],
    },
  };
}

const exportFile = file('export.json', {
  issues: [
    signedIssue('ISMS-1', ['iso27001-policy-approval'], CISO),
    signedIssue('ISMS-2', ['iso27001-budget-approval'], CEO),
    // The minutes are only a merge request link: not a document.
    {
      ...signedIssue('ISMS-3', ['iso27001-management-review'], CEO, { attachment: [] }),
      remotelinks: [{ id: 1, object: { url: 'https://gitlab.com/acme/isms/-/merge_requests/4' } }],
    },
  ],
});
const run = (config: unknown) =>
  runReport(
    [
      '--data',
      exportFile,
      '--project',
      'ISMS',
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--config',
      file(`config-${Math.random()}.json`, config),
    ],
    new Date(),
  );

describe('npm run report grades by section 8 on an export with changelogs', () => {
  test('with the CEO as top management: the CISO-signed policy and the review without minutes do not count', () => {
    const result = run({ topManagement: { accountIds: [CEO.accountId] } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as CoverageReport;
    const status = (id: string) => report.categories.find((c) => c.id === id);
    expect(status('resources')?.status).toBe('met');
    expect(status('security-policy')?.status).toBe('partial');
    expect(status('security-policy')?.evidence[0]?.problems).toEqual([
      'Signed off by Priya Natarajan (moved to Done on 1 Sep 2026), who is not top management: the security policy must be approved by the highest level of management.',
    ]);
    // No minutes (a merge request is no document), and no comment or link: the second is advisory.
    expect(status('management-review')?.evidence[0]?.failedChecks?.map((c) => [c.id, c.advisory === true])).toEqual([
      ['document-attached', false],
      ['decisions-recorded', true],
    ]);
    expect(status('resources')?.evidence[0]?.approvers).toEqual([
      { accountId: 'acc-ceo', displayName: 'Dana Whitfield', isApp: false },
    ]);
  });

  test('with nobody named, the top-management checks are not made and one observation says so', () => {
    const report = JSON.parse(run({}).stdout) as CoverageReport;
    expect(report.categories.find((c) => c.id === 'security-policy')?.status).toBe('met');
    expect(report.findings.filter((f) => !f.categoryId)).toEqual([
      expect.objectContaining({ severity: 'observation' }),
    ]);
  });

  test('a config naming groups is refused in one sentence, exit 2', () => {
    const result = run({ topManagement: { groups: ['952d12c3-5b5b-4d04-bb32-44d383afc4b2'], accountIds: [] } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^report: The config in .* names Jira groups as top management .*\.\n$/);
  });

  test('an empty groups list names none, and is accepted', () => {
    expect(run({ topManagement: { groups: [], accountIds: [CEO.accountId] } }).code).toBe(0);
  });
});

describe('npm run report on an export made without expand=changelog (spec 15)', () => {
  const withoutHistory = file('no-changelog.json', {
    issues: [
      signedIssue('ISMS-1', ['iso27001-policy-approval'], CEO),
      signedIssue('ISMS-2', ['iso27001-budget-approval'], CEO),
    ].map(({ changelog: _changelog, ...issue }) => issue),
  });
  const config = file('ceo.json', { topManagement: { accountIds: [CEO.accountId] } });
  const report = (format: string) =>
    runReport(
      ['--data', withoutHistory, '--project', 'ISMS', '--as-of', AS_OF, '--format', format, '--config', config],
      new Date(),
    );

  test('json: the report is provisional, and who signed is "could not be checked", not a failure', () => {
    const graded = JSON.parse(report('json').stdout) as CoverageReport;
    expect(graded.provisional).toMatchObject({ unknownChecks: 2, issueKeys: ['ISMS-1', 'ISMS-2'] });
    expect(graded.provisional?.reason).toContain('who signed some issues off (their history was not read)');
    expect(graded.provisional?.reason).toContain('export with expand=changelog');
    const policy = graded.categories.find((c) => c.id === 'security-policy');
    expect(policy?.evidence[0]).toMatchObject({ counts: false, cannotTell: true });
    expect(graded.findings.find((f) => f.categoryId === 'security-policy')).toMatchObject({ unknown: true });
  });

  test('markdown says it is provisional and marks the findings that could not be checked', () => {
    const { stdout, code } = report('markdown');
    expect(code).toBe(0);
    expect(stdout).toContain('- **Provisional:** 2 issues could not be fully checked');
    expect(stdout).toMatch(
      /- \*\*Verbal warning\*\* \(could not be checked\): Security policy approval: whether top management signed it off could not be checked for ISMS-1/,
    );
  });
});
