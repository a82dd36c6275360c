import {
  approverOf,
  documentOf,
  grantorOf,
  hasDecisions,
  isDocumentLink,
  participantsOf,
  type IssueFacts,
} from '../../src/core/people';
import { DEFAULT_REQUIREMENTS, requirementsOf, type RequirementModes } from '../../src/core/requirements';
import { requirementChecks, type RequirementContext } from '../../src/core/substance';
import type { ChangeEntry, JiraUser, TopManagement } from '../../src/core/substance-types';
import type { CategoryId } from '../../src/core/types';

const CEO: JiraUser = { accountId: 'acc-ceo', displayName: 'Dana Chief', isApp: false };
const CISO: JiraUser = { accountId: 'acc-ciso', displayName: 'Priya Natarajan', isApp: false };
const ADMIN: JiraUser = { accountId: 'acc-admin', displayName: 'Jira Admin', isApp: false };
const AUTOMATION: JiraUser = { accountId: 'acc-bot', displayName: 'Automation for Jira', isApp: true };
const DONE_ID = '10001';

const toDone = (author: JiraUser | null, at: string, extra: ChangeEntry['items'] = []): ChangeEntry => ({
  author,
  at,
  items: [
    { field: 'status', fieldId: 'status', from: '3', to: DONE_ID, fromText: 'In Progress', toText: 'Done' },
    ...extra,
  ],
});
const labelled = (author: JiraUser, at: string, from: string, to: string): ChangeEntry => ({
  author,
  at,
  items: [{ field: 'labels', fieldId: 'labels', fromText: from, toText: to }],
});

function facts(overrides: Partial<IssueFacts> = {}): IssueFacts {
  return { done: true, statusName: 'Done', statusId: DONE_ID, assignee: null, changelog: [], ...overrides };
}

/** The CEO is named in person; the Board group has the CFO; anyone not listed could not be looked up. */
const TOP: TopManagement = {
  accountIds: [CEO.accountId],
  groupsNamed: true,
  inNamedGroup: { [ADMIN.accountId]: false, [CISO.accountId]: false, 'acc-cfo': true },
  unknownReason: "you lack Jira's Browse users and groups permission",
};
const NOBODY: TopManagement = { accountIds: [], groupsNamed: false, inNamedGroup: {} };

describe('the approver (spec 8.2)', () => {
  test.each<[string, Partial<IssueFacts>, string | null, string]>([
    [
      'the approver field wins over the history',
      { approverFieldUsers: [CEO], changelog: [toDone(CISO, '2026-03-04T10:00:00.000Z')] },
      CEO.displayName,
      'known',
    ],
    [
      'the newest move to the current status, by time whatever the list order',
      { changelog: [toDone(CEO, '2026-03-04T10:00:00.000Z'), toDone(CISO, '2026-01-04T10:00:00.000Z')] },
      CEO.displayName,
      'known',
    ],
    [
      'an app account moving it is nobody’s decision',
      { changelog: [toDone(CISO, '2026-01-04T10:00:00.000Z'), toDone(AUTOMATION, '2026-03-04T10:00:00.000Z')] },
      CISO.displayName,
      'known',
    ],
    [
      'a workflow migration is nobody’s decision',
      {
        changelog: [
          toDone(CEO, '2026-01-04T10:00:00.000Z'),
          toDone(ADMIN, '2026-06-04T10:00:00.000Z', [{ field: 'Workflow', from: '1', to: '2' }]),
        ],
      },
      CEO.displayName,
      'known',
    ],
    ['an entry without author is skipped', { changelog: [toDone(null, '2026-06-04T10:00:00.000Z')] }, null, 'none'],
    [
      'an empty approver field falls back to the history',
      { approverFieldUsers: [], changelog: [toDone(CISO, '2026-01-04T10:00:00.000Z')] },
      CISO.displayName,
      'known',
    ],
    ['no changelog read: unknown, not a pass', { changelog: undefined }, null, 'unknown'],
    [
      'not done: nobody signed it off yet',
      { done: false, changelog: [toDone(CEO, '2026-01-04T10:00:00.000Z')] },
      null,
      'none',
    ],
  ])('%s', (_name, overrides, who, kind) => {
    const signers = approverOf(facts(overrides));
    expect(signers.kind).toBe(kind);
    expect(signers.kind === 'known' ? signers.users[0]?.displayName : null).toBe(who);
  });
});

