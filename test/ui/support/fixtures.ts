/**
 * Report fixtures built with the real engine, so the screens are tested against what the
 * resolvers really send: the demo company's ISMS project, and issues from the test builders.
 */
import type { ConfigState, IssueReport, ProjectReport } from '../../../src/contract/invoke';
import { defaultConfig } from '../../../src/core/config';
import { explainIssue } from '../../../src/core/explain';
import { buildReport } from '../../../src/core/report';
import { buildTimeline } from '../../../src/core/timeline';
import { NOBODY_NAMED, type JiraUser, type TopManagement } from '../../../src/core/substance-types';
import type { CoverageConfig, EvidenceIssue } from '../../../src/core/types';
import { toEvidenceIssue } from '../../../src/jira/transform';
import { buildDemoSite } from '../../../dev/demo/demo-site';

export const AS_OF = '2026-11-28';

export function projectReport(
  issues: EvidenceIssue[],
  config: CoverageConfig = defaultConfig(),
  extra: Partial<ProjectReport> = {},
  top: TopManagement = NOBODY_NAMED,
): ProjectReport {
  return {
    ...buildReport('ISMS', issues, config, AS_OF, { top }),
    ...buildTimeline(issues, config, AS_OF, top),
    fixes: { canCreate: true, open: {} },
    projects: [{ key: 'ISMS', name: 'Information Security Management', visible: true }],
    projectName: 'Information Security Management',
    scope: {
      accountId: 'demo-security-lead',
      note: 'Computed from the issues in ISMS that you can see. Issues restricted from you are not counted.',
    },
    generatedAt: `${AS_OF}T09:00:00.000Z`,
    read: { kind: 'full', at: `${AS_OF}T09:00:00.000Z`, fullAt: `${AS_OF}T09:00:00.000Z` },
    ...extra,
  };
}

/** The demo company's ISMS issues as the engine reads them (met, stale, partial, missing...). */
export function demoIssues(): EvidenceIssue[] {
  return buildDemoSite(AS_OF)
    .issues.filter((raw) => typeof raw.key === 'string' && raw.key.startsWith('ISMS-'))
    .map((raw) => toEvidenceIssue(raw));
}

export const demoReport = (extra: Partial<ProjectReport> = {}): ProjectReport =>
  projectReport(demoIssues(), defaultConfig(), extra);

export function issueReport(
  issue: EvidenceIssue,
  config: CoverageConfig = defaultConfig(),
  top: TopManagement = NOBODY_NAMED,
): IssueReport {
  return { ...explainIssue(issue, config, AS_OF, top), summary: issue.summary, projectKey: 'ISMS' };
}

/** People of the fixtures: Dana is the CEO, the others are not top management. */
export const people = {
  dana: { accountId: 'acc-dana', displayName: 'Dana Whitfield', isApp: false },
  priya: { accountId: 'acc-priya', displayName: 'Priya Natarajan', isApp: false },
  rahul: { accountId: 'acc-rahul', displayName: 'Rahul Mehta', isApp: false },
} satisfies Record<string, JiraUser>;

/** Top management named on the settings page: Dana, by account id. */
export const danaIsTopManagement: TopManagement = {
  accountIds: [people.dana.accountId],
  groupsNamed: false,
  inNamedGroup: {},
};

export function configState(overrides: Partial<ConfigState> = {}): ConfigState {
  return {
    config: defaultConfig(),
    version: 3,
    updatedBy: { accountId: 'demo-admin', displayName: 'Alex Morgan' },
    updatedAt: '2026-11-20T14:03:00.000Z',
    canEdit: true,
    ...overrides,
  };
}
