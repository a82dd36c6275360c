import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Permissions } from '@forge/manifest';
import { isRecord } from '../../src/core/guards';
import { bridgeScript } from './bridge-script';
import { CSP_REPORT_PATH, forgePolicy } from './csp';
import { FAVICON_PATHS, FAVICON_SVG } from './favicon';
import { addressedTo, type Origins } from './guards';
import { HTML, TEXT, body, send } from './respond';
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

const ASSET_HEADERS = { 'Cross-Origin-Resource-Policy': 'same-origin' };

interface Served {
  root: string;
  origins: Origins;
  /** The manifest's permissions, from which Forge's policy for each page is worked out. */
  permissions: Permissions;
}

async function resource(res: http.ServerResponse, served: Served, module: string, rest: string) {
  const { root, origins, permissions } = served;
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
  // Forge works its policy out from the page as the app built it, then serves it with its own
  // script first in <head> (an external one, which the policy's 'self' covers); so does the host.
  const built = content.toString('utf8');
  const html = built.replace(/<head([^>]*)>/i, `<head$1><script src="/__host/bridge.js"></script>`);
  send(res, 200, type, html, { 'Content-Security-Policy': forgePolicy(built, permissions, origins) });
}

/** What a browser says in a violation report, in one line for the terminal; undefined when it is not one. */
function violationLine(text: string): string | undefined {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    return undefined;
  }
  const inner = isRecord(report) ? report['csp-report'] : undefined;
  if (!isRecord(inner)) return undefined;
  const field = (name: string) => {
    const value = inner[name];
    return (typeof value === 'string' || typeof value === 'number' ? String(value) : '?').slice(0, 200);
  };
  return `CSP violation in ${field('document-uri')}: ${field('violated-directive')} blocked ${field('blocked-uri')}`;
}

/** Violation reports from the frames (the policy's report-uri): said in the terminal, as Forge's collector would log them. */
async function cspReport(req: http.IncomingMessage, res: http.ServerResponse) {
  const line = violationLine(await body(req));
  if (line) console.error(`local host: ${line}`);
  send(res, 204, TEXT, '');
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

async function route(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  root: string,
  permissions: Permissions,
  known: () => Origins,
) {
  const origins = known();
  // Answering under another name (localhost:<port>) would put the app's code on the host's site.
  if (!addressedTo(req, origins.resources)) {
    send(res, 421, TEXT, `The app's resources are served at ${origins.resources} only.`);
    return;
  }
  const path = new URL(req.url ?? '/', origins.resources).pathname;
  if (req.method === 'POST' && path === CSP_REPORT_PATH) {
    await cspReport(req, res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, TEXT, 'Method not allowed');
    return;
  }
  const resourcePath = path.match(/^\/resources\/([a-z-]+)\/(.*)$/);
  const tokens = path.match(/^\/__host\/tokens\/([a-z]+)\.css$/);
  if (resourcePath) {
    const rest = decoded(resourcePath[2] ?? '');
    if (rest === undefined) send(res, 400, TEXT, 'Bad path');
    else await resource(res, { root, origins, permissions }, resourcePath[1] ?? '', rest);
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
 * in each page, under the policy Forge would serve it with), the design-token CSS the bridge
 * applies, and nothing of the host's.
 */
export function createResourcesServer(
  resourcesDir: string,
  permissions: Permissions,
  origins: () => Origins,
): http.Server {
  const root = resolve(resourcesDir);
  return http.createServer((req, res) => {
    route(req, res, root, permissions, origins).catch((error: unknown) => {
      console.error(`local host resources: ${error instanceof Error ? error.message : 'unexpected error'}`);
      if (!res.headersSent) send(res, 500, TEXT, 'The local host failed; see the terminal.');
      else res.end();
    });
  });
}