describe('the approval grantor (spec 8.2)', () => {
  test.each<[string, Partial<IssueFacts>, string | null, string]>([
    [
      'who added the approval label, newest first',
      {
        changelog: [
          labelled(CISO, '2026-02-01T00:00:00.000Z', 'fix', 'fix board-approved'),
          labelled(CEO, '2026-03-01T00:00:00.000Z', 'fix', 'board-approved fix'),
        ],
      },
      CEO.displayName,
      'known',
    ],
    [
      'a label that was already there is not an addition',
      {
        reporter: CISO,
        changelog: [labelled(CEO, '2026-03-01T00:00:00.000Z', 'board-approved', 'board-approved other')],
      },
      CISO.displayName,
      'known',
    ],
    [
      'a similar label is not the approval label',
      { reporter: CISO, changelog: [labelled(CEO, '2026-03-01T00:00:00.000Z', '', 'board-approved-draft')] },
      CISO.displayName,
      'known',
    ],
    [
      'the label was there from the start: the reporter',
      { reporter: ADMIN, changelog: [] },
      ADMIN.displayName,
      'known',
    ],
    ['no changelog at all: unknown', { reporter: ADMIN, changelog: undefined }, null, 'unknown'],
  ])('%s', (_name, overrides, who, kind) => {
    const signers = grantorOf(facts(overrides), 'board-approved');
    expect(signers.kind).toBe(kind);
    expect(signers.kind === 'known' ? signers.users[0]?.displayName : null).toBe(who);
  });
});

