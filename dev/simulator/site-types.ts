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
  /** `atlassian` for a person (default) or `app` for an app account such as Automation for Jira. */
  accountType?: SiteAccountType;
  /** Holds the global "Browse users and groups" permission (Jira's key `USER_PICKER`). Default true. */
  browseUsersAndGroups?: boolean;
}

export type SiteAccountType = 'atlassian' | 'app';

/** A Jira group. `groupId` is Jira's stable id (a UUID on real sites); names can change. */
export interface SiteGroup {
  groupId: string;
  name: string;
  /** Account ids of the members. */
  members: string[];
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
  /**
   * The issue types of the project's scheme, in the order Jira lists them. Default: a company-managed software
   * project's Task, Bug, Story, Epic and Subtask (issue-types.ts), with ids derived from the project id.
   */
  issueTypes?: SiteIssueType[];
  /**
   * Field ids the create screen requires beyond summary, issue type and project (e.g. `duedate` or a custom
   * field id), so a create without them is Jira's field-level 400. Default none.
   */
  requiredFields?: string[];
  /**
   * Account ids with the "Create issues" project permission (CREATE_ISSUES), or "*" for every active site user.
   * Default: the project's browsers. Jira admins and project admins hold it too; the app user with `appCanBrowse`.
   */
  creators?: string[] | '*';
}

/** An issue type of a project, as create metadata lists it. */
export interface SiteIssueType {
  /** Numeric text, as Jira's ids are. The same id in two projects must be the same (shared) type. */
  id: string;
  name: string;
  /** A sub-task type: created under a parent issue only. Default false. */
  subtask?: boolean;
  /** Jira's hierarchy: -1 sub-task, 0 standard (default), 1 epic. */
  hierarchyLevel?: number;
  description?: string;
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

/**
 * One changed field of a changelog entry, as Jira writes it: `field` and, each optional, `fieldtype`, `fieldId`,
 * `from`, `fromString`, `to`, `toString` (text, or null for an empty side). `fieldId` is absent on a workflow
 * migration's `Workflow` item, as on real sites. Typed with an index signature because a declared `toString`
 * property would clash with Object's method in TypeScript; site.ts checks the keys.
 */
export interface SiteChangeItem {
  field: string;
  [key: string]: string | null | undefined;
}

/** A changelog entry (a "history"): who changed what, when. */
export interface SiteChangeHistory {
  /** Jira's history id (numeric text, unique on the site); validation assigns one when absent. */
  id?: string;
  /** The author's account id (a site user, apps included), or null for an entry Jira names no author for. */
  author: string | null;
  /** A Jira date-time string. */
  created: string;
  items: SiteChangeItem[];
}

/** A remote issue link (GET /issue/{key}/remotelink), e.g. a Confluence page or a GitLab merge request. */
export interface SiteRemoteLink {
  /** Jira's link id, unique on the site; validation assigns one when absent. */
  id?: number;
  globalId?: string;
  application?: { [key: string]: JsonValue };
  relationship?: string;
  /** At least `url` and `title`, as the document requires; icon, status and summary as Jira sends them. */
  object: { url: string; title: string; [key: string]: JsonValue };
}

export interface SiteIssue {
  id: string;
  key: string;
  self?: string;
  fields: SiteIssueFields;
  /** The issue's changelog, in any order; served by expand=changelog and the bulk changelog fetch. */
  histories?: SiteChangeHistory[];
  remoteLinks?: SiteRemoteLink[];
}

export interface SiteData {
  users: SiteUser[];
  projects: SiteProject[];
  securityLevels: SiteSecurityLevel[];
  fields: SiteCustomField[];
  issues: SiteIssue[];
  /** Jira groups; default none. */
  groups?: SiteGroup[];
  /** Jira's "Issue linking" switch (Jira settings > Features). Off: remote link reads are a 403. Default true. */
  issueLinking?: boolean;
}
