/**
 * Single-resource endpoints: GET issue, project, field list, labels, myself.
 */
import { allFieldDetails, expandsChangelog, parseFieldSelection, projectIssue } from '../fields';
import { canBrowseProject, canSeeIssue } from '../permissions';
import { avatarUrls, myselfJson, userJson } from '../users';
import { jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import { pageBean } from './page-bean';
import type { SiteProject } from '../site-types';

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export function projectNotFound(idOrKey: string): SimResponse {
  return jiraError(404, [
    /^[0-9]+$/.test(idOrKey)
      ? `No project could be found with id '${idOrKey}'.`
      : `No project could be found with key '${idOrKey}'.`,
  ]);
}

/** Jira: project id, or key (case sensitive); hidden projects are reported as missing. */
export function findVisibleProject(ctx: RouteContext, req: SimRequest, idOrKey: string): SiteProject | undefined {
  const project = ctx.site.projectsById.get(idOrKey) ?? ctx.site.data.projects.find((p) => p.key === idOrKey);
  return project && canBrowseProject(req.caller, project) ? project : undefined;
}

export function getIssue(ctx: RouteContext, req: SimRequest): SimResponse {
  const idOrKey = req.params['issueIdOrKey'] ?? '';
  const issue = ctx.site.findIssue(idOrKey);
  if (!issue || !canSeeIssue(req.caller, issue)) return jiraError(404, [ISSUE_NOT_FOUND]);
  return ok(
    projectIssue(ctx.site, issue, {
      selection: parseFieldSelection(req.query.getAll('fields'), '*all'),
      siteUrl: ctx.siteUrl,
      idOnlyShape: false,
      caller: req.caller,
      ...(expandsChangelog(req.query.getAll('expand')) ? { changelogMax: ctx.limits.changelogExpandMax } : {}),
    }),
  );
}

export function getProject(ctx: RouteContext, req: SimRequest): SimResponse {
  const idOrKey = req.params['projectIdOrKey'] ?? '';
  const project = findVisibleProject(ctx, req, idOrKey);
  if (!project) return projectNotFound(idOrKey);
  const leadId = project.projectAdmins[0];
  const lead = leadId === undefined ? undefined : ctx.site.users.get(leadId);
  return ok({
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${ctx.siteUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    description: project.description ?? '',
    ...(lead ? { lead: userJson(lead, ctx.siteUrl) } : {}),
    components: [],
    issueTypes: [],
    assigneeType: 'UNASSIGNED',
    versions: [],
    avatarUrls: avatarUrls(ctx.siteUrl, `project-${project.id}`),
    projectTypeKey: project.projectTypeKey ?? 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
  });
}

export function getFields(ctx: RouteContext): SimResponse {
  return ok(allFieldDetails(ctx.site));
}

export function getMyself(ctx: RouteContext, req: SimRequest): SimResponse {
  const expandGroups = req.query
    .getAll('expand')
    .flatMap((v) => v.split(','))
    .some((v) => v.trim() === 'groups');
  return ok(myselfJson(ctx.site, req.caller, ctx.siteUrl, ctx.appDisplayName, expandGroups));
}

const LABEL_PAGE_MAX = 1000;

/**
 * Labels used on issues the caller can see, sorted, paged with startAt/maxResults.
 * Choice: Jira's endpoint does not document filtering by permission; the simulator does filter, so a label
 * the user may not know about never shows up here (the stricter behaviour).
 */
export function getLabels(ctx: RouteContext, req: SimRequest): SimResponse {
  const rawStart = req.query.get('startAt') ?? '0';
  const rawMax = req.query.get('maxResults') ?? String(LABEL_PAGE_MAX);
  if (!/^[0-9]+$/.test(rawStart)) return jiraError(400, [`The startAt value '${rawStart}' is not valid.`]);
  // maxResults=0 would page forever (nextPage pointing at the same startAt), so it is refused.
  if (!/^[1-9][0-9]*$/.test(rawMax)) return jiraError(400, [`The maxResults value '${rawMax}' is not valid.`]);
  const startAt = Number(rawStart);
  const maxResults = Math.min(Number(rawMax), LABEL_PAGE_MAX);
  const labels = new Set<string>();
  for (const issue of ctx.site.issues) {
    if (canSeeIssue(req.caller, issue)) for (const label of issue.labels) labels.add(label);
  }
  const pageUrl = (start: number): string =>
    `${ctx.siteUrl}/rest/api/3/label?maxResults=${maxResults}&startAt=${start}`;
  return ok(pageBean([...labels].sort(), startAt, maxResults, pageUrl));
}
