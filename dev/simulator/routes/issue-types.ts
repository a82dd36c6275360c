/**
 * Issue types: GET /rest/api/3/issuetype, every type of the projects the caller can browse (all of them for a Jira
 * admin, as documented), and GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes, a page of the types the
 * caller may create in one project (PageOfCreateMetaIssueTypes, `issueTypes` with startAt / maxResults / total).
 *
 * The document names no 404 and does not say what a caller without "Create issues" gets. The simulator's choices:
 * a project the caller cannot browse is the 404 GET project sends (it exists for no one else either), and a
 * caller who may browse but not create gets an empty page (`total` 0), as the older createmeta documented for
 * such projects ("Projects will not be returned if the user does not have permission to create issues").
 */
import { jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import { issueTypeJson, type ResolvedIssueType } from '../issue-types';
import { canBrowseProject, canCreateIssues } from '../permissions';
import { intParam } from './params';
import { findVisibleProject, projectNotFound } from './resources';

const DEFAULT_MAX_RESULTS = 50;
/** The document's maximum, and its own 400 text for more. */
const MAX_RESULTS_LIMIT = 200;

export function getCreateMetaIssueTypes(ctx: RouteContext, req: SimRequest): SimResponse {
  const startAt = intParam(req, 'startAt', 0, 0);
  if (!startAt.ok) return startAt.response;
  // maxResults=0 would page forever (the next page starting where this one did), so it is refused, as elsewhere.
  const max = intParam(req, 'maxResults', DEFAULT_MAX_RESULTS, 1);
  if (!max.ok) return max.response;
  if (max.value > MAX_RESULTS_LIMIT)
    return jiraError(400, [`Parameter 'maxResults' must not exceed the limit '${MAX_RESULTS_LIMIT}'`]);

  const idOrKey = req.params['projectIdOrKey'] ?? '';
  const project = findVisibleProject(ctx, req, idOrKey);
  if (!project) return projectNotFound(idOrKey);
  const types = canCreateIssues(req.caller, project) ? (ctx.site.issueTypes.get(project.id) ?? []) : [];
  return ok({
    issueTypes: types.slice(startAt.value, startAt.value + max.value).map((type) => issueTypeJson(type, ctx.siteUrl)),
    maxResults: max.value,
    startAt: startAt.value,
    total: types.length,
  });
}

/**
 * IssueTypeDetails[], each type once (projects share ids), in project order then each project's own order. A Jira
 * admin gets every type, as documented, because the simulator's admins browse every project.
 */
export function getIssueTypes(ctx: RouteContext, req: SimRequest): SimResponse {
  const types = new Map<string, ResolvedIssueType>();
  for (const project of ctx.site.data.projects) {
    if (!canBrowseProject(req.caller, project)) continue;
    for (const type of ctx.site.issueTypes.get(project.id) ?? []) if (!types.has(type.id)) types.set(type.id, type);
  }
  return ok([...types.values()].map((type) => issueTypeJson(type, ctx.siteUrl)));
}
