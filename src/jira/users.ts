import { isRecord } from '../core/guards';
import type { JiraUser } from '../core/substance-types';

/**
 * A Jira user object as the engine's user, or null when it names nobody the app can check:
 * no accountId (an anonymous change, a deleted user, a pre-2019 Server user shape with only
 * `name`), which real answers do contain.
 */
export function toJiraUser(value: unknown): JiraUser | null {
  if (!isRecord(value) || typeof value.accountId !== 'string' || value.accountId === '') return null;
  const displayName = typeof value.displayName === 'string' && value.displayName ? value.displayName : value.accountId;
  return { accountId: value.accountId, displayName, isApp: value.accountType === 'app' };
}

/** The users of a user-picker field: single (an object) or multi (an array); empty when unset. */
export function usersOfField(value: unknown): JiraUser[] {
  const values: unknown[] = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return values.flatMap((v) => toJiraUser(v) ?? []);
}
