import type http from 'node:http';

/**
 * The host's two origins, as in Forge: Jira's pages on one, the app's Custom UI on another (Forge
 * serves it from its own CDN). They differ in host name as well as port, because cookies are not
 * kept apart by port: with `localhost` on both, script in the app's frame could read or plant the
 * host's session cookie.
 */
export interface Origins {
  /** Where the host's pages are, e.g. http://localhost:4100. */
  host: string;
  /** Where the Custom UI resources are, e.g. http://127.0.0.1:4101. */
  resources: string;
}

export const HOST_NAME = 'localhost';
export const RESOURCES_NAME = '127.0.0.1';

export const originsFor = (hostPort: number, resourcesPort: number): Origins => ({
  host: `http://${HOST_NAME}:${hostPort}`,
  resources: `http://${RESOURCES_NAME}:${resourcesPort}`,
});

/** Whether the request was addressed to `origin` (its Host header), so a page on another name cannot reach it. */
export const addressedTo = (req: http.IncomingMessage, origin: string): boolean =>
  req.headers.host === new URL(origin).host;

/**
 * Why a state-changing request is refused, or undefined when it came from one of the host's own
 * pages. Chromium sends Origin on every POST, same-origin form posts included, so a POST without
 * one did not come from the host's page.
 */
export function foreignPost(req: http.IncomingMessage, hostOrigin: string): string | undefined {
  if (!addressedTo(req, hostOrigin)) return `the request was addressed to ${req.headers.host ?? 'no host'}`;
  const origin = req.headers.origin;
  if (!origin) return 'the request has no Origin';
  if (origin !== hostOrigin) return `the request came from ${origin}`;
  return undefined;
}

/** The media type of a request body, without parameters such as charset. */
export const mediaType = (req: http.IncomingMessage): string =>
  (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** The session cookies: never readable by script, never sent from another site's page. */
export const sessionCookie = (name: string, value: string): string =>
  `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict`;
