/**
 * The active members of the groups named as top management (spec 13.1), read as the user with
 * `group/member`: every page of each group once per view, 50 members a page (the most Jira sends),
 * one request per page and none per issue. A read Jira refuses or fails never fails the report: the
 * members read are returned with `problem`, a sentence saying which groups are missing and why.
 * Without Browse users and groups the first group is refused and no other is asked (one refusal
 * answers for all). A failure after Jira's retries (a rate limit, an outage, the invocation's
 * budget spent) stops new groups from being started: the budget is gone by then, and each more
 * request would only spend Jira's quota to be refused the same way.
 */
import { route } from '@forge/api';
import { isRecord } from '../core/guards';
import { mapLimit } from '../concurrency';
import { AppError } from '../errors';
import type { JiraClient, JiraResponse } from './client';
import { failureOf, unreadableAnswer } from './errors';
import { NO_BROWSE_USERS } from './substance-reads';

/** The document: `maxResults` "should be between 1 and 50". */
export const GROUP_MEMBER_PAGE = 50;
/**
 * Pages read of one group at most: 1,000 members. Top management is a few people; a group larger
 * than this is not top management, and reading all of it would spend the view's budget on it.
 */
export const MAX_GROUP_MEMBER_PAGES = 20;
/** Groups read at once: quick, and gentle on Jira's per-second limits. */
const PARALLEL_GROUPS = 4;

export interface GroupMember {
  accountId: string;
  displayName: string;
}

export interface GroupMembers {
  /** Each group read, by id, its members in Jira's order; a group that could not be read is missing. */
  members: Map<string, GroupMember[]>;
  /** Why some groups are missing or cut short; undefined when every group was read in full. */
  problem?: string;
}

/** How the read of one group ended. */
type Outcome =
  | { kind: 'read'; members: GroupMember[] }
  | { kind: 'cut'; members: GroupMember[]; total: number | undefined }
  | { kind: 'refused' }
  | { kind: 'gone' }
  /** `stops`: Jira failed after the client's retries, so no other group is started. */
  | { kind: 'failed'; reason: string; stops: boolean };

/** A member a report can name: an active person with an account id; app accounts are never top management. */
function toMember(value: unknown): GroupMember | null {
  if (!isRecord(value) || typeof value.accountId !== 'string' || value.accountId === '') return null;
  if (value.accountType === 'app' || value.active === false) return null;
  const displayName = typeof value.displayName === 'string' && value.displayName ? value.displayName : value.accountId;
  return { accountId: value.accountId, displayName };
}

/** Every page of one group, each member once (offset pages can overlap when the group changes meanwhile). */
async function readGroup(client: JiraClient, groupId: string): Promise<Outcome> {
  const byId = new Map<string, GroupMember>();
  let startAt = 0;
  let total: number | undefined;
  for (let page = 0; page < MAX_GROUP_MEMBER_PAGES; page += 1) {
    let response: JiraResponse;
    try {
      response = await client.get(
        route`/rest/api/3/group/member?groupId=${groupId}&includeInactiveUsers=false&startAt=${startAt}&maxResults=${GROUP_MEMBER_PAGE}`,
      );
    } catch (error) {
      // Rate limited, unavailable or out of time after the retries: the budget is spent. A fault is thrown on.
      if (!(error instanceof AppError)) throw error;
      return { kind: 'failed', reason: error.message, stops: true };
    }
    if (response.status === 401 || response.status === 403) return { kind: 'refused' };
    if (response.status === 404) return { kind: 'gone' };
    if (response.status !== 200)
      return { kind: 'failed', reason: failureOf(response, 'the members of a group').message, stops: false };
    const body = response.body;
    if (!isRecord(body) || !Array.isArray(body.values))
      return { kind: 'failed', reason: unreadableAnswer('group members').message, stops: false };
    const values: unknown[] = body.values;
    for (const value of values) {
      const member = toMember(value);
      if (member && !byId.has(member.accountId)) byId.set(member.accountId, member);
    }
    startAt += values.length;
    total = typeof body.total === 'number' ? body.total : undefined;
    const isLast = typeof body.isLast === 'boolean' ? body.isLast : total !== undefined && startAt >= total;
    if (isLast || values.length === 0) return { kind: 'read', members: [...byId.values()] };
  }
  return { kind: 'cut', members: [...byId.values()], total };
}

