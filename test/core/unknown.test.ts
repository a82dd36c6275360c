/**
 * Spec 15: a check the app could not make still stops the issue counting, but it is kept apart
 * from a check that failed: "cannot tell", a provisional report, findings that say what could not
 * be checked, and a next step that asks for what is missing.
 */
import { explainIssue } from '../../src/core/explain';
import { buildReport } from '../../src/core/report';
import type { TopManagement } from '../../src/core/substance-types';
import type { CategoryId, EvidenceIssue } from '../../src/core/types';
import { aConfig, allMetIssues, anIssue, label } from '../support/builders';

const AS_OF = '2026-11-28';
const BOARD = 'board-group';
const CEO = { accountId: 'acc-ceo', displayName: 'Dana Whitfield', isApp: false };
const CISO = { accountId: 'acc-ciso', displayName: 'Priya Natarajan', isApp: false };
const config = aConfig({}, { topManagement: { groups: [BOARD], accountIds: [] } });
const NO_PERMISSION = "you lack Jira's Browse users and groups permission";

/** Top management by group: the CEO is in it, the CISO is not; anyone else could not be looked up. */
const known: TopManagement = {
  accountIds: [],
  groupsNamed: true,
  inNamedGroup: { [CEO.accountId]: true, [CISO.accountId]: false },
};
/** Nobody's groups could be read: the manager, without the permission. */
const unknownToViewer: TopManagement = {
  accountIds: [],
  groupsNamed: true,
  inNamedGroup: {},
  unknownReason: NO_PERMISSION,
};

const without = (issues: EvidenceIssue[], id: CategoryId) => issues.filter((i) => !i.labels.includes(label(id)));
const signedBy = (who: typeof CEO, id: CategoryId, overrides: Partial<EvidenceIssue> = {}) =>
  anIssue({ key: `ISMS-${id}`, labels: [label(id)], resolved: '2026-10-01', approverFieldUsers: [who], ...overrides });
const report = (issues: EvidenceIssue[], top: TopManagement) => buildReport('ISMS', issues, config, AS_OF, { top });

describe('a check that could not be made', () => {
  test.each<[string, Partial<EvidenceIssue>, TopManagement, string]>([
    ["the signer's groups could not be read", {}, unknownToViewer, 'membership'],
    ['the history was not read, and no approver field names anyone', { approverFieldUsers: [] }, known, 'history'],
  ])('%s: unknown, neither passed nor failed as a fact', (_name, overrides, top, because) => {
    const issue = signedBy(CEO, 'security-policy', overrides);
    const [category] = explainIssue(issue, config, AS_OF, top).categories;
    const check = category?.checks.find((c) => c.id === 'approved-by-top-management');
    expect(check).toMatchObject({ pass: false, unknown: true, unknownBecause: because });
    expect(category).toMatchObject({ counts: false, cannotTell: true });
  });

  test('remote links that could not be read leave the document unknown', () => {
    const issue = signedBy(CEO, 'security-policy', { attachmentCount: 0 });
    const [category] = explainIssue(issue, config, AS_OF, known).categories;
    expect(category?.checks.find((c) => c.id === 'document-attached')).toMatchObject({
      pass: false,
      unknown: true,
      unknownBecause: 'links',
      message: expect.stringContaining('could not be checked') as unknown,
    });
    expect(category?.cannotTell).toBe(true);
  });

  test('who took part is unknown when the approver, one of them, is unknown', () => {
    const review = anIssue({ labels: [label('management-review')], resolved: '2026-10-01', assignee: null });
    const [category] = explainIssue(review, config, AS_OF, known).categories;
    expect(category?.checks.find((c) => c.id === 'top-management-took-part')).toMatchObject({
      pass: false,
      unknown: true,
      unknownBecause: 'history',
    });
  });

  test('named attendees decide who took part, whatever the history: a known failure', () => {
    const review = anIssue({
      labels: [label('management-review')],
      resolved: '2026-10-01',
      attendeeFieldUsers: [CISO],
    });
    const [category] = explainIssue(review, config, AS_OF, known).categories;
    const check = category?.checks.find((c) => c.id === 'top-management-took-part');
    expect(check?.pass).toBe(false);
    expect(check?.unknown).toBeUndefined();
    expect(category?.cannotTell).toBeUndefined();
  });

  test('a known failure beside an unknown one: it does not count, as a fact, and the next step fixes the known one', () => {
    const issue = signedBy(CEO, 'security-policy', { attachmentCount: 0, remoteLinks: [] });
    const explained = explainIssue(issue, config, AS_OF, unknownToViewer);
    expect(explained.categories[0]).toMatchObject({ counts: false });
    expect(explained.categories[0]?.cannotTell).toBeUndefined();
    expect(explained.nextStep).toBe(
      'Attach the signed document or the minutes to the issue, or link them (Confluence, SharePoint).',
    );
  });

  test('the next step of an issue that fails only unknown checks names what is missing, never a fix to the evidence', () => {
    const explained = explainIssue(signedBy(CEO, 'security-policy'), config, AS_OF, unknownToViewer);
    expect(explained.nextStep).toBe(
      "Cannot tell yet whether this counts, and nothing on the issue needs to change: Signed off by Dana Whitfield (named in the approver field), but whether they are top management could not be checked (you lack Jira's Browse users and groups permission). To settle it, someone with Jira's Browse users and groups permission (a Jira admin can grant it) can see whether the people named are top management.",
    );
    expect(explained.nextStep).not.toMatch(/Have top management sign it off/);
  });
});

