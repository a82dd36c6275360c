/**
 * The requirement `approval-covers-current-version` (spec 12.3) as the engine checks it: the
 * approval found as spec 8.2 finds it, its time as 12.1 says, the changes after it as 12.2 says.
 * The pure pieces have their own table (approval-changes.test.ts); this is the check itself.
 */
import { explainIssue } from '../../src/core/explain';
import type { IssueFacts } from '../../src/core/people';
import { requirementChecks, type RequirementContext } from '../../src/core/substance';
import type { AttachmentFact, ChangeEntry, JiraUser, TopManagement } from '../../src/core/substance-types';
import { aConfig, anIssue } from '../support/builders';

const CEO: JiraUser = { accountId: 'acc-ceo', displayName: 'Morgan Hale', isApp: false };
const CISO: JiraUser = { accountId: 'acc-ciso', displayName: 'Priya Natarajan', isApp: false };
const DONE = '10001';
const FIELD = 'customfield_10901';
const TOP: TopManagement = { accountIds: [CEO.accountId], groupsNamed: false, inNamedGroup: {} };

const toDone = (author: JiraUser, at: string): ChangeEntry => ({
  author,
  at,
  items: [{ field: 'status', fieldId: 'status', to: DONE }],
});
const attached = (author: JiraUser, at: string, id: string, name: string): ChangeEntry => ({
  author,
  at,
  items: [{ field: 'Attachment', fieldId: 'attachment', from: null, to: id, fromText: null, toText: name }],
});
const removed = (author: JiraUser, at: string, id: string, name: string): ChangeEntry => ({
  author,
  at,
  items: [{ field: 'Attachment', fieldId: 'attachment', from: id, to: null, fromText: name, toText: null }],
});
const fieldSet = (author: JiraUser, at: string): ChangeEntry => ({
  author,
  at,
  items: [{ field: 'Approver', fieldId: FIELD, to: author.accountId }],
});
const file = (id: string, name: string, created: string): AttachmentFact => ({ id, filename: name, created });

const POLICY_V4 = file('101', 'policy-v4.pdf', '2026-03-01T08:00:00.000Z');

function facts(overrides: Partial<IssueFacts>): IssueFacts {
  return {
    done: true,
    statusName: 'Done',
    statusId: DONE,
    assignee: null,
    createdAt: '2026-02-20T09:00:00.000Z',
    attachmentCount: 1,
    attachments: [POLICY_V4],
    changelog: [toDone(CEO, '2026-03-04T10:00:00.000Z')],
    ...overrides,
  };
}

const ctx = (categoryId: RequirementContext['categoryId'] = 'security-policy'): RequirementContext => ({
  categoryId,
  modes: { 'approval-covers-current-version': 'advisory' },
  top: TOP,
  approvalLabel: 'board-approved',
  approverField: { name: 'the approver field', id: FIELD },
});

const covers = (issue: IssueFacts, context = ctx()) => {
  const check = requirementChecks(issue, context).checks.find((c) => c.id === 'approval-covers-current-version');
  if (!check) throw new Error('no check');
  return check;
};

