/** The host's icon: a tick on Jira blue. Without one, every page the browser opens logs a 404 for /favicon.ico. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0c66e4"/>' +
  '<path d="M9 16.5l4.5 4.5L23 11" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/** The paths browsers ask for: the one the pages link to, and the one they try when a page links none. */
export const FAVICON_PATHS = ['/favicon.svg', '/favicon.ico'];
