/**
 * A project page's evidence read from Jira at a cost that follows what changed (issue 13).
 *
 * The first view reads every issue, as the user, and keeps what it read in the user's own stored
 * read (storage/evidence-store.ts). A later view asks Jira only for the issues updated since,
 * plus an overlap, and rebuilds the report from both. Issues that left the evidence without an
 * update (deleted, now restricted from the user, the label gone with the update already stored)
 * are found by a keys-only listing at most SWEEP_INTERVAL_MS apart, and by every Reload, which
 * reads everything. Different settings, fields or scope start afresh. When Jira's quota is spent,
 * the stored read is served as it was, with its age: cut to the scope this view confirmed, and, if
 * Jira could not confirm even that, only while it is under UNCONFIRMED_MAX_AGE_MS old.
 */
import { projectOfKey } from '../core/jira-ids';
import { enabledLabels } from '../core/config';
import { compareIssueKeys } from '../core/report';
import type { TopManagement } from '../core/substance-types';
import type { Day, EvidenceIssue } from '../core/types';
import type { ReportRead, ScopeProject } from '../contract/invoke';
import { confirmProject, type ProjectRef } from '../jira/access';
import type { Budget } from '../jira/budget';
import type { JiraClient } from '../jira/client';
import { createPermission, type CreatePermission } from '../jira/create-issue';
import { changedSince, evidenceCondition, keysJql } from '../jira/jql';
import { listKeys, searchAll } from '../jira/search';
import { IssueDataError, fieldsToRead, toEvidenceIssue, type FieldSettings } from '../jira/transform';
import { loadConfig, type StoredConfig } from '../storage/config-store';
import {
  discardRead,
  loadRead,
  readFingerprint,
  saveRead,
  type LoadedRead,
  type StoredRead,
} from '../storage/evidence-store';
import { allSettledOrThrow } from '../concurrency';
import { AppError } from '../errors';
import { confirmScope } from './scope';
import { readSubstance } from './substance';

/**
 * Added to the time since the stored read: covers a clock that differs from Jira's, an edit made
 * while the last read ran, and Jira's search index lagging an edit by seconds.
 */
export const OVERLAP_MINUTES = 10;
/** The longest an issue that left the evidence without an update can stay in a report. */
export const SWEEP_INTERVAL_MS = 60 * 60_000;
/** Issues can come into view without an update (a permission granted): this many are read by key, more and all are. */
export const MAX_ARRIVALS = 100;
/**
 * The oldest a stored read may be to be served when Jira could not confirm the viewer may still see
 * the page's projects: a user removed from one loses its evidence within a day, quota or not.
 */
export const UNCONFIRMED_MAX_AGE_MS = 24 * 60 * 60_000;

export interface ReadRequest {
  /** Whose read: Forge's word for the caller, never the browser's. */
  accountId: string;
  /** Reload: every issue from Jira, whatever is stored. */
  fullRead: boolean;
  /** Whether the page needs the user's "create issues" permission (the project page does). */
  permission: boolean;
}

