/**
 * User and group objects as Jira's schemas shape them: User (GET /myself, GET /user, project lead), UserDetails
 * (changelog authors, which carry no locale), GroupName (a user's groups).
 */
import { APP_ACCOUNT_ID } from './identity';
import type { JsonObject } from './json';
import type { Caller } from './permissions';
import type { SiteIndex } from './site-index';
import type { SiteGroup, SiteUser } from './site-types';

export function avatarUrls(siteUrl: string, ownerId: string): Record<'16x16' | '24x24' | '32x32' | '48x48', string> {
  const base = `${siteUrl}/secure/useravatar?ownerId=${encodeURIComponent(ownerId)}`;
  return {
    '48x48': `${base}&size=large`,
    '24x24': `${base}&size=small`,
    '16x16': `${base}&size=xsmall`,
    '32x32': `${base}&size=medium`,
  };
}

/** UserDetails: the user as Jira names them inside other objects (changelog authors, comment authors). */
export function userDetailsJson(user: SiteUser, siteUrl: string): JsonObject {
  return {
    self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: user.accountType ?? 'atlassian',
    // App accounts have no email address.
    ...(user.emailAddress !== undefined && user.accountType !== 'app' ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls(siteUrl, user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone ?? 'Etc/UTC',
  };
}

/** User: UserDetails plus the locale. */
export function userJson(user: SiteUser, siteUrl: string): JsonObject {
  return { ...userDetailsJson(user, siteUrl), locale: user.locale ?? 'en_US' };
}

export function groupSelf(siteUrl: string, group: SiteGroup): string {
  return `${siteUrl}/rest/api/3/group?groupId=${encodeURIComponent(group.groupId)}`;
}

/** GroupName, as GET /user/groups and a user's `groups` expansion list them. */
export function groupNameJson(group: SiteGroup, siteUrl: string): JsonObject {
  return { name: group.name, groupId: group.groupId, self: groupSelf(siteUrl, group) };
}

/**
 * The `groups` of a User: Jira always sends the count, and the groups themselves only when `expand=groups`.
 */
export function userGroupsJson(
  site: SiteIndex,
  accountId: string,
  siteUrl: string,
  expanded: boolean,
): { size: number; items: JsonObject[] } {
  const groups = site.groupsOfUser.get(accountId) ?? [];
  return { size: groups.length, items: expanded ? groups.map((g) => groupNameJson(g, siteUrl)) : [] };
}

/** GET /myself body for a user or for the Forge app user; `expandGroups` lists the groups themselves. */
export function myselfJson(
  site: SiteIndex,
  caller: Caller,
  siteUrl: string,
  appDisplayName: string,
  expandGroups = false,
): Record<string, unknown> {
  const base =
    caller.kind === 'user'
      ? userJson(caller.user, siteUrl)
      : {
          self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(APP_ACCOUNT_ID)}`,
          accountId: APP_ACCOUNT_ID,
          accountType: 'app',
          avatarUrls: avatarUrls(siteUrl, APP_ACCOUNT_ID),
          displayName: appDisplayName,
          active: true,
          timeZone: 'Etc/UTC',
          locale: 'en_US',
        };
  return {
    ...base,
    groups:
      caller.kind === 'user'
        ? userGroupsJson(site, caller.user.accountId, siteUrl, expandGroups)
        : { size: 0, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}
