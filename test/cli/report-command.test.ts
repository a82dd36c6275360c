import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDemoExport } from '../../dev/demo/demo-export';
import { runReport } from '../../src/cli/report';
import type { CoverageReport } from '../../src/core/types';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const AS_OF = '2026-11-28';
const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const site = { issues: buildDemoExport(AS_OF) };
// The demo as an export made with expand=changelog, carrying its remote links (spec 8.7).
const exportFile = file('export.json', JSON.stringify({ issues: site.issues, isLast: true }));

/** The real command, as a user runs it. */
function cli(...args: string[]) {
  const result = spawnSync(TSX, [join(ROOT, 'src/cli/report.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run report, end to end on a Jira export', () => {
  test('json prints the report object alone, matching the spec shape', () => {
    const { code, stdout, stderr } = cli(
      '--data',
      exportFile,
      '--project',
      'ISMS',
      '--as-of',
      AS_OF,
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report: CoverageReport = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'projectKey',
        'asOf',
        'coverage',
        'verdict',
        'complete',
        'categories',
        'items',
        'findings',
      ]),
    );
    expect(report).toMatchObject({
      projectKey: 'ISMS',
      asOf: AS_OF,
      complete: true,
      coverage: 70,
      verdict: 'minor-nc',
    });
    expect(report.categories.map((c) => [c.id, c.status])).toEqual([
      ['workshop-outcome', 'met'],
      ['role-assignment', 'partial'],
      ['corrective-action', 'partial'],
      ['security-policy', 'met'],
      ['resources', 'met'],
      ['strategy-alignment', 'missing'],
      ['leadership-communication', 'met'],
      ['management-targets', 'stale'],
      ['executive-training', 'met'],
      ['management-review', 'met'],
    ]);
    expect(report.findings.map((f) => [f.severity, f.categoryId])).toEqual([
      ['minor', 'strategy-alignment'],
      ['minor', 'management-targets'],
      ['observation', 'role-assignment'],
      // The security champion's duties are not described (advisory).
      ['observation', 'role-assignment'],
      ['observation', 'corrective-action'],
      // The CISO replaced the CEO-signed policy v4 (ISMS-9) a week after its approval (spec 12, advisory).
      ['observation', 'security-policy'],
      ['observation', 'management-review'],
      // No top management in the command's default config: the top-management checks are not made.
      ['observation', undefined],
    ]);
    // ITOPS issues are in the export too, but not in the ISMS report.
    expect(report.categories.flatMap((c) => c.evidence.map((e) => e.key)).every((k) => k.startsWith('ISMS-'))).toBe(
      true,
    );
  });

  test('markdown is the default: a readable summary for the audit file', () => {
    const { code, stdout } = cli('--data', exportFile, '--project', 'ISMS', '--as-of', AS_OF);
    expect(code).toBe(0);
    expect(stdout).toContain('# ISO/IEC 27001:2022 Clause 5.1 coverage: ISMS');
    expect(stdout).toContain('- Coverage: 70.0%');
    expect(stdout).toContain('- Verdict: Minor non-conformity');
    expect(stdout).toMatch(/\| Strategy alignment \| Missing \| 0 \|/);
    expect(stdout).toContain('| (c) | makes the needed resources available | 100.0% |');
  });

  test('csv prints one row per evidence issue per category, a row for a category without any, and the verdict on each', () => {
    const { code, stdout } = cli('--data', exportFile, '--project', 'ISMS', '--as-of', AS_OF, '--format', 'csv');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\r\n');
    expect(rows[0]).toBe(
      'project,asOf,coverage,verdict,complete,category,categoryStatus,disabledReason,issueKey,summary,done,counts,effectiveDate,expiresOn,problems,approvers,participants,advisories',
    );
    // 20 evidence issues, and strategy alignment, which has none.
    expect(rows).toHaveLength(1 + 20 + 1);
    expect(rows.slice(1).every((row) => row.startsWith('ISMS,2026-11-28,70,minor-nc,true,'))).toBe(true);
    expect(rows).toContain(
      'ISMS,2026-11-28,70,minor-nc,true,workshop-outcome,met,,ISMS-1,Board security workshop: ransomware and business continuity,true,true,2026-10-18,2027-10-19,,Dana Whitfield,Sam Rivera | Dana Whitfield,',
    );
    expect(rows).toContain('ISMS,2026-11-28,70,minor-nc,true,strategy-alignment,missing,,,,,,,,,,,');
  });

  test('csv gives a disabled category its row, with the reason the admin gave', () => {
    const config = file(
      'disabled.json',
      JSON.stringify({
        categories: {
          'strategy-alignment': { enabled: false, disabledReason: 'Objectives are set in the board pack' },
        },
      }),
    );
    const { code, stdout } = cli(
      '--data',
      exportFile,
      '--project',
      'ISMS',
      '--as-of',
      AS_OF,
      '--config',
      config,
      '--format',
      'csv',
    );
    expect(code).toBe(0);
    const rows = stdout.trim().split('\r\n');
    const disabled = rows.filter((row) => row.includes(',strategy-alignment,'));
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toMatch(
      /^ISMS,2026-11-28,[\d.]+,[a-z-]+,true,strategy-alignment,disabled,Objectives are set in the board pack,,,,,,,,,,$/,
    );
  });

  test('an array of search pages and a bare array of issues are read too', () => {
    const pages = file(
      'pages.json',
      JSON.stringify([
        { issues: site.issues.slice(0, 5), nextPageToken: 'x' },
        { issues: site.issues.slice(5), isLast: true },
      ]),
    );
    const bare = file('bare.json', JSON.stringify(site.issues));
    const one = runReport(
      ['--data', exportFile, '--project', 'ISMS', '--as-of', AS_OF, '--format', 'json'],
      new Date(),
    );
    expect(
      runReport(['--data', pages, '--project', 'ISMS', '--as-of', AS_OF, '--format', 'json'], new Date()).stdout,
    ).toBe(one.stdout);
    expect(
      runReport(['--data', bare, '--project', 'ISMS', '--as-of', AS_OF, '--format', 'json'], new Date()).stdout,
    ).toBe(one.stdout);
  });

  test('--as-of defaults to today in UTC', () => {
    const { stdout } = runReport(
      ['--data', exportFile, '--project', 'ISMS', '--format', 'json'],
      new Date('2027-01-02T23:59:00-05:00'),
    );
    expect(JSON.parse(stdout).asOf).toBe('2027-01-03');
  });

  test('a config file changes the grading', () => {
    const config = file(
      'config.json',
      JSON.stringify({
        categories: { 'strategy-alignment': { enabled: false, disabledReason: 'Strategy lives in the board pack' } },
      }),
    );
    const report = JSON.parse(
      runReport(
        ['--data', exportFile, '--project', 'ISMS', '--as-of', AS_OF, '--config', config, '--format', 'json'],
        new Date(),
      ).stdout,
    );
    expect(report.coverage).toBe(77.8);
  });

  test('several projects are graded together (spec 11): --project twice or a comma list, the same report', () => {
    const run = (...projects: string[]) =>
      runReport(
        ['--data', exportFile, ...projects.flatMap((p) => ['--project', p]), '--as-of', AS_OF, '--format', 'json'],
        new Date(),
      );
    const both = run('ISMS', 'ITOPS');
    expect(both.code).toBe(0);
    expect(run('ISMS,ITOPS').stdout).toBe(both.stdout);
    const report = JSON.parse(both.stdout) as CoverageReport;
    const keys = report.categories.flatMap((c) => c.evidence.map((e) => e.key));
    expect(report.projectKey).toBe('ISMS');
    // ITOPS holds no evidence labels: grading it with ISMS changes nothing but what is read.
    expect(keys.every((k) => k.startsWith('ISMS-'))).toBe(true);
    expect(JSON.parse(run('ISMS').stdout).coverage).toBe(report.coverage);
    expect(run('ISMS,isms').stderr).toMatch(/--project "isms" is not a Jira project key/);
    expect(run(...Array.from({ length: 21 }, (_, i) => `P${i}`)).stderr).toMatch(/at most 20/);
  });

  test('a second project with evidence of its own counts with the first', () => {
    const board = file(
      'with-board.json',
      JSON.stringify({
        issues: [
          ...(site.issues as { key: string }[]).filter((i) => i.key.startsWith('ISMS-')),
          {
            key: 'BOARD-1',
            fields: {
              summary: 'Board minutes: strategy',
              labels: ['iso27001-strategy-alignment'],
              status: { name: 'Done', statusCategory: { key: 'done' } },
              created: '2026-10-01T09:00:00.000+0000',
              resolutiondate: '2026-10-02T09:00:00.000+0000',
              updated: '2026-10-02T09:00:00.000+0000',
              project: { key: 'BOARD', id: '10002', name: 'Board' },
            },
          },
        ],
      }),
    );
    const graded = (projects: string) =>
      JSON.parse(
        runReport(['--data', board, '--project', projects, '--as-of', AS_OF, '--format', 'json'], new Date()).stdout,
      ) as CoverageReport;
    const strategy = (r: { categories: { id: string; status: string }[] }) =>
      r.categories.find((c) => c.id === 'strategy-alignment')?.status;
    expect(strategy(graded('ISMS'))).toBe('missing');
    expect(strategy(graded('ISMS,BOARD'))).toBe('met');
  });

  test('a project the export does not hold: exit 2 naming the projects it holds, no report', () => {
    for (const [named, which] of [
      ['NOPE', 'project NOPE'],
      ['NOPE,HR', 'projects NOPE or HR'],
    ] as const) {
      const { code, stderr, stdout } = runReport(
        ['--data', exportFile, '--project', named, '--as-of', AS_OF, '--format', 'json'],
        new Date(),
      );
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(
        `report: The data file ${exportFile} holds no issues of ${which}; it holds issues of BOARD, ISMS and ITOPS: name one of those with --project.\n`,
      );
    }
  });

  test('an export with no issues at all gives an empty report and a note', () => {
    const noIssues = file('no-issues.json', JSON.stringify({ issues: [], isLast: true }));
    const { code, stderr, stdout } = runReport(
      ['--data', noIssues, '--project', 'HR', '--as-of', AS_OF, '--format', 'json'],
      new Date(),
    );
    expect(code).toBe(0);
    expect(stderr).toBe('report: note: the data holds no issues at all, so the report is for an empty project.\n');
    expect(JSON.parse(stdout).coverage).toBe(0);
  });

  test('one of two projects missing: graded on the one held', () => {
    const { code, stdout } = runReport(
      ['--data', exportFile, '--project', 'ISMS,NOPE', '--as-of', AS_OF, '--format', 'json'],
      new Date(),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).evidenceIssueCount).toBeGreaterThan(0);
  });
});

