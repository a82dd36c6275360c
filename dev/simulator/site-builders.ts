/**
 * Small factories for site data in tests: name only what the test is about, get a valid rest.
 * Ids are derived from keys so fixtures stay readable and deterministic.
 */
import type { JsonObject, JsonValue } from './json';
import { MULTI_USER_PICKER_TYPE, USER_PICKER_TYPE } from './site-substance';
import type {
  SiteChangeHistory,
  SiteChangeItem,
  SiteCustomField,
  SiteData,
  SiteGroup,
  SiteIssue,
  SiteIssueFields,
  SiteProject,
  SiteRemoteLink,
  SiteSecurityLevel,
  SiteUser,
} from './site-types';

export function siteUser(accountId: string, overrides: Partial<Omit<SiteUser, 'accountId'>> = {}): SiteUser {
  return { accountId, displayName: `User ${accountId}`, active: true, jiraAdmin: false, ...overrides };
}

export function siteProject(
  key: string,
  id: string,
  overrides: Partial<Omit<SiteProject, 'id' | 'key'>> = {},
): SiteProject {
  return { id, key, name: `Project ${key}`, browsers: '*', projectAdmins: [], ...overrides };
}

export function siteSecurityLevel(
  id: string,
  members: string[],
  overrides: Partial<Omit<SiteSecurityLevel, 'id' | 'members'>> = {},
): SiteSecurityLevel {
  return { id, name: `Level ${id}`, members, ...overrides };
}

export interface IssueSpec {
  /** e.g. 'ISMS-12'. */
  key: string;
  project: SiteProject;
  id?: string;
  summary?: string;
  labels?: string[];
  created?: string;
  updated?: string;
  /** `id` is the status id changelog items name in `from` / `to`. */
  status?: { name: string; category: 'new' | 'indeterminate' | 'done'; id?: string };
  securityLevel?: SiteSecurityLevel;
  /** Any further fields, e.g. duedate, resolutiondate, customfield_10042. */
  fields?: Record<string, JsonValue>;
  histories?: SiteChangeHistory[];
  remoteLinks?: SiteRemoteLink[];
}

const CATEGORY = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

export function siteIssue(spec: IssueSpec): SiteIssue {
  const number = Number(spec.key.slice(spec.key.lastIndexOf('-') + 1));
  const created = spec.created ?? new Date(Date.UTC(2025, 0, 1) + number * 3_600_000).toISOString();
  const status = spec.status ?? { name: 'To Do', category: 'new' };
  const fields: SiteIssueFields = {
    summary: spec.summary ?? `Issue ${spec.key}`,
    project: { id: spec.project.id, key: spec.project.key, name: spec.project.name },
    labels: spec.labels ?? [],
    created,
    updated: spec.updated ?? created,
    status: {
      ...(status.id !== undefined ? { id: status.id } : {}),
      name: status.name,
      statusCategory: { ...CATEGORY[status.category] },
    },
    ...(spec.securityLevel ? { security: { id: spec.securityLevel.id, name: spec.securityLevel.name } } : {}),
    ...spec.fields,
  };
  return {
    id: spec.id ?? String(Number(spec.project.id) * 1000 + number),
    key: spec.key,
    fields,
    ...(spec.histories ? { histories: spec.histories } : {}),
    ...(spec.remoteLinks ? { remoteLinks: spec.remoteLinks } : {}),
  };
}

export function emptySite(): SiteData {
  return { users: [], projects: [], securityLevels: [], fields: [], issues: [] };
}

export function siteGroup(groupId: string, name: string, members: string[]): SiteGroup {
  return { groupId, name, members };
}

/** A user as issue fields carry one (assignee, reporter, user pickers, comment authors). */
export function fieldUser(user: SiteUser): JsonObject {
  return {
    accountId: user.accountId,
    accountType: user.accountType ?? 'atlassian',
    displayName: user.displayName,
    active: user.active,
  };
}

/** A user-picker custom field as Jira declares it: single (`user`) or multi (`array` of `user`). */
export function userPickerField(id: string, name: string, multi: boolean): SiteCustomField {
  const customId = Number(id.replace('customfield_', ''));
  return {
    id,
    name,
    custom: true,
    schema: multi
      ? { type: 'array', items: 'user', custom: MULTI_USER_PICKER_TYPE, customId }
      : { type: 'user', custom: USER_PICKER_TYPE, customId },
  };
}

export function siteHistory(author: string | null, created: string, items: SiteChangeItem[]): SiteChangeHistory {
  return { author, created, items };
}

/** A status change item, as Jira writes a transition. */
export function statusChange(from: { id: string; name: string }, to: { id: string; name: string }): SiteChangeItem {
  return {
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from: from.id,
    fromString: from.name,
    to: to.id,
    toString: to.name,
  };
}

/** A labels change item: Jira writes the label lists before and after as space-separated words. */
export function labelsChange(before: string[], after: string[]): SiteChangeItem {
  return {
    field: 'labels',
    fieldtype: 'jira',
    fieldId: 'labels',
    from: null,
    fromString: before.join(' '),
    to: null,
    toString: after.join(' '),
  };
}

/** The `Workflow` item of a workflow migration: no fieldId, as on real sites. */
export function workflowChange(from: string, to: string): SiteChangeItem {
  return { field: 'Workflow', fieldtype: 'jira', from: '10000', fromString: from, to: '10001', toString: to };
}

export function siteRemoteLink(
  url: string,
  title: string,
  extra: Partial<Omit<SiteRemoteLink, 'object'>> & { object?: JsonObject } = {},
): SiteRemoteLink {
  const { object, ...rest } = extra;
  return { ...rest, object: { ...object, url, title } };
}
