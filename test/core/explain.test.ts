import { explainIssue } from '../../src/core/explain';
import { aConfig, activeUser, anIssue, inactiveUser } from '../support/builders';

const AS_OF = '2026-11-28';
const explain = (issue: ReturnType<typeof anIssue>, config = aConfig()) => explainIssue(issue, config, AS_OF);
const checks = (issue: ReturnType<typeof anIssue>, config = aConfig()) =>
  explain(issue, config).categories.map((c) => ({
    id: c.id,
    counts: c.counts,
    checks: c.checks.map((k) => [k.id, k.pass]),
  }));

describe('issue panel explanation', () => {
  test('an issue without evidence labels is not evidence and gets the labels that would make it so', () => {
    const e = explain(anIssue({ key: 'ISMS-1', labels: ['random'] }));
    expect(e.categories).toEqual([]);
    expect(e.suggestedLabels).toHaveLength(10);
    expect(e.suggestedLabels[0]).toEqual({ categoryId: 'workshop-outcome', labels: ['iso27001-workshop-outcome'] });
    expect(e.nextStep).toContain('not Clause 5.1 evidence');
  });

  test('suggestions leave out disabled categories', () => {
    const config = aConfig({ resources: { enabled: false, disabledReason: 'Outside Jira' } });
    expect(explain(anIssue({ labels: [] }), config).suggestedLabels.map((s) => s.categoryId)).not.toContain(
      'resources',
    );
  });

  test('category names keep their capitals inside a sentence, and days read as on every screen', () => {
    const open = explain(anIssue({ labels: ['iso27001-budget-approval'], done: false }));
    expect(open.nextStep).toBe(
      'Finish the work and move the issue to a done status: only then does it count as ISMS budget and staffing evidence.',
    );
    const old = explain(anIssue({ labels: ['iso27001-policy-approval'], resolved: '2025-01-01' }));
    expect(old.nextStep).toBe(
      'This record is too old to count: record fresh security policy approval evidence in a new issue.',
    );
    expect(old.categories[0]?.checks.map((c) => c.message)).toContain('Took effect on 1 Jan 2025 (resolved).');
  });

  test('evidence that counts but lapses within the expiring-soon days is something to do, not "nothing to do"', () => {
    // Resolved 350 days before as-of: it stops counting on 14 Dec 2026, in 16 days.
    const e = explain(anIssue({ labels: ['iso27001-policy-approval'], resolved: '2025-12-13' }), aConfig({}, {}));
    expect(e.categories[0]).toMatchObject({ counts: true, lapsesSoon: true, expiresOn: '2026-12-14' });
    expect(e.nextStep).toBe(
      'Renew soon: this issue stops counting as security policy approval evidence on 14 Dec 2026, in 16 days. Record fresh evidence in a new issue before then.',
    );
    const later = explain(anIssue({ labels: ['iso27001-policy-approval'], resolved: '2026-06-01' }));
    expect(later.categories[0]?.lapsesSoon).toBeUndefined();
    expect(later.nextStep).toMatch(/^Nothing to do/);
  });

  test('a current dated issue passes every check and says when it stops counting', () => {
    const e = explain(anIssue({ labels: ['iso27001-management-review'], resolved: '2026-10-01' }));
    expect(e.categories).toEqual([
      expect.objectContaining({ id: 'management-review', counts: true, expiresOn: '2027-10-02' }),
    ]);
    expect(e.categories[0]?.checks.map((c) => [c.id, c.pass])).toEqual([
      ['done', true],
      ['effective-date', true],
      ['window', true],
      // Spec 8.3's requirements of a management review, each a check of its own.
      ['top-management-took-part', true],
      ['document-attached', true],
      ['decisions-recorded', true],
    ]);
    expect(e.nextStep).toContain('until 2 Oct 2027');
  });

  test('a stale dated issue fails the window check and asks for fresh evidence', () => {
    const e = explain(anIssue({ labels: ['iso27001-management-review'], resolved: '2025-11-27' }));
    expect(e.categories[0]?.checks.find((c) => c.id === 'window')).toEqual({
      id: 'window',
      pass: false,
      message: expect.stringContaining('366 days old'),
    });
    expect(e.nextStep).toContain('record fresh management reviews evidence');
  });

  test('an open issue fails "done" and is told to finish', () => {
    const e = explain(anIssue({ labels: ['iso27001-policy-approval'], done: false }));
    expect(checks(anIssue({ labels: ['iso27001-policy-approval'], done: false }))).toEqual([
      { id: 'security-policy', counts: false, checks: [['done', false]] },
    ]);
    expect(e.nextStep).toMatch(/^Finish the work/);
  });

  test('a role issue with an inactive assignee fails the active check', () => {
    const issue = anIssue({ labels: ['iso27001-role-assignment'], assignee: inactiveUser });
    expect(checks(issue)).toEqual([
      {
        id: 'role-assignment',
        counts: false,
        checks: [
          ['assignee', true],
          ['assignee-active', false],
          ['duties-described', true],
        ],
      },
    ]);
    expect(explain(issue).nextStep).toContain('reassign');
  });

  test('a held role counts with no expiry', () => {
    const e = explain(anIssue({ labels: ['iso27001-role-assignment'], assignee: activeUser }));
    expect(e.categories[0]).toMatchObject({ counts: true });
    expect(e.categories[0]?.expiresOn).toBeUndefined();
    expect(e.nextStep).toContain('while its assignee holds the role');
  });

  test('a corrective action without approval that is overdue fails both checks, approval first', () => {
    const issue = anIssue({
      labels: ['iso27001-corrective-action'],
      done: false,
      created: '2026-09-01',
      dueDate: '2026-11-01',
    });
    expect(checks(issue)).toEqual([
      {
        id: 'corrective-action',
        counts: false,
        checks: [
          ['approval', false],
          ['window', true],
          ['overdue', false],
        ],
      },
    ]);
    expect(explain(issue).nextStep).toContain('Ask the Board to approve');
  });

  test('an issue can be evidence of several categories', () => {
    const e = explain(
      anIssue({ labels: ['iso27001-executive-training', 'iso27001-leadership-communication'], resolved: '2026-11-01' }),
    );
    expect(e.categories.map((c) => c.id)).toEqual(['leadership-communication', 'executive-training']);
  });

  test('an issue labelled for a disabled category says the admin switched it off, with the reason', () => {
    const config = aConfig({ resources: { enabled: false, disabledReason: 'Budget approved in the finance system' } });
    const e = explain(anIssue({ labels: ['iso27001-budget-approval'], resolved: AS_OF }), config);
    expect(e.categories).toEqual([
      {
        id: 'resources',
        name: 'ISMS budget and staffing',
        counts: false,
        checks: [
          { id: 'enabled', pass: false, message: expect.stringContaining('Budget approved in the finance system') },
        ],
      },
    ]);
    expect(e.nextStep).toContain('switched off');
  });
});
