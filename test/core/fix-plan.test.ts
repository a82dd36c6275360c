import { defaultConfig } from '../../src/core/config';
import { addDaysTo } from '../../src/core/dates';
import { explainIssue } from '../../src/core/explain';
import {
  FIX_DUE_DAYS,
  RESTRICTED_WHY,
  fixForFinding,
  fixForIssue,
  fixForUpcoming,
  openFixIssues,
  readersOf,
  type Readers,
} from '../../src/core/fix-plan';
import { isLapse } from '../../src/core/status-order';
import { buildReport } from '../../src/core/report';
import { buildTimeline } from '../../src/core/timeline';
import type { CategoryId, EvidenceIssue } from '../../src/core/types';
import { aConfig, activeUser, allMetIssues, anIssue, label, withoutTopManagementChecks } from '../support/builders';

const AS_OF = '2026-12-02';
const config = withoutTopManagementChecks(defaultConfig());

function reportOf(issues = allMetIssues('2026-06-01')) {
  return buildReport('ISMS', issues, config, AS_OF);
}

/** Readers of the new ISMS issue who see every issue of these tests: nothing is restricted. */
const EVERYONE: Readers = { canSee: () => true };

describe('the issue that fixes a finding (spec 10)', () => {
  it('missing evidence: record it, due 30 days after as-of, with the category label', () => {
    const issues = allMetIssues('2026-06-01').filter((i) => !i.labels.includes(label('resources')));
    const draft = fixForFinding(reportOf(issues), 'resources', config, EVERYONE);
    expect(draft).toMatchObject({
      summary: 'Record: ISMS budget and staffing',
      label: 'iso27001-budget-approval',
      dueDate: '2027-01-01',
      renews: [],
    });
    expect(draft?.description.join(' ')).toContain('approval of the ISMS budget and staffing');
    expect(draft?.description.join(' ')).toContain('item (c)');
  });

  it('stale evidence: renew it, naming the day it lapsed and the issue it renews', () => {
    const issues = allMetIssues('2026-06-01').filter((i) => !i.labels.includes(label('security-policy')));
    const old = anIssue({ labels: [label('security-policy')], resolved: '2025-11-01' });
    const draft = fixForFinding(reportOf([...issues, old]), 'security-policy', config, EVERYONE);
    expect(draft).toMatchObject({
      summary: 'Renew: security policy approval, lapsed on 2 Nov 2026',
      dueDate: '2027-01-01',
      renews: [old.key],
    });
    expect(draft?.description).toContain(`It renews the evidence in ${old.key}.`);
  });

  it('evidence lapsing soon: renew it by the lapse day, as the spec words it', () => {
    const issues = allMetIssues('2026-06-01').filter((i) => !i.labels.includes(label('security-policy')));
    const policy = anIssue({ labels: [label('security-policy')], resolved: '2025-12-16' });
    const draft = fixForFinding(reportOf([...issues, policy]), 'security-policy', config, EVERYONE);
    expect(draft).toMatchObject({
      summary: 'Renew: security policy approval, lapses 17 Dec 2026',
      dueDate: '2026-12-17',
    });
  });

  it('a category without a finding has nothing to fix, and a disabled one neither', () => {
    expect(fixForFinding(reportOf(), 'workshop-outcome', config, EVERYONE)).toBeUndefined();
    const off = aConfig({ resources: { enabled: false, disabledReason: 'Budget is elsewhere' } });
    const report = buildReport('ISMS', [], off, AS_OF);
    expect(fixForFinding(report, 'resources', off, EVERYONE)).toBeUndefined();
  });

  it("uses the admin's first label for the category", () => {
    const custom = withoutTopManagementChecks(aConfig({ resources: { labels: ['budget-ok', 'budget-2'] } }));
    const report = buildReport('ISMS', [], custom, AS_OF);
    expect(fixForFinding(report, 'resources', custom, EVERYONE)?.label).toBe('budget-ok');
  });
});

