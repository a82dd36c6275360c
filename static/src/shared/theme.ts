import { view } from '@forge/bridge';

/**
 * Asks the host to apply Jira's colour mode (data-color-mode / data-theme on <html>) and its
 * design-token CSS, so token() values follow the user's light or dark theme.
 */
export function enableTheme(): void {
  view.theme.enable().catch((error: unknown) => {
    // Without theming the page still works with the tokens' light fallbacks.
    console.warn('Clause 5.1 coverage: the host did not enable theming', error);
  });
}
