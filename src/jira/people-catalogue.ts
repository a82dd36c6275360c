/**
 * Jira's people as the admin page needs them (spec 8.1, 8.8), read as the admin: the group and
 * user pickers, the user-picker fields, the names of the groups, people and fields a config holds,
 * and what a save must pass with Jira. Nothing here is read per issue, and a config names at most
 * 20 groups (one `group/bulk` request) and 200 people (one request each, a few at once).
 */
import { route } from '@forge/api';
import type { FieldError } from '../core/config';
import { isRecord } from '../core/guards';
import type { CoverageConfig } from '../core/types';
import type { ConfiguredNames, JiraGroup, JiraPerson, UserField } from '../contract/invoke';
import { AppError } from '../resolvers/app-error';
import type { JiraClient } from './client';
import { failureOf } from './errors';
import { mapLimit } from './parallel';
import { projectNames } from './project-names';

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

const unreadable = (what: string) =>
  new AppError('JIRA_UNAVAILABLE', `Jira answered the ${what} request with something the app cannot read.`);

/** Groups whose name contains the query (any case), by name as Jira sorts them. */
export async function findGroups(client: JiraClient, query: string): Promise<JiraGroup[]> {
  const response = await client.get(
    route`/rest/api/3/groups/picker?query=${query.trim()}&maxResults=${MAX_PICKER_RESULTS}&caseInsensitive=true`,
  );
  if (response.status !== 200) throw failureOf(response, 'the groups');
  const body = response.body;
  if (!isRecord(body) || !Array.isArray(body.groups)) throw unreadable('group search');
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
  if (!isRecord(body) || !Array.isArray(body.users)) throw unreadable('people search');
  return body.users
    .flatMap((u: unknown) =>
      isRecord(u) && typeof u.accountId === 'string' && u.accountId !== '' && u.accountType !== 'app'
        ? [{ accountId: u.accountId, displayName: typeof u.displayName === 'string' ? u.displayName : u.accountId }]
        : [],
    )
    .slice(0, MAX_PICKER_RESULTS);
}

/** A field as the checks need it: its name, and which kind of user picker it is, if any. */
export interface FieldInfo {
  name: string;
  users: 'single' | 'multi' | null;
}

/** A single user (`user`) or a list of users (`array` of `user`), as Jira's field schema says. */
function usersKind(schema: unknown): FieldInfo['users'] {
  if (!isRecord(schema)) return null;
  if (schema.type === 'user') return 'single';
  return schema.type === 'array' && schema.items === 'user' ? 'multi' : null;
}

/** Every field Jira has, by id. */
export async function readFields(client: JiraClient): Promise<Map<string, FieldInfo>> {
  const response = await client.get(route`/rest/api/3/field`);
  if (response.status !== 200) throw failureOf(response, 'the fields');
  if (!Array.isArray(response.body)) throw unreadable('field list');
  const fields = new Map<string, FieldInfo>();
  for (const field of response.body as unknown[]) {
    if (isRecord(field) && typeof field.id === 'string' && typeof field.name === 'string')
      fields.set(field.id, { name: field.name, users: usersKind(field.schema) });
  }
  return fields;
}

/** The user-picker custom fields (system ones such as the assignee are the app's own facts already). */
export async function userFields(client: JiraClient): Promise<UserField[]> {
  const fields: UserField[] = [];
  for (const [id, field] of await readFields(client)) {
    if (id.startsWith('customfield_') && field.users !== null)
      fields.push({ id, name: field.name, multi: field.users === 'multi' });
  }
  return fields.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
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
    if (!isRecord(body) || !Array.isArray(body.values)) throw unreadable('group');
    const found = new Map<string, string>();
    for (const group of body.values as unknown[])
      if (isRecord(group) && typeof group.groupId === 'string' && typeof group.name === 'string')
        found.set(group.groupId, group.name);
    for (const id of batch) names.set(id, found.get(id) ?? null);
  }
  return Object.fromEntries(names);
}

const problemOf = (error: unknown): string => {
  if (error instanceof AppError) return error.message;
  throw error;
};

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
      problem ??= problemOf(error);
    }
  });
  const result = { names: Object.fromEntries(names) };
  return problem === undefined ? result : { ...result, problem };
}

/** What was already read from Jira for the same config (by the save's checks), so it is not read twice. */
export interface KnownLookups {
  groups?: Record<string, string | null>;
  fields?: Map<string, FieldInfo>;
}

const fieldIdsOf = (config: CoverageConfig): string[] =>
  [...new Set([config.approverField, config.attendeesField])].filter((id): id is string => id !== null);

