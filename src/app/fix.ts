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
  readersOf,
  type FixDraft,
} from '../core/fix-plan';
import type { CategoryId, CoverageConfig } from '../core/types';
import type { FixAvailability, FixCreated, FixPlan, FixPreview, FixRequest, IssueRef } from '../contract/invoke';
import { confirmProject, type ProjectRef } from '../jira/access';
import type { JiraClient } from '../jira/client';
import { canCreateIssues, createIssue, creatableIssueTypes, type CreatePermission } from '../jira/create-issue';
import { findOpenIssue, stillOpen } from '../jira/open-issues';
import {
  claimInProgress,
  isUnderWay,
  createdIssueKeys,
  readClaim,
  recordFix,
  releaseClaim,
  takeClaim,
  type ClaimTicket,
  type FixClaim,
} from '../storage/fix-claims';
import { BudgetedKvs } from '../storage/budgeted-kvs';
import { AppError } from '../errors';
import type { Caller } from './caller';
import { gradeIssue, gradeProject, type GradedIssue, type GradedProject } from './grading';

interface FixTarget {
  project: ProjectRef;
  config: CoverageConfig;
  draft: FixDraft;
  /** The open issue that already is the fix, as the evidence shows it (openFixIssues); the claim is asked apart. */
  openFix?: IssueRef;
}

const nothingToFix = (what: string) =>
  new AppError(
    'NOT_FOUND',
    `${what}: there is nothing to fix for it any more. Reload the page to see where things stand.`,
  );

/**
 * What the action would create, recomputed from Jira for the caller. Everyone who browses the
 * project reads the new issue, so it names only the evidence they can all see (spec 10 as issue
 * 19 amends it); preview and create build it alike, so the preview shows what is sent.
 */
async function fixTarget(caller: Caller, jira: JiraClient, now: Date, request: FixRequest): Promise<FixTarget> {
  const name = categoryDefinition(request.categoryId).name;
  if (request.origin === 'panel') {
    const graded = await gradeIssue(caller, jira, now);
    const config = graded.stored.config;
    const category = renewableOf(graded).includes(request.categoryId)
      ? graded.explanation.categories.find((c) => c.id === request.categoryId)
      : undefined;
    const readers = readersOf(graded.projectKey, [graded.issue]);
    const draft = category && fixForIssue(graded.issue.key, category, config, graded.asOf, readers);
    if (!draft) throw nothingToFix(`${graded.issue.key} as ${name}`);
    const [project, openFix] = await Promise.all([
      confirmProject(jira, graded.projectKey),
      renewalUnderWay(jira, graded, request.categoryId),
    ]);
    return { project, config, draft, ...(openFix ? { openFix } : {}) };
  }
  const graded = await gradeProject(caller, jira, now);
  const config = graded.stored.config;
  const readers = readersOf(graded.project.key, graded.issues);
  const draft =
    request.origin === 'finding'
      ? fixForFinding(graded.report, request.categoryId, config, readers)
      : fixForUpcoming(graded.asOf, graded.timeline, request.categoryId, config, readers);
  if (!draft) throw nothingToFix(name);
  const openFix = openFixIssues(graded.issues, config, graded.report)[request.categoryId];
  return { project: graded.project, config, draft, ...(openFix ? { openFix } : {}) };
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

/** An open issue that already is the fix: the one created here before, or the one the evidence shows. */
async function existingFix(
  jira: JiraClient,
  target: FixTarget,
  claim: FixClaim | undefined,
): Promise<IssueRef | undefined> {
  const claimed = claim?.issueKey ? await stillOpen(jira, claim.issueKey) : undefined;
  return claimed ?? target.openFix;
}

/**
 * For the panel's renewal: an open issue with the category's labels raised after the lapsing one,
 * which is the renewal under way (never the lapsing issue itself).
 */
function renewalUnderWay(jira: JiraClient, graded: GradedIssue, id: CategoryId): Promise<IssueRef | undefined> {
  return findOpenIssue(jira, graded.projectKey, graded.stored.config.categories[id].labels, {
    excluding: [graded.issue.key],
    ...(graded.issue.created ? { createdAfter: graded.issue.created } : {}),
  });
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
  const claim = await readClaim(new BudgetedKvs(jira.budget), target.project.key, request.categoryId);
  const existing = await existingFix(jira, target, claim);
  if (existing) return { kind: 'existing', issue: existing };
  await requireCreate(jira, target.project);
  return { kind: 'create', plan: await planOf(jira, target) };
}

/** Finished claims stepped over in one request; more than this and another request is at it too. */
const MAX_CLAIM_STEPS = 5;

/**
 * The right to create (a claim this request won), or the open issue that already is the fix.
 * Refuses with CONFLICT while another request's create is under way. A finished claim (its issue
 * done or gone) or an abandoned one is followed by the next generation, which every request that
 * saw it contends for, and only one wins (storage/fix-claims.ts).
 */
async function claimCreate(
  jira: JiraClient,
  target: FixTarget,
  id: CategoryId,
  now: number,
): Promise<{ existing: IssueRef } | { ticket: ClaimTicket }> {
  const { project } = target;
  const store = new BudgetedKvs(jira.budget);
  // One read of the claim serves both questions: is there an issue already, and is one under way.
  const claim = await readClaim(store, project.key, id);
  const existing = await existingFix(jira, target, claim);
  if (existing) return { existing };
  if (claim && isUnderWay(claim, now)) throw claimInProgress();
  let generation = claim ? claim.generation + 1 : 0;
  for (let step = 0; step < MAX_CLAIM_STEPS; step += 1) {
    const ticket: ClaimTicket = { projectKey: project.key, categoryId: id, generation, at: now };
    const taken = await takeClaim(store, ticket);
    if (taken.won) return { ticket };
    const holder = taken.holder;
    // Gone between the two calls (refused, or expired): the same generation is free again.
    if (!holder) continue;
    if (isUnderWay(holder, now)) throw claimInProgress();
    const open = holder.issueKey ? await stillOpen(jira, holder.issueKey) : undefined;
    if (open) return { existing: open };
    generation += 1;
  }
  throw claimInProgress();
}

export async function createFix(caller: Caller, jira: JiraClient, now: Date, request: FixRequest): Promise<FixCreated> {
  const target = await fixTarget(caller, jira, now, request);
  const { project } = target;
  const claimed = await claimCreate(jira, target, request.categoryId, now.getTime());
  if ('existing' in claimed) return { issue: claimed.existing, created: false };
  const { ticket } = claimed;
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
    if (!(error instanceof AppError && error.code === 'JIRA_UNAVAILABLE'))
      await releaseClaim(new BudgetedKvs(jira.budget), ticket);
    throw error;
  }
  return recorded(new BudgetedKvs(jira.budget), ticket, created);
}

