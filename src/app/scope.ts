/**
 * Spec 11: the projects whose issues are a project page's evidence. Each is confirmed as the
 * viewing user, like the page's own project: one they cannot browse (or that no longer exists) is
 * left out of the grading and named, never an error for the page.
 */
import type { CoverageConfig } from '../core/types';
import { notVisibleSentence } from '../core/words';
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

/** The sentence naming the projects left out (spec 11), or undefined when none is. */
export function hiddenProjectsNote(projects: readonly ScopeProject[]): string | undefined {
  const hidden = projects.filter((p) => !p.visible).map((p) => p.key);
  return hidden.length === 0 ? undefined : notVisibleSentence(hidden);
}
