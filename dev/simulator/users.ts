/** User objects as Jira's User schema shapes them (GET /myself, project lead). */
import { APP_ACCOUNT_ID } from './identity';
import type { Caller } from './permissions';
import type { SiteUser } from './site-types';

export function avatarUrls(siteUrl: string, ownerId: string): Record<'16x16' | '24x24' | '32x32' | '48x48', string> {
  const base = `${siteUrl}/secure/useravatar?ownerId=${encodeURIComponent(ownerId)}`;
  return {
    '48x48': `${base}&size=large`,
    '24x24': `${base}&size=small`,
    '16x16': `${base}&size=xsmall`,
    '32x32': `${base}&size=medium`,
  };
}

export function userJson(user: SiteUser, siteUrl: string): Record<string, unknown> {
  return {
    self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    ...(user.emailAddress !== undefined ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls(siteUrl, user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone ?? 'Etc/UTC',
    locale: user.locale ?? 'en_US',
  };
}

/** GET /myself body for a user or for the Forge app user. */
export function myselfJson(caller: Caller, siteUrl: string, appDisplayName: string): Record<string, unknown> {
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
    groups: { size: 0, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}
