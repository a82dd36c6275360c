/**
 * The Jira projects a user can browse, for the project pickers (the admin page, a gadget's edit view), read as
 * the user with `project/search`: Jira itself decides which projects they see.
 */
import { route } from '@forge/api';
import { isRecord } from '../core/guards';
import { AppError } from '../errors';
import type { JiraClient } from './client';
import { failureOf } from './errors';

/** Jira's page cap for project search ("Must be less than or equal to 100"). */
const PROJECT_PAGE = 100;
/** A picker never needs more: the user types more of the key or name to narrow it. */
const MAX_PROJECT_PAGES = 5;

export interface BrowsableProject {
  key: string;
  name: string;
}

const unreadable = () =>
  new AppError('JIRA_UNAVAILABLE', 'Jira answered the project search request with something the app cannot read.');

/**
 * Up to `limit` projects the user can browse whose key or name contains `query` (any case; every project when it
 * is blank), by name as Jira orders them. Pages are read until `limit` projects, the last page, or 5 pages. An
 * entry without a key is left out; a name-less one is named by its key.
 */
export async function browsableProjects(client: JiraClient, query: string, limit = 50): Promise<BrowsableProject[]> {
  const text = query.trim();
  const pageSize = Math.min(PROJECT_PAGE, Math.max(1, Math.floor(limit)));
  const found: BrowsableProject[] = [];
  let startAt = 0;
  for (let page = 0; page < MAX_PROJECT_PAGES && found.length < limit; page += 1) {
    const response = await client.get(
      text === ''
        ? route`/rest/api/3/project/search?orderBy=name&startAt=${startAt}&maxResults=${pageSize}`
        : route`/rest/api/3/project/search?query=${text}&orderBy=name&startAt=${startAt}&maxResults=${pageSize}`,
    );
    if (response.status !== 200) throw failureOf(response, 'the projects');
    const body = response.body;
    if (!isRecord(body) || !Array.isArray(body.values)) throw unreadable();
    const values: unknown[] = body.values;
    for (const project of values) {
      if (found.length >= limit) break;
      if (isRecord(project) && typeof project.key === 'string' && project.key !== '')
        found.push({ key: project.key, name: typeof project.name === 'string' ? project.name : project.key });
    }
    startAt += values.length;
    const isLast =
      typeof body.isLast === 'boolean' ? body.isLast : typeof body.total === 'number' && startAt >= body.total;
    if (isLast || values.length === 0) break;
  }
  return found;
}
