/**
 * Users and groups: GET /user, /user/groups, /user/picker, /groups/picker and /group/bulk, with the permission
 * rules the document states for each. "Browse users and groups" (USER_PICKER) decides most of them: without it,
 * /user, /user/groups and /group/bulk are a 403, the user picker finds exact names only, and the group picker
 * finds only a group whose name is the query exactly. The group picker also needs Browse projects somewhere.
 */
import { jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import type { JsonObject } from '../json';
import { canBrowseProject, canBrowseUsersAndGroups } from '../permissions';
import type { SiteGroup, SiteUser } from '../site-types';
import { compareText } from '../site-index';
import { avatarUrls, groupNameJson, userGroupsJson, userJson } from '../users';
import { pageBean } from './page-bean';
import { boolParam, intParam } from './params';

export const NO_BROWSE_USERS = 'You do not have the permission to browse users and groups.';
const ACCOUNT_ID_MAX = 128;
const PAGE_LIMIT = 1000;

function userNotFound(accountId: string): SimResponse {
  return jiraError(404, [`The user with account ID '${accountId}' does not exist.`]);
}

/** The `accountId` query parameter, or the 400 for a missing or over-long one. */
function accountIdParam(req: SimRequest): { ok: true; accountId: string } | { ok: false; response: SimResponse } {
  const accountId = req.query.get('accountId') ?? '';
  if (accountId === '') return { ok: false, response: jiraError(400, ['The accountId query parameter is required.']) };
  if (accountId.length > ACCOUNT_ID_MAX)
    return {
      ok: false,
      response: jiraError(400, [`The accountId query parameter is longer than ${ACCOUNT_ID_MAX} characters.`]),
    };
  return { ok: true, accountId };
}

/** Values of a repeatable parameter that may also be a comma list (`excludeAccountIds=a,b&excludeAccountIds=c`). */
function listParam(req: SimRequest, name: string): string[] {
  return req.query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `text` as HTML with the first match of `query` wrapped in `tag`, as the pickers' `html` fields show it. */
function highlight(text: string, query: string, tag: 'b' | 'strong', caseInsensitive: boolean): string {
  const at =
    query === '' ? -1 : caseInsensitive ? text.toLowerCase().indexOf(query.toLowerCase()) : text.indexOf(query);
  if (at < 0) return escapeHtml(text);
  const end = at + query.length;
  return `${escapeHtml(text.slice(0, at))}<${tag}>${escapeHtml(text.slice(at, end))}</${tag}>${escapeHtml(text.slice(end))}`;
}

/** GET /user/groups?accountId=: the groups the user is a member of, by name. */
export function getUserGroups(ctx: RouteContext, req: SimRequest): SimResponse {
  const param = accountIdParam(req);
  if (!param.ok) return param.response;
  if (!canBrowseUsersAndGroups(req.caller)) return jiraError(403, [NO_BROWSE_USERS]);
  if (!ctx.site.users.has(param.accountId)) return userNotFound(param.accountId);
  return ok((ctx.site.groupsOfUser.get(param.accountId) ?? []).map((g) => groupNameJson(g, ctx.siteUrl)));
}

/** GET /user?accountId=: the user; `expand=groups` lists their groups. */
export function getUser(ctx: RouteContext, req: SimRequest): SimResponse {
  const param = accountIdParam(req);
  if (!param.ok) return param.response;
  if (!canBrowseUsersAndGroups(req.caller)) return jiraError(403, [NO_BROWSE_USERS]);
  const user = ctx.site.users.get(param.accountId);
  if (!user) return userNotFound(param.accountId);
  const expand = listParam(req, 'expand');
  return ok({
    ...userJson(user, ctx.siteUrl),
    groups: userGroupsJson(ctx.site, user.accountId, ctx.siteUrl, expand.includes('groups')),
    applicationRoles: { size: user.accountType === 'app' ? 0 : 1, items: [] },
    expand: 'groups,applicationRoles',
  });
}

/** A person the user picker finds: a word of the display name, or the email address, starts with the query. */
function pickerMatches(user: SiteUser, query: string, broad: boolean): boolean {
  const q = query.toLowerCase();
  const name = user.displayName.toLowerCase();
  // Without "Browse users and groups", only an exact name (or email address) finds anyone.
  if (!broad) return name === q || user.emailAddress?.toLowerCase() === q;
  return (
    name.split(/\s+/).some((word) => word.startsWith(q)) ||
    name.startsWith(q) ||
    (user.emailAddress?.toLowerCase().startsWith(q) ?? false)
  );
}

/**
 * GET /user/picker?query=: active users matching the query. As the document says, Jira takes the first
 * `maxResults` users (up to the 1000th, here in display-name order) and returns those of them that match, so an
 * answer often holds fewer users than asked for; `total` counts every match.
 */
export function getUserPicker(ctx: RouteContext, req: SimRequest): SimResponse {
  const query = req.query.get('query');
  if (query === null) return jiraError(400, ['The query parameter is required.']);
  if (req.query.has('exclude'))
    return jiraError(400, ['The exclude parameter is no longer available: use excludeAccountIds.']);
  const max = intParam(req, 'maxResults', 50, 1);
  if (!max.ok) return max.response;
  const showAvatar = boolParam(req, 'showAvatar');
  if (!showAvatar.ok) return showAvatar.response;
  const noApps = boolParam(req, 'excludeConnectUsers');
  if (!noApps.ok) return noApps.response;
  const excluded = new Set(listParam(req, 'excludeAccountIds'));
  const broad = canBrowseUsersAndGroups(req.caller);

  const candidates = ctx.site.data.users
    .filter((u) => u.active && !excluded.has(u.accountId) && !(noApps.value && u.accountType === 'app'))
    .sort((a, b) => compareText(a.displayName, b.displayName));
  const matches = candidates.filter((u) => pickerMatches(u, query.trim(), broad));
  const window = new Set(candidates.slice(0, Math.min(max.value, PAGE_LIMIT)));
  const users = matches.filter((u) => window.has(u));
  return ok({
    users: users.map((u) => ({
      accountId: u.accountId,
      accountType: u.accountType ?? 'atlassian',
      html:
        highlight(u.displayName, query.trim(), 'strong', true) +
        (u.emailAddress !== undefined && u.accountType !== 'app'
          ? ` - ${highlight(u.emailAddress, query.trim(), 'strong', true)}`
          : ''),
      displayName: u.displayName,
      ...(showAvatar.value ? { avatarUrl: avatarUrls(ctx.siteUrl, u.accountId)['16x16'] } : {}),
    })),
    total: matches.length,
    header: `Showing ${users.length} of ${matches.length} matching users`,
  });
}

const EMPTY_GROUPS = { header: 'Showing 0 of 0 matching groups', total: 0, groups: [] };

/**
 * GET /groups/picker?query=: groups whose name contains the query (case-sensitive unless caseInsensitive=true),
 * by name, at most maxResults (default 20). Callers who browse no project get an empty list; without "Browse users
 * and groups" only a group named exactly the query is found.
 */
export function getGroupsPicker(ctx: RouteContext, req: SimRequest): SimResponse {
  if (req.query.has('exclude') && req.query.has('excludeId'))
    return jiraError(400, ['The exclude and excludeId parameters cannot be used together.']);
  const max = intParam(req, 'maxResults', 20, 1);
  if (!max.ok) return max.response;
  const folded = boolParam(req, 'caseInsensitive');
  if (!folded.ok) return folded.response;
  if (!ctx.site.data.projects.some((p) => canBrowseProject(req.caller, p))) return ok(EMPTY_GROUPS);

  const query = req.query.get('query') ?? '';
  const norm = (text: string): string => (folded.value ? text.toLowerCase() : text);
  const excludedNames = new Set(req.query.getAll('exclude').map(norm));
  const excludedIds = new Set(req.query.getAll('excludeId'));
  const broad = canBrowseUsersAndGroups(req.caller);
  const matches = ctx.site.groups.filter(
    (g) =>
      !excludedNames.has(norm(g.name)) &&
      !excludedIds.has(g.groupId) &&
      (broad ? norm(g.name).includes(norm(query)) : query !== '' && norm(g.name) === norm(query)),
  );
  const shown = matches.slice(0, Math.min(max.value, PAGE_LIMIT));
  return ok({
    header: `Showing ${shown.length} of ${matches.length} matching groups`,
    total: matches.length,
    groups: shown.map((g) => ({
      name: g.name,
      html: highlight(g.name, query, 'b', folded.value),
      groupId: g.groupId,
      labels: [],
    })),
  });
}

function groupDetails(group: SiteGroup): JsonObject {
  return { name: group.name, groupId: group.groupId };
}

/**
 * GET /group/bulk: groups by `groupId` and/or `groupName` (either matching; names without regard to case), or
 * all groups when neither is given, by name, paged with startAt/maxResults (default 50). An id that names no
 * group is simply not in the answer: that is how a client learns a configured group is gone.
 */
export function getGroupBulk(ctx: RouteContext, req: SimRequest): SimResponse {
  for (const unmodelled of ['accessType', 'applicationKey'])
    if (req.query.has(unmodelled))
      return jiraError(400, [`The local Jira simulator does not model the ${unmodelled} parameter.`]);
  const startAt = intParam(req, 'startAt', 0, 0);
  if (!startAt.ok) return startAt.response;
  const max = intParam(req, 'maxResults', 50, 1);
  if (!max.ok) return max.response;
  // The document's own example of this 403.
  if (!canBrowseUsersAndGroups(req.caller))
    return jiraError(403, ['Browse users and groups permission is required to view groups.']);

  const ids = new Set(req.query.getAll('groupId'));
  const names = new Set(req.query.getAll('groupName').map((n) => n.toLowerCase()));
  const all = ids.size === 0 && names.size === 0;
  const matches = ctx.site.groups.filter((g) => all || ids.has(g.groupId) || names.has(g.name.toLowerCase()));
  const maxResults = Math.min(max.value, PAGE_LIMIT);
  const pageUrl = (start: number): string => {
    const query = new URLSearchParams();
    for (const id of req.query.getAll('groupId')) query.append('groupId', id);
    for (const name of req.query.getAll('groupName')) query.append('groupName', name);
    query.set('maxResults', String(maxResults));
    query.set('startAt', String(start));
    return `${ctx.siteUrl}/rest/api/3/group/bulk?${query.toString()}`;
  };
  return ok(pageBean(matches, startAt.value, maxResults, pageUrl, groupDetails));
}
