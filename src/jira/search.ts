import { route } from '@forge/api';
import { mapLimit } from '../concurrency';
import { AppError } from '../errors';
import type { JiraClient, JiraResponse } from './client';
import { failureOf, missingIssueKeys } from './errors';
import { inKeyOrder, keysJql } from './jql';

/** Jira pages search results; asking for its maximum lets it send the largest page it allows. */
export const SEARCH_PAGE_SIZE = 5000;
/** Parallel page reads at once: fast enough for 50,000 issues at 300 ms a request, gentle on rate limits. */
export const PARALLEL_READS = 10;
/** Times one page by key is read again without keys Jira says are gone; Jira names them all at once. */
const GONE_RETRIES = 3;

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
  // Jira always says isLast; only without it does a missing token mean the end.
  const isLast = 'isLast' in body && typeof body.isLast === 'boolean' ? body.isLast : token === undefined;
  return { issues: body.issues, nextPageToken: token, isLast };
}

function post(client: JiraClient, jql: string, fields: string[], nextPageToken?: string): Promise<JiraResponse> {
  return client.post(route`/rest/api/3/search/jql`, {
    jql,
    fields,
    maxResults: SEARCH_PAGE_SIZE,
    ...(nextPageToken ? { nextPageToken } : {}),
  });
}

