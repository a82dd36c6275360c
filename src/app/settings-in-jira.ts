/**
 * The settings as Jira knows them (spec 8.8, 11), read as the admin: the names of the groups,
 * people, fields and projects a config holds, for the admin page, and what a save must pass with
 * Jira beyond validateConfig.
 */
import type { FieldError } from '../core/config';
import type { CoverageConfig } from '../core/types';
import type { ConfiguredNames } from '../contract/invoke';
import { allSettledOrThrow } from '../concurrency';
import { AppError, appErrorMessage } from '../errors';
import type { JiraClient } from '../jira/client';
import { readFields, type FieldInfo } from '../jira/fields';
import { groupsById, peopleById } from '../jira/people';
import { projectNames } from '../jira/project-names';
import { scopeProjectKeys } from '../jira/scope-check';

/** What was already read from Jira for the same config (by the save's checks), so it is not read twice. */
export interface KnownLookups {
  groups?: Record<string, string | null>;
  fields?: Map<string, FieldInfo>;
}

const fieldIdsOf = (config: CoverageConfig): string[] =>
  [...new Set([config.approverField, config.attendeesField])].filter((id): id is string => id !== null);

/**
 * The names of the groups, people, fields and projects the config holds, for the admin page; undefined when
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
      problems.push(appErrorMessage(error));
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
  const [groupRead, fields] = await allSettledOrThrow([
    groups.length === 0 ? undefined : groupsById(client, groups).catch(groupsUnreadable),
    fieldIdsOf(config).length === 0 ? undefined : readFields(client),
  ]);
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
