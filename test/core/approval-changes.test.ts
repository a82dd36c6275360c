import {
  approvalNotCheckedSentence,
  approvalTime,
  changedAfterApprovalSentence,
  changesAfterApproval,
  instantOf,
  newestChange,
  NO_HISTORY,
  unchangedSinceApprovalSentence,
  type ApprovalChange,
  type ApprovalTime,
  type ApprovalTimeInput,
  type AttachmentFact,
} from '../../src/core/approval-changes';
import type { ChangeEntry, ChangeItem, JiraUser } from '../../src/core/substance-types';

const MORGAN: JiraUser = { accountId: 'acc-morgan', displayName: 'Morgan Hale', isApp: false };
const PRIYA: JiraUser = { accountId: 'acc-priya', displayName: 'Priya Natarajan', isApp: false };
const DANA: JiraUser = { accountId: 'acc-dana', displayName: 'Dana Chief', isApp: false };
const AUTOMATION: JiraUser = { accountId: 'acc-bot', displayName: 'Automation for Jira', isApp: true };

const CREATED = '2026-03-01T09:00:00.000Z';
const APPROVED = '2026-03-04T10:00:00.000Z';
const BEFORE = '2026-03-02T08:00:00.000Z';
const AFTER = '2026-03-12T15:30:00.000Z';
const LATER = '2026-03-20T11:00:00.000Z';
const APPROVER_FIELD = 'customfield_10050';

const entry = (author: JiraUser | null, at: string, ...items: ChangeItem[]): ChangeEntry => ({ author, at, items });
const toDone: ChangeItem = { field: 'status', fieldId: 'status', from: '3', to: '10001', toText: 'Done' };
const attached = (id: string, filename: string): ChangeItem => ({
  field: 'Attachment',
  fieldId: 'attachment',
  from: null,
  to: id,
  toText: filename,
});
const removed = (id: string, filename: string): ChangeItem => ({
  field: 'Attachment',
  fieldId: 'attachment',
  from: id,
  fromText: filename,
  to: null,
});
const described: ChangeItem = { field: 'description', fieldId: 'description' };
const approverSet: ChangeItem = { field: 'Approver', fieldId: APPROVER_FIELD, to: MORGAN.accountId };
const labelled: ChangeItem = { field: 'labels', fieldId: 'labels', fromText: '', toText: 'ca-approved' };
const workflow: ChangeItem = { field: 'Workflow', from: '1', to: '2' };

const anAttachment = (
  id: string,
  filename: string,
  created: string,
  author: JiraUser | null = PRIYA,
): AttachmentFact => ({
  id,
  filename,
  created,
  author,
});

const change = (kind: ApprovalChange['kind'], at: string, by: JiraUser | null, filename?: string): ApprovalChange =>
  filename === undefined ? { kind, at, by } : { kind, at, by, filename };

describe('the approval time (spec 12.1)', () => {
  const statusEntry = entry(MORGAN, APPROVED, toDone);
  test.each<[string, ApprovalTimeInput, ApprovalTime]>([
    [
      'approver from the changelog: the created of that entry',
      { source: 'changelog', entry: statusEntry, created: CREATED, changelog: [statusEntry] },
      { known: true, at: APPROVED },
    ],
    [
      'approver field set later than the status change: the newest entry with an item of that field id',
      {
        source: 'field',
        fieldId: APPROVER_FIELD,
        created: CREATED,
        changelog: [entry(PRIYA, AFTER, approverSet), statusEntry, entry(PRIYA, BEFORE, approverSet)],
      },
      { known: true, at: AFTER },
    ],
    [
      "approver field: entries that show no one's decision are skipped (app account, no author, migration)",
      {
        source: 'field',
        fieldId: APPROVER_FIELD,
        created: CREATED,
        changelog: [
          entry(PRIYA, BEFORE, approverSet),
          entry(AUTOMATION, APPROVED, approverSet),
          entry(null, AFTER, approverSet),
          entry(MORGAN, LATER, approverSet, workflow),
        ],
      },
      { known: true, at: BEFORE },
    ],
    [
      'approver field never set in the history: the issue created',
      { source: 'field', fieldId: APPROVER_FIELD, created: CREATED, changelog: [statusEntry] },
      { known: true, at: CREATED },
    ],
    [
      "a corrective action's grantor who added the approval label: that entry's created",
      {
        source: 'changelog',
        entry: entry(DANA, AFTER, labelled),
        created: CREATED,
        changelog: [entry(DANA, AFTER, labelled)],
      },
      { known: true, at: AFTER },
    ],
    [
      'a grantor who is the reporter: the issue created',
      { source: 'reporter', created: CREATED, changelog: [] },
      { known: true, at: CREATED },
    ],
    [
      'epoch milliseconds are read as the instant they are',
      { source: 'reporter', created: String(Date.parse(CREATED)), changelog: [] },
      { known: true, at: CREATED },
    ],
    [
      'a date-time with an offset is the same instant in UTC',
      { source: 'reporter', created: '2026-03-01T10:00:00.000+0100', changelog: [] },
      { known: true, at: CREATED },
    ],
    [
      'no changelog at all: unknown, approver from the changelog',
      { source: 'changelog', entry: statusEntry, created: CREATED, changelog: undefined },
      { known: false, why: NO_HISTORY },
    ],
    [
      'no changelog at all: unknown, approver from the field',
      { source: 'field', fieldId: APPROVER_FIELD, created: CREATED, changelog: undefined },
      { known: false, why: NO_HISTORY },
    ],
    [
      'no changelog at all: unknown, grantor who is the reporter',
      { source: 'reporter', created: CREATED, changelog: undefined },
      { known: false, why: NO_HISTORY },
    ],
    [
      'the issue created is needed and was not read: unknown',
      { source: 'reporter', created: undefined, changelog: [] },
      { known: false, why: "the issue's creation time was not read" },
    ],
  ])('%s', (_rule, input, expected) => {
    expect(approvalTime(input)).toStrictEqual(expected);
  });
});

