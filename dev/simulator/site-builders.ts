/**
 * Small factories for site data in tests: name only what the test is about, get a valid rest.
 * Ids are derived from keys so fixtures stay readable and deterministic.
 */
import type { JsonValue } from './json';
import type { SiteData, SiteIssue, SiteIssueFields, SiteProject, SiteSecurityLevel, SiteUser } from './site-types';

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
  status?: { name: string; category: 'new' | 'indeterminate' | 'done' };
  securityLevel?: SiteSecurityLevel;
  /** Any further fields, e.g. duedate, resolutiondate, customfield_10042. */
  fields?: Record<string, JsonValue>;
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
    status: { name: status.name, statusCategory: { ...CATEGORY[status.category] } },
    ...(spec.securityLevel ? { security: { id: spec.securityLevel.id, name: spec.securityLevel.name } } : {}),
    ...spec.fields,
  };
  return { id: spec.id ?? String(Number(spec.project.id) * 1000 + number), key: spec.key, fields };
}

export function emptySite(): SiteData {
  return { users: [], projects: [], securityLevels: [], fields: [], issues: [] };
}
