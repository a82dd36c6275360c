import { addDaysTo } from '../../src/core/dates';
import { labelsChange } from '../simulator/site-builders';
import { nextAttachmentId, userPickerSet, withAttachmentAdded, withAttachmentRemoved } from '../simulator/site-history';
import type { SiteChangeHistory, SiteRemoteLink } from '../simulator/site-types';
import {
  ACTIVE,
  CAUSES,
  change,
  confluencePage,
  gitlabMergeRequest,
  lifecycle,
  linkIssues,
  migration,
  RELATES,
} from './demo-records';
import {
  adf,
  jiraDateTime,
  jiraIssue,
  jiraUserJson,
  statusRef,
  type JiraIssueJson,
  type JiraIssueSpec,
  type JiraUserJson,
} from './jira-issue';

/**
 * Brightwater Logistics, a fictional company whose ISMS project holds a realistic mix of Clause
 * 5.1 evidence: met, stale, missing, partial, expiring soon, and Board-only issues that a manager
 * cannot see. Dates are relative to `today`, so the demo tells the same story on any day.
 *
 * Top management is the Board group (the CEO and the CFO). With the app's settings naming that
 * group, the approver field and the attendees field below, each check of spec section 8 is shown
 * passing and failing for a reason an auditor would give:
 * - Security policy: v5 (ISMS-19) was signed off by the CISO, who is not on the Board, so it does
 *   not count; v4 (ISMS-9), signed by the CEO with the signed PDF attached, still counts but lapses
 *   within weeks. The story: get the CEO to sign v5 before v4 lapses. And v4 is not quite what the
 *   CEO signed: a week after her approval the CISO removed the signed PDF and attached v4.1, so the
 *   check of spec 12 (the approval covers the current version, advisory by default) fails on it:
 *   it still counts, and the report has an observation asking someone to confirm.
 * - Management reviews: Q2 (ISMS-15, Board only) has its minutes in Confluence, the CEO among the
 *   attendees and the decisions in a comment; Q3 (ISMS-20) has no minutes, only a GitLab merge
 *   request, and only an automation's comment.
 * - Corrective actions: MFA on the VPN (ISMS-6) was approved by the CFO; the backup tape
 *   encryption (ISMS-21) carries `board-approved`, but the CISO added it herself; the shared admin
 *   accounts action (ISMS-22) was labelled by Automation for Jira, so the approval falls back to
 *   the person who raised it, the CEO.
 * - Budget (ISMS-10): closed by the security lead, approved by the CFO in the "Approved by" field
 *   (Sam named him there after the Board meeting, with no document yet); the CFO attached the signed
 *   copy four days later. The first file after an approval with none is the signed copy, not a
 *   change (spec 12.2), so the approval covers it.
 * - Workshop (ISMS-1): run by the security lead and signed off by the CEO; the newest status change
 *   is the Jira admin's workflow migration 10 days ago (it moved every ISMS issue), which names no
 *   one's decision.
 * - Roles: the CISO's duties are described (ISMS-3); the security champion's (ISMS-5) are not.
 */

/** The Board's restricted project, in the ISMS page's scope in the demo's settings (spec 11). */
export const DEMO_BOARD_PROJECT = { id: '10002', key: 'BOARD', name: 'Board of Directors' } as const;

export const DEMO_USERS = {
  admin: { accountId: 'demo-admin', displayName: 'Alex Morgan (Jira admin)', active: true, jiraAdmin: true },
  securityLead: {
    accountId: 'demo-security-lead',
    displayName: 'Sam Rivera (Security lead)',
    active: true,
    jiraAdmin: false,
  },
  // The manager cannot look up people and groups, so the app cannot check top management for them.
  manager: {
    accountId: 'demo-manager',
    displayName: 'Morgan Lee (Operations manager)',
    active: true,
    jiraAdmin: false,
    browseUsersAndGroups: false,
  },
  outsider: { accountId: 'demo-outsider', displayName: 'Olu Adeyemi (Contractor)', active: true, jiraAdmin: false },
} as const;

