import { router } from '@forge/bridge';

/** A page of the host named by what it is rather than by its URL (Forge's `NavigationLocation`). */
export type NavigationLocation = Exclude<Parameters<typeof router.navigate>[0], string>;

/** Jira's own page for an issue, as a path on the site. */
export const issuePath = (issueKey: string): string => `/browse/${encodeURIComponent(issueKey)}`;

/**
 * The app's settings page: the `jira:adminPage` module of manifest.yml. Named by its module key,
 * since its URL (`/jira/settings/apps/{appId}/{envId}`) depends on the installation; Jira works it
 * out, and shows the page only to Jira admins.
 */
export const SETTINGS_PAGE: NavigationLocation = { target: 'module', moduleKey: 'clause51-coverage-settings' };

/**
 * A project's Clause 5.1 coverage page: the `jira:projectPage` module of manifest.yml for that
 * project. Named by module key and project key, since its URL
 * (`/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}`) depends on the installation.
 */
export const projectPage = (projectKey: string): NavigationLocation => ({
  target: 'module',
  moduleKey: 'clause51-coverage-project-page',
  projectKey,
});

/** The address Jira gives a page named by what it is, for a link's href; undefined when the host cannot say. */
export async function urlOf(location: NavigationLocation): Promise<string | undefined> {
  try {
    return (await router.getUrl(location))?.href;
  } catch (error) {
    console.warn(`No address for ${JSON.stringify(location)}`, error);
    return undefined;
  }
}

const described = (location: string | NavigationLocation): string =>
  typeof location === 'string' ? location : JSON.stringify(location);

/** Opens a Jira page in the tab the app runs in; the host does the navigation. */
export function navigateTo(location: string | NavigationLocation): void {
  router.navigate(location).catch((error: unknown) => console.warn(`Could not open ${described(location)}`, error));
}

/** Opens a Jira page in a new tab (Ctrl/Cmd/Shift or middle click on a link). */
export function openInNewTab(location: string | NavigationLocation): void {
  router.open(location).catch((error: unknown) => console.warn(`Could not open ${described(location)}`, error));
}