describe('the issue that renews an upcoming lapse', () => {
  it('is due on the lapse day and renews the issues that lapse', () => {
    const issues = allMetIssues('2026-01-10');
    const timeline = buildTimeline(issues, config, AS_OF);
    const policy = issues.find((i) => i.labels.includes(label('security-policy')));
    expect(fixForUpcoming(AS_OF, timeline, 'security-policy', config, EVERYONE)).toMatchObject({
      summary: 'Renew: security policy approval, lapses 11 Jan 2027',
      dueDate: '2027-01-11',
      renews: [policy?.key],
    });
  });

  it('a change for the better needs no issue', () => {
    const review = anIssue({ labels: [label('strategy-alignment')], created: '2026-11-20', resolved: '2026-12-15' });
    const timeline = buildTimeline([review], config, AS_OF);
    expect(timeline.upcoming).toHaveLength(1);
    expect(fixForUpcoming(AS_OF, timeline, 'strategy-alignment', config, EVERYONE)).toBeUndefined();
    expect(isLapse('stale', 'met')).toBe(false);
    expect(isLapse('met', 'partial')).toBe(true);
  });
});

describe("the issue panel's renewal", () => {
  it('a lapsed issue is renewed, due 30 days after as-of; one that counts long enough is not', () => {
    const old = anIssue({ labels: [label('workshop-outcome')], resolved: '2025-10-01' });
    const explained = explainIssue(old, config, AS_OF).categories[0]!;
    expect(fixForIssue(old.key, explained, config, AS_OF, EVERYONE)).toMatchObject({
      summary: 'Renew: executive workshop outcomes, lapsed on 2 Oct 2026',
      dueDate: '2027-01-01',
      renews: [old.key],
    });
    const fresh = anIssue({ labels: [label('workshop-outcome')], resolved: '2026-11-01' });
    expect(
      fixForIssue(fresh.key, explainIssue(fresh, config, AS_OF).categories[0]!, config, AS_OF, EVERYONE),
    ).toBeUndefined();
  });

  it('an issue lapsing within the expiring-soon days is renewed by its lapse day', () => {
    const soon = anIssue({ labels: [label('workshop-outcome')], resolved: '2025-12-20' });
    const explained = explainIssue(soon, config, AS_OF).categories[0]!;
    expect(fixForIssue(soon.key, explained, config, AS_OF, EVERYONE)).toMatchObject({
      summary: 'Renew: executive workshop outcomes, lapses 21 Dec 2026',
      dueDate: '2026-12-21',
    });
  });
});

describe('open issues that already are the fix', () => {
  it('the newest open issue carrying one of the labels, by category; done ones and disabled categories are not', () => {
    const older = anIssue({ labels: [label('security-policy')], done: false, created: '2026-10-01' });
    const newer = anIssue({ labels: [label('security-policy')], done: false, created: '2026-11-01' });
    const done = anIssue({ labels: [label('resources')], created: '2026-11-15' });
    const off = aConfig({ 'workshop-outcome': { enabled: false, disabledReason: 'Not run here' } });
    const workshop = anIssue({ labels: [label('workshop-outcome')], done: false });
    const issues = [older, newer, done, workshop];
    const open = openFixIssues(issues, off, buildReport('ISMS', issues, off, AS_OF));
    expect(open).toEqual({ 'security-policy': { key: newer.key, summary: newer.summary } });
    expect(Object.keys(open) as CategoryId[]).not.toContain('resources');
  });

  // Issue 20: role assignments and corrective actions are normally open, so "any open issue with the
  // label" pointed each finding at the very issue it flags.
  const roles = label('role-assignment');
  const actions = label('corrective-action');
  const unheld = anIssue({ key: 'ISMS-4', labels: [roles], done: false, created: '2026-01-10' });
  const held = anIssue({ key: 'ISMS-5', labels: [roles], done: false, created: '2026-02-01', assignee: activeUser });
  const unapproved = anIssue({ key: 'ISMS-8', labels: [actions], done: false, created: '2026-03-01' });
  const approved = anIssue({ key: 'ISMS-6', labels: [actions, 'board-approved'], done: false, created: '2026-04-01' });
  const fixesOf = (issues: EvidenceIssue[], created?: ReadonlySet<string>) => {
    const config = withoutTopManagementChecks();
    return openFixIssues(issues, config, buildReport('ISMS', issues, config, AS_OF), created);
  };

  it('the role issue a finding flags, or one that holds its role, is not its fix', () => {
    expect(fixesOf([unheld, held])['role-assignment']).toBeUndefined();
  });

  it('the corrective action a finding flags, or an approved one that counts, is not its fix', () => {
    expect(fixesOf([unapproved, approved])['corrective-action']).toBeUndefined();
  });

  it('an open issue raised after every issue the finding names, and not counting, is its fix', () => {
    const stale = anIssue({
      key: 'ISMS-12',
      labels: [label('security-policy')],
      created: '2024-12-01',
      resolved: '2025-01-01',
    });
    const renewal = anIssue({ key: 'ISMS-31', labels: [label('security-policy')], done: false, created: '2026-11-20' });
    const earlier = anIssue({ key: 'ISMS-3', labels: [label('security-policy')], done: false, created: '2024-11-01' });
    expect(fixesOf([stale, renewal, earlier])['security-policy']).toEqual({ key: 'ISMS-31', summary: renewal.summary });
    expect(fixesOf([stale, earlier])['security-policy']).toBeUndefined();
  });

  it('an issue Create issue made is the fix, though it is a role issue nobody holds yet', () => {
    const made = anIssue({ key: 'ISMS-40', labels: [roles], done: false, created: '2026-11-25' });
    expect(fixesOf([unheld, held, made])['role-assignment']).toBeUndefined();
    expect(fixesOf([unheld, held, made], new Set(['ISMS-40']))['role-assignment']).toEqual({
      key: 'ISMS-40',
      summary: made.summary,
    });
  });
});

