/**
 * GET /rest/api/3/mypermissions: global context, or project (projectKey/projectId) or issue
 * (issueKey/issueId) context. Only permissions the site data can answer are modelled; see permissions.ts.
 */
import {
  canSeeIssue,
  hasPermissionAnywhere,
  hasProjectPermission,
  MODELLED_PERMISSIONS,
  UNMODELLED_JIRA_PERMISSIONS,
  type PermissionDefinition,
} from '../permissions';
import { jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import type { IndexedIssue } from '../site-index';
import type { SiteProject } from '../site-types';
import { findVisibleProject, ISSUE_NOT_FOUND, projectNotFound } from './resources';

export function getMyPermissions(ctx: RouteContext, req: SimRequest): SimResponse {
  const keys = (req.query.get('permissions') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  if (keys.length === 0)
    return jiraError(400, [
      'The permissions parameter is required. Provide a comma-separated list of permission keys.',
    ]);
  if (req.query.has('commentId'))
    return jiraError(400, ['The local Jira simulator does not support the commentId context.']);

  const definitions: PermissionDefinition[] = [];
  for (const key of keys) {
    const definition = MODELLED_PERMISSIONS.get(key);
    if (definition) definitions.push(definition);
    else if (UNMODELLED_JIRA_PERMISSIONS.has(key))
      return jiraError(400, [`The local Jira simulator does not model the permission '${key}'.`]);
    else return jiraError(400, [`Permission key '${key}' is not valid.`]);
  }

  // Context: issue wins over project, id over key (as Jira documents).
  let project: SiteProject | undefined;
  let issue: IndexedIssue | undefined;
  const issueRef = req.query.get('issueId') ?? req.query.get('issueKey');
  const projectRef = req.query.get('projectId') ?? req.query.get('projectKey');
  if (issueRef !== null) {
    issue = ctx.site.findIssue(issueRef);
    if (!issue || !canSeeIssue(req.caller, issue)) return jiraError(404, [ISSUE_NOT_FOUND]);
    project = issue.project;
  } else if (projectRef !== null) {
    project = findVisibleProject(ctx, req, projectRef);
    if (!project) return projectNotFound(projectRef);
  }

  const permissions: Record<string, PermissionDefinition & { havePermission: boolean }> = {};
  for (const definition of definitions) {
    let have: boolean;
    if (definition.type === 'GLOBAL' || !project) have = hasPermissionAnywhere(req.caller, ctx.site, definition);
    else if (issue && definition.key === 'BROWSE_PROJECTS') have = canSeeIssue(req.caller, issue);
    else have = hasProjectPermission(req.caller, project, definition.key);
    permissions[definition.key] = { ...definition, havePermission: have };
  }
  return ok({ permissions });
}
