/**
 * Read-only lookups over validated SiteData. Rebuilt whole on every site mutation: sites are small and
 * a fresh index can never disagree with the data it came from.
 */
import { projectIssueTypes, type ResolvedIssueType } from './issue-types';
import type {
  SiteChangeHistory,
  SiteCustomField,
  SiteData,
  SiteGroup,
  SiteIssue,
  SiteProject,
  SiteSecurityLevel,
  SiteUser,
} from './site-types';

/** A changelog entry with its time parsed, for ordering. */
export interface IndexedHistory {
  history: SiteChangeHistory & { id: string };
  createdMs: number;
}

export interface IndexedIssue {
  issue: SiteIssue;
  project: SiteProject;
  labels: readonly string[];
  createdMs: number;
  updatedMs: number;
  securityLevel: SiteSecurityLevel | undefined;
  /** The number after the dash in the key, for Jira's key ordering (ISMS-10 after ISMS-9). */
  keyNumber: number;
  /** The changelog, oldest first (by time, then history id). */
  histories: IndexedHistory[];
}

export class SiteIndex {
  readonly data: SiteData;
  readonly users = new Map<string, SiteUser>();
  readonly projectsById = new Map<string, SiteProject>();
  /** Upper-cased key -> project (JQL matches project keys case-insensitively). */
  readonly projectsByKey = new Map<string, SiteProject>();
  /** Project id -> its issue types, defaults filled in (issue-types.ts). */
  readonly issueTypes = new Map<string, ResolvedIssueType[]>();
  readonly levels = new Map<string, SiteSecurityLevel>();
  readonly customFields = new Map<string, SiteCustomField>();
  readonly issues: IndexedIssue[] = [];
  readonly issuesById = new Map<string, IndexedIssue>();
  /** Upper-cased key -> issue. */
  readonly issuesByKey = new Map<string, IndexedIssue>();
  /** Groups sorted by name, as Jira lists them. */
  readonly groups: SiteGroup[];
  readonly groupsById = new Map<string, SiteGroup>();
  /** Account id -> the groups the account is a member of, sorted by name. */
  readonly groupsOfUser = new Map<string, SiteGroup[]>();
  readonly issueLinking: boolean;

  constructor(data: SiteData) {
    this.data = data;
    for (const user of data.users) this.users.set(user.accountId, user);
    for (const project of data.projects) {
      this.projectsById.set(project.id, project);
      this.projectsByKey.set(project.key.toUpperCase(), project);
      this.issueTypes.set(project.id, projectIssueTypes(project));
    }
    for (const level of data.securityLevels) this.levels.set(level.id, level);
    for (const field of data.fields) this.customFields.set(field.id, field);
    this.groups = [...(data.groups ?? [])].sort((a, b) => compareText(a.name, b.name));
    for (const group of this.groups) {
      this.groupsById.set(group.groupId, group);
      for (const member of group.members)
        this.groupsOfUser.set(member, [...(this.groupsOfUser.get(member) ?? []), group]);
    }
    this.issueLinking = data.issueLinking !== false;
    for (const issue of data.issues) {
      const project = this.projectsById.get(issue.fields.project.id);
      if (!project) throw new Error(`SiteIndex: issue ${issue.key} names unknown project ${issue.fields.project.id}`);
      const securityId = issue.fields.security?.id;
      const indexed: IndexedIssue = {
        issue,
        project,
        labels: issue.fields.labels,
        createdMs: Date.parse(issue.fields.created),
        updatedMs: Date.parse(issue.fields.updated),
        securityLevel: securityId === undefined ? undefined : this.levels.get(securityId),
        keyNumber: Number(issue.key.slice(issue.key.lastIndexOf('-') + 1)),
        histories: (issue.histories ?? [])
          .map(({ id, ...history }) => {
            // validateSite numbers every history; an index is only ever built from validated data.
            if (id === undefined) throw new Error(`SiteIndex: a history of ${issue.key} has no id`);
            return { history: { ...history, id }, createdMs: Date.parse(history.created) };
          })
          .sort((a, b) => a.createdMs - b.createdMs || Number(a.history.id) - Number(b.history.id)),
      };
      this.issues.push(indexed);
      this.issuesById.set(issue.id, indexed);
      this.issuesByKey.set(issue.key.toUpperCase(), indexed);
    }
  }

  /** Jira's issue lookup: by id, else by key ignoring case. */
  findIssue(idOrKey: string): IndexedIssue | undefined {
    return this.issuesById.get(idOrKey) ?? this.issuesByKey.get(idOrKey.toUpperCase());
  }
}

/** Case-insensitive text order, then exact, so equal-looking names still sort the same way every time. */
export function compareText(a: string, b: string): number {
  const folded = a.toLowerCase().localeCompare(b.toLowerCase(), 'en');
  return folded !== 0 ? folded : a < b ? -1 : a > b ? 1 : 0;
}