describe('approval covers the current version (spec 12.3)', () => {
  test('a new version attached after the CEO approved it fails, naming the file, who, when and the approval', () => {
    const check = covers(
      facts({
        attachments: [POLICY_V4, file('102', 'policy-v4.1.pdf', '2026-03-12T11:00:00.000Z')],
        changelog: [
          toDone(CEO, '2026-03-04T10:00:00.000Z'),
          attached(CISO, '2026-03-12T11:00:00.000Z', '102', 'policy-v4.1.pdf'),
        ],
      }),
    );
    expect(check).toEqual({
      id: 'approval-covers-current-version',
      pass: false,
      advisory: true,
      message:
        "policy-v4.1.pdf was attached by Priya Natarajan on 12 Mar 2026, after Morgan Hale's approval on 4 Mar 2026: confirm the approval covers the current document.",
    });
  });

  test('the approved file removed after the approval fails, saying it was removed', () => {
    const check = covers(
      facts({
        attachments: [],
        changelog: [
          toDone(CEO, '2026-03-04T10:00:00.000Z'),
          removed(CISO, '2026-03-05T09:00:00.000Z', '101', 'policy-v4.pdf'),
        ],
      }),
    );
    expect(check.pass).toBe(false);
    expect(check.message).toMatch(
      /^policy-v4\.pdf was removed by Priya Natarajan on 5 Mar 2026, after Morgan Hale's approval/,
    );
  });

  test('nothing changed since the approval passes', () => {
    expect(covers(facts({}))).toMatchObject({ pass: true });
  });

  test('the signed copy attached after an approval with no document is not a change', () => {
    const check = covers(
      facts({
        attachments: [file('103', 'budget-signed.pdf', '2026-03-06T09:00:00.000Z')],
        changelog: [
          toDone(CEO, '2026-03-04T10:00:00.000Z'),
          attached(CISO, '2026-03-06T09:00:00.000Z', '103', 'budget-signed.pdf'),
        ],
      }),
    );
    expect(check.pass).toBe(true);
  });

  test('approver field: the approval is when the field was last set by a person, not the status change', () => {
    // Done on 4 Mar, the CEO named in the field on 10 Mar: a file attached on 8 Mar was there at approval.
    const issue = facts({
      approverFieldUsers: [CEO],
      attachments: [POLICY_V4, file('102', 'annex.pdf', '2026-03-08T09:00:00.000Z')],
      changelog: [
        toDone(CISO, '2026-03-04T10:00:00.000Z'),
        attached(CISO, '2026-03-08T09:00:00.000Z', '102', 'annex.pdf'),
        fieldSet(CEO, '2026-03-10T09:00:00.000Z'),
      ],
    });
    expect(covers(issue).pass).toBe(true);
    // Without the field's id the app cannot find when it was set: not checkable, never passed.
    const noId = { ...ctx(), approverField: { name: 'the approver field' } };
    expect(covers(issue, noId)).toMatchObject({ pass: false, unknown: true });
  });

  test('a corrective action: the approval is when the label was added', () => {
    const check = covers(
      facts({
        labels: ['iso27001-corrective-action', 'board-approved'],
        attachments: [POLICY_V4, file('104', 'plan-v2.pdf', '2026-04-02T09:00:00.000Z')],
        changelog: [
          {
            author: CEO,
            at: '2026-04-01T09:00:00.000Z',
            items: [{ field: 'labels', fromText: '', toText: 'board-approved' }],
          },
          attached(CISO, '2026-04-02T09:00:00.000Z', '104', 'plan-v2.pdf'),
        ],
      } as Partial<IssueFacts>),
      ctx('corrective-action'),
    );
    expect(check.pass).toBe(false);
    expect(check.message).toContain("after Morgan Hale's approval on 1 Apr 2026");
  });

  test('no history read: not checkable, saying why, and never "changed"', () => {
    const check = covers(facts({ changelog: undefined }));
    expect(check).toMatchObject({ pass: false, unknown: true, unknownBecause: 'history' });
    expect(check.message).toMatch(/^Whether the approval covers the current document could not be checked: /);
  });

  test('attachments not read: not checkable', () => {
    const check = covers(facts({ attachments: undefined }));
    expect(check).toMatchObject({ pass: false, unknown: true });
    expect(check.message).toContain("the issue's attachments were not read");
  });

  test('no approval recorded: not checked, and not a failure of its own', () => {
    const check = covers(facts({ changelog: [] }));
    expect(check).toMatchObject({ pass: true, notChecked: true });
  });
});

describe('on the issue panel', () => {
  test('an advisory check that could not be made is shown, but the panel does not say it cannot tell whether the issue counts', () => {
    const issue = anIssue({ labels: ['iso27001-policy-approval'], resolved: '2026-06-01', changelog: undefined });
    const explanation = explainIssue(issue, aConfig(), '2026-11-28');
    const check = explanation.categories[0]?.checks.find((c) => c.id === 'approval-covers-current-version');
    expect(check).toMatchObject({ unknown: true, advisory: true });
    expect(explanation.nextStep).not.toMatch(/Cannot tell/);
  });
});
