import { router } from '@forge/bridge';

/** Jira's own page for an issue, as a path on the site. */
export const issuePath = (issueKey: string): string => `/browse/${encodeURIComponent(issueKey)}`;

/** Opens a Jira page in the tab the app runs in; the host does the navigation. */
export function navigateTo(path: string): void {
  router.navigate(path).catch((error: unknown) => console.warn(`Could not open ${path}`, error));
}

/** Opens a Jira page in a new tab (Ctrl/Cmd/Shift or middle click on a link). */
export function openInNewTab(path: string): void {
  router.open(path).catch((error: unknown) => console.warn(`Could not open ${path}`, error));
}
