import { buildReport } from '../../src/core/report';
import type { CategoryId, EvidenceIssue } from '../../src/core/types';
import { aConfig, activeUser, allMetIssues, anIssue, label, withoutTopManagementChecks } from '../support/builders';

const AS_OF = '2026-11-28';
const without = (issues: EvidenceIssue[], id: CategoryId) => issues.filter((i) => !i.labels.includes(label(id)));
const staleOf = (id: CategoryId) => anIssue({ labels: [label(id)], resolved: '2024-01-01' });
// Sections 4 and 5 alone: section 8's requirements have their own tests (substance-grading.test.ts).
const report = (issues: EvidenceIssue[], config = aConfig()) =>
  buildReport('ISMS', issues, withoutTopManagementChecks(config), AS_OF);
const severities = (issues: EvidenceIssue[], config = aConfig()) =>
  report(issues, config).findings.map((f) => [f.severity, f.categoryId]);

describe('findings: the enforcement path', () => {
  test('everything met and fresh: no findings, ready, 100%', () => {
    const r = report(allMetIssues(AS_OF));
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe('ready');
    expect(r.coverage).toBe(100);
    expect(r.items.every((i) => i.coverage === 100)).toBe(true);
  });

  test.each([
    ['security-policy missing is a verbal warning', 'security-policy', 'missing', 'warning', 'warning'],
    ['security-policy stale is a verbal warning', 'security-policy', 'stale', 'warning', 'warning'],
    ['management-review stale is a minor NC', 'management-review', 'stale', 'minor', 'minor-nc'],
    ['management-review missing is a major NC', 'management-review', 'missing', 'major', 'major-nc'],
    ['resources missing is a major NC', 'resources', 'missing', 'major', 'major-nc'],
    ['resources stale is a major NC', 'resources', 'stale', 'major', 'major-nc'],
    ['another category missing is a minor NC', 'strategy-alignment', 'missing', 'minor', 'minor-nc'],
    ['another category stale is a minor NC', 'management-targets', 'stale', 'minor', 'minor-nc'],
    ['workshop outcomes stale is a minor NC', 'workshop-outcome', 'stale', 'minor', 'minor-nc'],
  ] as const)('%s', (_name, id, how, severity, verdict) => {
    const issues = without(allMetIssues(AS_OF), id);
    if (how === 'stale') issues.push(staleOf(id));
    const r = report(issues);
    expect(r.findings.map((f) => [f.severity, f.categoryId])).toEqual([[severity, id]]);
    expect(r.verdict).toBe(verdict);
    expect(r.findings[0]?.fix).toMatch(/\.$/);
  });

  test('a stale finding names the issues behind it', () => {
    const issues = [
      ...without(allMetIssues(AS_OF), 'management-review'),
      anIssue({ key: 'ISMS-77', labels: [label('management-review')], resolved: '2025-01-01' }),
    ];
    expect(report(issues).findings[0]).toMatchObject({ severity: 'minor', issueKeys: ['ISMS-77'] });
  });

  test('verdict precedence: major over minor over warning', () => {
    let issues = without(without(without(allMetIssues(AS_OF), 'security-policy'), 'strategy-alignment'), 'resources');
    expect(report(issues).verdict).toBe('major-nc');
    issues = without(without(allMetIssues(AS_OF), 'security-policy'), 'strategy-alignment');
    expect(report(issues).verdict).toBe('minor-nc');
    issues = without(allMetIssues(AS_OF), 'security-policy');
    expect(report(issues).verdict).toBe('warning');
  });

  test('findings are sorted by severity', () => {
    const issues = without(without(without(allMetIssues(AS_OF), 'security-policy'), 'strategy-alignment'), 'resources');
    issues.push(anIssue({ labels: [label('role-assignment')], assignee: null }));
    expect(severities(issues)).toEqual([
      ['major', 'resources'],
      ['minor', 'strategy-alignment'],
      ['warning', 'security-policy'],
      ['observation', 'role-assignment'],
    ]);
  });
});