describe('the changes after approval (spec 12.2)', () => {
  test.each<[string, ChangeEntry[], AttachmentFact[], ApprovalChange[]]>([
    [
      'an attachment added after approval beside one that was there: a change',
      [entry(MORGAN, BEFORE, attached('1', 'policy-v3.pdf')), entry(PRIYA, AFTER, attached('2', 'policy-v4.pdf'))],
      [anAttachment('1', 'policy-v3.pdf', BEFORE, MORGAN), anAttachment('2', 'policy-v4.pdf', AFTER)],
      [change('attachment-added', AFTER, PRIYA, 'policy-v4.pdf')],
    ],
    [
      'no attachment there at approval: the first one added after it is the signed copy, not a change',
      [entry(MORGAN, AFTER, attached('1', 'policy-signed.pdf'))],
      [anAttachment('1', 'policy-signed.pdf', AFTER, MORGAN)],
      [],
    ],
    [
      'no attachment there at approval: one added after the signed copy is a change',
      [entry(PRIYA, LATER, attached('2', 'policy-v5.pdf')), entry(MORGAN, AFTER, attached('1', 'policy-signed.pdf'))],
      [anAttachment('1', 'policy-signed.pdf', AFTER, MORGAN), anAttachment('2', 'policy-v5.pdf', LATER)],
      [change('attachment-added', LATER, PRIYA, 'policy-v5.pdf')],
    ],
    [
      'an attachment removed after approval: a change',
      [entry(MORGAN, BEFORE, attached('1', 'policy-v3.pdf')), entry(PRIYA, AFTER, removed('1', 'policy-v3.pdf'))],
      [],
      [change('attachment-removed', AFTER, PRIYA, 'policy-v3.pdf')],
    ],
    [
      'an attachment added with the issue (no changelog item, created before approval) was there at approval',
      [entry(PRIYA, AFTER, attached('2', 'policy-v4.pdf'))],
      [anAttachment('1', 'policy.pdf', CREATED), anAttachment('2', 'policy-v4.pdf', AFTER)],
      [change('attachment-added', AFTER, PRIYA, 'policy-v4.pdf')],
    ],
    [
      'an attachment in fields.attachment created after approval with no changelog item is added',
      [],
      [anAttachment('1', 'policy.pdf', CREATED), anAttachment('2', 'annex.pdf', AFTER, DANA)],
      [change('attachment-added', AFTER, DANA, 'annex.pdf')],
    ],
    [
      'an attachment both in the changelog and in fields.attachment counts once',
      [entry(PRIYA, AFTER, attached('2', 'policy-v4.pdf')), entry(PRIYA, LATER, attached('3', 'policy-v5.pdf'))],
      [
        anAttachment('1', 'policy.pdf', CREATED),
        anAttachment('2', 'policy-v4.pdf', AFTER),
        anAttachment('3', 'policy-v5.pdf', LATER),
      ],
      [
        change('attachment-added', AFTER, PRIYA, 'policy-v4.pdf'),
        change('attachment-added', LATER, PRIYA, 'policy-v5.pdf'),
      ],
    ],
    [
      'an attachment added and removed before approval was not there: the first after it is the signed copy',
      [
        entry(PRIYA, CREATED, attached('1', 'draft.pdf')),
        entry(PRIYA, BEFORE, removed('1', 'draft.pdf')),
        entry(MORGAN, AFTER, attached('2', 'policy-signed.pdf')),
      ],
      [anAttachment('2', 'policy-signed.pdf', AFTER, MORGAN)],
      [],
    ],
    [
      'the description edited after approval: a change',
      [entry(DANA, AFTER, described)],
      [],
      [change('description-changed', AFTER, DANA)],
    ],
    [
      'changes before approval or at the same instant are not after it',
      [
        entry(PRIYA, BEFORE, described),
        entry(PRIYA, APPROVED, described),
        entry(PRIYA, APPROVED, attached('2', 'policy-v4.pdf')),
        entry(PRIYA, APPROVED, removed('1', 'policy-v3.pdf')),
      ],
      [anAttachment('2', 'policy-v4.pdf', APPROVED)],
      [],
    ],
    [
      "an app account's edit after approval is a change, as is an anonymous one",
      [entry(AUTOMATION, AFTER, described), entry(null, LATER, removed('1', 'policy.pdf'))],
      [],
      [change('description-changed', AFTER, AUTOMATION), change('attachment-removed', LATER, null, 'policy.pdf')],
    ],
    [
      'epoch-millisecond times are compared as instants',
      [entry(PRIYA, String(Date.parse(AFTER)), described)],
      [
        anAttachment('1', 'policy.pdf', String(Date.parse(BEFORE))),
        anAttachment('2', 'v2.pdf', String(Date.parse(LATER))),
      ],
      [change('description-changed', AFTER, PRIYA), change('attachment-added', LATER, PRIYA, 'v2.pdf')],
    ],
    [
      'a changelog item without the file name takes it from fields.attachment',
      [entry(PRIYA, AFTER, { field: 'Attachment', to: '2' })],
      [anAttachment('1', 'policy.pdf', CREATED), anAttachment('2', 'policy-v4.pdf', AFTER)],
      [change('attachment-added', AFTER, PRIYA, 'policy-v4.pdf')],
    ],
  ])('%s', (_rule, changelog, attachments, expected) => {
    expect(changesAfterApproval(APPROVED, changelog, attachments)).toStrictEqual(expected);
  });

  test('an approval time that is not an instant is a mistake of the caller', () => {
    expect(() => changesAfterApproval('yesterday', [], [])).toThrow(RangeError);
  });
});

