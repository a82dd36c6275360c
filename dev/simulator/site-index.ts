/**
 * Read-only lookups over validated SiteData. Rebuilt whole on every site mutation: sites are small and
 * a fresh index can never disagree with the data it came from.
 */
import type { SiteCustomField, SiteData, SiteIssue, SiteProject, SiteSecurityLevel, SiteUser } from './site-types';

export interface IndexedIssue {
  issue: SiteIssue;
  project: SiteProject;
  labels: readonly string[];
  createdMs: number;
  updatedMs: number;
  securityLevel: SiteSecurityLevel | undefined;
  /** The number after the dash in the key, for Jira's key ordering (ISMS-10 after ISMS-9). */
  keyNumber: number;
}

export class SiteIndex {
  readonly data: SiteData;
  readonly users = new Map<string, SiteUser>();
  readonly projectsById = new Map<string, SiteProject>();
  /** Upper-cased key -> project (JQL matches project keys case-insensitively). */
  readonly projectsByKey = new Map<string, SiteProject>();
  readonly levels = new Map<string, SiteSecurityLevel>();
  readonly customFields = new Map<string, SiteCustomField>();
  readonly issues: IndexedIssue[] = [];
  readonly issuesById = new Map<string, IndexedIssue>();
  /** Upper-cased key -> issue. */
  readonly issuesByKey = new Map<string, IndexedIssue>();

  constructor(data: SiteData) {
    this.data = data;
    for (const user of data.users) this.users.set(user.accountId, user);
    for (const project of data.projects) {
      this.projectsById.set(project.id, project);
      this.projectsByKey.set(project.key.toUpperCase(), project);
    }
    for (const level of data.securityLevels) this.levels.set(level.id, level);
    for (const field of data.fields) this.customFields.set(field.id, field);
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