describe('findings: the involvement rule', () => {
  const involvement: CategoryId[] = [
    'workshop-outcome',
    'management-review',
    'corrective-action',
    'leadership-communication',
    'executive-training',
  ];
  const withoutInvolvement = () => involvement.reduce(without, allMetIssues(AS_OF));

  test('none of the five involvement categories met or partial is a major NC named involvement', () => {
    const r = report(withoutInvolvement());
    expect(r.findings.filter((f) => f.categoryId === 'involvement')).toEqual([
      expect.objectContaining({ severity: 'major' }),
    ]);
    expect(r.verdict).toBe('major-nc');
  });

  test('one partial involvement category is enough to avoid it', () => {
    const issues = [
      ...withoutInvolvement(),
      anIssue({ labels: [label('corrective-action'), 'board-approved'], resolved: '2026-06-01' }),
      anIssue({ labels: [label('corrective-action')], done: false }),
    ];
    const r = report(issues);
    expect(r.categories.find((c) => c.id === 'corrective-action')?.status).toBe('partial');
    expect(r.findings.some((f) => f.categoryId === 'involvement')).toBe(false);
  });

  test('disabled involvement categories are left out of the rule', () => {
    const config = aConfig({ 'workshop-outcome': { enabled: false, disabledReason: 'No Board workshops this year' } });
    const issues = [
      ...withoutInvolvement(),
      anIssue({ labels: [label('leadership-communication')], resolved: AS_OF }),
      anIssue({ labels: [label('management-review')], resolved: AS_OF }),
      anIssue({ labels: [label('executive-training')], resolved: AS_OF }),
      anIssue({ labels: [label('corrective-action'), 'board-approved'], resolved: AS_OF }),
    ];
    expect(report(issues, config).findings).toEqual([]);
  });

  test('with every involvement category disabled, the rule does not apply', () => {
    const config = aConfig(
      Object.fromEntries(involvement.map((id) => [id, { enabled: false, disabledReason: 'Tracked elsewhere' }])),
    );
    expect(report(withoutInvolvement(), config).findings.some((f) => f.categoryId === 'involvement')).toBe(false);
  });
});

describe('findings: observations', () => {
  test('a partial category is an observation', () => {
    const issues = [
      ...allMetIssues(AS_OF),
      anIssue({ key: 'ISMS-500', labels: [label('role-assignment')], assignee: null }),
    ];
    const r = report(issues);
    expect(r.findings).toEqual([
      expect.objectContaining({ severity: 'observation', categoryId: 'role-assignment', issueKeys: ['ISMS-500'] }),
    ]);
    expect(r.verdict).toBe('ready');
    expect(r.coverage).toBe(95);
  });

  test.each([
    ['92 days old: no observation', '2026-08-28', false],
    ['93 days old: more than the quarterly interval', '2026-08-27', true],
  ])('management review %s', (_name, resolved, flagged) => {
    const issues = [
      ...without(allMetIssues(AS_OF), 'management-review'),
      anIssue({ labels: [label('management-review')], resolved }),
    ];
    const quarterly = report(issues).findings.filter((f) => f.categoryId === 'management-review');
    expect(quarterly.length).toBe(flagged ? 1 : 0);
    if (flagged) expect(quarterly[0]?.message).toContain('recommended 92 days');
  });

  test.each([
    ['lapses in 30 days: expiring soon', '2025-12-27', true],
    ['lapses in 31 days: not yet', '2025-12-28', false],
  ])('a met dated category that %s', (_name, resolved, flagged) => {
    const issues = [
      ...without(allMetIssues(AS_OF), 'strategy-alignment'),
      anIssue({ labels: [label('strategy-alignment')], resolved }),
    ];
    const r = report(issues);
    const soon = r.findings.filter((f) => f.categoryId === 'strategy-alignment');
    expect(soon.length).toBe(flagged ? 1 : 0);
    if (flagged)
      expect(soon[0]).toMatchObject({ severity: 'observation', message: expect.stringContaining('28 Dec 2026') });
  });

  test('a met corrective category expiring soon is an observation too; roles never expire', () => {
    const issues = [
      ...without(without(allMetIssues(AS_OF), 'corrective-action'), 'role-assignment'),
      anIssue({ labels: [label('corrective-action'), 'board-approved'], resolved: '2025-12-10' }),
      anIssue({ labels: [label('role-assignment')], assignee: activeUser, resolved: '2020-01-01' }),
    ];
    expect(severities(issues)).toEqual([['observation', 'corrective-action']]);
  });
});

