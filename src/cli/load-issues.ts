import { projectKeyOf } from '../jira/transform';

/** Why a data file cannot be read as Jira issues. */
export class DataShapeError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSearchPage(value: unknown): value is { issues: unknown[] } {
  return isRecord(value) && Array.isArray(value.issues);
}

/**
 * The raw issues in what Jira's search returns: one `{ issues }` page, an array of such pages,
 * or an array of issues. Other projects' issues are left out.
 */
export function rawIssuesOf(data: unknown, projectKey: string): unknown[] {
  let issues: unknown[];
  if (isSearchPage(data)) {
    issues = data.issues;
  } else if (Array.isArray(data) && data.length > 0 && data.every(isSearchPage)) {
    issues = data.flatMap((page) => page.issues);
  } else if (Array.isArray(data)) {
    issues = data;
  } else {
    throw new DataShapeError('The data is not a Jira search response: expected { "issues": [...] }, an array of such pages, or an array of issues.');
  }
  return issues.filter((issue) => projectKeyOf(issue) === undefined || projectKeyOf(issue) === projectKey);
}