/**
 * Jira created the issue, so the answer says so whatever happens next (issue 19). When the app
 * cannot record it (its storage failed, or did not answer within the budget), the answer says that too: the claim stays unrecorded until it times out, and
 * after that only Jira's search for an open issue with the label keeps a later create from
 * making another.
 */
async function recorded(store: BudgetedKvs, ticket: ClaimTicket, issue: IssueRef): Promise<FixCreated> {
  try {
    await recordFix(store, ticket, issue.key);
    return { issue, created: true };
  } catch (error) {
    console.error(`[issue/create-fix] created, not recorded: ${error instanceof Error ? error.name : typeof error}`);
    return { issue, created: true, notRecorded: true };
  }
}

/** Paragraphs as an Atlassian Document Format document, which Jira's v3 API wants for a description. */
function adfOf(paragraphs: string[]) {
  return {
    type: 'doc' as const,
    version: 1 as const,
    content: paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })),
  };
}

/**
 * The project page's "Create issue" availability: Jira's permission, and the open issues that are the
 * fix (those Create issue made count whatever the evidence around them says). The claims are the
 * app's own record: a store that fails costs only that knowledge, never the report.
 */
export async function projectFixes(
  jira: JiraClient,
  graded: GradedProject,
  permission: CreatePermission,
): Promise<FixAvailability> {
  let created = new Set<string>();
  try {
    created = await createdIssueKeys(new BudgetedKvs(jira.budget), graded.project.key);
  } catch {
    // Without the claims, the evidence alone says which open issue is the fix.
  }
  return { ...permission, open: openFixIssues(graded.issues, graded.stored.config, graded.report, created) };
}

/** The categories a done issue's panel offers a renewal for: lapsed, or lapsing within the expiring-soon days. */
export function renewableOf(graded: GradedIssue): CategoryId[] {
  const config = graded.stored.config;
  if (!graded.issue.done) return [];
  return graded.explanation.categories
    .filter((c) => config.categories[c.id].enabled && isRenewable(c))
    .map((c) => c.id);
}

/** The panel's: only when the issue needs a renewal, so most panels ask Jira nothing more. */
export async function issueFixes(
  jira: JiraClient,
  graded: GradedIssue,
): Promise<(FixAvailability & { renewable: CategoryId[] }) | undefined> {
  const renewable = renewableOf(graded);
  if (renewable.length === 0 || graded.projectKey === '') return undefined;
  const [canCreate, found] = await Promise.all([
    canCreateIssues(jira, graded.projectKey),
    Promise.all(renewable.map((id) => renewalUnderWay(jira, graded, id))),
  ]);
  const open: FixAvailability['open'] = {};
  renewable.forEach((id, i) => {
    const issue = found[i];
    if (issue) open[id] = issue;
  });
  return { canCreate, open, renewable };
}
