import { addDaysTo } from '../../src/core/dates';
import { jiraIssue, type JiraIssueSpec, type JiraUserJson } from './jira-issue';

/**
 * Brightwater Logistics, a fictional company whose ISMS project holds a realistic mix of Clause
 * 5.1 evidence: met, stale, missing, partial, expiring soon, and Board-only issues that a manager
 * cannot see. Dates are relative to `today`, so the demo tells the same story on any day.
 */

export const DEMO_USERS = {
  admin: { accountId: 'demo-admin', displayName: 'Alex Morgan (Jira admin)', active: true, jiraAdmin: true },
  securityLead: {
    accountId: 'demo-security-lead',
    displayName: 'Sam Rivera (Security lead)',
    active: true,
    jiraAdmin: false,
  },
  manager: {
    accountId: 'demo-manager',
    displayName: 'Morgan Lee (Operations manager)',
    active: true,
    jiraAdmin: false,
  },
  outsider: { accountId: 'demo-outsider', displayName: 'Olu Adeyemi (Contractor)', active: true, jiraAdmin: false },
} as const;

const CEO: JiraUserJson = { accountId: 'demo-ceo', displayName: 'Dana Whitfield', active: true };
const CFO: JiraUserJson = { accountId: 'demo-cfo', displayName: 'Priya Natarajan', active: true };
const FORMER_DPO: JiraUserJson = { accountId: 'demo-former-dpo', displayName: 'Chris Baker', active: false };
const SAM: JiraUserJson = { accountId: DEMO_USERS.securityLead.accountId, displayName: 'Sam Rivera', active: true };
const MORGAN: JiraUserJson = { accountId: DEMO_USERS.manager.accountId, displayName: 'Morgan Lee', active: true };

export const BOARD_ONLY = { id: '10100', name: 'Board only' };
export const APPROVED_ON_FIELD = 'customfield_10042';

export function buildDemoSite(today: string) {
  const ago = (days: number) => addDaysTo(today, -days);
  const isms = (n: number, spec: Omit<JiraIssueSpec, 'key' | 'projectName' | 'projectId'>) =>
    jiraIssue({ key: `ISMS-${n}`, projectName: 'Information Security Management', projectId: '10000', ...spec });
  const board = { security: BOARD_ONLY };

  const issues = [
    isms(1, {
      summary: 'Board security workshop: ransomware and business continuity',
      labels: ['iso27001-workshop-outcome'],
      created: ago(60),
      resolved: ago(41),
      assignee: CEO,
    }),
    isms(2, {
      summary: 'Executive workshop: cloud risk appetite (last year)',
      labels: ['iso27001-workshop-outcome'],
      created: ago(420),
      resolved: ago(400),
      assignee: CEO,
    }),
    isms(3, {
      summary: 'Role: Chief Information Security Officer',
      labels: ['iso27001-role-assignment'],
      status: 'indeterminate',
      statusName: 'Active',
      created: ago(700),
      assignee: SAM,
    }),
    isms(4, {
      summary: 'Role: Data Protection Officer',
      labels: ['iso27001-role-assignment'],
      status: 'indeterminate',
      statusName: 'Active',
      created: ago(650),
      assignee: FORMER_DPO,
    }),
    isms(5, {
      summary: 'Role: Security champion, warehouse operations',
      labels: ['iso27001-role-assignment'],
      status: 'indeterminate',
      statusName: 'Active',
      created: ago(300),
      assignee: MORGAN,
    }),
    isms(6, {
      summary: 'Corrective action: enforce MFA on the VPN',
      labels: ['iso27001-corrective-action', 'board-approved'],
      created: ago(160),
      resolved: ago(100),
      assignee: SAM,
    }),
    isms(7, {
      summary: 'Corrective action: retire unsupported warehouse scanners',
      labels: ['iso27001-corrective-action', 'board-approved'],
      status: 'indeterminate',
      created: ago(90),
      duedate: ago(5),
      assignee: MORGAN,
    }),
    isms(8, {
      summary: 'Corrective action: supplier access review backlog',
      labels: ['iso27001-corrective-action'],
      status: 'new',
      created: ago(20),
      duedate: addDaysTo(today, 40),
    }),
    isms(9, {
      summary: 'CEO signs Information Security Policy v4',
      labels: ['iso27001-policy-approval'],
      created: ago(360),
      resolved: ago(350),
      assignee: CEO,
      custom: { [APPROVED_ON_FIELD]: ago(352) },
    }),
    isms(10, {
      summary: 'FY budget: ISMS tooling and two security engineers',
      labels: ['iso27001-budget-approval'],
      created: ago(200),
      resolved: ago(180),
      assignee: CFO,
      ...board,
    }),
    isms(11, {
      summary: 'CEO all-hands message: why security matters to our customers',
      labels: ['iso27001-leadership-communication'],
      created: ago(210),
      resolved: ago(200),
      assignee: CEO,
    }),
    isms(12, {
      summary: 'Department security targets: warehouse operations',
      labels: ['iso27001-department-targets'],
      created: ago(520),
      resolved: ago(500),
      assignee: MORGAN,
    }),
    isms(13, {
      summary: 'Executive team completes phishing and incident drill',
      labels: ['iso27001-executive-training'],
      created: ago(80),
      resolved: ago(60),
      assignee: SAM,
    }),
    isms(14, {
      summary: 'Executive security training: new board members',
      labels: ['iso27001-executive-training'],
      status: 'indeterminate',
      created: ago(15),
      assignee: SAM,
    }),
    isms(15, {
      summary: 'Management review Q2: ISMS KPIs and audit findings',
      labels: ['iso27001-management-review'],
      created: ago(140),
      resolved: ago(130),
      assignee: CEO,
      ...board,
    }),
    isms(16, {
      summary: 'Management review Q4 (previous year)',
      labels: ['iso27001-management-review'],
      created: ago(410),
      resolved: ago(400),
      assignee: CEO,
      ...board,
    }),
    isms(17, {
      summary: 'Rotate TLS certificates on the customer portal',
      labels: ['ops'],
      status: 'indeterminate',
      created: ago(10),
      assignee: SAM,
    }),
    isms(18, {
      summary: 'Draft security objectives for the logistics strategy',
      labels: ['strategy'],
      status: 'new',
      created: ago(25),
      assignee: SAM,
    }),
  ];
  const itops = [
    jiraIssue({
      key: 'ITOPS-1',
      summary: 'Replace office Wi-Fi access points',
      labels: ['network'],
      status: 'indeterminate',
      created: ago(30),
      projectName: 'IT Operations',
      projectId: '10001',
    }),
    jiraIssue({
      key: 'ITOPS-2',
      summary: 'Laptop refresh for the finance team',
      status: 'new',
      created: ago(12),
      projectName: 'IT Operations',
      projectId: '10001',
    }),
  ];

  return {
    users: [
      ...Object.values(DEMO_USERS).map((u) => ({ ...u })),
      { ...CEO, jiraAdmin: false },
      { ...CFO, jiraAdmin: false },
      { ...FORMER_DPO, jiraAdmin: false },
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
        ],
        projectAdmins: [DEMO_USERS.securityLead.accountId],
      },
      { id: '10001', key: 'ITOPS', name: 'IT Operations', browsers: '*' as const, projectAdmins: [] },
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
    ],
    issues: [...issues, ...itops],
  };
}
