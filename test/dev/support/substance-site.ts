/**
 * The fixture site plus what spec section 8 reads: groups, people with and without "Browse users and groups", an
 * app account, user-picker fields, changelogs (a workflow migration among them), remote links, attachments,
 * comments, issue links and descriptions.
 */
import {
  fieldUser,
  labelsChange,
  siteGroup,
  siteHistory,
  siteIssue,
  siteRemoteLink,
  siteUser,
  statusChange,
  userPickerField,
  workflowChange,
} from '../../../dev/simulator/site-builders';
import type { SiteData, SiteIssue, SiteUser } from '../../../dev/simulator/site-types';
import { BOARD_ONLY, fixtureSite, ISMS, OPS, USERS } from './fixture-site';

export const PEOPLE = {
  ceo: 'acc-ceo',
  cfo: 'acc-cfo',
  bot: 'acc-automation',
} as const;

export const CEO = siteUser(PEOPLE.ceo, { displayName: 'Dana Chief', emailAddress: 'dana@example.com' });
export const CFO = siteUser(PEOPLE.cfo, { displayName: 'Rahul Money' });
export const BOT = siteUser(PEOPLE.bot, { displayName: 'Automation for Jira', accountType: 'app' });

export const BOARD = siteGroup('0b6c5a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21', 'board', [PEOPLE.ceo, PEOPLE.cfo]);
export const STAFF = siteGroup('5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d10', 'Staff', [USERS.alice, USERS.bob, PEOPLE.ceo]);
export const BOARD_ADVISORS = siteGroup('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'board-advisors', [USERS.alice]);

export const APPROVER = userPickerField('customfield_10100', 'Approved by', false);
export const ATTENDEES = userPickerField('customfield_10101', 'Attendees', true);

export const TODO = { id: '1', name: 'To Do' };
export const IN_PROGRESS = { id: '3', name: 'In Progress' };
export const DONE = { id: '10001', name: 'Done' };

const doc = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** ISMS-1: a sign-off by the CEO, a label added by an app, then an admin's workflow migration. */
function ismsOne(base: SiteIssue): SiteIssue {
  return {
    ...base,
    histories: [
      siteHistory(USERS.alice, '2025-01-02T10:00:00.000+0000', [
        statusChange(TODO, IN_PROGRESS),
        {
          field: 'assignee',
          fieldtype: 'jira',
          fieldId: 'assignee',
          from: null,
          fromString: null,
          to: USERS.alice,
          toString: 'Alice Auditor',
        },
      ]),
      // Deliberately out of order: the simulator sorts by time.
      siteHistory(USERS.admin, '2025-03-01T09:00:00.000+0000', [
        statusChange(DONE, DONE),
        workflowChange('ISMS workflow v1', 'ISMS workflow v2'),
      ]),
      siteHistory(PEOPLE.ceo, '2025-01-05T10:00:00.000+0100', [statusChange(IN_PROGRESS, DONE)]),
      siteHistory(PEOPLE.bot, '2025-01-04T10:00:00.000+0000', [labelsChange([], ['clause-5.1', 'policy'])]),
      siteHistory(null, '2025-01-06T10:00:00.000+0000', [
        { field: 'summary', fieldtype: 'jira', fieldId: 'summary', fromString: 'Draft', toString: 'Issue ISMS-1' },
      ]),
    ],
    remoteLinks: [
      siteRemoteLink('https://gitlab.example.com/isms/-/merge_requests/42', 'Merge request - policy export', {
        id: 20002,
        relationship: 'mentioned on',
        application: {},
      }),
      siteRemoteLink('https://example.atlassian.net/wiki/spaces/ISMS/pages/1001', 'Policy v4 (signed)', {
        id: 20001,
        globalId: 'appId=5e7e9d1c&pageId=1001',
        relationship: 'Wiki Page',
        application: { name: 'System Confluence', type: 'com.atlassian.confluence' },
      }),
    ],
  };
}

/** ISMS-2: the fields spec 8 reads, all set. */
function ismsTwo(base: SiteIssue, users: { alice: SiteUser; ceo: SiteUser; cfo: SiteUser; bot: SiteUser }): SiteIssue {
  return {
    ...base,
    fields: {
      ...base.fields,
      description: doc('Board signs the security policy.'),
      reporter: fieldUser(users.alice),
      attachment: [
        {
          id: '30001',
          filename: 'policy-v4-signed.pdf',
          author: fieldUser(users.ceo),
          created: '2025-01-03T12:00:00.000+0000',
          size: 48213,
          mimeType: 'application/pdf',
          content: 'https://example.atlassian.net/rest/api/3/attachment/content/30001',
        },
      ],
      comment: {
        comments: [
          {
            id: '40001',
            author: fieldUser(users.bot),
            body: doc('Transitioned by rule.'),
            created: '2025-01-03T12:05:00.000+0000',
          },
          {
            id: '40002',
            author: fieldUser(users.ceo),
            body: doc('Approved.'),
            created: '2025-01-03T12:10:00.000+0000',
          },
        ],
        maxResults: 2,
        total: 2,
        startAt: 0,
      },
      issuelinks: [
        {
          id: '50001',
          type: { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
          outwardIssue: { id: '10000003', key: 'ISMS-3', fields: { summary: 'Issue ISMS-3' } },
        },
        {
          id: '50002',
          type: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
          inwardIssue: { id: '10001001', key: 'OPS-1', fields: { summary: 'Issue OPS-1' } },
        },
      ],
      [APPROVER.id]: fieldUser(users.ceo),
      [ATTENDEES.id]: [fieldUser(users.ceo), fieldUser(users.cfo)],
    },
    // Same instant as ISMS-1's first entry: the smaller issue id comes first.
    histories: [
      siteHistory(PEOPLE.cfo, '2025-01-02T10:00:00.000+0000', [labelsChange(['Policy'], ['Policy', 'board-approved'])]),
    ],
  };
}

/** ISMS-20: a long changelog (25 status changes), for paging and the expand=changelog cap. */
export function longHistoryIssue(): SiteIssue {
  const states = [IN_PROGRESS, DONE];
  return siteIssue({
    key: 'ISMS-20',
    project: ISMS,
    status: { ...DONE, category: 'done' },
    histories: Array.from({ length: 25 }, (_, i) =>
      siteHistory(USERS.alice, new Date(Date.UTC(2025, 5, 1 + i, 9)).toISOString(), [
        statusChange(states[(i + 1) % 2] ?? DONE, states[i % 2] ?? DONE),
      ]),
    ),
  });
}

export function substanceSite(): SiteData {
  const site = fixtureSite();
  const users = site.users.map((u) => (u.accountId === USERS.bob ? { ...u, browseUsersAndGroups: false } : u));
  const alice = users.find((u) => u.accountId === USERS.alice);
  if (!alice) throw new Error('the fixture site has no alice');
  const issues = site.issues.map((issue) => {
    if (issue.key === 'ISMS-1') return ismsOne(issue);
    if (issue.key === 'ISMS-2') return ismsTwo(issue, { alice, ceo: CEO, cfo: CFO, bot: BOT });
    if (issue.key === 'ISMS-3')
      return {
        ...issue,
        histories: [siteHistory(USERS.alice, '2025-01-02T11:00:00.000+0000', [statusChange(TODO, IN_PROGRESS)])],
        remoteLinks: [siteRemoteLink('https://example.sharepoint.com/board/minutes.docx', 'Board minutes')],
      };
    if (issue.key === 'OPS-1')
      return {
        ...issue,
        histories: [siteHistory(USERS.bob, '2025-01-01T08:00:00.000+0000', [statusChange(TODO, IN_PROGRESS)])],
      };
    return issue;
  });
  return {
    ...site,
    users: [...users, CEO, CFO, BOT],
    fields: [...site.fields, APPROVER, ATTENDEES],
    groups: [BOARD, STAFF, BOARD_ADVISORS],
    issues: [...issues, longHistoryIssue()],
  };
}

export { BOARD_ONLY, ISMS, OPS, USERS };
