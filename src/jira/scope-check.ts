import type { FieldError } from '../core/config';
import type { CoverageConfig } from '../core/types';
import type { JiraClient } from './client';
import { projectNames } from './project-names';

/** Every project key the page scopes name (spec 11), once. */
export function scopeProjectKeys(config: CoverageConfig): string[] {
  return [...new Set(Object.entries(config.scopes).flatMap(([page, keys]) => [page, ...keys]))];
}

/**
 * The scope keys (spec 11) that are not projects in Jira, as field errors for a save. Asked as
 * the admin saving, who may browse every project; one they cannot see is as good as unknown.
 */
export async function scopeProblems(client: JiraClient, config: CoverageConfig): Promise<FieldError[]> {
  const names = await projectNames(client, scopeProjectKeys(config));
  const unknown = (key: string) => names[key] === null;
  const errors: FieldError[] = [];
  for (const [page, list] of Object.entries(config.scopes)) {
    if (unknown(page)) errors.push({ field: `scopes.${page}`, message: `${page} is not a project in Jira` });
    list.forEach((key, index) => {
      if (unknown(key)) errors.push({ field: `scopes.${page}.${index}`, message: `${key} is not a project in Jira` });
    });
  }
  return errors;
}
