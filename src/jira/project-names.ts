import { AppError } from '../resolvers/app-error';
import { confirmProject } from './access';
import type { JiraClient } from './client';
import { mapLimit } from './parallel';

/** Confirmations at once: a page's scope holds at most 20 projects. */
const PARALLEL_CONFIRMS = 10;

/**
 * Jira's name of each project as the caller sees it, by key; null for a project they cannot see
 * or that does not exist (the two look alike to them, as Jira means). Other failures are thrown.
 */
export async function projectNames(
  client: JiraClient,
  keys: readonly string[],
): Promise<Record<string, string | null>> {
  const names = await mapLimit(keys, PARALLEL_CONFIRMS, async (key) => {
    try {
      return (await confirmProject(client, key)).name;
    } catch (error) {
      if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
      throw error;
    }
  });
  return Object.fromEntries(keys.map((key, i) => [key, names[i] ?? null]));
}
