import { route } from '@forge/api';
import { AppError } from '../resolvers/app-error';
import type { JiraClient } from './client';
import { failureOf } from './errors';

/** Jira pages search results; asking for its maximum lets it send the largest page it allows. */
export const SEARCH_PAGE_SIZE = 5000;

export interface SearchResult {
  issues: unknown[];
  complete: boolean;
  /** Why `complete` is false, in words a user can act on. */
  incompleteReason?: string;
}

function pageOf(body: unknown): { issues: unknown[]; nextPageToken?: string; isLast: boolean } {
  if (typeof body !== 'object' || body === null || !('issues' in body) || !Array.isArray(body.issues)) {
    throw new AppError('JIRA_UNAVAILABLE', 'Jira answered the search with something that is not a search result.');
  }
  const token = 'nextPageToken' in body && typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined;
  const isLast = 'isLast' in body && body.isLast === true;
  return { issues: body.issues, nextPageToken: token, isLast: isLast || token === undefined };
}

/**
 * Every issue a JQL search returns, following nextPageToken. When Jira stops answering after some
 * pages, the pages read so far come back with `complete: false`, never as if they were all.
 */
export async function searchAll(client: JiraClient, jql: string, fields: string[]): Promise<SearchResult> {
  const issues: unknown[] = [];
  let nextPageToken: string | undefined;
  for (;;) {
    let response;
    try {
      response = await client.post(route`/rest/api/3/search/jql`, { jql, fields, maxResults: SEARCH_PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) });
    } catch (error) {
      if (issues.length > 0 && error instanceof AppError && (error.code === 'RATE_LIMITED' || error.code === 'JIRA_UNAVAILABLE')) {
        return { issues, complete: false, incompleteReason: `Jira stopped answering after ${issues.length} issues were read, so later ones are not counted. ${error.message}` };
      }
      throw error;
    }
    if (response.status !== 200) throw failureOf(response, 'the evidence issues');
    const page = pageOf(response.body);
    issues.push(...page.issues);
    if (page.isLast) return { issues, complete: true };
    nextPageToken = page.nextPageToken;
  }
}
