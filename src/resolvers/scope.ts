/**
 * Spec 11: the projects whose issues are a project page's evidence. Each is confirmed as the
 * viewing user, like the page's own project: one they cannot browse (or that no longer exists) is
 * left out of the grading and named, never an error for the page.
 */
import type { CoverageConfig } from '../core/types';
import type { ScopeProject } from '../contract/invoke';
import type { ProjectRef } from '../jira/access';
import type { JiraClient } from '../jira/client';
import { projectNames } from '../jira/project-names';

/** The page's scope from the settings, its own project first and once. */
export function scopeKeys(config: CoverageConfig, pageKey: string): string[] {
  return [pageKey, ...(config.scopes[pageKey] ?? []).filter((key) => key !== pageKey)];
}

/** The page's own project (already confirmed) and the others as the viewer sees them. */
export async function confirmScope(
  jira: JiraClient,
  page: ProjectRef,
  config: CoverageConfig,
): Promise<ScopeProject[]> {
  const others = scopeKeys(config, page.key).slice(1);
  const names = await projectNames(jira, others);
  const seen = others.map((key): ScopeProject => {
    const name = names[key] ?? null;
    return name === null ? { key, name: key, visible: false } : { key, name, visible: true };
  });
  return [{ key: page.key, name: page.name, visible: true }, ...seen];
}

/** "BOARD is not visible to you, so its evidence is not counted." for each project left out. */
export function hiddenProjectsNote(projects: readonly ScopeProject[]): string | undefined {
  const hidden = projects.filter((p) => !p.visible).map((p) => p.key);
  if (hidden.length === 0) return undefined;
  const list = hidden.length === 1 ? hidden[0] : `${hidden.slice(0, -1).join(', ')} and ${hidden.at(-1) ?? ''}`;
  return `${list} ${hidden.length === 1 ? 'is' : 'are'} not visible to you, so ${hidden.length === 1 ? 'its' : 'their'} evidence is not counted.`;
}
