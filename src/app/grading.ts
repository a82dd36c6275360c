/**
 * Grading as the caller sees Jira: the project report, and one issue's explanation. Shared by the
 * report handlers and the fix handlers, which recompute what they act on rather than trusting the
 * browser's copy.
 */
import { dayOf } from '../core/dates';
import { explainIssue } from '../core/explain';
import { buildReport } from '../core/report';
import type { TopManagement } from '../core/substance-types';
import { buildTimeline } from '../core/timeline';
import type { CoverageReport, CoverageTimeline, Day, EvidenceIssue, IssueExplanation } from '../core/types';
import { readIssue, type ProjectRef } from '../jira/access';
import type { JiraClient } from '../jira/client';
import type { CreatePermission } from '../jira/create-issue';
import { IssueDataError, fieldsToRead, projectKeyOf, toEvidenceIssue } from '../jira/transform';
import { loadConfig, type StoredConfig } from '../storage/config-store';
import type { ReportRead, ScopeProject } from '../contract/invoke';
import { AppError } from '../errors';
import { claimedKey, type Caller } from './caller';
import { readPageEvidence } from './evidence-read';
import { readSubstance } from './substance';

/** Said to everyone grading while the stored settings cannot be used; admins get the details on config/get. */
export const SETTINGS_NOTICE =
  "The saved Clause 5.1 settings cannot be read, so this is graded with the default settings until a Jira admin saves or resets them on the app's settings page.";

export const settingsNotice = (stored: StoredConfig): { settingsNotice?: string } =>
  stored.problem ? { settingsNotice: SETTINGS_NOTICE } : {};

export interface GradedProject {
  project: ProjectRef;
  /** The page's scope (spec 11): its own project first, then the others as the viewer sees them. */
  projects: ScopeProject[];
  stored: StoredConfig;
  asOf: Day;
  /** Every evidence issue read, done or not, with its substance. */
  issues: EvidenceIssue[];
  top: TopManagement;
  report: CoverageReport;
  timeline: CoverageTimeline;
  incompleteReason?: string;
  notChecked: string[];
  /** Whether the viewer may create issues in the project, when asked for (`permission`). */
  permission?: CreatePermission;
  /** When and how the issues were read (issue 13). */
  read: ReportRead;
}

export interface GradeOptions {
  /** The user's Reload: every issue from Jira. */
  fullRead?: boolean;
  /** Ask whether the viewer may create issues in the project (the project page's "Create issue"). */
  permission?: boolean;
}

/** The page's project graded as the caller sees it (spec 6, 8 and 9). */
export async function gradeProject(
  caller: Caller,
  jira: JiraClient,
  now: Date,
  options: GradeOptions = {},
): Promise<GradedProject> {
  return gradeProjectKey(claimedKey(caller, 'project'), caller.accountId, jira, now, options);
}

/**
 * A project graded with its scope (spec 11), as the caller sees Jira. The key comes from the
 * browser (the page's context, a gadget's configuration): confirming it as the user is what
 * proves it exists and that they may see it.
 */
export async function gradeProjectKey(
  key: string,
  accountId: string,
  jira: JiraClient,
  now: Date,
  options: GradeOptions = {},
): Promise<GradedProject> {
  const asOf = dayOf(now);
  const evidence = await readPageEvidence(jira, key, now, asOf, {
    accountId,
    fullRead: options.fullRead ?? false,
    permission: options.permission ?? false,
  });
  const { project, stored, issues, top, complete } = evidence;
  const { config } = stored;
  const graded: GradedProject = {
    project,
    projects: evidence.projects,
    stored,
    asOf,
    issues,
    top,
    report: buildReport(project.key, issues, config, asOf, { complete, top }),
    timeline: buildTimeline(issues, config, asOf, top),
    notChecked: evidence.notChecked,
    read: evidence.read,
  };
  if (evidence.permission) graded.permission = evidence.permission;
  if (evidence.incompleteReason !== undefined) graded.incompleteReason = evidence.incompleteReason;
  return graded;
}

export interface GradedIssue {
  stored: StoredConfig;
  asOf: Day;
  issue: EvidenceIssue;
  projectKey: string;
  explanation: IssueExplanation;
  notChecked: string[];
}

/** The panel's issue graded as the caller sees it (spec 7 and 8). */
export async function gradeIssue(caller: Caller, jira: JiraClient, now: Date): Promise<GradedIssue> {
  const stored = await loadConfig(jira.budget);
  const { config } = stored;
  const raw = await readIssue(jira, claimedKey(caller, 'issue'), fieldsToRead(config));
  let issue: EvidenceIssue;
  try {
    issue = toEvidenceIssue(raw, config);
  } catch (error) {
    if (error instanceof IssueDataError)
      throw new AppError('JIRA_UNAVAILABLE', `Jira sent data the app cannot read: ${error.message}.`);
    throw error;
  }
  const asOf = dayOf(now);
  const substance = await readSubstance(jira, [issue], config, asOf);
  const explained = substance.issues[0] ?? issue;
  return {
    stored,
    asOf,
    issue,
    projectKey: projectKeyOf(raw) ?? '',
    explanation: explainIssue(explained, config, asOf, substance.top),
    notChecked: substance.notChecked,
  };
}
