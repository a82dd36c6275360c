/**
 * Prints in the light theme whatever the screen shows: dark-theme text tokens are pale, and
 * browsers do not print background colours. The host's token CSS holds both themes, keyed on
 * <html data-color-mode>, so switching the attribute for the print is enough.
 */
export function printInLightMode(): void {
  const html = document.documentElement;
  let previous: string | null = null;
  window.addEventListener('beforeprint', () => {
    previous = html.getAttribute('data-color-mode');
    if (previous && previous !== 'light') html.setAttribute('data-color-mode', 'light');
  });
  window.addEventListener('afterprint', () => {
    if (previous && previous !== 'light') html.setAttribute('data-color-mode', previous);
    previous = null;
  });
}
