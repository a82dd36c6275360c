import { categoryResult } from '../../src/core/report';
import { aConfig, activeUser, anIssue, inactiveUser } from '../support/builders';

const AS_OF = '2026-11-28';
const role = (overrides: Parameters<typeof anIssue>[0]) =>
  anIssue({ labels: ['iso27001-role-assignment'], ...overrides });
const grade = (issues: ReturnType<typeof anIssue>[]) => categoryResult('role-assignment', issues, aConfig(), AS_OF);

describe('role rule: a role is held while its issue has an active assignee', () => {
  test.each([
    ['every role held by an active person', [activeUser, activeUser], 'met'],
    ['one role unassigned', [activeUser, null], 'partial'],
    ['one assignee inactive', [activeUser, inactiveUser], 'partial'],
    ['every role unassigned or inactive', [null, inactiveUser], 'missing'],
    ['a single inactive assignee', [inactiveUser], 'missing'],
  ] as const)('%s is %s', (_name, assignees, status) => {
    expect(grade(assignees.map((assignee) => role({ assignee }))).status).toBe(status);
  });

  test('no role issues at all is missing', () => {
    expect(grade([]).status).toBe('missing');
  });

  test('status and age do not matter: an old open role issue still counts', () => {
    const result = grade([role({ assignee: activeUser, done: false, created: '2015-01-01', updated: '2015-01-01' })]);
    expect(result.status).toBe('met');
    expect(result.expiresOn).toBeUndefined();
  });

  test('evidence names what is wrong with each role issue', () => {
    const result = grade([role({ key: 'ISMS-1', assignee: null }), role({ key: 'ISMS-2', assignee: inactiveUser })]);
    expect(result.evidence.find((e) => e.key === 'ISMS-1')?.problems).toEqual([
      expect.stringContaining('Nobody is assigned'),
    ]);
    expect(result.evidence.find((e) => e.key === 'ISMS-2')?.problems).toEqual([
      expect.stringContaining('Ivan Inactive is inactive'),
    ]);
  });
});
