/**
 * Spec section 10: creating the Jira issue that fixes a finding, an upcoming lapse or a lapsing
 * issue. What to create is recomputed here from Jira, as the caller, never taken from the browser;
 * the create runs as the caller too, after Jira's own permission check and ours.
 */
import { categoryDefinition } from '../core/categories';
import {
  fixForFinding,
  fixForIssue,
  fixForUpcoming,
  isRenewable,
  openFixIssues,
  type FixDraft,
} from '../core/fix-plan';
import type { CategoryId, CoverageConfig } from '../core/types';
import type { FixAvailability, FixCreated, FixPlan, FixPreview, FixRequest, IssueRef } from '../contract/invoke';
import { confirmProject, type ProjectRef } from '../jira/access';
import type { JiraClient } from '../jira/client';
import { canCreateIssues, createIssue, creatableIssueTypes, type CreatePermission } from '../jira/create-issue';
import { findOpenIssue, stillOpen } from '../jira/open-issues';
import {
  claimFix,
  claimInProgress,
  isUnderWay,
  readClaim,
  recordFix,
  releaseClaim,
  type FixClaim,
} from '../storage/fix-claims';
import { AppError } from './app-error';
import type { Caller } from './caller';
import { gradeIssue, gradeProject, type GradedIssue, type GradedProject } from './grading';

interface FixTarget {
  project: ProjectRef;
  config: CoverageConfig;
  draft: FixDraft;
}

const nothingToFix = (what: string) =>
  new AppError(
    'NOT_FOUND',
    `${what}: there is nothing to fix for it any more. Reload the page to see where things stand.`,
  );

/** What the action would create, recomputed from Jira for the caller. */
async function fixTarget(caller: Caller, jira: JiraClient, now: Date, request: FixRequest): Promise<FixTarget> {
  const name = categoryDefinition(request.categoryId).name;
  if (request.origin === 'panel') {
    const graded = await gradeIssue(caller, jira, now);
    const config = graded.stored.config;
    const category = renewableOf(graded).includes(request.categoryId)
      ? graded.explanation.categories.find((c) => c.id === request.categoryId)
      : undefined;
    const draft = category && fixForIssue(graded.issue.key, category, config, graded.asOf);
    if (!draft) throw nothingToFix(`${graded.issue.key} as ${name}`);
    return { project: await confirmProject(jira, graded.projectKey), config, draft };
  }
  const graded = await gradeProject(caller, jira, now);
  const config = graded.stored.config;
  const draft =
    request.origin === 'finding'
      ? fixForFinding(graded.report, request.categoryId, config)
      : fixForUpcoming(graded.asOf, graded.timeline, request.categoryId, config);
  if (!draft) throw nothingToFix(name);
  return { project: graded.project, config, draft };
}

/** The admin's issue type, else the standard type named Task, else the first standard type (spec 10). */
async function issueTypeFor(jira: JiraClient, project: ProjectRef, config: CoverageConfig) {
  const standard = (await creatableIssueTypes(jira, project.key)).filter((t) => !t.subtask);
  const wanted = config.fixIssueType;
  const byName = (name: string) => standard.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const chosen = wanted ? byName(wanted) : (byName('Task') ?? standard[0]);
  if (chosen) return { id: chosen.id, name: chosen.name };
  const message = wanted
    ? `${project.name} (${project.key}) has no issue type "${wanted}" you can create, which the app's settings name for new issues: a Jira admin chooses another on the app's settings page.`
    : `Jira lets you create no standard issue type in ${project.name} (${project.key}).`;
  throw new AppError('INVALID_INPUT', message, { fields: [{ field: 'issuetype', message }] });
}

async function requireCreate(jira: JiraClient, project: ProjectRef): Promise<void> {
  if (!(await canCreateIssues(jira, project.key)))
    throw new AppError('FORBIDDEN', `Jira does not let you create issues in ${project.name} (${project.key}).`);
}

/** An open issue that already is the fix: the one created here before, or any open one with the labels. */
async function existingFix(
  jira: JiraClient,
  project: ProjectRef,
  config: CoverageConfig,
  id: CategoryId,
  claim: FixClaim | undefined,
): Promise<IssueRef | undefined> {
  const claimed = claim?.issueKey ? await stillOpen(jira, claim.issueKey) : undefined;
  return claimed ?? (await findOpenIssue(jira, project.key, config.categories[id].labels));
}

