/**
 * The two reports the screens open with: the project page's (spec 5, 6) and the issue panel's
 * (spec 7), each graded once and completed with what to fix.
 */
import { listed } from '../core/words';
import type { InvokeContract, ProjectReport } from '../contract/invoke';
import type { JiraClient } from '../jira/client';
import type { Caller } from './caller';
import { issueFixes, projectFixes } from './fix';
import { gradeIssue, gradeProject, settingsNotice } from './grading';
import { hiddenProjectsNote } from './scope';

/** `fullRead` (the Reload button) asks for every issue instead of what changed. */
export async function projectReport(
  caller: Caller,
  jira: JiraClient,
  now: Date,
  { fullRead }: { fullRead?: boolean },
): Promise<ProjectReport> {
  // The permission is asked once the project is confirmed: under a 429 storm a view still sends one request.
  const graded = await gradeProject(caller, jira, now, { fullRead: fullRead ?? false, permission: true });
  const permission = graded.permission ?? { canCreate: false };
  const visible = graded.projects.filter((p) => p.visible).map((p) => p.key);
  const report: ProjectReport = {
    ...graded.report,
    ...graded.timeline,
    projects: graded.projects,
    fixes: await projectFixes(jira, graded, permission),
    projectName: graded.project.name,
    scope: {
      accountId: caller.accountId,
      note: [
        `Computed from the issues in ${listed(visible)} that you can see. Issues restricted from you are not counted.`,
        hiddenProjectsNote(graded.projects),
      ]
        .filter(Boolean)
        .join(' '),
    },
    generatedAt: now.toISOString(),
    read: graded.read,
    ...settingsNotice(graded.stored),
  };
  if (graded.incompleteReason !== undefined) report.incompleteReason = graded.incompleteReason;
  if (graded.notChecked.length > 0) report.notChecked = graded.notChecked;
  return report;
}

export async function issueReport(
  caller: Caller,
  jira: JiraClient,
  now: Date,
): Promise<InvokeContract['report/issue']['result']> {
  const graded = await gradeIssue(caller, jira, now);
  const fixes = await issueFixes(jira, graded);
  return {
    ...graded.explanation,
    summary: graded.issue.summary,
    projectKey: graded.projectKey,
    ...settingsNotice(graded.stored),
    ...(graded.notChecked.length > 0 ? { notChecked: graded.notChecked } : {}),
    ...(fixes ? { fixes } : {}),
  };
}
