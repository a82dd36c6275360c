import { projectKeyOf } from '../jira/transform';
import { isRecord } from '../core/guards';

/** Why a data file cannot be read as Jira issues. */
export class DataShapeError extends Error {}

export const NOT_AN_EXPORT =
  'The data is not a Jira search response: expected { "issues": [...] }, an array of such pages, or an array of issues.';

export function isSearchPage(value: unknown): value is { issues: unknown[] } {
  return isRecord(value) && Array.isArray(value.issues);
}

/** The raw issues in what Jira's search returns: one `{ issues }` page, an array of such pages, or an array of issues. */
export function issuesIn(data: unknown): unknown[] {
  if (isSearchPage(data)) return data.issues;
  if (Array.isArray(data) && data.length > 0 && data.every(isSearchPage)) return data.flatMap((page) => page.issues);
  if (Array.isArray(data)) return data;
  throw new DataShapeError(NOT_AN_EXPORT);
}

/** Whether a raw issue is of the project; what cannot be placed in a project is kept, to fail with its own message. */
export function isOfProject(issue: unknown, projectKey: string): boolean {
  const key = projectKeyOf(issue);
  return key === undefined || key === projectKey;
}
