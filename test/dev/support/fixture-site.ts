/**
 * A small site covering the permission cases: browsers, an outsider, an inactive user, a Jira admin,
 * a project admin, a security level, a project whose key is a JQL reserved word (INT), and awkward labels.
 */
import { siteIssue, siteProject, siteSecurityLevel, siteUser } from '../../../dev/simulator/site-builders';
import type { SiteData, SiteIssue } from '../../../dev/simulator/site-types';

export const USERS = {
  alice: 'acc-alice',
  bob: 'acc-bob',
  admin: 'acc-admin',
  padmin: 'acc-padmin',
  outsider: 'acc-outsider',
  inactive: 'acc-inactive',
} as const;

export const ISMS = siteProject('ISMS', '10000', {
  name: 'Information Security',
  browsers: [USERS.alice, USERS.bob, USERS.inactive],
  projectAdmins: [USERS.padmin],
});
export const OPS = siteProject('OPS', '10001', {
  name: 'Operations',
  browsers: [USERS.alice, USERS.bob, USERS.padmin],
});
/** INT is a JQL reserved word: it must be quoted in JQL. */
export const INT = siteProject('INT', '10002', { name: 'Internal', browsers: '*' });

export const BOARD_ONLY = siteSecurityLevel('10100', [USERS.alice], { name: 'Board only' });

/** A label with a quote and a backslash (labels cannot contain spaces). */
export const AWKWARD_LABEL = 'we"ird\\label';

export function fixtureIssues(): SiteIssue[] {
  return [
    siteIssue({
      key: 'ISMS-1',
      project: ISMS,
      labels: ['policy', 'clause-5.1'],
      created: '2025-01-01T09:00:00.000+0000',
      updated: '2025-02-01T09:00:00.000+0000',
    }),
    siteIssue({
      key: 'ISMS-2',
      project: ISMS,
      labels: ['Policy'],
      created: '2025-01-03T09:00:00.000+0000',
      updated: '2025-01-04T09:00:00.000+0000',
      status: { name: 'Done', category: 'done' },
    }),
    siteIssue({
      key: 'ISMS-3',
      project: ISMS,
      labels: ['board', 'policy'],
      securityLevel: BOARD_ONLY,
      created: '2025-01-02T09:00:00.000+0000',
      updated: '2025-03-01T09:00:00.000+0000',
    }),
    siteIssue({
      key: 'ISMS-10',
      project: ISMS,
      labels: [AWKWARD_LABEL],
      created: '2025-01-05T09:00:00.000+0000',
      fields: { duedate: '2025-06-30', customfield_10042: '2025-02-02' },
    }),
    siteIssue({
      key: 'OPS-1',
      project: OPS,
      labels: ['ops'],
      fields: { assignee: { accountId: USERS.bob, displayName: 'User acc-bob', active: true } },
    }),
    siteIssue({ key: 'INT-1', project: INT, labels: ['internal'] }),
  ];
}

export function fixtureSite(): SiteData {
  return {
    users: [
      siteUser(USERS.alice, { displayName: 'Alice Auditor', emailAddress: 'alice@example.com' }),
      siteUser(USERS.bob, { displayName: 'Bob Builder' }),
      siteUser(USERS.admin, { displayName: 'Ada Admin', jiraAdmin: true }),
      siteUser(USERS.padmin, { displayName: 'Pat Projectadmin' }),
      siteUser(USERS.outsider, { displayName: 'Olly Outsider' }),
      siteUser(USERS.inactive, { displayName: 'Ina Inactive', active: false }),
    ],
    projects: [ISMS, OPS, INT],
    securityLevels: [BOARD_ONLY],
    fields: [
      {
        id: 'customfield_10042',
        name: 'Approved on',
        custom: true,
        schema: {
          type: 'date',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker',
          customId: 10042,
        },
      },
    ],
    issues: fixtureIssues(),
  };
}
