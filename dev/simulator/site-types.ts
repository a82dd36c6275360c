/**
 * The site file format: who exists, which projects they can browse, and the issues Jira would return.
 * Issues are Jira REST v3 issue objects, so fixtures can be pasted from a real search response.
 */
import type { JsonValue } from './json';

export interface SiteUser {
  accountId: string;
  displayName: string;
  active: boolean;
  /** Holds the global "Administer Jira" permission. */
  jiraAdmin: boolean;
  emailAddress?: string;
  timeZone?: string;
  locale?: string;
}

export interface SiteProject {
  id: string;
  key: string;
  name: string;
  /** Account ids with "Browse projects", or "*" for every active site user. */
  browsers: string[] | '*';
  /** Account ids with "Administer projects"; they can also browse the project. */
  projectAdmins: string[];
  description?: string;
  projectTypeKey?: string;
  /**
   * Whether the Forge app user can browse the project (asApp). Jira grants this through the
   * atlassian-addons-project-access role, which default schemes include. Default true.
   */
  appCanBrowse?: boolean;
}

export interface SiteSecurityLevel {
  id: string;
  name: string;
  members: string[];
  description?: string;
  /** Whether the Forge app user is in the level. Jira does not add apps to levels by default. Default false. */
  appIsMember?: boolean;
}

export interface SiteFieldSchema {
  type: string;
  custom?: string;
  customId?: number;
  items?: string;
  system?: string;
}

export interface SiteCustomField {
  id: string;
  name: string;
  custom: true;
  schema: SiteFieldSchema;
}

export type SiteProjectRef = { id: string; key: string; name: string };
export type SiteSecurityRef = { id: string; name: string };

/** Issue fields as Jira returns them; the named ones are the ones the simulator reads. */
export type SiteIssueFields = {
  summary: string;
  project: SiteProjectRef;
  labels: string[];
  created: string;
  updated: string;
  security?: SiteSecurityRef | null;
  [fieldId: string]: JsonValue | undefined;
};

export interface SiteIssue {
  id: string;
  key: string;
  self?: string;
  fields: SiteIssueFields;
}

export interface SiteData {
  users: SiteUser[];
  projects: SiteProject[];
  securityLevels: SiteSecurityLevel[];
  fields: SiteCustomField[];
  issues: SiteIssue[];
}