/** The groups whose read ended in `reason`, with the groups never started after it stopped the reading. */
function failuresByReason(all: [string, Outcome | undefined][]): Map<string, string[]> {
  const failures = new Map<string, string[]>();
  let stoppedBy: string | undefined;
  for (const [id, o] of all) {
    if (o?.kind !== 'failed') continue;
    failures.set(o.reason, [...(failures.get(o.reason) ?? []), id]);
    if (o.stops) stoppedBy ??= o.reason;
  }
  // Groups never started stand with the failure that stopped the reading: it kept them unread too.
  const notAsked = all.flatMap(([id, o]) => (o === undefined ? [id] : []));
  if (stoppedBy !== undefined) failures.get(stoppedBy)?.push(...notAsked);
  return failures;
}

/** The sentences saying what could not be read, in the order of the groups asked for. */
function problemOf(outcomes: Map<string, Outcome | undefined>, names: ReadonlyMap<string, string>): string | undefined {
  const named = (id: string): string => {
    const name = names.get(id);
    return name ? `“${name}”` : id;
  };
  const groupWord = (ids: string[]): string =>
    ids.length === 1 ? `group ${named(ids[0] ?? '')}` : `groups ${ids.map(named).join(', ')}`;
  const all = [...outcomes];
  const sentences: string[] = [];
  // One refusal answers for every group: the viewer lacks the permission.
  if (all.some(([, o]) => o?.kind === 'refused'))
    sentences.push(`Jira did not list the members of the named groups: ${NO_BROWSE_USERS}.`);
  const gone = all.flatMap(([id, o]) => (o?.kind === 'gone' ? [id] : []));
  if (gone.length > 0)
    sentences.push(`The ${groupWord(gone)} no longer ${gone.length === 1 ? 'exists' : 'exist'} in Jira.`);
  for (const [reason, ids] of failuresByReason(all))
    sentences.push(`The members of the ${groupWord(ids)} could not be read: ${reason}`);
  for (const [id, o] of all) {
    if (o?.kind !== 'cut') continue;
    const n = o.members.length;
    const were = n === 1 ? 'was' : 'were';
    sentences.push(
      o.total !== undefined
        ? `Only ${n} of the ${o.total} active members of the group ${named(id)} ${were} read.`
        : `Only the first ${n} active member${n === 1 ? '' : 's'} of the group ${named(id)} ${were} read.`,
    );
  }
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/**
 * The active people in each group (`groupIds`, each read once however often named), app accounts
 * left out, by group id. Jira's refusals and failures are said in `problem` and the other groups
 * still read (a 404: the group no longer exists); a fault in the app itself is thrown. `names`,
 * where the caller knows them, name the groups in `problem`; otherwise their ids do.
 */
export async function groupMembers(
  client: JiraClient,
  groupIds: readonly string[],
  names: ReadonlyMap<string, string> = new Map(),
): Promise<GroupMembers> {
  const groups = [...new Set(groupIds.filter((id) => id !== ''))];
  const outcomes = new Map<string, Outcome | undefined>(groups.map((id) => [id, undefined]));
  let stop = false;
  const read = async (groupId: string): Promise<void> => {
    if (stop) return;
    const outcome = await readGroup(client, groupId);
    outcomes.set(groupId, outcome);
    if (outcome.kind === 'refused' || (outcome.kind === 'failed' && outcome.stops)) stop = true;
  };
  // The first group alone: a viewer without the permission is refused once, not once per group.
  for (const groupId of groups.slice(0, 1)) await read(groupId);
  await mapLimit(groups.slice(1), PARALLEL_GROUPS, read);

  const members = new Map<string, GroupMember[]>();
  for (const [id, o] of outcomes) if (o?.kind === 'read' || o?.kind === 'cut') members.set(id, o.members);
  const problem = problemOf(outcomes, names);
  return problem === undefined ? { members } : { members, problem };
}