describe('participants, documents, decisions', () => {
  test('the attendees field, else the assignee and the approver, each once', () => {
    const assignee = { accountId: CEO.accountId, displayName: CEO.displayName, active: true };
    expect(participantsOf(facts({ attendeeFieldUsers: [CISO] }), { kind: 'none', reason: '' })).toEqual([CISO]);
    const fallback = participantsOf(facts({ assignee }), { kind: 'known', users: [CEO, CISO], how: 'x' });
    expect(fallback.map((p) => p.displayName)).toEqual([CEO.displayName, CISO.displayName]);
  });

  test.each<[string, { url: string; relationship?: string }, boolean]>([
    ['a Confluence page', { url: 'https://acme.atlassian.net/wiki/spaces/ISMS/pages/1/Minutes' }, true],
    ['a SharePoint file', { url: 'https://acme.sharepoint.com/sites/isms/Policy%20v3.pdf' }, true],
    ['a GitLab commit', { url: 'https://gitlab.com/acme/app/-/commit/4f2a' }, false],
    ['a GitHub pull request', { url: 'https://github.com/acme/app/pull/12' }, false],
    ['a Bitbucket pull request', { url: 'https://bitbucket.org/acme/app/pull-requests/3' }, false],
    ['a GitLab merge request', { url: 'https://gitlab.com/acme/app/-/merge_requests/7' }, false],
    ['a branch', { url: 'https://github.com/acme/app/tree/main' }, false],
    [
      '"mentioned on" is a mention, not a document',
      { url: 'https://acme.atlassian.net/wiki/x', relationship: 'mentioned on' },
      false,
    ],
    ['not a URL', { url: 'minutes.pdf' }, false],
    // Spec 12.4: only absolute http: and https: URLs are documents.
    ['an http: intranet page', { url: 'http://intranet.acme.local/policies/isms-v4.pdf' }, true],
    ['a javascript: URL', { url: 'javascript:alert(document.domain)' }, false],
    ['a data: URL', { url: 'data:application/pdf;base64,JVBERi0xLjQK' }, false],
    ['a file: URL', { url: 'file:///C:/Policies/isms-v4.pdf' }, false],
    ['an ftp: URL', { url: 'ftp://files.acme.com/isms-v4.pdf' }, false],
    ['a mailto: URL', { url: 'mailto:board@acme.com' }, false],
    ['a scheme-relative URL', { url: '//acme.sharepoint.com/sites/isms/Policy.pdf' }, false],
    ['a relative path', { url: '/wiki/spaces/ISMS/pages/1' }, false],
    ['an empty URL', { url: '' }, false],
    ['HTTPS in capitals', { url: 'HTTPS://ACME.SHAREPOINT.COM/sites/isms/Policy.pdf' }, true],
  ])('remote link: %s', (_name, link, document) => {
    expect(isDocumentLink(link)).toBe(document);
  });

  test('a document is an attachment or a document link; unread links are unknown', () => {
    expect(documentOf(facts({ attachmentCount: 1 })).kind).toBe('attached');
    expect(
      documentOf(facts({ attachmentCount: 0, remoteLinks: [{ url: 'https://x.atlassian.net/wiki/p' }] })).kind,
    ).toBe('linked');
    expect(
      documentOf(facts({ attachmentCount: 0, remoteLinks: [{ url: 'https://github.com/a/b/pull/1' }] })).kind,
    ).toBe('none');
    expect(documentOf(facts({ attachmentCount: 0 })).kind).toBe('unknown');
  });

  test.each<[string, Partial<IssueFacts>, boolean]>([
    ['a person’s comment', { humanCommentCount: 1 }, true],
    ['only app comments', { humanCommentCount: 0, commentTotal: 3 }, false],
    ['only a comment total from the search', { commentTotal: 2 }, true],
    ['an issue link', { issueLinkCount: 1 }, true],
    ['nothing', {}, false],
  ])('decisions: %s', (_name, overrides, expected) => {
    expect(hasDecisions(facts(overrides))).toBe(expected);
  });
});

