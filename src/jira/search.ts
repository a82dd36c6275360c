import { route } from '@forge/api';
import { AppError } from '../resolvers/app-error';
import type { JiraClient } from './client';
import { failureOf } from './errors';
import { inKeyOrder, keysJql } from './jql';

/** Jira pages search results; asking for its maximum lets it send the largest page it allows. */
export const SEARCH_PAGE_SIZE = 5000;
/** Parallel page reads at once: fast enough for 50,000 issues at 300 ms a request, gentle on rate limits. */
export const PARALLEL_READS = 10;

export interface SearchResult<T> {
  issues: T[];
  complete: boolean;
  /** Why `complete` is false, in words a user can act on. */
  incompleteReason?: string;
}

interface Page {
  issues: unknown[];
  nextPageToken?: string;
  isLast: boolean;
}

function pageOf(body: unknown): Page {
  if (typeof body !== 'object' || body === null || !('issues' in body) || !Array.isArray(body.issues)) {
    throw new AppError('JIRA_UNAVAILABLE', 'Jira answered the search with something that is not a search result.');
  }
  const token = 'nextPageToken' in body && typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined;
  const isLast = 'isLast' in body && body.isLast === true;
  return { issues: body.issues, nextPageToken: token, isLast: isLast || token === undefined };
}

async function searchPage(client: JiraClient, jql: string, fields: string[], nextPageToken?: string): Promise<Page> {
  const response = await client.post(route`/rest/api/3/search/jql`, {
    jql,
    fields,
    maxResults: SEARCH_PAGE_SIZE,
    ...(nextPageToken ? { nextPageToken } : {}),
  });
  if (response.status !== 200) throw failureOf(response, 'the evidence issues');
  return pageOf(response.body);
}

function isTransient(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'RATE_LIMITED' || error.code === 'JIRA_UNAVAILABLE');
}

function keyOf(issue: unknown): string | undefined {
  return typeof issue === 'object' && issue !== null && 'key' in issue && typeof issue.key === 'string'
    ? issue.key
    : undefined;
}

/** Every key the condition matches: Jira gives up to 5,000 keys a page when no field is asked for. */
async function allKeys(client: JiraClient, jql: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await searchPage(client, jql, ['key'], token);
    for (const issue of page.issues) {
      const key = keyOf(issue);
      if (key) keys.push(key);
    }
    token = page.isLast ? undefined : page.nextPageToken;
  } while (token);
  return keys;
}

/**
 * Every issue the evidence condition matches, with `fields`.
 *
 * Small projects take one request. When Jira says there is more than one page, paging on with
 * nextPageToken would be one request after another (20,000 issues at 100 a page and 300 ms each
 * is a minute, far past Forge's 25 s), so the keys are listed first (5,000 a page) and the rest
 * is read by key, a page at a time, PARALLEL_READS at once. Whatever cannot be read in the
 * budget comes back with `complete: false`, never as if it were all.
 */
export async function searchAll<T>(
  client: JiraClient,
  condition: string,
  fields: string[],
  convert: (page: unknown[]) => T[],
): Promise<SearchResult<T>> {
  const orderedJql = inKeyOrder(condition);
  const first = await searchPage(client, orderedJql, fields);
  // Each page is converted as it arrives, while Jira is still working on the next ones.
  const converted = convert(first.issues);
  if (first.isLast) return { issues: converted, complete: true };
  const pageSize = Math.max(1, first.issues.length);

  let keys: string[];
  try {
    keys = await allKeys(client, orderedJql);
  } catch (error) {
    if (!isTransient(error)) throw error;
    return {
      issues: converted,
      complete: false,
      incompleteReason: `Jira stopped answering after ${first.issues.length} issues were read, so later ones are not counted. ${error.message}`,
    };
  }
  const have = new Set(first.issues.map(keyOf));
  const rest = keys.filter((k) => !have.has(k));
  const chunks: string[][] = [];
  for (let i = 0; i < rest.length; i += pageSize) chunks.push(rest.slice(i, i + pageSize));

  const pages: T[][] = [converted];
  let failure: AppError | undefined;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < chunks.length && !failure) {
      const chunk = chunks[next++];
      if (!chunk) return;
      try {
        // A key page fits in one response: it has no more issues than Jira's page size.
        pages.push(convert((await searchPage(client, keysJql(condition, chunk), fields)).issues));
      } catch (error) {
        // Besides rate limits and outages, Jira refuses a key that was deleted since it was listed.
        if (!(error instanceof AppError)) throw error;
        failure = error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, chunks.length) }, worker));

  const issues = pages.flat();
  if (failure) {
    const read = first.issues.length + (pages.length - 1) * pageSize;
    return {
      issues,
      complete: false,
      incompleteReason: `Jira stopped answering after about ${Math.min(read, keys.length)} of ${keys.length} issues were read, so the rest are not counted. ${failure.message}`,
    };
  }
  return { issues, complete: true };
}
