import { route } from '@forge/api';
import { isRecord } from '../core/guards';
import { isJiraId } from '../core/jira-ids';
import { AppError } from '../errors';
import type { JiraClient } from './client';
import { failureOf } from './errors';
import { mapLimit } from '../concurrency';

/** Jira's cap on `keys` in one project search ("Up to 50 project keys can be provided"). */
const KEYS_PER_SEARCH = 50;
/** Searches at once, for a settings check naming many pages' projects. */
const PARALLEL_SEARCHES = 5;

/** The projects of `keys` the caller may browse, by key with their names: one request for up to 50 keys. */
async function browsable(client: JiraClient, keys: readonly string[]): Promise<Map<string, string>> {
  // route encodes a URLSearchParams as a query string, each key escaped: `keys` repeats, as Jira wants.
  const query = new URLSearchParams([['maxResults', String(KEYS_PER_SEARCH)], ...keys.map((k) => ['keys', k])]);
  const response = await client.get(route`/rest/api/3/project/search?${query}`);
  if (response.status !== 200) throw failureOf(response, 'the projects');
  const body = response.body;
  if (!isRecord(body) || !Array.isArray(body.values))
    throw new AppError('JIRA_UNAVAILABLE', 'Jira answered the project search with something the app cannot read.');
  const found = new Map<string, string>();
  for (const project of body.values as unknown[])
    if (isRecord(project) && typeof project.key === 'string')
      found.set(project.key, typeof project.name === 'string' ? project.name : project.key);
  return found;
}

/**
 * Jira's name of each project as the caller sees it, by key; null for a project they cannot see
 * or that does not exist (the two look alike to them, as Jira means). Asked with project search's
 * `keys` filter, 50 keys a request, so a page's scope of 20 projects costs one request however
 * large it is. Other failures are thrown.
 */
export async function projectNames(
  client: JiraClient,
  keys: readonly string[],
): Promise<Record<string, string | null>> {
  // A key that cannot be one is not asked about: it names no project anyone can see.
  const asked = [...new Set(keys.filter((key) => isJiraId('projectKey', key)))];
  const batches: string[][] = [];
  for (let i = 0; i < asked.length; i += KEYS_PER_SEARCH) batches.push(asked.slice(i, i + KEYS_PER_SEARCH));
  const found = await mapLimit(batches, PARALLEL_SEARCHES, (batch) => browsable(client, batch));
  const names = new Map(found.flatMap((m) => [...m]));
  return Object.fromEntries(keys.map((key) => [key, names.get(key) ?? null]));
}