describe('disabled categories and items', () => {
  test('a disabled category is shown as disabled with its reason and left out of coverage', () => {
    const config = aConfig({ 'management-targets': { enabled: false, disabledReason: 'Single-department company' } });
    const issues = without(allMetIssues(AS_OF), 'management-targets');
    const r = report(issues, config);
    expect(r.categories.find((c) => c.id === 'management-targets')).toMatchObject({
      status: 'disabled',
      score: null,
      disabledReason: 'Single-department company',
      evidence: [],
    });
    expect(r.coverage).toBe(100);
    expect(r.findings).toEqual([]);
  });

  test('an item whose categories are all disabled is not assessed (null)', () => {
    const config = aConfig({ resources: { enabled: false, disabledReason: 'Budget approved outside Jira' } });
    const r = report(allMetIssues(AS_OF), config);
    expect(r.items.find((i) => i.id === 'c')?.coverage).toBeNull();
    expect(r.items.find((i) => i.id === 'a')?.coverage).toBe(100);
  });

  test('item coverage is the mean of its enabled categories', () => {
    // item a = workshop-outcome, security-policy, strategy-alignment
    const issues = without(allMetIssues(AS_OF), 'strategy-alignment');
    const r = report(issues);
    expect(r.items.find((i) => i.id === 'a')?.coverage).toBe(66.7);
    expect(r.items.find((i) => i.id === 'b')?.coverage).toBe(0);
    expect(r.coverage).toBe(90);
  });

  test('an empty project is 0% with the major findings an auditor would raise', () => {
    const r = report([]);
    expect(r.coverage).toBe(0);
    expect(r.verdict).toBe('major-nc');
    expect(r.evidenceIssueCount).toBe(0);
    expect(r.findings.filter((f) => f.severity === 'major').map((f) => f.categoryId)).toEqual([
      'resources',
      'management-review',
      'involvement',
    ]);
  });
});

