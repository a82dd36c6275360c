/**
 * Spec 8.4 and 8.5: the rules and findings once requirements are graded. Table-driven, no mocks:
 * issues, config, top management and as-of in; report out.
 */
import { explainIssue } from '../../src/core/explain';
import { buildReport } from '../../src/core/report';
import type { RequirementMode } from '../../src/core/requirements';
import type { ChangeEntry, JiraUser, TopManagement } from '../../src/core/substance-types';
import type { CategoryId, CoverageConfig, EvidenceIssue } from '../../src/core/types';
import { aConfig, activeUser, allMetIssues, anIssue, label } from '../support/builders';

const AS_OF = '2026-11-28';
const CEO: JiraUser = { accountId: 'acc-ceo', displayName: 'Dana Whitfield', isApp: false };
const CISO: JiraUser = { accountId: 'acc-ciso', displayName: 'Priya Natarajan', isApp: false };
const TOP: TopManagement = { accountIds: [CEO.accountId], groupsNamed: false, inNamedGroup: {} };
const NOBODY: TopManagement = { accountIds: [], groupsNamed: false, inNamedGroup: {} };

const doneBy = (who: JiraUser, day: string): ChangeEntry => ({
  author: who,
  at: `${day}T10:00:00.000Z`,
  items: [{ field: 'status', to: '10001' }],
});
const signed = (id: CategoryId, who: JiraUser, overrides: Partial<EvidenceIssue> & { resolved?: string } = {}) =>
  anIssue({
    labels: [label(id)],
    resolved: '2026-09-01',
    statusId: '10001',
    changelog: [doneBy(who, '2026-09-01')],
    ...overrides,
  });
const labelledBy = (who: JiraUser, overrides: Partial<EvidenceIssue> = {}) =>
  anIssue({
    labels: [label('corrective-action'), 'board-approved'],
    resolved: '2026-09-01',
    changelog: [
      {
        author: who,
        at: '2026-08-01T09:00:00.000Z',
        items: [{ field: 'labels', fromText: '', toText: 'board-approved' }],
      },
    ],
    ...overrides,
  });
const withMode = (id: CategoryId, requirement: string, mode: RequirementMode): CoverageConfig => {
  const config = aConfig();
  config.categories[id] = {
    ...config.categories[id],
    requirements: { ...config.categories[id].requirements, [requirement]: mode },
  };
  return config;
};
const grade = (issues: EvidenceIssue[], config = aConfig(), top = TOP) =>
  buildReport('ISMS', issues, config, AS_OF, { top });
