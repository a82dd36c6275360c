/**
 * GET /rest/api/3/issue/{issueIdOrKey}/remotelink: the issue's remote links (Confluence pages, SharePoint files,
 * GitLab merge requests...), oldest first, or with `globalId` the one link with that global id.
 * 403 when the site has issue linking switched off, 404 when the issue is hidden or missing.
 */
import { jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import type { JsonObject } from '../json';
import { canSeeIssue } from '../permissions';
import type { SiteIssue, SiteRemoteLink } from '../site-types';
import { ISSUE_NOT_FOUND } from './resources';

export const LINKING_DISABLED = 'Issue linking is currently deactivated.';

/**
 * RemoteIssueLink. The document's 200 schema for this operation is one RemoteIssueLink, but its own example, and
 * every real answer, is an array of them when no globalId is given.
 */
export function remoteLinkJson(issue: SiteIssue, link: SiteRemoteLink, siteUrl: string): JsonObject {
  return {
    id: link.id ?? 0,
    self: `${siteUrl}/rest/api/3/issue/${issue.key}/remotelink/${link.id ?? 0}`,
    ...(link.globalId !== undefined ? { globalId: link.globalId } : {}),
    application: link.application ?? {},
    ...(link.relationship !== undefined ? { relationship: link.relationship } : {}),
    object: link.object,
  };
}

export function remoteLinksOf(issue: SiteIssue, siteUrl: string): JsonObject[] {
  return [...(issue.remoteLinks ?? [])]
    .sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
    .map((link) => remoteLinkJson(issue, link, siteUrl));
}

export function getRemoteLinks(ctx: RouteContext, req: SimRequest): SimResponse {
  if (!ctx.site.issueLinking) return jiraError(403, [LINKING_DISABLED]);
  const found = ctx.site.findIssue(req.params['issueIdOrKey'] ?? '');
  if (!found || !canSeeIssue(req.caller, found)) return jiraError(404, [ISSUE_NOT_FOUND]);
  const links = remoteLinksOf(found.issue, ctx.siteUrl);
  const globalId = req.query.get('globalId');
  if (globalId === null) return ok(links);
  const link = links.find((l) => l['globalId'] === globalId);
  return link ? ok(link) : jiraError(404, [`No remote link with the global id '${globalId}' exists on this issue.`]);
}