describe('requirement checks (spec 8.3): every requirement in every mode', () => {
  const ctx = (
    categoryId: CategoryId,
    modes: RequirementModes = DEFAULT_REQUIREMENTS[categoryId],
    top = TOP,
  ): RequirementContext => ({
    categoryId,
    modes,
    top,
    approvalLabel: 'board-approved',
  });
  const signedByCiso = facts({ changelog: [toDone(CISO, '2026-03-04T09:00:00.000Z')], attachmentCount: 1 });

  test('the table: each category has its requirements and no others', () => {
    expect(requirementsOf('security-policy')).toEqual([
      'approved-by-top-management',
      'document-attached',
      'approval-covers-current-version',
    ]);
    // Spec 12.3: budgets advisory, corrective actions off by default.
    expect(DEFAULT_REQUIREMENTS.resources['approval-covers-current-version']).toBe('advisory');
    expect(DEFAULT_REQUIREMENTS['corrective-action']['approval-covers-current-version']).toBe('off');
    expect(requirementsOf('management-review')).toEqual([
      'top-management-took-part',
      'document-attached',
      'decisions-recorded',
    ]);
    expect(requirementsOf('role-assignment')).toEqual(['duties-described']);
    expect(requirementsOf('strategy-alignment')).toEqual([]);
  });

  test('a policy signed off by the CISO fails, naming her, the day and the reason', () => {
    const outcome = requirementChecks(signedByCiso, ctx('security-policy'));
    const check = outcome.checks.find((c) => c.id === 'approved-by-top-management');
    expect(check).toEqual({
      id: 'approved-by-top-management',
      pass: false,
      message:
        'Signed off by Priya Natarajan (moved to Done on 4 Mar 2026), who is not top management: the security policy must be approved by the highest level of management.',
    });
    expect(outcome.failedRequired).toEqual(['approved-by-top-management']);
  });

  test.each<[string, 'required' | 'advisory' | 'off', number, string[], boolean | undefined]>([
    ['required: a failure stops it counting', 'required', 2, ['approved-by-top-management'], undefined],
    ['advisory: reported, marked advisory, never stops it counting', 'advisory', 2, [], true],
    ['off: not checked at all', 'off', 1, [], undefined],
  ])('%s', (_name, mode, checkCount, failed, advisory) => {
    const outcome = requirementChecks(
      signedByCiso,
      ctx('security-policy', { 'approved-by-top-management': mode, 'document-attached': 'required' }),
    );
    expect(outcome.checks).toHaveLength(checkCount);
    expect(outcome.failedRequired).toEqual(failed);
    expect(outcome.checks.find((c) => c.id === 'approved-by-top-management')?.advisory).toBe(advisory);
  });

  test('signed by the CEO (named in person) passes; by a Board group member passes', () => {
    const byCeo = requirementChecks(
      facts({ changelog: [toDone(CEO, '2026-03-04T09:00:00.000Z')], attachmentCount: 1 }),
      ctx('security-policy'),
    );
    expect(byCeo.failedRequired).toEqual([]);
    const cfo = { accountId: 'acc-cfo', displayName: 'Sam Finance', isApp: false };
    const byCfo = requirementChecks(facts({ approverFieldUsers: [cfo] }), ctx('resources'));
    expect(byCfo.checks[0]).toMatchObject({
      pass: true,
      message: 'Signed off by Sam Finance (named in the approver field), who is top management.',
    });
  });

  test('a person whose groups could not be read fails as "could not be checked", never passes', () => {
    const unknownPerson = { accountId: 'acc-new', displayName: 'New Person', isApp: false };
    const outcome = requirementChecks(facts({ approverFieldUsers: [unknownPerson] }), ctx('resources'));
    expect(outcome.checks[0]?.pass).toBe(false);
    expect(outcome.checks[0]?.message).toContain('could not be checked');
    expect(outcome.checks[0]?.message).toContain('Browse users and groups');
  });

  test('top management not set: the top-management checks pass, saying they were not checked', () => {
    const outcome = requirementChecks(signedByCiso, ctx('security-policy', undefined, NOBODY));
    expect(outcome.checks[0]).toEqual({
      id: 'approved-by-top-management',
      pass: true,
      message: "Not checked: top management is not set on the app's settings page.",
      notChecked: true,
    });
  });

  test('a review without minutes, attended by the CEO, fails only the document', () => {
    const assignee = { accountId: CEO.accountId, displayName: CEO.displayName, active: true };
    const outcome = requirementChecks(
      facts({ assignee, attachmentCount: 0, remoteLinks: [], humanCommentCount: 2 }),
      ctx('management-review'),
    );
    expect(outcome.checks.map((c) => [c.id, c.pass])).toEqual([
      ['top-management-took-part', true],
      ['document-attached', false],
      ['decisions-recorded', true],
    ]);
    expect(outcome.failedRequired).toEqual(['document-attached']);
  });

  test('a corrective action whose approval label was added by someone outside the Board is not approved', () => {
    const outcome = requirementChecks(
      facts({ done: false, changelog: [labelled(ADMIN, '2026-05-01T12:00:00.000Z', '', 'board-approved')] }),
      ctx('corrective-action'),
    );
    expect(outcome.checks[0]?.message).toBe(
      'Approved by Jira Admin (added board-approved on 1 May 2026), who is not top management: a corrective action is Board-approved only when top management approved it.',
    );
  });

  test('a role without described duties fails the advisory check only', () => {
    const outcome = requirementChecks(facts({ described: false }), ctx('role-assignment'));
    expect(outcome.checks).toEqual([
      {
        id: 'duties-described',
        pass: false,
        advisory: true,
        message: "The description is empty: write down the role's duties and authority.",
      },
    ]);
    expect(outcome.failedRequired).toEqual([]);
  });
});
