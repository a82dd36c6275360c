/**
 * GET /group/member: the users of one group, offset-paged (PageBeanUserDetails), as the document describes
 * `getUsersFromGroup`. The group by `groupId` or by `groupname` (not both, one of them required); inactive users
 * only with `includeInactiveUsers=true` (default false); `maxResults` default 50 and at most 50 (a larger value
 * gets pages of 50, as the document's "between 1 and 50" says). The caller needs Browse users and groups or
 * Administer Jira, the document's "either of". Checks run 400, 403, 404, so a caller without the permission
 * learns nothing of which groups exist.
 */
import { jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import { canBrowseUsersAndGroups, type Caller } from '../permissions';
import { compareText } from '../site-index';
import type { SiteGroup, SiteUser } from '../site-types';
import { userDetailsJson } from '../users';
import { pageBean } from './page-bean';
import { boolParam, intParam } from './params';
import { NO_BROWSE_USERS } from './people';

/** The document: "number should be between 1 and 50". */
export const GROUP_MEMBER_PAGE_MAX = 50;

/** "Either of" Browse users and groups and Administer Jira. */
function mayListMembers(caller: Caller): boolean {
  return canBrowseUsersAndGroups(caller) || (caller.kind === 'user' && caller.user.jiraAdmin);
}

type GroupRef = { by: 'groupId'; value: string } | { by: 'groupname'; value: string };

function groupParam(req: SimRequest): { ok: true; ref: GroupRef } | { ok: false; response: SimResponse } {
  const id = req.query.get('groupId');
  const name = req.query.get('groupname');
  if (id !== null && name !== null)
    return { ok: false, response: jiraError(400, ['The groupId and groupname parameters cannot be used together.']) };
  if (id !== null && id !== '') return { ok: true, ref: { by: 'groupId', value: id } };
  if (name !== null && name !== '') return { ok: true, ref: { by: 'groupname', value: name } };
  return { ok: false, response: jiraError(400, ['Specify the group with the groupId or groupname parameter.']) };
}

function findGroup(ctx: RouteContext, ref: GroupRef): SiteGroup | undefined {
  if (ref.by === 'groupId') return ctx.site.groupsById.get(ref.value);
  // Group names are unique ignoring case, as group/bulk matches them.
  const wanted = ref.value.toLowerCase();
  return ctx.site.groups.find((g) => g.name.toLowerCase() === wanted);
}

/**
 * The members in the order the simulator pages them. Jira orders by username, which it no longer returns; the
 * simulator's stand-in is display name, then account id, so pages are stable and do not overlap.
 */
function membersOf(ctx: RouteContext, group: SiteGroup, includeInactive: boolean): SiteUser[] {
  return group.members
    .flatMap((accountId) => ctx.site.users.get(accountId) ?? [])
    .filter((u) => includeInactive || u.active)
    .sort((a, b) => compareText(a.displayName, b.displayName) || compareText(a.accountId, b.accountId));
}

/** GET /group/member?groupId=|groupname=&includeInactiveUsers=&startAt=&maxResults= */
export function getGroupMembers(ctx: RouteContext, req: SimRequest): SimResponse {
  const param = groupParam(req);
  if (!param.ok) return param.response;
  const inactive = boolParam(req, 'includeInactiveUsers');
  if (!inactive.ok) return inactive.response;
  const startAt = intParam(req, 'startAt', 0, 0);
  if (!startAt.ok) return startAt.response;
  // maxResults=0 would page forever (nextPage pointing at the same startAt), so it is refused.
  const max = intParam(req, 'maxResults', GROUP_MEMBER_PAGE_MAX, 1);
  if (!max.ok) return max.response;
  if (!mayListMembers(req.caller)) return jiraError(403, [NO_BROWSE_USERS]);
  const group = findGroup(ctx, param.ref);
  if (!group)
    return jiraError(404, [
      param.ref.by === 'groupId'
        ? `No group could be found with id '${param.ref.value}'.`
        : `No group could be found with name '${param.ref.value}'.`,
    ]);

  const maxResults = Math.min(max.value, GROUP_MEMBER_PAGE_MAX);
  // The page links keep the group as the caller named it, in the order of the document's example.
  const pageUrl = (start: number): string => {
    const query = new URLSearchParams();
    query.set(param.ref.by, param.ref.value);
    query.set('includeInactiveUsers', String(inactive.value));
    query.set('startAt', String(start));
    query.set('maxResults', String(maxResults));
    return `${ctx.siteUrl}/rest/api/3/group/member?${query.toString()}`;
  };
  return ok(
    pageBean(membersOf(ctx, group, inactive.value), startAt.value, maxResults, pageUrl, (u) =>
      userDetailsJson(u, ctx.siteUrl),
    ),
  );
}
