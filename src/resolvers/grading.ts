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
import { confirmProject, readIssue, type ProjectRef } from '../jira/access';
import type { JiraClient } from '../jira/client';
import { evidenceCondition } from '../jira/jql';
import { searchAll } from '../jira/search';
import { IssueDataError, fieldsToRead, projectKeyOf, toEvidenceIssue, type FieldSettings } from '../jira/transform';
import { loadConfig, type StoredConfig } from '../storage/config-store';
import type { ScopeProject } from '../contract/invoke';
import { AppError } from './app-error';
import { claimedKey, type Caller } from './caller';
import { confirmScope } from './scope';
import { readSubstance } from './substance';

/** Said to everyone grading while the stored settings cannot be used; admins get the details on config/get. */
export const SETTINGS_NOTICE =
  "The saved Clause 5.1 settings cannot be read, so this is graded with the default settings until a Jira admin saves or resets them on the app's settings page.";

export const settingsNotice = (stored: StoredConfig): { settingsNotice?: string } =>
  stored.problem ? { settingsNotice: SETTINGS_NOTICE } : {};

function enabledLabels(config: StoredConfig['config']): string[] {
  return Object.values(config.categories).flatMap((c) => (c.enabled ? c.labels : []));
}

/** Converts search pages; issues whose data the engine cannot read are left out and listed. */
function converter(settings: FieldSettings) {
  const unreadable: string[] = [];
  const convert = (page: unknown[]): EvidenceIssue[] =>
    page.flatMap((raw) => {
      try {
        return [toEvidenceIssue(raw, settings)];
      } catch (error) {
        if (!(error instanceof IssueDataError)) throw error;
        unreadable.push(error.issue);
        return [];
      }
    });
  return { convert, unreadable };
}

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
}

/** The page's project graded as the caller sees it (spec 6, 8 and 9). */
export async function gradeProject(caller: Caller, jira: JiraClient, now: Date): Promise<GradedProject> {
  return gradeProjectKey(claimedKey(caller, 'project'), jira, now);
}

/**
 * A project graded with its scope (spec 11), as the caller sees Jira. The key comes from the
 * browser (the page's context, a gadget's configuration): confirming it as the user is what
 * proves it exists and that they may see it.
 */
export async function gradeProjectKey(key: string, jira: JiraClient, now: Date): Promise<GradedProject> {
  // Independent reads, so neither waits for the other. Both are settled before going on, so no
  // read is left running after a failure; the project's failure (NOT_FOUND) is reported first.
  const [projectRead, configRead] = await Promise.allSettled([confirmProject(jira, key), loadConfig()]);
  if (projectRead.status === 'rejected') throw projectRead.reason;
  if (configRead.status === 'rejected') throw configRead.reason;
  const project = projectRead.value;
  const stored = configRead.value;
  const { config } = stored;
  const projects = await confirmScope(jira, project, config);
  const visible = projects.filter((p) => p.visible).map((p) => p.key);
  const { convert, unreadable } = converter(config);
  const search = await searchAll(
    jira,
    evidenceCondition(visible, enabledLabels(config)),
    fieldsToRead(config),
    convert,
  );
  const asOf = dayOf(now);
  const { issues, top, notChecked } = await readSubstance(jira, search.issues, config, asOf);
  const reasons = [
    search.incompleteReason,
    unreadable.length > 0
      ? `${unreadable.length} issues have data the app cannot read (${unreadable.slice(0, 5).join(', ')}).`
      : undefined,
  ].filter(Boolean);
  const complete = search.complete && unreadable.length === 0;
  const graded: GradedProject = {
    project,
    projects,
    stored,
    asOf,
    issues,
    top,
    report: buildReport(project.key, issues, config, asOf, { complete, top }),
    timeline: buildTimeline(issues, config, asOf, top),
    notChecked,
  };
  if (!complete) graded.incompleteReason = reasons.join(' ');
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
  const stored = await loadConfig();
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
