import type { FieldError } from '../core/config';
import type { CoverageConfig } from '../core/types';
import { AppError } from '../resolvers/app-error';
import { confirmProject } from './access';
import type { JiraClient } from './client';
import { mapLimit } from './parallel';

const PARALLEL_CHECKS = 10;

/**
 * The scope keys (spec 11) that are not projects in Jira, as field errors for a save. Asked as
 * the admin saving, who may browse every project; one they cannot see is as good as unknown.
 */
export async function scopeProblems(client: JiraClient, config: CoverageConfig): Promise<FieldError[]> {
  const keys = [...new Set(Object.entries(config.scopes).flatMap(([page, list]) => [page, ...list]))];
  const exists = await mapLimit(keys, PARALLEL_CHECKS, async (key) => {
    try {
      await confirmProject(client, key);
      return true;
    } catch (error) {
      if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return false;
      throw error;
    }
  });
  const unknown = new Set(keys.filter((_, i) => exists[i] === false));
  const errors: FieldError[] = [];
  for (const [page, list] of Object.entries(config.scopes)) {
    if (unknown.has(page)) errors.push({ field: `scopes.${page}`, message: `${page} is not a project in Jira` });
    list.forEach((key, index) => {
      if (unknown.has(key))
        errors.push({ field: `scopes.${page}.${index}`, message: `${key} is not a project in Jira` });
    });
  }
  return errors;
}
