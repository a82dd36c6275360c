import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { bridgeScript } from './bridge-script';
import { FAVICON_PATHS, FAVICON_SVG } from './favicon';
import { addressedTo, type Origins } from './guards';
import { HTML, TEXT, send } from './respond';
import { themeCss } from './theme-css';

/** The Custom UI modules the host serves, by resource directory. */
export const MODULES = ['project-page', 'issue-panel', 'admin-page', 'dashboard-gadget'] as const;

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const TYPES: Record<string, string> = {
  '.html': HTML,
  '.js': JS,
  '.css': CSS,
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Only the host's pages may frame a screen; its other files are for the screen alone. */
const documentHeaders = (origins: Origins) => ({ 'Content-Security-Policy': `frame-ancestors ${origins.host}` });
const ASSET_HEADERS = { 'Cross-Origin-Resource-Policy': 'same-origin' };

async function resource(res: http.ServerResponse, root: string, origins: Origins, module: string, rest: string) {
  if (!(MODULES as readonly string[]).includes(module)) {
    send(res, 404, TEXT, 'No such resource');
    return;
  }
  const moduleRoot = join(root, module);
  const file = normalize(join(moduleRoot, rest || 'index.html'));
  if (!file.startsWith(moduleRoot + sep)) {
    send(res, 403, TEXT, 'Forbidden');
    return;
  }
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    const hint = rest === 'index.html' || rest === '' ? ' Run `npm run build:ui` first.' : '';
    send(res, 404, TEXT, `Not found: ${module}/${rest}.${hint}`);
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (extname(file) !== '.html') {
    send(res, 200, type, content, ASSET_HEADERS);
    return;
  }
  // Forge serves Custom UI with its own script first in <head>; so does the host.
  const html = content.toString('utf8').replace(/<head([^>]*)>/i, `<head$1><script src="/__host/bridge.js"></script>`);
  send(res, 200, type, html, documentHeaders(origins));
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

async function route(req: http.IncomingMessage, res: http.ServerResponse, root: string, known: () => Origins) {
  const origins = known();
  // Answering under another name (localhost:<port>) would put the app's code on the host's site.
  if (!addressedTo(req, origins.resources)) {
    send(res, 421, TEXT, `The app's resources are served at ${origins.resources} only.`);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, TEXT, 'Method not allowed');
    return;
  }
  const path = new URL(req.url ?? '/', origins.resources).pathname;
  const resourcePath = path.match(/^\/resources\/([a-z-]+)\/(.*)$/);
  const tokens = path.match(/^\/__host\/tokens\/([a-z]+)\.css$/);
  if (resourcePath) {
    const rest = decoded(resourcePath[2] ?? '');
    if (rest === undefined) send(res, 400, TEXT, 'Bad path');
    else await resource(res, root, origins, resourcePath[1] ?? '', rest);
  } else if (path === '/__host/bridge.js') send(res, 200, JS, bridgeScript(origins.host), ASSET_HEADERS);
  else if (tokens) {
    const css = themeCss(tokens[1] ?? '');
    if (css) send(res, 200, CSS, css, ASSET_HEADERS);
    else send(res, 404, TEXT, 'No such theme');
  } else if (FAVICON_PATHS.includes(path)) send(res, 200, 'image/svg+xml', FAVICON_SVG);
  else send(res, 404, TEXT, "Not found: this origin serves the app's resources only.");
}

/**
 * The resources origin, Forge's CDN for the app: the built Custom UI (with the bridge script first
 * in each page), the design-token CSS the bridge applies, and nothing of the host's.
 */
export function createResourcesServer(resourcesDir: string, origins: () => Origins): http.Server {
  const root = resolve(resourcesDir);
  return http.createServer((req, res) => {
    route(req, res, root, origins).catch((error: unknown) => {
      console.error(`local host resources: ${error instanceof Error ? error.message : 'unexpected error'}`);
      if (!res.headersSent) send(res, 500, TEXT, 'The local host failed; see the terminal.');
      else res.end();
    });
  });
}