describe('npm run report: bad input exits 2 with one clear sentence', () => {
  const notJson = file('broken.json', '{ "issues": [');
  const notIssues = file('not-issues.json', JSON.stringify({ hello: 'world' }));
  const badIssue = file(
    'bad-issue.json',
    JSON.stringify({ issues: [site.issues[0], { key: 'ISMS-99', fields: { resolutiondate: 'soon', labels: [] } }] }),
  );
  const badConfig = file('bad-config.json', JSON.stringify({ categories: { resources: { windowDays: 0 } } }));
  // Read as a stream: the shape is found from the tokens, so each of these has its own path to a sentence.
  const empty = file('empty.json', '');
  const moreAfter = file('more-after.json', `${JSON.stringify({ issues: [] })} {}`);
  const issuesNotAList = file('issues-object.json', JSON.stringify({ issues: { 'ISMS-1': site.issues[0] } }));
  const mixed = file('mixed.json', JSON.stringify([{ issues: site.issues.slice(0, 2) }, site.issues[2]]));

  test.each([
    [
      'a missing data file',
      ['--data', join(dir, 'nope.json'), '--project', 'ISMS'],
      /data file .*nope\.json does not exist/,
    ],
    ['malformed JSON', ['--data', notJson, '--project', 'ISMS'], /broken\.json is not valid JSON/],
    ['data that is not Jira issues', ['--data', notIssues, '--project', 'ISMS'], /not a Jira search response/],
    ['an empty data file', ['--data', empty, '--project', 'ISMS'], /empty\.json is not valid JSON: the file is empty/],
    [
      'more JSON after the end',
      ['--data', moreAfter, '--project', 'ISMS'],
      /more-after\.json is not valid JSON: there is more after the end of the JSON/,
    ],
    [
      'an issues field that is not a list',
      ['--data', issuesNotAList, '--project', 'ISMS'],
      /not a Jira search response/,
    ],
    [
      'search pages mixed with bare issues',
      ['--data', mixed, '--project', 'ISMS'],
      /Item 2 of the data is not a search page, unlike the first/,
    ],
    [
      'a bad issue, named with its field',
      ['--data', badIssue, '--project', 'ISMS'],
      /issue #2 \(ISMS-99\): field "resolutiondate" is not a valid date: "soon"/,
    ],
    [
      'an impossible date',
      ['--data', exportFile, '--project', 'ISMS', '--as-of', '2026-02-30'],
      /--as-of "2026-02-30" is not a real date/,
    ],
    ['an unknown format', ['--data', exportFile, '--project', 'ISMS', '--format', 'pdf'], /--format "pdf" is unknown/],
    [
      'an invalid config',
      ['--data', exportFile, '--project', 'ISMS', '--config', badConfig],
      /config .* is invalid: categories\.resources\.windowDays must be a whole number/,
    ],
    [
      'a missing config file',
      ['--data', exportFile, '--project', 'ISMS', '--config', join(dir, 'none.json')],
      /config file .* does not exist/,
    ],
    ['no --project', ['--data', exportFile], /--project is required/],
    ['a lower-case project key', ['--data', exportFile, '--project', 'isms'], /is not a Jira project key/],
    ['an unknown option', ['--data', exportFile, '--project', 'ISMS', '--colour'], /Unknown option '--colour'/],
  ])('%s', (_name, args, message) => {
    const { code, stdout, stderr } = cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
