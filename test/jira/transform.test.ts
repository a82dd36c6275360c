import { jiraIssue } from '../../dev/demo/jira-issue';
import { IssueDataError, fieldsToRead, projectKeyOf, toEvidenceIssue } from '../../src/jira/transform';
import { storedEvidenceIssue } from '../../src/storage/evidence-shape';

describe('Jira issue JSON to the engine issue', () => {
  test('a done issue with an assignee and Jira datetimes in another zone', () => {
    const raw = jiraIssue({
      key: 'ISMS-12',
      summary: 'Board workshop: ransomware risk',
      labels: ['iso27001-workshop-outcome'],
      status: 'done',
      statusName: 'Closed',
      created: '2026-01-05',
      resolved: '2026-02-10',
      duedate: '2026-02-15',
      assignee: { accountId: '5b10a2844c20165700ede21g', displayName: 'Grace Hopper', active: true },
    });
    expect(toEvidenceIssue(raw)).toStrictEqual({
      key: 'ISMS-12',
      summary: 'Board workshop: ransomware risk',
      labels: ['iso27001-workshop-outcome'],
      done: true,
      statusName: 'Closed',
      created: '2026-01-05',
      // Spec 12.1: the approval time may be the issue's creation, so its instant is kept too.
      createdAt: '2026-01-05T08:15:30.000Z',
      updated: '2026-02-10',
      resolutionDate: '2026-02-10',
      statusCategoryChangeDate: '2026-02-10',
      dueDate: '2026-02-15',
      id: '10000',
      statusId: '3',
      assignee: { accountId: '5b10a2844c20165700ede21g', displayName: 'Grace Hopper', active: true },
      customDates: {},
    });
  });

  test('null assignee, missing resolutiondate and no due date are tolerated', () => {
    const issue = toEvidenceIssue(
      jiraIssue({ key: 'ISMS-1', summary: 'Open action', status: 'indeterminate', created: '2026-03-01' }),
    );
    expect(issue.assignee).toBeNull();
    expect(issue.resolutionDate).toBeUndefined();
    expect(issue.dueDate).toBeUndefined();
    expect(issue.done).toBe(false);
  });

  test('an inactive user is kept with active false', () => {
    const issue = toEvidenceIssue(
      jiraIssue({
        key: 'ISMS-2',
        summary: 'CISO role',
        created: '2026-03-01',
        assignee: { accountId: 'x', displayName: 'Former CISO', active: false },
      }),
    );
    expect(issue.assignee).toEqual({ accountId: 'x', displayName: 'Former CISO', active: false });
  });

  test('a user without an active flag (some app users) is treated as active', () => {
    const raw = jiraIssue({ key: 'ISMS-3', summary: 'x', created: '2026-03-01' });
    raw.fields.assignee = { accountId: 'app-1', displayName: 'Automation' };
    expect(toEvidenceIssue(raw).assignee?.active).toBe(true);
  });

  test('unknown status categories and missing status are not done', () => {
    const raw = jiraIssue({ key: 'ISMS-4', summary: 'x', created: '2026-03-01' });
    const fields = raw.fields;
    fields.status = { name: 'Weird', statusCategory: { key: 'undefined' } };
    expect(toEvidenceIssue(raw).done).toBe(false);
    delete fields.status;
    expect(toEvidenceIssue(raw).done).toBe(false);
  });

  test('a custom date field (date picker, date only) is read when configured', () => {
    const raw = jiraIssue({
      key: 'ISMS-5',
      summary: 'Policy v4 signed',
      created: '2026-03-01',
      custom: { customfield_10042: '2026-02-27' },
    });
    expect(toEvidenceIssue(raw, 'customfield_10042').customDates).toEqual({ customfield_10042: '2026-02-27' });
    expect(toEvidenceIssue(raw).customDates).toEqual({});
  });

  test('a custom datetime field is read as its UTC day', () => {
    const raw = jiraIssue({
      key: 'ISMS-6',
      summary: 'x',
      created: '2026-03-01',
      custom: { customfield_10050: '2026-02-27T23:30:00.000-0500' },
    });
    expect(toEvidenceIssue(raw, 'customfield_10050').customDates).toEqual({ customfield_10050: '2026-02-28' });
  });

  test.each([
    ['not an object', 'nope', 'issue #3', '(issue)'],
    ['no key', { fields: {} }, 'issue #3', 'key'],
    ['no fields', { key: 'ISMS-9' }, 'issue #3 (ISMS-9)', 'fields'],
    ['labels not a list', { key: 'ISMS-9', fields: { labels: 'a,b' } }, 'issue #3 (ISMS-9)', 'labels'],
    [
      'a date that is not a date',
      { key: 'ISMS-9', fields: { resolutiondate: 'last Tuesday' } },
      'issue #3 (ISMS-9)',
      'resolutiondate',
    ],
    ['a date that is a number', { key: 'ISMS-9', fields: { created: 1700000000 } }, 'issue #3 (ISMS-9)', 'created'],
    ['an assignee that is text', { key: 'ISMS-9', fields: { assignee: 'bob' } }, 'issue #3 (ISMS-9)', 'assignee'],
  ])('bad data (%s) names the issue and the field', (_name, raw, issue, field) => {
    expect(() => toEvidenceIssue(raw, null, '#3')).toThrow(IssueDataError);
    try {
      toEvidenceIssue(raw, null, '#3');
    } catch (error) {
      expect(error).toMatchObject({ issue, field });
    }
  });

  test('the fields read are the engine fields plus the configured date field', () => {
    expect(fieldsToRead(null)).toEqual([
      'summary',
      'labels',
      'status',
      'resolutiondate',
      'statuscategorychangedate',
      'updated',
      'created',
      'duedate',
      'assignee',
      'project',
      // Spec 8.2: what an auditor checks beyond the label.
      'reporter',
      'attachment',
      'comment',
      'issuelinks',
      'description',
      // Spec 10 as issue 19 amends it: whether a security level restricts who sees the issue.
      'security',
    ]);
    expect(fieldsToRead('customfield_10042')).toContain('customfield_10042');
    const withPeople = fieldsToRead({
      effectiveDateField: null,
      approverField: 'customfield_10060',
      attendeesField: 'customfield_10061',
    });
    expect(withPeople.slice(-2)).toEqual(['customfield_10060', 'customfield_10061']);
  });

  test('a security level makes the issue secured; null (no level) does not; no field at all says nothing', () => {
    const raw = (security?: unknown) => {
      const issue = jiraIssue({ key: 'ISMS-4', summary: 'Board minutes', created: '2026-03-01' });
      if (security !== undefined) issue.fields.security = security;
      return issue;
    };
    expect(toEvidenceIssue(raw({ id: '10100', name: 'Board only' })).secured).toBe(true);
    expect(toEvidenceIssue(raw(null)).secured).toBe(false);
    expect(toEvidenceIssue(raw()).secured).toBeUndefined();
    // A value the app cannot read is a level: it must not make restricted evidence public.
    expect(toEvidenceIssue(raw('Board only')).secured).toBe(true);
  });

  test('a stored issue keeps whether it is secured; a stored value that is not a boolean is discarded', () => {
    const issue = toEvidenceIssue(
      jiraIssue({ key: 'ISMS-5', summary: 'x', created: '2026-03-01', security: { id: '1', name: 'Board only' } }),
    );
    const stored: unknown = JSON.parse(JSON.stringify(issue));
    expect(storedEvidenceIssue(stored)).toEqual({ ...issue, secured: true });
    expect(storedEvidenceIssue({ ...issue, secured: 'yes' })).toBeUndefined();
  });

  test('the project of an issue comes from its project field, else its key', () => {
    expect(projectKeyOf(jiraIssue({ key: 'ISMS-1', summary: 'x', created: '2026-01-01' }))).toBe('ISMS');
    expect(projectKeyOf({ key: 'OPS-12', fields: {} })).toBe('OPS');
  });
});
