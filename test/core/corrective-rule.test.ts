import { categoryResult } from '../../src/core/report';
import { aConfig, anIssue } from '../support/builders';

const AS_OF = '2026-11-28';
const LABEL = 'iso27001-corrective-action';
const approved = (overrides: Parameters<typeof anIssue>[0] = {}) =>
  anIssue({ labels: [LABEL, 'board-approved'], resolved: '2026-06-01', ...overrides });
const unapproved = (overrides: Parameters<typeof anIssue>[0] = {}) =>
  anIssue({ labels: [LABEL], resolved: '2026-06-01', ...overrides });
const open = { done: false, resolved: undefined, created: '2026-09-01' } as const;
const grade = (issues: ReturnType<typeof anIssue>[]) => categoryResult('corrective-action', issues, aConfig(), AS_OF);

describe('corrective rule: Board approval is the evidence', () => {
  test.each([
    ['an approved done action inside the window, no gap', () => [approved()], 'met'],
    ['an approved open action counts: the approval is the evidence', () => [approved(open)], 'met'],
    ['an approved action plus an unapproved open one (a gap)', () => [approved(), unapproved(open)], 'partial'],
    [
      'an approved action plus an unapproved done one inside the window (a gap)',
      () => [approved(), unapproved()],
      'partial',
    ],
    [
      'an unapproved done action outside the window is no gap',
      () => [approved(), unapproved({ resolved: '2024-01-01' })],
      'met',
    ],
    [
      'an approved open action overdue by a day (a gap)',
      () => [approved({ ...open, dueDate: '2026-11-27' })],
      'partial',
    ],
    ['due on the as-of date is not overdue', () => [approved({ ...open, dueDate: '2026-11-28' })], 'met'],
    ['approved actions all older than the window', () => [approved({ resolved: '2025-11-27' })], 'stale'],
    ['an approved action exactly 365 days old is inside', () => [approved({ resolved: '2025-11-28' })], 'met'],
    ['an open approved action raised 366 days ago', () => [approved({ ...open, created: '2025-11-27' })], 'stale'],
    ['no approved action, only unapproved ones', () => [unapproved(), unapproved(open)], 'missing'],
    ['no actions at all', () => [], 'missing'],
  ])('%s: %s', (_name, issues, status) => {
    expect(grade(issues()).status).toBe(status);
  });

  test('an open action is dated by its creation, a done one by its effective date', () => {
    const result = grade([
      approved({ ...open, key: 'ISMS-1', created: '2026-02-01' }),
      approved({ key: 'ISMS-2', created: '2020-01-01', resolved: '2026-03-01' }),
    ]);
    expect(result.evidence.find((e) => e.key === 'ISMS-1')?.expiresOn).toBe('2027-02-02');
    expect(result.evidence.find((e) => e.key === 'ISMS-2')?.expiresOn).toBe('2027-03-02');
    expect(result.expiresOn).toBe('2027-03-02');
  });

  test('the approval label is configurable', () => {
    const config = aConfig({}, { approvalLabel: 'exec-approved' });
    const issue = anIssue({ labels: [LABEL, 'exec-approved'], resolved: '2026-06-01' });
    expect(categoryResult('corrective-action', [issue], config, AS_OF).status).toBe('met');
    expect(categoryResult('corrective-action', [approved()], config, AS_OF).status).toBe('missing');
  });

  test('the gaps are listed as problems on their issues', () => {
    const result = grade([
      approved({ key: 'ISMS-1' }),
      unapproved({ ...open, key: 'ISMS-2' }),
      approved({ ...open, key: 'ISMS-3', dueDate: '2026-10-01' }),
    ]);
    expect(result.evidence.find((e) => e.key === 'ISMS-1')?.problems).toEqual([]);
    expect(result.evidence.find((e) => e.key === 'ISMS-2')?.problems).toEqual([
      expect.stringContaining('no board-approved label'),
    ]);
    expect(result.evidence.find((e) => e.key === 'ISMS-3')?.problems).toEqual([
      expect.stringContaining('Overdue: it was due on 1 Oct 2026, 58 days ago'),
    ]);
  });
});