describe('restricted evidence is never named in the new issue (spec 10 as issue 19 amends it)', () => {
  /** An issue as a live read gives it: with or without a security level, in ISMS unless keyed otherwise. */
  const seen = (overrides: Partial<EvidenceIssue> & { resolved?: string }) => anIssue({ secured: false, ...overrides });
  const othersThan = (id: CategoryId) => allMetIssues('2026-06-01').filter((i) => !i.labels.includes(label(id)));
  const textOf = (draft: { summary: string; description: string[] } | undefined) =>
    draft ? [draft.summary, ...draft.description].join('\n') : '';

  it('everyone who can see the new issue sees only the issues of its project that have no security level', () => {
    const open = seen({ key: 'ISMS-501' });
    const boardOnly = seen({ key: 'ISMS-502', secured: true });
    const elsewhere = seen({ key: 'BOARD-7' });
    const unknown = anIssue({ key: 'ISMS-503' });
    const readers = readersOf('ISMS', [open, boardOnly, elsewhere, unknown]);
    expect([open, boardOnly, elsewhere, unknown].map((i) => readers.canSee(i.key))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    // A key that only looks like the project's (ISMSX-1) is another project; an issue not read is unknown.
    expect(readersOf('ISMS', [seen({ key: 'ISMSX-1' })]).canSee('ISMSX-1')).toBe(false);
    expect(readersOf('ISMS', []).canSee('ISMS-1')).toBe(false);
  });

  it('a stale finding on Board-only evidence: no key, no lapse day, no dates; due 30 days after as-of', () => {
    const old = seen({ labels: [label('security-policy')], resolved: '2025-11-01', secured: true });
    const issues = [...othersThan('security-policy').map((i) => ({ ...i, secured: false })), old];
    const draft = fixForFinding(reportOf(issues), 'security-policy', config, readersOf('ISMS', issues));
    expect(draft).toMatchObject({ summary: 'Renew: security policy approval', dueDate: '2027-01-01' });
    const text = textOf(draft);
    for (const leak of [old.key, '2025-11-01', '2025-11-02', '2 Nov 2026', '2026-11-02'])
      expect(text).not.toContain(leak);
    expect(draft?.description).toContain(RESTRICTED_WHY);
    expect(draft?.description).toContain('It renews restricted evidence, which this issue does not name.');
    // The creator, who sees that evidence, still gets it in the preview's list of what it renews.
    expect(draft?.renews).toEqual([old.key]);
  });

  it('the review interval observation: hold the next review, due in 30 days, not the lapse a year away (issue 20)', () => {
    const review = seen({ labels: [label('management-review')], resolved: '2026-07-21', secured: false });
    const issues = [...othersThan('management-review').map((i) => ({ ...i, secured: false })), review];
    const report = reportOf(issues);
    expect(report.findings.find((f) => f.categoryId === 'management-review')?.kind).toBe('review-interval');
    const draft = fixForFinding(report, 'management-review', config, readersOf('ISMS', issues));
    expect(draft).toMatchObject({
      summary: 'Hold the next management review',
      dueDate: addDaysTo(AS_OF, FIX_DUE_DAYS),
    });
    expect(draft?.description.join(' ')).toContain('days old: more than the recommended 92 days');
    // Not the day the review stops counting, a year after it was held.
    expect(draft?.dueDate).not.toBe('2027-07-22');
  });

  it('an observation on a Board-only management review names neither the review nor its date or age', () => {
    const review = seen({ labels: [label('management-review')], resolved: '2026-06-01', secured: true });
    const issues = [...othersThan('management-review').map((i) => ({ ...i, secured: false })), review];
    const report = reportOf(issues);
    const finding = report.findings.find((f) => f.categoryId === 'management-review');
    expect(finding?.message).toContain('1 Jun 2026');
    const draft = fixForFinding(report, 'management-review', config, readersOf('ISMS', issues));
    expect(draft?.summary).toBe('Hold the next management review');
    expect(draft?.dueDate).toBe('2027-01-01');
    const text = textOf(draft);
    for (const leak of [review.key, '2026-06-01', '184 days', '2 Jun 2027']) expect(text).not.toContain(leak);
  });

  it('evidence in another project is restricted even without a security level', () => {
    const old = seen({ key: 'BOARD-3', labels: [label('security-policy')], resolved: '2025-11-01' });
    const issues = [...othersThan('security-policy').map((i) => ({ ...i, secured: false })), old];
    const draft = fixForFinding(reportOf(issues), 'security-policy', config, readersOf('ISMS', issues));
    expect(textOf(draft)).not.toContain('BOARD-3');
    expect(draft?.summary).toBe('Renew: security policy approval');
  });

  it('evidence whose security level the read did not tell is treated as restricted', () => {
    const old = anIssue({ labels: [label('security-policy')], resolved: '2025-11-01' });
    const issues = [...othersThan('security-policy'), old];
    const draft = fixForFinding(reportOf(issues), 'security-policy', config, readersOf('ISMS', issues));
    expect(textOf(draft)).not.toContain(old.key);
  });

  it('open evidence beside restricted evidence: the open key is named, the restricted one is not', () => {
    const open = seen({ labels: [label('role-assignment')], done: false, assignee: null });
    const hidden = seen({ labels: [label('role-assignment')], done: false, assignee: null, secured: true });
    const issues = [...allMetIssues('2026-06-01').map((i) => ({ ...i, secured: false })), open, hidden];
    const draft = fixForFinding(reportOf(issues), 'role-assignment', config, readersOf('ISMS', issues));
    expect(draft?.description).toContain(
      `It renews the evidence in ${open.key} and restricted evidence, which this issue does not name.`,
    );
    expect(textOf(draft)).not.toContain(hidden.key);
    expect(draft?.description).toContain(RESTRICTED_WHY);
  });

  it('open evidence alone: named with its dates, as before', () => {
    const old = seen({ labels: [label('security-policy')], resolved: '2025-11-01' });
    const issues = [...othersThan('security-policy').map((i) => ({ ...i, secured: false })), old];
    const draft = fixForFinding(reportOf(issues), 'security-policy', config, readersOf('ISMS', issues));
    expect(draft?.summary).toBe('Renew: security policy approval, lapsed on 2 Nov 2026');
    expect(draft?.description).toContain(`It renews the evidence in ${old.key}.`);
    expect(draft?.description).not.toContain(RESTRICTED_WHY);
  });

  it('an upcoming lapse of Board-only evidence: no lapse day anywhere, due 30 days after as-of', () => {
    const issues = allMetIssues('2026-01-10').map((i) =>
      i.labels.includes(label('security-policy')) ? { ...i, secured: true } : { ...i, secured: false },
    );
    const timeline = buildTimeline(issues, config, AS_OF);
    const draft = fixForUpcoming(AS_OF, timeline, 'security-policy', config, readersOf('ISMS', issues));
    expect(draft).toMatchObject({ summary: 'Renew: security policy approval', dueDate: '2027-01-01' });
    const text = textOf(draft);
    for (const leak of ['11 Jan 2027', '2027-01-11', ...draft!.renews]) expect(text).not.toContain(leak);
  });

  it("the panel's renewal of a Board-only issue names neither it nor when it lapsed", () => {
    const old = seen({ labels: [label('workshop-outcome')], resolved: '2025-10-01', secured: true });
    const explained = explainIssue(old, config, AS_OF).categories[0]!;
    const draft = fixForIssue(old.key, explained, config, AS_OF, readersOf('ISMS', [old]));
    expect(draft).toMatchObject({ summary: 'Renew: executive workshop outcomes', dueDate: '2027-01-01' });
    const text = textOf(draft);
    for (const leak of [old.key, '2 Oct 2026', '365-day']) expect(text).not.toContain(leak);
    expect(draft?.description).toContain(RESTRICTED_WHY);
  });
});