async function planOf(jira: JiraClient, target: FixTarget): Promise<FixPlan> {
  return {
    projectKey: target.project.key,
    projectName: target.project.name,
    issueType: await issueTypeFor(jira, target.project, target.config),
    ...target.draft,
  };
}

export async function fixPreview(
  caller: Caller,
  jira: JiraClient,
  now: Date,
  request: FixRequest,
): Promise<FixPreview> {
  const target = await fixTarget(caller, jira, now, request);
  const claim = await readClaim(target.project.key, request.categoryId);
  const existing = await existingFix(jira, target.project, target.config, request.categoryId, claim);
  if (existing) return { kind: 'existing', issue: existing };
  await requireCreate(jira, target.project);
  return { kind: 'create', plan: await planOf(jira, target) };
}

export async function createFix(caller: Caller, jira: JiraClient, now: Date, request: FixRequest): Promise<FixCreated> {
  const target = await fixTarget(caller, jira, now, request);
  const { project } = target;
  const id = request.categoryId;
  // One read of the claim serves both questions: is there an issue already, and is one under way.
  const claim = await readClaim(project.key, id);
  const existing = await existingFix(jira, project, target.config, id, claim);
  if (existing) return { issue: existing, created: false };
  if (claim && isUnderWay(claim, now.getTime())) throw claimInProgress();
  // Finished (its issue is done or gone) or abandoned: this request may create the next one.
  if (claim) await releaseClaim(project.key, id);
  await claimFix(project.key, id, now.getTime());
  let created: IssueRef;
  try {
    await requireCreate(jira, project);
    const plan = await planOf(jira, target);
    const issue = await createIssue(jira, {
      projectKey: project.key,
      issueTypeId: plan.issueType.id,
      summary: plan.summary,
      labels: [plan.label],
      dueDate: plan.dueDate,
      description: adfOf(plan.description),
    });
    created = { key: issue.key, summary: plan.summary };
  } catch (error) {
    // A refusal changes nothing, the claim included. When Jira may have created it (no answer),
    // the claim stays until it times out, so a quick retry cannot make a second one.
    if (!(error instanceof AppError && error.code === 'JIRA_UNAVAILABLE')) await releaseClaim(project.key, id);
    throw error;
  }
  await recordFix(project.key, id, now.getTime(), created.key);
  return { issue: created, created: true };
}

/** Paragraphs as an Atlassian Document Format document, which Jira's v3 API wants for a description. */
function adfOf(paragraphs: string[]) {
  return {
    type: 'doc' as const,
    version: 1 as const,
    content: paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })),
  };
}

/** The project page's "Create issue" availability: Jira's permission, and the open issues that are the fix. */
export function projectFixes(graded: GradedProject, permission: CreatePermission): FixAvailability {
  return { ...permission, open: openFixIssues(graded.issues, graded.stored.config) };
}

/** The categories a done issue's panel offers a renewal for: lapsed, or lapsing within the expiring-soon days. */
export function renewableOf(graded: GradedIssue): CategoryId[] {
  const config = graded.stored.config;
  if (!graded.issue.done) return [];
  return graded.explanation.categories
    .filter((c) => config.categories[c.id].enabled && isRenewable(c, config, graded.asOf))
    .map((c) => c.id);
}

/** The panel's: only when the issue needs a renewal, so most panels ask Jira nothing more. */
export async function issueFixes(
  jira: JiraClient,
  graded: GradedIssue,
): Promise<(FixAvailability & { renewable: CategoryId[] }) | undefined> {
  const renewable = renewableOf(graded);
  if (renewable.length === 0 || graded.projectKey === '') return undefined;
  const labelsOf = (id: CategoryId) => graded.stored.config.categories[id].labels;
  const [canCreate, found] = await Promise.all([
    canCreateIssues(jira, graded.projectKey),
    Promise.all(renewable.map((id) => findOpenIssue(jira, graded.projectKey, labelsOf(id)))),
  ]);
  const open: FixAvailability['open'] = {};
  renewable.forEach((id, i) => {
    const issue = found[i];
    if (issue) open[id] = issue;
  });
  return { canCreate, open, renewable };
}