/** The people the evidence names besides the personas. */
export const DEMO_PEOPLE = {
  ceo: { accountId: 'demo-ceo', displayName: 'Dana Whitfield', active: true },
  cfo: { accountId: 'demo-cfo', displayName: 'Rahul Mehta', active: true },
  ciso: { accountId: 'demo-ciso', displayName: 'Priya Natarajan', active: true },
  formerDpo: { accountId: 'demo-former-dpo', displayName: 'Chris Baker', active: false },
  // The account id Automation for Jira has on every Cloud site.
  automation: {
    accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
    displayName: 'Automation for Jira',
    active: true,
    accountType: 'app',
  },
} as const satisfies Record<string, JiraUserJson>;

export const BOARD_ONLY = { id: '10100', name: 'Board only' };
export const APPROVED_ON_FIELD = 'customfield_10042';
/** "Approved by", a single-user picker. */
export const DEMO_APPROVER_FIELD = 'customfield_10060';
/** "Attendees", a multi-user picker. */
export const DEMO_ATTENDEES_FIELD = 'customfield_10061';
/** The Jira group "brightwater-board": the CEO and the CFO. */
export const DEMO_BOARD_GROUP_ID = '3d7f1c52-8a4e-4b19-9e2d-6c0a5f8b7e31';
export const DEMO_BOARD_GROUP_NAME = 'brightwater-board';

const { ceo: CEO, cfo: CFO, ciso: CISO, formerDpo: FORMER_DPO, automation: AUTOMATION } = DEMO_PEOPLE;
const SAM: JiraUserJson = { accountId: DEMO_USERS.securityLead.accountId, displayName: 'Sam Rivera', active: true };
const MORGAN: JiraUserJson = { accountId: DEMO_USERS.manager.accountId, displayName: 'Morgan Lee', active: true };
const ALEX: JiraUserJson = { accountId: DEMO_USERS.admin.accountId, displayName: 'Alex Morgan', active: true };

const CORRECTIVE = 'iso27001-corrective-action';
const APPROVED = 'board-approved';
const PDF = 'application/pdf';

/** A demo issue: Jira's issue JSON, with the changelog and remote links in the simulator's site format. */
export type DemoIssue = JiraIssueJson & { histories?: SiteChangeHistory[]; remoteLinks?: SiteRemoteLink[] };

type DemoSpec = Omit<JiraIssueSpec, 'key' | 'projectName' | 'projectId'> & {
  histories?: SiteChangeHistory[];
  remoteLinks?: SiteRemoteLink[];
  approvedBy?: JiraUserJson;
  attendees?: JiraUserJson[];
};