async function searchPage(client: JiraClient, jql: string, fields: string[], nextPageToken?: string): Promise<Page> {
  const response = await post(client, jql, fields, nextPageToken);
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

const issueCount = (n: number) => `${n} issue${n === 1 ? '' : 's'}`;

export interface Listing {
  keys: string[];
  /** Why the listing may not hold every matching key. */
  problems: string[];
}

/** Why paging on from `page` would not bring the rest, if it would not. */
function stuck(page: Page, tokens: ReadonlySet<string>, newKeys: number, listed: number): string | undefined {
  const stopped = `so the listing stopped after ${issueCount(listed)} and later ones are not counted.`;
  if (page.nextPageToken === undefined) return `Jira said more issues followed but sent no next page, ${stopped}`;
  if (tokens.has(page.nextPageToken) || newKeys === 0) return `Jira sent the same page of issues again, ${stopped}`;
  return undefined;
}

/**
 * Every key the condition matches: Jira gives up to 5,000 keys a page when no field is asked for.
 * A listing that cannot be whole says why (entries without a key, a page token that does not
 * advance) instead of passing for whole, and never lists a key twice.
 */
async function allKeys(client: JiraClient, jql: string): Promise<Listing> {
  const keys = new Set<string>();
  const tokens = new Set<string>();
  const problems: string[] = [];
  let keyless = 0;
  let token: string | undefined;
  for (;;) {
    const page = await searchPage(client, jql, ['key'], token);
    const before = keys.size;
    for (const issue of page.issues) {
      const key = keyOf(issue);
      if (key === undefined) keyless += 1;
      else keys.add(key);
    }
    if (page.isLast) break;
    const problem = stuck(page, tokens, keys.size - before, keys.size);
    if (problem !== undefined) {
      problems.push(problem);
      break;
    }
    token = page.nextPageToken;
    if (token !== undefined) tokens.add(token);
  }
  if (keyless > 0)
    problems.unshift(
      `Jira listed ${issueCount(keyless)} without a key, which cannot be read, so they are not counted.`,
    );
  return { keys: [...keys], problems };
}

/**
 * One page read by key. An issue deleted since the listing (or hidden from the user since: Jira
 * says the same of both) makes Jira refuse the whole page with a 400 naming it. Either way it is
 * no longer evidence this user can see, so the page is read again without it and the report can
 * stay complete: one deletion costs one issue, not the page.
 */
async function readByKey(
  client: JiraClient,
  condition: string,
  fields: string[],
  chunk: readonly string[],
): Promise<{ issues: unknown[]; gone: number }> {
  let keys = chunk;
  for (let retry = 0; keys.length > 0; retry += 1) {
    const response = await post(client, keysJql(condition, keys), fields);
    if (response.status === 200) return { issues: pageOf(response.body).issues, gone: chunk.length - keys.length };
    const missing = new Set(missingIssueKeys(response));
    // Only keys of this page may be dropped: anything else is a failure that must be reported.
    if (missing.size === 0 || retry >= GONE_RETRIES || ![...missing].every((k) => keys.includes(k)))
      throw failureOf(response, 'the evidence issues');
    keys = keys.filter((k) => !missing.has(k));
  }
  return { issues: [], gone: chunk.length };
}

/**
 * Every key the condition matches, for looking up which stored issues left it (issue 13): keys
 * only, so Jira sends 5,000 a page.
 */
export function listKeys(client: JiraClient, condition: string): Promise<Listing> {
  return allKeys(client, inKeyOrder(condition));
}

/** Keeps each issue once: a page sent twice, or an issue on two pages, never counts twice. */
function deduper(): (page: unknown[]) => unknown[] {
  const seen = new Set<string>();
  return (page) =>
    page.filter((issue) => {
      const key = keyOf(issue);
      if (key === undefined) return true;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

interface Progress {
  read: number;
  gone: number;
  failure?: AppError;
}

/**
 * Reads the chunks PARALLEL_READS at a time; the first failure stops new reads. Jira's failures
 * (AppError) make a partial read, and the first is returned; anything else is a fault, thrown.
 */
async function readChunks(
  chunks: readonly string[][],
  read: (chunk: readonly string[]) => Promise<{ issues: unknown[]; gone: number }>,
  /** Keeps a page and says how many of its issues were new. */
  take: (page: unknown[]) => number,
): Promise<Progress> {
  const { results, failures } = await mapLimit(
    chunks,
    PARALLEL_READS,
    async (chunk) => {
      // A key page fits in one response: it has no more issues than Jira's page size.
      const page = await read(chunk);
      return { read: take(page.issues), gone: page.gone };
    },
    'return',
  );
  const faults = failures.filter((error) => !(error instanceof AppError));
  if (faults.length > 0) throw faults[0];
  const progress: Progress = { read: 0, gone: 0 };
  for (const done of results) {
    progress.read += done?.read ?? 0;
    progress.gone += done?.gone ?? 0;
  }
  const failure = failures.find((error): error is AppError => error instanceof AppError);
  if (failure) progress.failure = failure;
  return progress;
}

/**
 * Every issue the evidence condition matches, with `fields`.
 *
 * Small projects take one request. When Jira says there is more than one page, paging on with
 * nextPageToken would be one request after another (20,000 issues at 100 a page and 300 ms each
 * is a minute, far past Forge's 25 s), so the keys are listed first (5,000 a page) and the rest
 * is read by key, a page at a time, PARALLEL_READS at once. Whatever cannot be read in the
 * budget, or a listing Jira cannot page through, comes back with `complete: false` and why,
 * never as if it were all; no issue is ever counted twice.
 */
export async function searchAll<T>(
  client: JiraClient,
  condition: string,
  fields: string[],
  convert: (page: unknown[]) => T[],
): Promise<SearchResult<T>> {
  const orderedJql = inKeyOrder(condition);
  const fresh = deduper();
  const first = await searchPage(client, orderedJql, fields);
  const firstIssues = fresh(first.issues);
  // Each page is converted as it arrives, while Jira is still working on the next ones.
  const pages: T[][] = [convert(firstIssues)];
  if (first.isLast) return { issues: pages.flat(), complete: true };
  const pageSize = Math.max(1, first.issues.length);

  let listing: Listing;
  try {
    listing = await allKeys(client, orderedJql);
  } catch (error) {
    if (!isTransient(error)) throw error;
    return {
      issues: pages.flat(),
      complete: false,
      incompleteReason: `Jira stopped answering after ${issueCount(firstIssues.length)} were read, so later ones are not counted. ${error.message}`,
    };
  }
  const have = new Set(firstIssues.map(keyOf));
  const rest = listing.keys.filter((k) => !have.has(k));
  const chunks: string[][] = [];
  for (let i = 0; i < rest.length; i += pageSize) chunks.push(rest.slice(i, i + pageSize));

  const progress = await readChunks(
    chunks,
    (chunk) => readByKey(client, condition, fields, chunk),
    (page) => {
      const kept = fresh(page);
      pages.push(convert(kept));
      return kept.length;
    },
  );
  const reasons = [...listing.problems];
  if (progress.failure) {
    const total = firstIssues.length + rest.length - progress.gone;
    reasons.push(
      `Jira stopped answering after ${firstIssues.length + progress.read} of ${issueCount(total)} were read, so the rest are not counted. ${progress.failure.message}`,
    );
  }
  const result: SearchResult<T> = { issues: pages.flat(), complete: reasons.length === 0 };
  if (reasons.length > 0) result.incompleteReason = reasons.join(' ');
  return result;
}