/**
 * The names of the groups, people and fields the config holds, for the admin page; undefined when
 * it holds none. A read that fails leaves its ids out and says why in `problem`: the settings can
 * still be shown and edited while Jira cannot name them.
 */
export async function configuredNames(
  client: JiraClient,
  config: CoverageConfig,
  known: KnownLookups = {},
): Promise<ConfiguredNames | undefined> {
  const { groups, accountIds } = config.topManagement;
  const fieldIds = fieldIdsOf(config);
  const projectKeys = scopeProjectKeys(config);
  if (groups.length === 0 && accountIds.length === 0 && fieldIds.length === 0 && projectKeys.length === 0)
    return undefined;
  const problems: string[] = [];
  const guarded = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      problems.push(problemOf(error));
      return fallback;
    }
  };
  const [groupNames, people, fields, projects] = await Promise.all([
    groups.length === 0 ? {} : (known.groups ?? guarded(() => groupsById(client, groups), {})),
    accountIds.length === 0 ? { names: {}, problem: undefined } : peopleById(client, accountIds),
    fieldIds.length === 0 ? new Map<string, FieldInfo>() : (known.fields ?? guarded(() => readFields(client), null)),
    projectKeys.length === 0 ? {} : guarded(() => projectNames(client, projectKeys), {}),
  ]);
  if (people.problem !== undefined) problems.push(people.problem);
  const names: ConfiguredNames = {
    groups: groupNames,
    people: people.names,
    fields: fields ? Object.fromEntries(fieldIds.map((id) => [id, fields.get(id)?.name ?? null])) : {},
  };
  if (projectKeys.length > 0) names.projects = projects;
  if (problems.length > 0)
    names.problem = `Some names could not be read from Jira: ${[...new Set(problems)].join(' ')}`;
  return names;
}

/** Every project key the page scopes name (spec 11), once. */
function scopeProjectKeys(config: CoverageConfig): string[] {
  return [...new Set(Object.entries(config.scopes).flatMap(([page, keys]) => [page, ...keys]))];
}

/**
 * What a save must pass with Jira beyond validateConfig (spec 8.8), as field errors by the config's
 * paths: the approver field a user picker, the attendees field a multi-user picker, every group
 * still in Jira. A Jira failure that leaves a check undone is thrown: nothing unchecked is saved.
 */
export async function checkWithJira(
  client: JiraClient,
  config: CoverageConfig,
): Promise<{ errors: FieldError[]; known: KnownLookups }> {
  const { groups } = config.topManagement;
  // Both settle before either failure is thrown, so no read is left running after one.
  const [groupsRead, fieldsRead] = await Promise.allSettled([
    groups.length === 0 ? undefined : groupsById(client, groups).catch(groupsUnreadable),
    fieldIdsOf(config).length === 0 ? undefined : readFields(client),
  ]);
  if (groupsRead.status === 'rejected') throw groupsRead.reason;
  if (fieldsRead.status === 'rejected') throw fieldsRead.reason;
  const groupRead = groupsRead.value;
  const fields = fieldsRead.value;
  const errors: FieldError[] = [];
  if (groupRead === 'forbidden')
    errors.push({
      field: 'topManagement.groups',
      message: 'cannot be checked: Jira does not let you read groups (it takes the Browse users and groups permission)',
    });
  else if (groupRead)
    groups.forEach((id, index) => {
      if (groupRead[id] === null)
        errors.push({ field: `topManagement.groups.${index}`, message: 'no longer exists in Jira' });
    });
  if (fields) {
    const approver = fieldProblem(config.approverField, fields, 'user');
    if (approver) errors.push({ field: 'approverField', message: approver });
    const attendees = fieldProblem(config.attendeesField, fields, 'multi');
    if (attendees) errors.push({ field: 'attendeesField', message: attendees });
  }
  const known: KnownLookups = {};
  if (groupRead && groupRead !== 'forbidden') known.groups = groupRead;
  if (fields) known.fields = fields;
  return { errors, known };
}

/** Why a configured field cannot serve: gone, or not the kind of user picker the setting needs. */
function fieldProblem(id: string | null, fields: Map<string, FieldInfo>, need: 'user' | 'multi'): string | null {
  if (id === null) return null;
  const field = fields.get(id);
  if (!field) return 'no longer exists in Jira';
  if (need === 'multi' && field.users !== 'multi') return 'is not a multi-user-picker field';
  return field.users === null ? 'is not a user-picker field' : null;
}

/** Not allowed to read groups is the admin's to fix, said at the control; anything else is thrown as it is. */
function groupsUnreadable(error: unknown): 'forbidden' {
  if (error instanceof AppError && error.code === 'FORBIDDEN') return 'forbidden';
  throw error;
}
