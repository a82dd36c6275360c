/**
 * A project's issue types: the ones its site entry names, or the defaults of a Jira Cloud company-managed
 * software project. Default ids are the project id followed by two digits, so they are unique on the site and
 * stay the same from one run to the next.
 */
import type { JsonObject } from './json';
import type { SiteIssueType, SiteProject } from './site-types';

/** An issue type with every optional property settled. */
export interface ResolvedIssueType {
  id: string;
  name: string;
  subtask: boolean;
  hierarchyLevel: number;
  description: string;
}

/** Jira Cloud's default types and their descriptions, in the order a new software project lists them. */
const DEFAULT_TYPES: ReadonlyArray<Omit<ResolvedIssueType, 'id'>> = [
  { name: 'Task', subtask: false, hierarchyLevel: 0, description: 'Tasks track small, distinct pieces of work.' },
  { name: 'Bug', subtask: false, hierarchyLevel: 0, description: 'Bugs track problems or errors.' },
  {
    name: 'Story',
    subtask: false,
    hierarchyLevel: 0,
    description: 'Stories track functionality or features expressed as user goals.',
  },
  {
    name: 'Epic',
    subtask: false,
    hierarchyLevel: 1,
    description: 'Epics track collections of related bugs, stories, and tasks.',
  },
  {
    name: 'Subtask',
    subtask: true,
    hierarchyLevel: -1,
    description: 'Subtasks track small pieces of work that are part of a larger task.',
  },
];

export function resolveIssueType(type: SiteIssueType): ResolvedIssueType {
  const subtask = type.subtask === true;
  return {
    id: type.id,
    name: type.name,
    subtask,
    hierarchyLevel: type.hierarchyLevel ?? (subtask ? -1 : 0),
    description: type.description ?? '',
  };
}

export function projectIssueTypes(project: Pick<SiteProject, 'id' | 'issueTypes'>): ResolvedIssueType[] {
  if (project.issueTypes) return project.issueTypes.map(resolveIssueType);
  return DEFAULT_TYPES.map((type, i) => ({ ...type, id: `${project.id}${String(i + 1).padStart(2, '0')}` }));
}

/** IssueTypeIssueCreateMetadata (createmeta) and the `issuetype` field of an issue: the same properties. */
export function issueTypeJson(type: ResolvedIssueType, siteUrl: string): JsonObject {
  return {
    self: `${siteUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${siteUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.id}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    hierarchyLevel: type.hierarchyLevel,
  };
}
