/**
 * Jira's people and groups as the admin page needs them (spec 8.1, 8.8), read as the admin: the
 * group and user pickers, and the names of the groups and people a config holds. Nothing here is
 * read per issue, and a config names at most 20 groups (one `group/bulk` request) and 200 people
 * (one request each, a few at once).
 */
import { route } from '@forge/api';
import { isRecord } from '../core/guards';
import type { JiraGroup, JiraPerson, Person } from '../contract/invoke';
import { mapLimit } from '../concurrency';
import { appErrorMessage } from '../errors';
import type { JiraClient } from './client';
import { failureOf, unreadableAnswer } from './errors';

/** A picker offers at most this many; the admin types more to narrow it. */
export const MAX_PICKER_RESULTS = 50;
/**
 * Jira's user picker takes the first `maxResults` users (up to the 1,000th) and returns those of
 * them that match, so a smaller window would hide people whatever is typed: it is asked for all.
 */
const USER_PICKER_WINDOW = 1000;
/** `group/bulk` takes the ids as repeated parameters; one request holds every group a config may name. */
export const GROUP_BULK_IDS = 20;
/** People looked up at once: quick, and gentle on Jira's per-second limits. */
const PARALLEL_PEOPLE = 8;

/** Groups whose name contains the query (any case), by name as Jira sorts them. */
export async function findGroups(client: JiraClient, query: string): Promise<JiraGroup[]> {
  const response = await client.get(
    route`/rest/api/3/groups/picker?query=${query.trim()}&maxResults=${MAX_PICKER_RESULTS}&caseInsensitive=true`,
  );
  if (response.status !== 200) throw failureOf(response, 'the groups');
  const body = response.body;
  if (!isRecord(body) || !Array.isArray(body.groups)) throw unreadableAnswer('group search');
  return body.groups.flatMap((g: unknown) =>
    isRecord(g) && typeof g.groupId === 'string' && g.groupId !== '' && typeof g.name === 'string'
      ? [{ groupId: g.groupId, name: g.name }]
      : [],
  );
}

/** People the user picker finds for the query; app accounts (Automation for Jira, ...) are never top management. */
export async function findUsers(client: JiraClient, query: string): Promise<JiraPerson[]> {
  const text = query.trim();
  // Jira requires a query; an empty one would list everyone the window holds.
  if (text === '') return [];
  const response = await client.get(
    route`/rest/api/3/user/picker?query=${text}&maxResults=${USER_PICKER_WINDOW}&excludeConnectUsers=true`,
  );
  if (response.status !== 200) throw failureOf(response, 'the people');
  const body = response.body;
  if (!isRecord(body) || !Array.isArray(body.users)) throw unreadableAnswer('people search');
  return body.users
    .flatMap((u: unknown) =>
      isRecord(u) && typeof u.accountId === 'string' && u.accountId !== '' && u.accountType !== 'app'
        ? [{ accountId: u.accountId, displayName: typeof u.displayName === 'string' ? u.displayName : u.accountId }]
        : [],
    )
    .slice(0, MAX_PICKER_RESULTS);
}

/** The name of each group by id, null for an id Jira no longer has (`group/bulk` leaves it out of its answer). */
export async function groupsById(client: JiraClient, ids: readonly string[]): Promise<Record<string, string | null>> {
  const names = new Map<string, string | null>();
  for (let start = 0; start < ids.length; start += GROUP_BULK_IDS) {
    const batch = ids.slice(start, start + GROUP_BULK_IDS);
    const query = new URLSearchParams(batch.map((id) => ['groupId', id]));
    query.set('maxResults', String(GROUP_BULK_IDS));
    const response = await client.get(route`/rest/api/3/group/bulk?${query}`);
    if (response.status !== 200) throw failureOf(response, 'the groups');
    const body = response.body;
    if (!isRecord(body) || !Array.isArray(body.values)) throw unreadableAnswer('group');
    const found = new Map<string, string>();
    for (const group of body.values as unknown[])
      if (isRecord(group) && typeof group.groupId === 'string' && typeof group.name === 'string')
        found.set(group.groupId, group.name);
    for (const id of batch) names.set(id, found.get(id) ?? null);
  }
  return Object.fromEntries(names);
}

/**
 * The display name of each person by account id, null for one Jira no longer has (404). The first
 * failure (no permission to browse users, a rate limit) stops the asking: it would answer the rest the same.
 */
export async function peopleById(
  client: JiraClient,
  ids: readonly string[],
): Promise<{ names: Record<string, string | null>; problem?: string }> {
  const names = new Map<string, string | null>();
  let problem: string | undefined;
  await mapLimit(ids, PARALLEL_PEOPLE, async (accountId) => {
    if (problem !== undefined) return;
    try {
      const response = await client.get(route`/rest/api/3/user?accountId=${accountId}`);
      if (response.status === 404) names.set(accountId, null);
      else if (response.status !== 200) throw failureOf(response, 'the people');
      else {
        const body = response.body;
        names.set(accountId, isRecord(body) && typeof body.displayName === 'string' ? body.displayName : accountId);
      }
    } catch (error) {
      problem ??= appErrorMessage(error);
    }
  });
  const result = { names: Object.fromEntries(names) };
  return problem === undefined ? result : { ...result, problem };
}

/** The caller as a person, for the settings' history: their display name when Jira gives it. */
export async function myself(client: JiraClient, accountId: string): Promise<Person> {
  const response = await client.get(route`/rest/api/3/myself`);
  const body = response.body;
  const displayName =
    response.status === 200 &&
    typeof body === 'object' &&
    body !== null &&
    'displayName' in body &&
    typeof body.displayName === 'string'
      ? body.displayName
      : undefined;
  return displayName ? { accountId, displayName } : { accountId };
}