describe('the report when checks could not be made', () => {
  // The CEO signed and attended everything: every check can be made when the CEO can be looked up.
  const issues = allMetIssues(AS_OF).map((i) => ({ ...i, approverFieldUsers: [CEO], attendeeFieldUsers: [CEO] }));

  test('everything checked: not provisional', () => {
    expect(report(issues, known).provisional).toBeNull();
  });

  test('provisional, naming the issues, how many checks, and what would complete it', () => {
    const top = { ...known, inNamedGroup: {}, unknownReason: NO_PERMISSION };
    const graded = report(issues, top);
    // The other categories' issues name nobody (no approver field, no history): their checks are unknown too.
    const signed = issues.filter((i) =>
      (
        [
          'security-policy',
          'resources',
          'corrective-action',
          'workshop-outcome',
          'management-review',
          'leadership-communication',
          'executive-training',
        ] as CategoryId[]
      ).some((id) => i.labels.includes(label(id))),
    );
    expect(graded.provisional).toEqual({
      unknownChecks: signed.length,
      issueKeys: expect.arrayContaining(signed.map((i) => i.key)) as unknown,
      reason: `${signed.length} issues could not be fully checked: the app could not tell whether the people who signed or took part are top management. Coverage and the verdict are the lowest they can be until then. To complete them, someone with Jira's Browse users and groups permission (a Jira admin can grant it) can see whether the people named are top management.`,
    });
    expect(graded.provisional?.issueKeys).toHaveLength(signed.length);
    expect(graded.coverage).toBeLessThan(report(issues, known).coverage);
  });

  test('a finding that holds only because of unknown checks says it could not be checked, not that it failed', () => {
    const policyOnly = [...without(allMetIssues(AS_OF), 'security-policy'), signedBy(CEO, 'security-policy')].map(
      (i) =>
        i.labels.includes(label('security-policy'))
          ? i
          : { ...i, approverFieldUsers: [CEO], attendeeFieldUsers: [CEO] },
    );
    const top = { ...known, inNamedGroup: { [CEO.accountId]: true }, unknownReason: NO_PERMISSION };
    // The policy's signer is someone nobody could look up: only that check is unknown.
    const stranger = { accountId: 'acc-stranger', displayName: 'Sam Stranger', isApp: false };
    const graded = report(
      policyOnly.map((i) =>
        i.labels.includes(label('security-policy')) ? { ...i, approverFieldUsers: [stranger] } : i,
      ),
      top,
    );
    const policy = graded.categories.find((c) => c.id === 'security-policy');
    expect(policy).toMatchObject({ status: 'partial', statusIfChecked: 'met' });
    const finding = graded.findings.find((f) => f.categoryId === 'security-policy');
    expect(finding).toMatchObject({
      severity: 'warning',
      unknown: true,
      message:
        'Security policy approval: whether top management signed it off could not be checked for ISMS-security-policy, so it is graded partial until that can be checked.',
    });
    expect(finding?.message).not.toMatch(/not approved by top management/);
  });

  test('a known failure beside an unknown one: the finding states the first and asks the second', () => {
    const others = allMetIssues(AS_OF)
      .filter((i) => !i.labels.includes(label('management-review')))
      .map((i) => ({ ...i, approverFieldUsers: [CEO], attendeeFieldUsers: [CEO] }));
    const stranger = { accountId: 'acc-stranger', displayName: 'Sam Stranger', isApp: false };
    // Minutes only a merge request (no document, a fact); attended by someone nobody could look up.
    const review = anIssue({
      key: 'ISMS-15',
      labels: [label('management-review')],
      resolved: '2026-10-01',
      attendeeFieldUsers: [stranger],
      attachmentCount: 0,
      remoteLinks: [{ url: 'https://gitlab.com/acme/isms/-/merge_requests/4' }],
    });
    const top = { ...known, inNamedGroup: { [CEO.accountId]: true }, unknownReason: NO_PERMISSION };
    const finding = report([...others, review], top).findings.find((f) => f.categoryId === 'management-review');
    expect(finding).toMatchObject({
      severity: 'minor',
      message:
        'Management reviews: 1 current issue recorded but not with its document, and whether top management took part could not be checked, so none counts.',
    });
    expect(finding?.unknown).toBeUndefined();
  });

  test('a known gap is still stated as a fact', () => {
    const signedByCiso = [...without(allMetIssues(AS_OF), 'security-policy'), signedBy(CISO, 'security-policy')];
    const finding = report(signedByCiso, known).findings.find((f) => f.categoryId === 'security-policy');
    expect(finding?.unknown).toBeUndefined();
    expect(finding?.message).toContain('not approved by top management');
  });

  test('involvement that only unknown checks hide is said as could not be checked', () => {
    const involvement: CategoryId[] = [
      'workshop-outcome',
      'management-review',
      'corrective-action',
      'leadership-communication',
      'executive-training',
    ];
    const issues = allMetIssues(AS_OF).map((i) =>
      involvement.some((id) => i.labels.includes(label(id)))
        ? { ...i, attendeeFieldUsers: [CISO], approverFieldUsers: [CISO] }
        : i,
    );
    const unknownPeople = { ...known, inNamedGroup: {}, unknownReason: NO_PERMISSION };
    const finding = report(issues, unknownPeople).findings.find((f) => f.categoryId === 'involvement');
    expect(finding).toMatchObject({ severity: 'major', unknown: true });
    expect(finding?.message).toMatch(/^Whether management takes part in the ISMS could not be checked/);
    const factual = report(issues, known).findings.find((f) => f.categoryId === 'involvement');
    expect(factual?.unknown).toBeUndefined();
    expect(factual?.message).toMatch(/^No current evidence that management takes part/);
  });

  test('an advisory check that could not be made is its own observation, saying so', () => {
    const adviseDocument = aConfig(
      {
        'security-policy': {
          requirements: { 'approved-by-top-management': 'required', 'document-attached': 'advisory' },
        },
      },
      { topManagement: { groups: [BOARD], accountIds: [] } },
    );
    const issues = [
      ...without(allMetIssues(AS_OF), 'security-policy'),
      signedBy(CEO, 'security-policy', { attachmentCount: 0 }),
    ];
    const graded = buildReport('ISMS', issues, adviseDocument, AS_OF, { top: known });
    const finding = graded.findings.find((f) => f.categoryId === 'security-policy' && f.severity === 'observation');
    expect(finding).toMatchObject({
      unknown: true,
      message:
        'Security policy approval: whether 1 issue that counts has its document could not be checked (advisory).',
    });
  });
});
