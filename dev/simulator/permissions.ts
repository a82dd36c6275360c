/**
 * Who may see what, following Jira Cloud's rules as far as the site format can express them:
 * - an issue is visible when its project is browsable and, if it has a security level, the caller is a member
 *   (Jira admins are not exempt from security levels);
 * - Jira admins and project admins can browse a project;
 * - the Forge app user browses projects with `appCanBrowse` (default true) and sees secured issues only in
 *   levels with `appIsMember`;
 * - "Browse users and groups" (USER_PICKER) is held per user (`browseUsersAndGroups`, default true), and by the
 *   app user always: Jira grants it to the atlassian-addons groups apps are in;
 * - "Create issues" (CREATE_ISSUES) is held by a project's `creators` (default its browsers) who can browse it.
 */
import type { IndexedIssue, SiteIndex } from './site-index';
import type { SiteProject, SiteUser } from './site-types';

export type Caller = { kind: 'user'; user: SiteUser } | { kind: 'app' };

export function canBrowseProject(caller: Caller, project: SiteProject): boolean {
  if (caller.kind === 'app') return project.appCanBrowse !== false;
  const { accountId, jiraAdmin } = caller.user;
  if (jiraAdmin) return true;
  if (project.projectAdmins.includes(accountId)) return true;
  return project.browsers === '*' || project.browsers.includes(accountId);
}

export function canAdministerProject(caller: Caller, project: SiteProject): boolean {
  if (caller.kind === 'app') return false;
  // Jira grants project administration to holders of the global "Administer Jira" permission.
  return caller.user.jiraAdmin || project.projectAdmins.includes(caller.user.accountId);
}

/**
 * "Create issues": the project's creators (default: its browsers), plus Jira admins and project admins, as the
 * site format says; the app user with `appCanBrowse` (the atlassian-addons-project-access role default schemes
 * grant it to). Creating needs Browse projects too, so a creator who cannot browse the project cannot create.
 */
export function canCreateIssues(caller: Caller, project: SiteProject): boolean {
  if (!canBrowseProject(caller, project)) return false;
  if (caller.kind === 'app') return true;
  const { accountId, jiraAdmin } = caller.user;
  if (jiraAdmin || project.projectAdmins.includes(accountId)) return true;
  const creators = project.creators ?? project.browsers;
  return creators === '*' || creators.includes(accountId);
}

export function canSeeIssue(caller: Caller, issue: IndexedIssue): boolean {
  if (!canBrowseProject(caller, issue.project)) return false;
  const level = issue.securityLevel;
  if (!level) return true;
  if (caller.kind === 'app') return level.appIsMember === true;
  return level.members.includes(caller.user.accountId);
}

export function canBrowseUsersAndGroups(caller: Caller): boolean {
  return caller.kind === 'app' || caller.user.browseUsersAndGroups !== false;
}

export function visibleIssues(site: SiteIndex, caller: Caller): IndexedIssue[] {
  return site.issues.filter((issue) => canSeeIssue(caller, issue));
}

export interface PermissionDefinition {
  id: string;
  key: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

const PERMISSION_DEFINITIONS: readonly PermissionDefinition[] = [
  {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  {
    id: '27',
    key: 'USER_PICKER',
    name: 'Browse users and groups',
    type: 'GLOBAL',
    description:
      'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.',
  },
  {
    id: '10',
    key: 'BROWSE_PROJECTS',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  {
    id: '11',
    key: 'CREATE_ISSUES',
    name: 'Create Issues',
    type: 'PROJECT',
    description: 'Ability to create issues.',
  },
  {
    id: '23',
    key: 'ADMINISTER_PROJECTS',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
];

/** The permissions GET /mypermissions can answer; ids, names and descriptions as Jira Cloud reports them. */
export const MODELLED_PERMISSIONS: ReadonlyMap<string, PermissionDefinition> = new Map(
  PERMISSION_DEFINITIONS.map((p) => [p.key, p]),
);

/**
 * Real Jira permission keys the simulator has no data for. Asking for them is a 400 naming the gap, so a test
 * never passes on an answer the simulator made up.
 */
export const UNMODELLED_JIRA_PERMISSIONS: ReadonlySet<string> = new Set([
  'SYSTEM_ADMIN',
  'CREATE_SHARED_OBJECTS',
  'MANAGE_GROUP_FILTER_SUBSCRIPTIONS',
  'BULK_CHANGE',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'DELETE_ISSUES',
  'LINK_ISSUES',
  'MOVE_ISSUES',
  'SCHEDULE_ISSUES',
  'SET_ISSUE_SECURITY',
  'MODIFY_REPORTER',
  'ADD_COMMENTS',
  'EDIT_ALL_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'DELETE_ALL_COMMENTS',
  'DELETE_OWN_COMMENTS',
  'CREATE_ATTACHMENTS',
  'DELETE_ALL_ATTACHMENTS',
  'DELETE_OWN_ATTACHMENTS',
  'WORK_ON_ISSUES',
  'EDIT_OWN_WORKLOGS',
  'EDIT_ALL_WORKLOGS',
  'DELETE_OWN_WORKLOGS',
  'DELETE_ALL_WORKLOGS',
  'VIEW_DEV_TOOLS',
  'VIEW_READONLY_WORKFLOW',
  'VIEW_VOTERS_AND_WATCHERS',
  'MANAGE_WATCHERS',
  'MANAGE_SPRINTS_PERMISSION',
]);

/** Project-scope answer: does the caller hold `key` in `project`? */
export function hasProjectPermission(caller: Caller, project: SiteProject, key: string): boolean {
  if (key === 'BROWSE_PROJECTS') return canBrowseProject(caller, project);
  if (key === 'ADMINISTER_PROJECTS') return canAdministerProject(caller, project);
  if (key === 'CREATE_ISSUES') return canCreateIssues(caller, project);
  return false;
}

/** Global-scope answer: global permissions as held; project permissions if held in any project (as Jira does). */
export function hasPermissionAnywhere(caller: Caller, site: SiteIndex, definition: PermissionDefinition): boolean {
  if (definition.type === 'GLOBAL') {
    if (definition.key === 'USER_PICKER') return canBrowseUsersAndGroups(caller);
    return definition.key === 'ADMINISTER' && caller.kind === 'user' && caller.user.jiraAdmin;
  }
  return site.data.projects.some((project) => hasProjectPermission(caller, project, definition.key));
}