export function buildDemoSite(today: string) {
  const ago = (days: number) => addDaysTo(today, -days);
  const migrationDay = ago(10);
  const user = (u: JiraUserJson) => jiraUserJson(u);

  /** An issue of `project` with the approver and attendees fields filled from the spec. */
  const demoIssue = (
    project: { key: string; name: string; id: string; reporter: JiraUserJson },
    n: number,
    spec: DemoSpec,
    extraHistories: SiteChangeHistory[] = [],
  ): DemoIssue => {
    const { histories = [], remoteLinks, approvedBy, attendees, ...issueSpec } = spec;
    const issue = jiraIssue({
      key: `${project.key}-${n}`,
      projectName: project.name,
      projectId: project.id,
      reporter: project.reporter,
      ...issueSpec,
      custom: {
        ...issueSpec.custom,
        [DEMO_APPROVER_FIELD]: approvedBy ? user(approvedBy) : null,
        [DEMO_ATTENDEES_FIELD]: attendees ? attendees.map(user) : null,
      },
    });
    return { ...issue, histories: [...histories, ...extraHistories], ...(remoteLinks ? { remoteLinks } : {}) };
  };
  const ISMS = { key: 'ISMS', name: 'Information Security Management', id: '10000', reporter: SAM };
  const isms = (n: number, spec: DemoSpec): DemoIssue => {
    // Alex moved the whole project to the new workflow: every issue that existed then has the entry.
    const current = statusRef(spec.status ?? 'done', spec.statusName);
    const migrated = spec.created < migrationDay ? [migration(ALEX, migrationDay, current)] : [];
    return demoIssue(ISMS, n, spec, migrated);
  };
  const board = { security: BOARD_ONLY };
  const done = (created: string, resolved: string, doneBy: JiraUserJson, startedBy: JiraUserJson = SAM) =>
    lifecycle({ created, startedBy, startedOn: addDaysTo(created, 1), doneBy, doneOn: resolved });

  // Policy v4: Sam attached the signed PDF the day the CEO signed it, two days before she moved the issue to
  // Done; a week after her approval the CISO replaced it with v4.1, which the CEO never approved (spec 12).
  const v4Approved = ago(350);
  const policyV4 = (issue: DemoIssue): DemoIssue => {
    const signedId = nextAttachmentId(issue);
    const signed = withAttachmentAdded(issue, {
      id: signedId,
      filename: 'Information-Security-Policy-v4-signed.pdf',
      mimeType: PDF,
      size: 284_113,
      at: jiraDateTime(ago(352), 11, 5),
      by: SAM,
    });
    const removed = withAttachmentRemoved(signed, {
      id: signedId,
      at: jiraDateTime(addDaysTo(v4Approved, 7), 9, 40),
      by: CISO,
    });
    return withAttachmentAdded(removed, {
      filename: 'Information-Security-Policy-v4.1.pdf',
      mimeType: PDF,
      size: 289_770,
      at: jiraDateTime(addDaysTo(v4Approved, 7), 9, 42),
      by: CISO,
    });
  };
  // The budget: the CFO approved it at the Board meeting with no document yet (Sam recorded it in the
  // "Approved by" field and closed the issue); the CFO attached the signed copy four days later.
  const budget = (issue: DemoIssue): DemoIssue =>
    withAttachmentAdded(issue, {
      filename: 'ISMS-budget-FY-signed-R-Mehta.pdf',
      mimeType: PDF,
      size: 176_402,
      at: jiraDateTime(ago(176), 15, 20),
      by: CFO,
    });
  /** The item Jira writes when someone fills in the "Approved by" user picker. */
  const approverFieldChange = (u: JiraUserJson) => userPickerSet({ id: DEMO_APPROVER_FIELD, name: 'Approved by' }, u);

  const issues = [
    isms(1, {
      summary: 'Board security workshop: ransomware and business continuity',
      labels: ['iso27001-workshop-outcome'],
      created: ago(60),
      resolved: ago(41),
      assignee: SAM,
      description: adf('Half-day workshop with the Board on ransomware readiness and the continuity plan.'),
      comments: [
        {
          author: CEO,
          created: ago(41),
          text: 'Decision: we fund an offline backup tier this quarter, and encrypt the tapes at every depot.',
        },
      ],
      histories: done(ago(60), ago(41), CEO),
    }),
    isms(2, {
      summary: 'Executive workshop: cloud risk appetite (last year)',
      labels: ['iso27001-workshop-outcome'],
      created: ago(420),
      resolved: ago(400),
      assignee: CEO,
      histories: done(ago(420), ago(400), CEO),
    }),
    isms(3, {
      summary: 'Role: Chief Information Security Officer',
      labels: ['iso27001-role-assignment'],
      status: 'indeterminate',
      statusName: 'Active',
      created: ago(700),
      assignee: CISO,
      description: adf(
        'Owns the ISMS and reports on it to the Board every month.',
        'Chairs the security forum, approves risk treatment plans and leads incident response.',
      ),
      histories: lifecycle({ created: ago(700), startedBy: SAM, startedOn: ago(699), working: ACTIVE }),
    }),
    isms(4, {
      summary: 'Role: Data Protection Officer',
      labels: ['iso27001-role-assignment'],
      status: 'indeterminate',
      statusName: 'Active',
      created: ago(650),
      assignee: FORMER_DPO,
      description: adf('Advises on data protection law and is the contact point for the regulator.'),
      histories: lifecycle({ created: ago(650), startedBy: SAM, startedOn: ago(649), working: ACTIVE }),
    }),
    isms(5, {
      summary: 'Role: Security champion, warehouse operations',
      labels: ['iso27001-role-assignment'],
      status: 'indeterminate',
      statusName: 'Active',
      created: ago(300),
      assignee: MORGAN,
      // Created from a template and never filled in.
      description: adf(),
      histories: lifecycle({ created: ago(300), startedBy: SAM, startedOn: ago(299), working: ACTIVE }),
    }),
    isms(6, {
      summary: 'Corrective action: enforce MFA on the VPN',
      labels: [CORRECTIVE, APPROVED],
      created: ago(160),
      resolved: ago(100),
      assignee: SAM,
      histories: [
        change(CFO, ago(150), 15, [labelsChange([CORRECTIVE], [APPROVED, CORRECTIVE])]),
        ...done(ago(160), ago(100), SAM),
      ],
    }),
    isms(7, {
      summary: 'Corrective action: retire unsupported warehouse scanners',
      labels: [CORRECTIVE, APPROVED],
      status: 'indeterminate',
      created: ago(90),
      duedate: ago(5),
      assignee: MORGAN,
      histories: [
        ...lifecycle({ created: ago(90), startedBy: MORGAN, startedOn: ago(80) }),
        change(CEO, ago(85), 16, [labelsChange([CORRECTIVE], [APPROVED, CORRECTIVE])]),
      ],
    }),
    isms(8, {
      summary: 'Corrective action: supplier access review backlog',
      labels: [CORRECTIVE],
      status: 'new',
      created: ago(20),
      duedate: addDaysTo(today, 40),
    }),
    policyV4(
      isms(9, {
        summary: 'CEO signs Information Security Policy v4',
        labels: ['iso27001-policy-approval'],
        created: ago(360),
        resolved: ago(350),
        assignee: CEO,
        custom: { [APPROVED_ON_FIELD]: ago(352) },
        histories: done(ago(360), ago(350), CEO),
      }),
    ),
    budget(
      isms(10, {
        summary: 'FY budget: ISMS tooling and two security engineers',
        labels: ['iso27001-budget-approval'],
        created: ago(200),
        resolved: ago(180),
        assignee: CFO,
        // Sam closed it after the Board meeting; the CFO's approval is recorded in the field.
        approvedBy: CFO,
        histories: [change(SAM, ago(180), 10, [approverFieldChange(CFO)]), ...done(ago(200), ago(180), SAM)],
        ...board,
      }),
    ),
    isms(11, {
      summary: 'CEO all-hands message: why security matters to our customers',
      labels: ['iso27001-leadership-communication'],
      created: ago(210),
      resolved: ago(200),
      assignee: CEO,
      histories: done(ago(210), ago(200), CEO),
    }),
    isms(12, {
      summary: 'Department security targets: warehouse operations',
      labels: ['iso27001-department-targets'],
      created: ago(520),
      resolved: ago(500),
      assignee: MORGAN,
      histories: done(ago(520), ago(500), MORGAN, MORGAN),
    }),
    isms(13, {
      summary: 'Executive team completes phishing and incident drill',
      labels: ['iso27001-executive-training'],
      created: ago(80),
      resolved: ago(60),
      assignee: SAM,
      attendees: [CEO, CFO, CISO],
      histories: done(ago(80), ago(60), SAM),
    }),
    isms(14, {
      summary: 'Executive security training: new board members',
      labels: ['iso27001-executive-training'],
      status: 'indeterminate',
      created: ago(15),
      assignee: SAM,
      histories: lifecycle({ created: ago(15), startedBy: SAM, startedOn: ago(14) }),
    }),
    isms(15, {
      summary: 'Management review Q2: ISMS KPIs and audit findings',
      labels: ['iso27001-management-review'],
      created: ago(140),
      resolved: ago(130),
      assignee: CEO,
      attendees: [CEO, CFO, CISO, SAM],
      comments: [
        {
          author: CEO,
          created: ago(130),
          text: 'Decisions: retire the unsupported scanners by year end; the CISO reports MFA coverage monthly.',
        },
      ],
      remoteLinks: [confluencePage(2_240_513, 'Management review Q2: minutes')],
      histories: done(ago(140), ago(130), CEO),
      ...board,
    }),
    isms(16, {
      summary: 'Management review Q4 (previous year)',
      labels: ['iso27001-management-review'],
      created: ago(410),
      resolved: ago(400),
      assignee: CEO,
      attendees: [CEO, CFO, SAM],
      attachments: [
        { filename: 'Management-review-Q4-minutes.pdf', mimeType: PDF, size: 131_902, created: ago(400), author: SAM },
      ],
      histories: done(ago(410), ago(400), CEO),
      ...board,
    }),
    isms(17, {
      summary: 'Rotate TLS certificates on the customer portal',
      labels: ['ops'],
      status: 'indeterminate',
      created: ago(10),
      assignee: SAM,
      histories: lifecycle({ created: ago(10), startedBy: SAM, startedOn: ago(9) }),
    }),
    isms(18, {
      summary: 'Draft security objectives for the logistics strategy',
      labels: ['strategy'],
      status: 'new',
      created: ago(25),
      assignee: SAM,
    }),
    isms(19, {
      summary: 'Information Security Policy v5: cloud and remote work',
      labels: ['iso27001-policy-approval'],
      created: ago(45),
      resolved: ago(30),
      assignee: CISO,
      description: adf('Adds the cloud services and remote work sections; replaces v4 once approved.'),
      attachments: [
        {
          filename: 'Information-Security-Policy-v5.pdf',
          mimeType: PDF,
          size: 301_554,
          created: ago(31),
          author: CISO,
        },
      ],
      // The CISO signed it off herself.
      histories: done(ago(45), ago(30), CISO, CISO),
    }),
    isms(20, {
      summary: 'Management review Q3: supplier risk and incident trends',
      labels: ['iso27001-management-review'],
      created: ago(50),
      resolved: ago(38),
      assignee: SAM,
      attendees: [CEO, CISO, SAM],
      comments: [
        { author: AUTOMATION, created: ago(39), text: 'Reminder: attach the minutes before you close the review.' },
      ],
      // No minutes: the only link is the merge request for the KPI dashboard shown in the meeting.
      remoteLinks: [gitlabMergeRequest('isms-dashboards', 42, 'KPI dashboard for the Q3 management review')],
      histories: done(ago(50), ago(38), SAM),
    }),
    isms(21, {
      summary: 'Corrective action: encrypt backup tapes at the Rotterdam depot',
      labels: [CORRECTIVE, APPROVED],
      created: ago(38),
      resolved: ago(12),
      assignee: SAM,
      description: adf('Follow-up of the ransomware workshop.'),
      // The CISO labelled it board-approved herself; the Board never saw it.
      histories: [
        change(CISO, ago(35), 9, [labelsChange([CORRECTIVE], [APPROVED, CORRECTIVE])]),
        ...done(ago(38), ago(12), SAM),
      ],
    }),
    isms(22, {
      summary: 'Corrective action: remove shared admin accounts from the warehouse system',
      labels: [CORRECTIVE, APPROVED],
      created: ago(38),
      resolved: ago(20),
      assignee: MORGAN,
      // Raised by the CEO at the Q3 review; an automation rule labels what the CEO raises.
      reporter: CEO,
      histories: [
        change(AUTOMATION, ago(38), 10, [labelsChange([CORRECTIVE], [APPROVED, CORRECTIVE])]),
        ...done(ago(38), ago(20), MORGAN, MORGAN),
      ],
    }),
  ];
  const byKey = (key: string) => {
    const found = issues.find((i) => i.key === key);
    if (!found) throw new Error(`demo: no issue ${key}`);
    return found;
  };
  linkIssues(byKey('ISMS-1'), CAUSES, byKey('ISMS-21'), '20100');
  linkIssues(byKey('ISMS-15'), RELATES, byKey('ISMS-7'), '20101');

  // The Board's own project, restricted to the Board, the security lead and the Jira admin: its older
  // minutes and approvals are evidence of the ISMS page, in its scope (spec 11).
  const boardIssue = (n: number, spec: DemoSpec): DemoIssue =>
    demoIssue({ ...DEMO_BOARD_PROJECT, reporter: CEO }, n, spec);
  const boardProject: DemoIssue[] = [
    boardIssue(1, {
      summary: 'Board minutes: management review Q1 (previous year)',
      labels: ['iso27001-management-review'],
      created: ago(500),
      resolved: ago(480),
      assignee: CEO,
      attendees: [CEO, CFO],
      attachments: [
        { filename: 'Board-minutes-review-Q1.pdf', mimeType: PDF, size: 98_304, created: ago(480), author: CEO },
      ],
      histories: done(ago(500), ago(480), CEO, CEO),
    }),
    boardIssue(2, {
      summary: 'Board approves the ISMS budget (previous year)',
      labels: ['iso27001-budget-approval'],
      created: ago(470),
      resolved: ago(450),
      assignee: CFO,
      approvedBy: CEO,
      histories: done(ago(470), ago(450), CEO, CFO),
    }),
  ];

  const itops: DemoIssue[] = [
    jiraIssue({
      key: 'ITOPS-1',
      summary: 'Replace office Wi-Fi access points',
      labels: ['network'],
      status: 'indeterminate',
      created: ago(30),
      projectName: 'IT Operations',
      projectId: '10001',
      reporter: MORGAN,
    }),
    jiraIssue({
      key: 'ITOPS-2',
      summary: 'Laptop refresh for the finance team',
      status: 'new',
      created: ago(12),
      projectName: 'IT Operations',
      projectId: '10001',
      reporter: CFO,
    }),
  ];

  const person = (u: JiraUserJson) => ({ ...u, jiraAdmin: false });
  const everyone = [...Object.values(DEMO_USERS).map((u) => u.accountId), CEO.accountId, CFO.accountId, CISO.accountId];
  return {
    users: [
      ...Object.values(DEMO_USERS).map((u) => ({ ...u })),
      person(CEO),
      person(CFO),
      person(CISO),
      person(FORMER_DPO),
      person(AUTOMATION),
    ],
    groups: [
      { groupId: DEMO_BOARD_GROUP_ID, name: DEMO_BOARD_GROUP_NAME, members: [CEO.accountId, CFO.accountId] },
      {
        groupId: '8b2e6f40-3c1d-4a7e-b5f9-0d4c2a1e6b73',
        name: 'brightwater-security',
        members: [CISO.accountId, DEMO_USERS.securityLead.accountId],
      },
      { groupId: 'c41a9e27-5d3b-4f68-8e1c-7a2b9d0f4e56', name: 'jira-admins', members: [DEMO_USERS.admin.accountId] },
      { groupId: 'f06d3b18-7e2a-4c95-a1d4-3b8e5c9f2a07', name: 'jira-software-users', members: everyone },
    ],
    projects: [
      {
        id: '10000',
        key: 'ISMS',
        name: 'Information Security Management',
        browsers: [
          DEMO_USERS.admin.accountId,
          DEMO_USERS.securityLead.accountId,
          DEMO_USERS.manager.accountId,
          CEO.accountId,
          CFO.accountId,
          CISO.accountId,
        ],
        projectAdmins: [DEMO_USERS.securityLead.accountId],
      },
      { id: '10001', key: 'ITOPS', name: 'IT Operations', browsers: '*' as const, projectAdmins: [] },
      {
        ...DEMO_BOARD_PROJECT,
        browsers: [DEMO_USERS.admin.accountId, DEMO_USERS.securityLead.accountId, CEO.accountId, CFO.accountId],
        projectAdmins: [],
      },
    ],
    securityLevels: [
      {
        ...BOARD_ONLY,
        members: [DEMO_USERS.admin.accountId, DEMO_USERS.securityLead.accountId, CEO.accountId, CFO.accountId],
      },
    ],
    fields: [
      {
        id: APPROVED_ON_FIELD,
        name: 'Approved on',
        custom: true,
        schema: {
          type: 'date',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker',
          customId: 10042,
        },
      },
      {
        id: DEMO_APPROVER_FIELD,
        name: 'Approved by',
        custom: true,
        schema: {
          type: 'user',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:userpicker',
          customId: 10060,
        },
      },
      {
        id: DEMO_ATTENDEES_FIELD,
        name: 'Attendees',
        custom: true,
        schema: {
          type: 'array',
          items: 'user',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multiuserpicker',
          customId: 10061,
        },
      },
    ],
    issues: [...issues, ...boardProject, ...itops],
  };
}