const category = (issues: EvidenceIssue[], id: CategoryId, config = aConfig(), top = TOP) => {
  const found = grade(issues, config, top).categories.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('dated categories with requirements (spec 8.4)', () => {
  test.each<[string, EvidenceIssue[], CoverageConfig, string]>([
    ['signed off by the CEO, document attached: met', [signed('security-policy', CEO)], aConfig(), 'met'],
    [
      'signed off by the CISO: current but not counting, so partial',
      [signed('security-policy', CISO)],
      aConfig(),
      'partial',
    ],
    [
      'no document: partial',
      [signed('security-policy', CEO, { attachmentCount: 0, remoteLinks: [] })],
      aConfig(),
      'partial',
    ],
    [
      'the approval requirement advisory: the CISO sign-off still counts',
      [signed('security-policy', CISO)],
      withMode('security-policy', 'approved-by-top-management', 'advisory'),
      'met',
    ],
    [
      'the approval requirement off: counts',
      [signed('security-policy', CISO)],
      withMode('security-policy', 'approved-by-top-management', 'off'),
      'met',
    ],
    [
      'an old policy signed by the CEO is stale, not partial',
      [signed('security-policy', CEO, { resolved: '2024-01-01' })],
      aConfig(),
      'stale',
    ],
    [
      'one counting issue among failing ones: met',
      [signed('security-policy', CISO), signed('security-policy', CEO)],
      aConfig(),
      'met',
    ],
  ])('%s', (_name, issues, config, status) => {
    expect(category(issues, 'security-policy', config).status).toBe(status);
  });

  test('a current issue that does not count no longer sets the category to expire', () => {
    const policy = category([signed('security-policy', CISO)], 'security-policy');
    expect(policy.expiresOn).toBeUndefined();
    expect(policy.evidence[0]).toMatchObject({ counts: false, expiresOn: '2027-09-02' });
  });

  test('evidence rows name their approver and participants; failing requirement checks carry their id', () => {
    const entry = category([signed('management-review', CISO, { assignee: activeUser })], 'management-review')
      .evidence[0];
    expect(entry?.approvers).toEqual([CISO]);
    expect(entry?.participants?.map((p) => p.displayName)).toEqual([activeUser.displayName, CISO.displayName]);
    expect(entry?.failedChecks?.map((c) => c.id)).toEqual(['top-management-took-part']);
    expect(entry?.problems).toEqual([expect.stringContaining('none is top management')]);
  });

  test('advisory failures are not problems, and the issue counts', () => {
    const review = signed('management-review', CEO, { humanCommentCount: 0, issueLinkCount: 0 });
    const entry = category([review], 'management-review').evidence[0];
    expect(entry).toMatchObject({ counts: true, problems: [] });
    expect(entry?.failedChecks).toEqual([
      expect.objectContaining({ id: 'decisions-recorded', advisory: true, pass: false }),
    ]);
  });
});

describe('corrective actions: approved means labelled by top management (spec 8.4)', () => {
  test.each<[string, EvidenceIssue[], string]>([
    ['label added by the CEO: met', [labelledBy(CEO)], 'met'],
    ['label added by the CISO: not approved, so missing', [labelledBy(CISO)], 'missing'],
    [
      'label added by the CISO on an open action: missing, and the action is a gap',
      [labelledBy(CISO, { done: false })],
      'missing',
    ],
    [
      'one approved by the CEO and an open one labelled by the CISO: partial',
      [labelledBy(CEO), labelledBy(CISO, { done: false })],
      'partial',
    ],
    [
      'label there from the start, raised by the CEO: the reporter approved it',
      [
        anIssue({
          labels: [label('corrective-action'), 'board-approved'],
          resolved: '2026-09-01',
          changelog: [],
          reporter: CEO,
        }),
      ],
      'met',
    ],
    [
      'no changelog read: who approved it is unknown, so it is not approved',
      [labelledBy(CEO, { changelog: undefined })],
      'missing',
    ],
  ])('%s', (_name, issues, status) => {
    expect(category(issues, 'corrective-action').status).toBe(status);
  });
});

describe('roles with requirements', () => {
  test('a role that fails a required requirement is treated like one without an active assignee', () => {
    const config = withMode('role-assignment', 'duties-described', 'required');
    const described = anIssue({
      labels: [label('role-assignment')],
      assignee: activeUser,
      done: false,
      described: true,
    });
    const empty = anIssue({ labels: [label('role-assignment')], assignee: activeUser, done: false, described: false });
    expect(category([described, empty], 'role-assignment', config).status).toBe('partial');
    expect(category([described, empty], 'role-assignment').status).toBe('met');
  });
});

describe('findings of spec 8.5', () => {
  const severityOf = (issues: EvidenceIssue[], id: CategoryId) =>
    grade(issues)
      .findings.filter((f) => f.categoryId === id)
      .map((f) => f.severity);
  const othersMet = (id: CategoryId) => allMetIssues(AS_OF).filter((i) => !i.labels.includes(label(id)));

  test.each<[CategoryId, string]>([
    ['security-policy', 'warning'],
    ['resources', 'major'],
    ['management-review', 'minor'],
    ['workshop-outcome', 'minor'],
  ])('%s partial is %s', (id, severity) => {
    const failing =
      id === 'resources' || id === 'security-policy' ? signed(id, CISO) : signed(id, CISO, { assignee: null });
    expect(severityOf([...othersMet(id), failing], id)).toEqual([severity]);
  });

  test('an advisory requirement failing on counting issues is one observation per category, naming them', () => {
    const a = signed('management-review', CEO, { key: 'ISMS-501', humanCommentCount: 0 });
    const b = signed('management-review', CEO, { key: 'ISMS-502', humanCommentCount: 0 });
    const findings = grade([...othersMet('management-review'), a, b]).findings.filter(
      (f) => f.categoryId === 'management-review',
    );
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'observation', issueKeys: ['ISMS-501', 'ISMS-502'] }),
    ]);
  });

  test('top management not set: one observation without category, only while a top-management requirement is on', () => {
    const notSet = (config: CoverageConfig) =>
      grade(allMetIssues(AS_OF), config, NOBODY).findings.filter((f) => !f.categoryId);
    expect(notSet(aConfig())).toEqual([
      expect.objectContaining({
        severity: 'observation',
        fix: "A Jira admin names the top-management group or people on the app's settings page.",
      }),
    ]);
    const allOff = aConfig();
    for (const id of Object.keys(allOff.categories) as CategoryId[]) {
      const modes = allOff.categories[id].requirements;
      allOff.categories[id].requirements = Object.fromEntries(
        Object.keys(modes).map((r) => [
          r,
          r.startsWith('approved') || r.startsWith('top') ? 'off' : modes[r as keyof typeof modes],
        ]),
      );
    }
    expect(notSet(allOff)).toEqual([]);
  });

  test('involvement: partial categories whose issues all fail a top-management requirement show none', () => {
    const config = aConfig();
    const involvementOnly = (
      ['workshop-outcome', 'management-review', 'leadership-communication', 'executive-training'] as CategoryId[]
    ).map((id) => signed(id, CISO, { assignee: null }));
    const found = grade(involvementOnly, config).findings.filter((f) => f.categoryId === 'involvement');
    expect(found).toEqual([expect.objectContaining({ severity: 'major' })]);
    // The same issues, one with the CEO taking part: that category shows involvement.
    const withCeo = [...involvementOnly.slice(1), signed('workshop-outcome', CEO)];
    expect(grade(withCeo, config).findings.filter((f) => f.categoryId === 'involvement')).toEqual([]);
  });
});