describe('findings: each reason and fix fits the config and the evidence', () => {
  const involvement: CategoryId[] = [
    'workshop-outcome',
    'management-review',
    'corrective-action',
    'leadership-communication',
    'executive-training',
  ];
  const withoutInvolvement = () => involvement.reduce(without, allMetIssues(AS_OF));
  const off = { enabled: false, disabledReason: 'Not used here' };
  const policy = label('security-policy');
  const corrective = label('corrective-action');
  const twoLabels = aConfig({ 'strategy-alignment': { labels: ['iso27001-strategy-alignment', 'okr-security'] } });

  interface Row {
    issues: EvidenceIssue[];
    config?: ReturnType<typeof aConfig>;
    finding: CategoryId | 'involvement';
    /** Every text must appear in the message (m) or the fix (f); none of the forbidden may. */
    message?: (string | RegExp)[];
    fix?: (string | RegExp)[];
    notInMessage?: (string | RegExp)[];
    notInFix?: (string | RegExp)[];
    keys?: string[];
  }
  const rows: [string, Row][] = [
    [
      'a dated category whose only done evidence takes effect after as-of is not "older than the window"',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'security-policy'),
          anIssue({ key: 'ISMS-601', labels: [policy], resolved: '2026-12-10' }),
        ],
        finding: 'security-policy',
        message: ['ISMS-601', 'after the report day', '28 Nov 2026'],
        notInMessage: ['older than', 'window'],
        fix: ['effective date of ISMS-601'],
        keys: ['ISMS-601'],
      },
    ],
    [
      'old and future-dated evidence: both reasons, each naming what it is about',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'security-policy'),
          anIssue({ key: 'ISMS-602', labels: [policy], resolved: '2025-01-01' }),
          anIssue({ key: 'ISMS-603', labels: [policy], resolved: '2027-02-01' }),
        ],
        finding: 'security-policy',
        message: ['older than the 365-day window (newest 1 Jan 2025)', 'ISMS-603', 'after the report day'],
        notInMessage: ['ISMS-602'],
        fix: ['effective date of ISMS-603'],
      },
    ],
    [
      'several issues dated after as-of are named together, in the plural',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'resources'),
          anIssue({ key: 'ISMS-613', labels: [label('resources')], resolved: '2026-12-01' }),
          anIssue({ key: 'ISMS-614', labels: [label('resources')], resolved: '2026-12-02' }),
        ],
        finding: 'resources',
        message: ['ISMS-614 and ISMS-613 take effect after the report day 28 Nov 2026, so they do not count yet'],
        fix: ['Correct the effective dates of ISMS-614 and ISMS-613 if they are wrong; otherwise record'],
      },
    ],
    [
      'done evidence without any date says so instead of calling it old',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'management-targets'),
          { ...anIssue({ key: 'ISMS-604', labels: [label('management-targets')] }), updated: undefined },
        ],
        finding: 'management-targets',
        message: ['ISMS-604 has no date'],
        notInMessage: ['older than'],
        fix: ['ISMS-604', 'resolutiondate'],
      },
    ],
    [
      'an effective-date field set by the admin is named in the fix for an undated issue',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'management-targets'),
          { ...anIssue({ key: 'ISMS-605', labels: [label('management-targets')] }), updated: undefined },
        ],
        config: aConfig({}, { effectiveDateField: 'customfield_10042' }),
        finding: 'management-targets',
        fix: ['customfield_10042'],
      },
    ],
    [
      'a missing category with two labels names both',
      {
        issues: without(allMetIssues(AS_OF), 'strategy-alignment'),
        config: twoLabels,
        finding: 'strategy-alignment',
        message: ['iso27001-strategy-alignment or okr-security'],
      },
    ],
    [
      'the involvement finding says "none is met or partial" and names only the enabled categories',
      {
        issues: withoutInvolvement(),
        config: aConfig({ 'workshop-outcome': off, 'management-review': off }),
        finding: 'involvement',
        message: ['is met or partial', 'Leadership communication', 'Executive training'],
        notInMessage: [/workshop/i, /management review/i],
        fix: [label('leadership-communication'), label('executive-training'), corrective, 'board-approved'],
        notInFix: [/workshop/i, /management review/i],
      },
    ],
    [
      'the involvement finding with one enabled category reads as one',
      {
        issues: withoutInvolvement(),
        config: aConfig(Object.fromEntries(involvement.slice(1).map((id) => [id, off]))),
        finding: 'involvement',
        message: ['Executive workshop outcomes is neither met nor partial'],
        fix: [label('workshop-outcome')],
        notInFix: [/management review/i, /corrective/i],
      },
    ],
    [
      'the involvement fix names the approval label the admin chose',
      {
        issues: withoutInvolvement(),
        config: aConfig({}, { approvalLabel: 'exec-approved' }),
        finding: 'involvement',
        fix: ['exec-approved'],
        notInFix: ['board-approved'],
      },
    ],
    [
      'the review-interval fix follows the configured interval, not "quarterly"',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'management-review'),
          anIssue({ key: 'ISMS-606', labels: [label('management-review')], resolved: '2026-10-01' }),
        ],
        config: aConfig({}, { reviewIntervalDays: 30 }),
        finding: 'management-review',
        message: ['recommended 30 days'],
        fix: ['30 days'],
        notInFix: [/quarter/i],
      },
    ],
    [
      'a partial corrective category names the gaps, not an approved action that is merely old',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'corrective-action'),
          anIssue({ key: 'ISMS-607', labels: [corrective, 'board-approved'], resolved: '2026-06-01' }),
          anIssue({ key: 'ISMS-608', labels: [corrective], done: false }),
          anIssue({ key: 'ISMS-609', labels: [corrective, 'board-approved'], resolved: '2024-01-01' }),
        ],
        finding: 'corrective-action',
        message: ['1 action'],
        keys: ['ISMS-608'],
      },
    ],
    [
      'a stale corrective category whose approved action is dated after as-of says so',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'corrective-action'),
          anIssue({ key: 'ISMS-610', labels: [corrective, 'board-approved'], resolved: '2026-12-05' }),
        ],
        finding: 'corrective-action',
        message: ['ISMS-610', 'after the report day'],
        fix: ['effective date of ISMS-610'],
      },
    ],
    [
      'a corrective category expiring soon: the fix asks for the approval label too',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'corrective-action'),
          anIssue({ key: 'ISMS-611', labels: [corrective, 'exec-approved'], resolved: '2025-12-10' }),
        ],
        config: aConfig({}, { approvalLabel: 'exec-approved' }),
        finding: 'corrective-action',
        message: ['11 Dec 2026'],
        fix: ['exec-approved', corrective],
        notInFix: ['board-approved'],
      },
    ],
    [
      'no role issue at all: the fix says to record one, not to assign issues that do not exist',
      {
        issues: without(allMetIssues(AS_OF), 'role-assignment'),
        finding: 'role-assignment',
        fix: [/^Record each security role/],
        notInFix: ['Assign each issue'],
      },
    ],
    [
      'role issues nobody active holds: the fix names them',
      {
        issues: [
          ...without(allMetIssues(AS_OF), 'role-assignment'),
          anIssue({ key: 'ISMS-612', labels: [label('role-assignment')], assignee: null }),
        ],
        finding: 'role-assignment',
        fix: ['ISMS-612'],
      },
    ],
  ];

  test.each(rows)('%s', (_name, row) => {
    const found = report(row.issues, row.config).findings.filter((f) => f.categoryId === row.finding);
    expect(found).toHaveLength(1);
    const [f] = found;
    if (!f) return;
    for (const text of row.message ?? []) expect(f.message).toMatch(text);
    for (const text of row.fix ?? []) expect(f.fix).toMatch(text);
    for (const text of row.notInMessage ?? []) expect(f.message).not.toMatch(text);
    for (const text of row.notInFix ?? []) expect(f.fix).not.toMatch(text);
    if (row.keys) expect(f.issueKeys).toEqual(row.keys);
    expect(f.message).toMatch(/\.$/);
    expect(f.fix).toMatch(/\.$/);
  });
});