describe('instants', () => {
  test.each<[string, string | number, number | null]>([
    ['ISO in UTC', APPROVED, Date.parse(APPROVED)],
    ['ISO with an offset', '2026-03-04T11:00:00.000+0100', Date.parse(APPROVED)],
    ['epoch milliseconds as text', String(Date.parse(APPROVED)), Date.parse(APPROVED)],
    ['epoch milliseconds as a number', Date.parse(APPROVED), Date.parse(APPROVED)],
    ['a day is its UTC midnight', '2026-03-04', Date.parse('2026-03-04T00:00:00.000Z')],
    ['anything else is not an instant', 'soon', null],
  ])('%s', (_what, value, expected) => {
    expect(instantOf(value)).toBe(expected);
  });
});

describe('the newest change', () => {
  test('is the latest by time, whatever the order of the list', () => {
    const newest = change('attachment-added', LATER, PRIYA, 'policy-v5.pdf');
    expect(
      newestChange([change('description-changed', AFTER, DANA), newest, change('description-changed', BEFORE, DANA)]),
    ).toBe(newest);
  });
  test('is undefined when nothing changed', () => {
    expect(newestChange([])).toBeUndefined();
  });
});

describe('the sentences of spec 12.3', () => {
  const approval = { at: APPROVED, approvers: [MORGAN] };
  test.each<[string, string, string]>([
    [
      'an attachment added',
      changedAfterApprovalSentence(change('attachment-added', AFTER, PRIYA, 'policy-v4.pdf'), approval),
      "policy-v4.pdf was attached by Priya Natarajan on 12 Mar 2026, after Morgan Hale's approval on 4 Mar 2026: confirm the approval covers the current document.",
    ],
    [
      'an attachment removed',
      changedAfterApprovalSentence(change('attachment-removed', AFTER, PRIYA, 'policy-v3.pdf'), approval),
      "policy-v3.pdf was removed by Priya Natarajan on 12 Mar 2026, after Morgan Hale's approval on 4 Mar 2026: confirm the approval covers the current document.",
    ],
    [
      'the description changed',
      changedAfterApprovalSentence(change('description-changed', AFTER, AUTOMATION), approval),
      "The description was changed by Automation for Jira on 12 Mar 2026, after Morgan Hale's approval on 4 Mar 2026: confirm the approval covers the current document.",
    ],
    [
      'nobody named, several approvers',
      changedAfterApprovalSentence(change('attachment-added', AFTER, null), {
        at: APPROVED,
        approvers: [MORGAN, DANA],
      }),
      "An attachment was attached on 12 Mar 2026, after Morgan Hale and Dana Chief's approval on 4 Mar 2026: confirm the approval covers the current document.",
    ],
    [
      'the day is the UTC day of the instant',
      changedAfterApprovalSentence(change('description-changed', '2026-03-12T23:30:00.000Z', DANA), approval),
      "The description was changed by Dana Chief on 12 Mar 2026, after Morgan Hale's approval on 4 Mar 2026: confirm the approval covers the current document.",
    ],
    [
      'an unknown approval time',
      approvalNotCheckedSentence("the issue's history was not read"),
      "Whether the approval covers the current document could not be checked: the issue's history was not read.",
    ],
    [
      'nothing changed',
      unchangedSinceApprovalSentence(approval, true),
      "Nothing changed after Morgan Hale's approval on 4 Mar 2026.",
    ],
    [
      'nothing changed, and the document is only a remote link',
      unchangedSinceApprovalSentence(approval, false),
      "Nothing changed after Morgan Hale's approval on 4 Mar 2026. Its document is not attached: a remote link's versions are checked in its own system.",
    ],
  ])('%s', (_what, sentence, expected) => {
    expect(sentence).toBe(expected);
  });
});
