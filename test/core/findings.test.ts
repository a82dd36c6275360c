import { buildReport } from '../../src/core/report';
import type { CategoryId, EvidenceIssue } from '../../src/core/types';
import { aConfig, activeUser, allMetIssues, anIssue, label } from '../support/builders';

const AS_OF = '2026-11-28';
const without = (issues: EvidenceIssue[], id: CategoryId) => issues.filter((i) => !i.labels.includes(label(id)));
const staleOf = (id: CategoryId) => anIssue({ labels: [label(id)], resolved: '2024-01-01' });
const report = (issues: EvidenceIssue[], config = aConfig()) => buildReport('ISMS', issues, config, AS_OF);
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
      expect(soon[0]).toMatchObject({ severity: 'observation', message: expect.stringContaining('2026-12-28') });
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