describe('only what existed on the day counts (spec 8.4)', () => {
  test('an issue created after as-of is left out; one without a creation date is kept', () => {
    const future = signed('security-policy', CEO, { created: '2026-12-01' });
    const undated = signed('resources', CEO, { created: undefined });
    const report = grade([future, undated]);
    expect(report.categories.find((c) => c.id === 'security-policy')?.evidence).toEqual([]);
    expect(report.categories.find((c) => c.id === 'resources')?.evidence).toHaveLength(1);
  });
});

describe('the panel names the person and the reason (spec 8.6)', () => {
  test('a policy signed off by the CISO', () => {
    const explanation = explainIssue(signed('security-policy', CISO), aConfig(), AS_OF, TOP);
    const [policy] = explanation.categories;
    expect(policy?.counts).toBe(false);
    expect(policy?.checks.find((c) => c.id === 'approved-by-top-management')?.message).toBe(
      'Signed off by Priya Natarajan (moved to Done on 1 Sep 2026), who is not top management: the security policy must be approved by the highest level of management.',
    );
    expect(explanation.nextStep).toMatch(/^Have top management sign it off/);
  });

  test('an advisory failure comes after what stops counting, and never stops it', () => {
    const role = anIssue({ labels: [label('role-assignment')], assignee: activeUser, done: false, described: false });
    const explanation = explainIssue(role, aConfig(), AS_OF, TOP);
    expect(explanation.categories[0]).toMatchObject({ counts: true });
    expect(explanation.nextStep).toBe("Describe the role's duties and authority in the issue's description.");
  });
});