export interface PageEvidence {
  project: ProjectRef;
  projects: ScopeProject[];
  stored: StoredConfig;
  /** Every evidence issue, done or not, with its substance, in key order. */
  issues: EvidenceIssue[];
  top: TopManagement;
  notChecked: string[];
  complete: boolean;
  incompleteReason?: string;
  permission?: CreatePermission;
  read: ReportRead;
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

const unreadableReason = (keys: readonly string[]) =>
  `${keys.length} issues have data the app cannot read (${keys.slice(0, 5).join(', ')}).`;

const isRateLimit = (error: unknown): error is AppError => error instanceof AppError && error.code === 'RATE_LIMITED';

/** How this view asks Jira for the page's issues: as whom, when, with which settings, fields and JQL condition. */
interface EvidenceQuery {
  jira: JiraClient;
  now: Date;
  stored: StoredConfig;
  fields: string[];
  condition: string;
}

interface IssuesRead {
  kind: 'full' | 'changes';
  issues: EvidenceIssue[];
  /** Why the read may miss issues. */
  reasons: string[];
  /** Whether issues that left the evidence were looked for (always, for a full read). */
  swept: boolean;
  changed: number;
  removed: number;
}

async function readAll({ jira, stored, fields, condition }: EvidenceQuery): Promise<IssuesRead> {
  const { convert, unreadable } = converter(stored.config);
  const search = await searchAll(jira, condition, fields, convert);
  const reasons = [search.incompleteReason, unreadable.length > 0 ? unreadableReason(unreadable) : undefined];
  return {
    kind: 'full',
    issues: search.issues,
    reasons: reasons.filter((r): r is string => r !== undefined),
    swept: true,
    changed: search.issues.length,
    removed: 0,
  };
}

/** Minutes to ask Jira about: since the stored read began, plus the overlap. Only for a read that is `trusted`. */
function window(readAt: string, now: Date): number {
  const since = Math.max(0, now.getTime() - Date.parse(readAt));
  return Math.ceil(since / 60_000) + OVERLAP_MINUTES;
}

/**
 * Whether a stored read's times can bound a window: one that began after now was stamped by a
 * clock that was fast, and "since then" would miss every edit made between then and now.
 */
function trusted(prior: StoredRead, now: Date): boolean {
  return Date.parse(prior.readAt) <= now.getTime();
}

/** The stored read with what changed since; `undefined` when only a full read can tell (see MAX_ARRIVALS). */
async function readChanges(query: EvidenceQuery, prior: StoredRead, sweep: boolean): Promise<IssuesRead | undefined> {
  const { jira, now, stored, fields, condition } = query;
  const { convert, unreadable } = converter(stored.config);
  const [changed, listing] = await allSettledOrThrow([
    searchAll(jira, changedSince(condition, window(prior.readAt, now)), fields, convert),
    sweep ? listKeys(jira, condition) : undefined,
  ]);
  // A listing that may not be whole cannot say what left: read everything, which says why it is incomplete.
  if (listing && listing.problems.length > 0) return undefined;

  const fresh = new Set(changed.issues.map((i) => i.key));
  // By id too: an issue moved between the scope's projects has a new key but is the same issue.
  const freshIds = new Set(changed.issues.flatMap((i) => (i.id === undefined ? [] : [i.id])));
  const replaced = (i: EvidenceIssue) => fresh.has(i.key) || (i.id !== undefined && freshIds.has(i.id));
  let kept = prior.issues.filter((i) => !replaced(i));
  let removed = 0;
  const arrivedIssues: EvidenceIssue[] = [];
  const reasons = [changed.incompleteReason];
  if (listing) {
    const listed = new Set(listing.keys);
    removed = kept.filter((i) => !listed.has(i.key)).length;
    kept = kept.filter((i) => listed.has(i.key));
    const have = new Set([...kept.map((i) => i.key), ...fresh, ...unreadable]);
    const arrivals = listing.keys.filter((k) => !have.has(k));
    if (arrivals.length > MAX_ARRIVALS) return undefined;
    if (arrivals.length > 0) {
      const arrived = await searchAll(jira, keysJql(condition, arrivals), fields, convert);
      arrivedIssues.push(...arrived.issues);
      reasons.push(arrived.incompleteReason);
    }
  }
  // An issue Jira now sends unreadable data for is left out, not graded on its old data.
  const gone = new Set(unreadable);
  removed += kept.filter((i) => gone.has(i.key)).length;
  kept = kept.filter((i) => !gone.has(i.key));
  if (unreadable.length > 0) reasons.push(unreadableReason(unreadable));
  return {
    kind: 'changes',
    issues: [...kept, ...changed.issues, ...arrivedIssues].sort((a, b) => compareIssueKeys(a.key, b.key)),
    reasons: reasons.filter((r): r is string => r !== undefined),
    swept: sweep,
    changed: changed.issues.length + arrivedIssues.length,
    removed,
  };
}

/** A stored read serves the same page only: same project (by id, a re-created key is another) and same visible scope. */
function sameScope(prior: StoredRead, project: ProjectRef, projects: readonly ScopeProject[]): boolean {
  const shown = (list: readonly ScopeProject[]) =>
    list
      .filter((p) => p.visible)
      .map((p) => p.key)
      .join(',');
  return prior.project.id === project.id && shown(prior.projects) === shown(projects);
}

function sweepDue(prior: StoredRead, now: Date): boolean {
  const since = now.getTime() - Date.parse(prior.sweptAt);
  // A clock that went back is not trusted to say a sweep is recent.
  return since >= SWEEP_INTERVAL_MS || since < 0;
}

/**
 * The stored read as the scope confirmed in this view allows: the issues of projects the viewer can
 * no longer see are dropped, and the scope is as confirmed now. Undefined when a project visible now
 * was not in the stored read: its issues are not there to serve.
 */
function withinScope(read: StoredRead, projects: readonly ScopeProject[]): StoredRead | undefined {
  const visible = new Set(projects.filter((p) => p.visible).map((p) => p.key));
  const storedVisible = new Set(read.projects.filter((p) => p.visible).map((p) => p.key));
  if ([...visible].some((key) => !storedVisible.has(key))) return undefined;
  return { ...read, projects: [...projects], issues: read.issues.filter((i) => visible.has(projectOfKey(i.key))) };
}

/** Whether a stored read Jira could not vouch for in this view is young enough to serve: its age by readAt, never from the future. */
function youngEnough(read: StoredRead, now: Date): boolean {
  const age = now.getTime() - Date.parse(read.readAt);
  return age >= 0 && age < UNCONFIRMED_MAX_AGE_MS;
}

/** The stored read as it was: Jira's quota is spent (`reason` says until when). */
function fromStore(read: StoredRead, stored: StoredConfig, reason: string): PageEvidence {
  const top: TopManagement = {
    accountIds: stored.config.topManagement.accountIds,
    groupsNamed: stored.config.topManagement.groups.length > 0,
    inNamedGroup: read.membership,
  };
  return {
    project: read.project,
    projects: read.projects,
    stored,
    issues: read.issues,
    top,
    notChecked: read.notChecked,
    complete: true,
    permission: read.permission ?? {
      canCreate: false,
      problem: `Jira could not say whether you may create issues here: ${reason}`,
    },
    read: { kind: 'stored', at: read.readAt, fullAt: read.fullReadAt, reason },
  };
}

/** The settings, and the user's stored read of the page made with them. */
interface StoredPage {
  stored: StoredConfig;
  /** The issue fields those settings read. */
  fields: string[];
  /** What a stored read must have been made with to serve them. */
  fingerprint: string;
  /** The user's stored read of the page, if there is one for these settings. */
  loaded: LoadedRead | undefined;
}

/** The settings and the user's stored read of the page: storage only, no Jira request, so it runs beside the first one. */
async function loadStoredPage(key: string, accountId: string, budget: Budget): Promise<StoredPage> {
  const stored = await loadConfig(budget);
  const fields = fieldsToRead(stored.config);
  const fingerprint = readFingerprint(stored.config, fields);
  return { stored, fields, fingerprint, loaded: await loadRead(key, accountId, fingerprint, budget) };
}

/**
 * The stored read served when Jira is rate limiting (`limited`), or `limited` itself thrown when it
 * may not be. `projects`: the scope confirmed in this view, which wins over the stored one;
 * undefined when Jira refused before confirming it, so only a young stored read is served.
 */
function servedAsStored(
  read: StoredRead,
  stored: StoredConfig,
  limited: AppError,
  now: Date,
  projects: ScopeProject[] | undefined,
): PageEvidence {
  const served = projects ? withinScope(read, projects) : youngEnough(read, now) ? read : undefined;
  if (!served) throw limited;
  return fromStore(served, stored, limited.message);
}

/**
 * The page's evidence as `request.accountId` sees Jira now. The project key comes from the
 * browser: confirming it as the user proves it exists and that they may see it, and a user who
 * may no longer see it loses their stored read of it too.
 */
export async function readPageEvidence(
  jira: JiraClient,
  key: string,
  now: Date,
  asOf: Day,
  request: ReadRequest,
): Promise<PageEvidence> {
  // Independent, so neither waits for the other. The project's failure (NOT_FOUND) is reported first.
  const confirming = confirmProject(jira, key);
  const loading = loadStoredPage(key, request.accountId, jira.budget);
  let project: ProjectRef;
  let page: StoredPage;
  try {
    [project, page] = await allSettledOrThrow([confirming, loading]);
  } catch (error) {
    // When the stored page loaded, what failed is the project: the user's stored read may answer
    // for it (Jira rate limiting), or goes with it (the project gone from the user's view).
    const storedPage = await loading.catch(() => undefined);
    const prior = storedPage?.loaded;
    if (storedPage && prior && isRateLimit(error))
      return servedAsStored(prior.read, storedPage.stored, error, now, undefined);
    if (prior && error instanceof AppError && error.code === 'NOT_FOUND')
      await discardRead(key, request.accountId, jira.budget, prior.chunks);
    throw error;
  }
  const { loaded } = page;
  let projects: ScopeProject[] | undefined;
  try {
    projects = await confirmScope(jira, project, page.stored.config);
    return await readFromJira(jira, project, projects, now, asOf, request, page);
  } catch (error) {
    // The page's project is confirmed; what else the viewer may see is as confirmed now, if it was.
    if (isRateLimit(error) && loaded && loaded.read.project.id === project.id)
      return servedAsStored(loaded.read, page.stored, error, now, projects);
    throw error;
  }
}

async function readFromJira(
  jira: JiraClient,
  project: ProjectRef,
  projects: ScopeProject[],
  now: Date,
  asOf: Day,
  request: ReadRequest,
  { stored, fields, fingerprint, loaded }: StoredPage,
): Promise<PageEvidence> {
  const { config } = stored;
  const visible = projects.filter((p) => p.visible).map((p) => p.key);
  const query: EvidenceQuery = {
    jira,
    now,
    stored,
    fields,
    condition: evidenceCondition(visible, enabledLabels(config)),
  };
  const usable = !request.fullRead && loaded && sameScope(loaded.read, project, projects) && trusted(loaded.read, now);
  const prior = usable ? loaded.read : undefined;
  const sweep = prior === undefined || sweepDue(prior, now);
  // Whether the user may create issues changes rarely: asked again with each sweep, else as stored.
  const askPermission = request.permission && (sweep || prior.permission === undefined);
  const [permission, read] = await allSettledOrThrow([
    askPermission ? createPermission(jira, project.key) : prior?.permission,
    (async () => (prior ? await readChanges(query, prior, sweep) : undefined) ?? (await readAll(query)))(),
  ]);
  const changes = read.kind === 'changes' && prior !== undefined ? prior : undefined;
  // Membership known from the stored read is asked again with each sweep, like the permission.
  const substance = await readSubstance(
    jira,
    read.issues,
    config,
    asOf,
    changes && !read.swept ? changes.membership : {},
  );
  const complete = read.reasons.length === 0;
  const at = now.toISOString();
  const evidence: PageEvidence = {
    project,
    projects,
    stored,
    issues: substance.issues,
    top: substance.top,
    notChecked: substance.notChecked,
    complete,
    ...(permission ? { permission } : {}),
    read: changes
      ? { kind: 'changes', at, fullAt: changes.fullReadAt, changed: read.changed, removed: read.removed }
      : { kind: 'full', at, fullAt: at },
  };
  if (!complete) {
    evidence.incompleteReason = read.reasons.join(' ');
    return evidence;
  }
  // Only a whole read is kept: after an incomplete one the next view asks again since the last whole one.
  const keptPermission = permission && permission.problem === undefined ? permission : changes?.permission;
  await saveRead(
    project.key,
    request.accountId,
    {
      fingerprint,
      project,
      projects,
      readAt: at,
      fullReadAt: changes ? changes.fullReadAt : at,
      sweptAt: read.swept ? at : (changes?.sweptAt ?? at),
      ...(keptPermission ? { permission: keptPermission } : {}),
      membership: substance.top.unknownReason === undefined ? { ...substance.top.inNamedGroup } : {},
      notChecked: substance.notChecked,
      issues: substance.issues,
    },
    now,
    jira.budget,
    loaded?.chunks,
  );
  return evidence;
}
