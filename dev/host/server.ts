import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { ACCOUNT_ID_HEADER } from '../simulator';
import { runInvocation } from '../runtime';
import { BRIDGE_SCRIPT } from './bridge-script';
import { esc } from './html';
import { appFrame, shell, type Persona } from './pages';
import { themeCss } from './theme-css';

/** The resolver handler as Forge calls it. */
export type ForgeHandler = (
  request: { call: { functionKey: string; payload: unknown }; context: unknown },
  runtime: { principal: { accountId: string }; installContext: string },
) => Promise<unknown>;

export interface HostProject {
  id: string;
  key: string;
  name: string;
  browsers: string[] | '*';
}

export interface HostOptions {
  handler: ForgeHandler;
  jiraUrl: string;
  personas: Persona[];
  projects: HostProject[];
  jiraAdmins: string[];
  /** Where the built Custom UI resources are: <dir>/<module>/index.html. */
  resourcesDir: string;
}

const MODULE_KEYS: Record<string, { type: string; key: string; title: string }> = {
  'project-page': { type: 'jira:projectPage', key: 'clause51-coverage-project-page', title: 'Clause 5.1 coverage' },
  'issue-panel': { type: 'jira:issuePanel', key: 'clause51-evidence-issue-panel', title: 'Clause 5.1 evidence' },
  'admin-page': { type: 'jira:adminPage', key: 'clause51-coverage-settings', title: 'Clause 5.1 coverage settings' },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
const MAX_BODY = 1024 * 1024;

function cookies(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) out[name] = decodeURIComponent(rest.join('='));
  }
  return out;
}

async function body(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: http.ServerResponse, status: number, type: string, content: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(content);
}

function redirect(res: http.ServerResponse, to: string, cookie?: string): void {
  res.writeHead(303, { Location: to, ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  res.end();
}

/**
 * The local Jira host: pages that stand in for Jira around the app's real Custom UI resources,
 * and an invoke endpoint that runs the real resolver handler as the chosen user.
 */
export function createHostServer(options: HostOptions): http.Server {
  const resourcesRoot = resolve(options.resourcesDir);
  const firstPersona = options.personas[0];
  if (!firstPersona) throw new Error('the host needs at least one persona');
  const defaultPersona: Persona = firstPersona;

  const personaOf = (req: http.IncomingMessage): Persona =>
    options.personas.find((p) => p.id === cookies(req).host_user) ?? defaultPersona;
  const themeOf = (req: http.IncomingMessage): 'light' | 'dark' =>
    cookies(req).host_theme === 'dark' ? 'dark' : 'light';
  const visibleProjects = (accountId: string) =>
    options.projects.filter(
      (p) => options.jiraAdmins.includes(accountId) || p.browsers === '*' || p.browsers.includes(accountId),
    );

  async function jira(
    accountId: string,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(options.jiraUrl + path, {
      method: init.method ?? 'GET',
      headers: { [ACCOUNT_ID_HEADER]: accountId, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  function page(
    req: http.IncomingMessage,
    title: string,
    active: 'coverage' | 'issues' | 'admin' | 'issue',
    body: string,
    currentProject?: string,
  ): string {
    const persona = personaOf(req);
    return shell({
      title,
      personas: options.personas,
      persona,
      theme: themeOf(req),
      projects: visibleProjects(persona.accountId),
      currentProject,
      active,
      body,
    });
  }

  function frameSrc(req: http.IncomingMessage, module: string, params: Record<string, string>): string {
    const info = MODULE_KEYS[module];
    const query = new URLSearchParams({
      module: info?.type ?? '',
      moduleKey: info?.key ?? '',
      frame: module,
      theme: themeOf(req),
      accountId: personaOf(req).accountId,
      ...params,
    });
    return `/resources/${module}/index.html?${query.toString()}`;
  }

  function projectPage(req: http.IncomingMessage, res: http.ServerResponse, key: string): void {
    const project = visibleProjects(personaOf(req).accountId).find((p) => p.key === key);
    if (!project) {
      send(
        res,
        404,
        TYPES['.html'] ?? 'text/html',
        page(
          req,
          'Project not found',
          'coverage',
          `<h1>Project not found</h1><p>${esc(key)} does not exist, or you do not have permission to see it.</p>`,
        ),
      );
      return;
    }
    const body = appFrame(
      'project-page',
      frameSrc(req, 'project-page', { project: project.key, projectId: project.id }),
      'Clause 5.1 coverage',
    );
    send(
      res,
      200,
      'text/html; charset=utf-8',
      page(req, `${project.name}: Clause 5.1 coverage`, 'coverage', body, project.key),
    );
  }

  async function issueList(req: http.IncomingMessage, res: http.ServerResponse, key: string): Promise<void> {
    const persona = personaOf(req);
    const project = visibleProjects(persona.accountId).find((p) => p.key === key);
    if (!project) {
      send(
        res,
        404,
        'text/html; charset=utf-8',
        page(
          req,
          'Project not found',
          'issues',
          `<h1>Project not found</h1><p>${esc(key)} does not exist, or you do not have permission to see it.</p>`,
        ),
      );
      return;
    }
    const result = await jira(persona.accountId, '/rest/api/3/search/jql', {
      method: 'POST',
      body: {
        jql: `project = "${project.key}" ORDER BY key ASC`,
        fields: ['summary', 'status', 'labels'],
        maxResults: 100,
      },
    });
    const issues =
      typeof result.body === 'object' &&
      result.body !== null &&
      'issues' in result.body &&
      Array.isArray(result.body.issues)
        ? result.body.issues
        : [];
    const rows = issues
      .map((issue: { key?: string; fields?: { summary?: string; status?: { name?: string }; labels?: string[] } }) => {
        const labels = (issue.fields?.labels ?? []).map((l) => `<span class="tag">${esc(l)}</span>`).join('');
        return `<tr><td><a href="/browse/${esc(issue.key)}">${esc(issue.key)}</a></td><td>${esc(issue.fields?.summary)}</td><td>${esc(issue.fields?.status?.name)}</td><td>${labels}</td></tr>`;
      })
      .join('');
    const body = `<h1>${esc(project.name)}: issues</h1><p class="note">The issues you can see. Open one to see the Clause 5.1 evidence panel.</p>
      <table><thead><tr><th>Key</th><th>Summary</th><th>Status</th><th>Labels</th></tr></thead><tbody>${rows || '<tr><td colspan="4">No issues.</td></tr>'}</tbody></table>`;
    send(res, 200, 'text/html; charset=utf-8', page(req, `${project.name}: issues`, 'issues', body, project.key));
  }

  async function issueView(req: http.IncomingMessage, res: http.ServerResponse, key: string): Promise<void> {
    const persona = personaOf(req);
    const result = await jira(
      persona.accountId,
      `/rest/api/3/issue/${encodeURIComponent(key)}?fields=summary,status,labels,assignee,project,security`,
    );
    if (result.status !== 200 || typeof result.body !== 'object' || result.body === null) {
      send(
        res,
        404,
        'text/html; charset=utf-8',
        page(
          req,
          'Issue not found',
          'issue',
          `<h1>You can't view this issue</h1><p>${esc(key)} does not exist, or you do not have permission to see it.</p>`,
        ),
      );
      return;
    }
    const issue = result.body as {
      id?: string;
      key?: string;
      fields?: {
        summary?: string;
        status?: { name?: string };
        labels?: string[];
        assignee?: { displayName?: string } | null;
        project?: { key?: string; id?: string };
        security?: { name?: string };
      };
    };
    const f = issue.fields ?? {};
    const labels =
      (f.labels ?? []).map((l) => `<span class="tag">${esc(l)}</span>`).join('') || '<span class="note">None</span>';
    const body = `<div class="issue">
      <div class="details">
        <p class="note"><a href="/projects/${esc(f.project?.key)}/issues">${esc(f.project?.key)}</a> / ${esc(issue.key)}</p>
        <h1>${esc(f.summary)}</h1>
        <table><tbody>
          <tr><th scope="row">Status</th><td>${esc(f.status?.name)}</td></tr>
          <tr><th scope="row">Assignee</th><td>${esc(f.assignee?.displayName ?? 'Unassigned')}</td></tr>
          <tr><th scope="row">Labels</th><td>${labels}</td></tr>
          ${f.security ? `<tr><th scope="row">Security level</th><td>${esc(f.security.name)}</td></tr>` : ''}
        </tbody></table>
      </div>
      <aside class="panel" aria-label="Clause 5.1 evidence panel"><h2>Clause 5.1 evidence</h2>
        ${appFrame('issue-panel', frameSrc(req, 'issue-panel', { issue: issue.key ?? key, issueId: issue.id ?? '', project: f.project?.key ?? '', projectId: f.project?.id ?? '' }), 'Clause 5.1 evidence')}
      </aside></div>`;
    send(
      res,
      200,
      'text/html; charset=utf-8',
      page(req, `${issue.key}: ${f.summary ?? ''}`, 'issue', body, f.project?.key),
    );
  }

  async function resource(res: http.ServerResponse, module: string, rest: string): Promise<void> {
    if (!MODULE_KEYS[module]) {
      send(res, 404, 'text/plain', 'No such resource');
      return;
    }
    const root = join(resourcesRoot, module);
    const file = normalize(join(root, rest || 'index.html'));
    if (!file.startsWith(root + sep)) {
      send(res, 403, 'text/plain', 'Forbidden');
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      const hint = rest === 'index.html' || rest === '' ? ' Run `npm run build:ui` first.' : '';
      send(res, 404, 'text/plain', `Not found: ${module}/${rest}.${hint}`);
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (extname(file) === '.html') {
      // Forge serves Custom UI with its own script first in <head>; so does the host.
      const html = content
        .toString('utf8')
        .replace(/<head([^>]*)>/i, `<head$1><script src="/__host/bridge.js"></script>`);
      send(res, 200, type, html);
      return;
    }
    send(res, 200, type, content);
  }

  async function invoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const persona = personaOf(req);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await body(req));
    } catch {
      send(res, 400, 'application/json', JSON.stringify({ message: 'The invoke request is not JSON.' }));
      return;
    }
    const functionKey =
      typeof parsed === 'object' && parsed !== null && 'functionKey' in parsed && typeof parsed.functionKey === 'string'
        ? parsed.functionKey
        : '';
    const payload = typeof parsed === 'object' && parsed !== null && 'payload' in parsed ? parsed.payload : undefined;
    const context = typeof parsed === 'object' && parsed !== null && 'context' in parsed ? parsed.context : {};
    try {
      // The principal comes from the host's session, never from the page: as in Forge.
      const result = await runInvocation(persona.accountId, () =>
        options.handler(
          { call: { functionKey, payload }, context },
          { principal: { accountId: persona.accountId }, installContext: 'ari:cloud:jira::site/local-cloud' },
        ),
      );
      send(res, 200, 'application/json', JSON.stringify(result ?? null));
    } catch (error) {
      send(
        res,
        500,
        'application/json',
        JSON.stringify({ message: error instanceof Error ? error.message : 'The resolver failed.' }),
      );
    }
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const persona = personaOf(req);
    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && path === '/__host/invoke') return invoke(req, res);
    if (req.method === 'POST' && path === '/__host/user') {
      const chosen = new URLSearchParams(await body(req)).get('user') ?? '';
      const known = options.personas.find((p) => p.id === chosen);
      redirect(
        res,
        req.headers.referer && new URL(req.headers.referer).host === req.headers.host
          ? new URL(req.headers.referer).pathname
          : '/',
        `host_user=${encodeURIComponent(known?.id ?? defaultPersona.id)}; Path=/; SameSite=Lax`,
      );
      return;
    }
    if (req.method === 'POST' && path === '/__host/theme') {
      const theme = new URLSearchParams(await body(req)).get('theme') === 'dark' ? 'dark' : 'light';
      redirect(
        res,
        req.headers.referer && new URL(req.headers.referer).host === req.headers.host
          ? new URL(req.headers.referer).pathname
          : '/',
        `host_theme=${theme}; Path=/; SameSite=Lax`,
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain', 'Method not allowed');
      return;
    }
    if (path === '/__host/bridge.js') {
      send(res, 200, 'text/javascript; charset=utf-8', BRIDGE_SCRIPT);
      return;
    }
    if ((m = path.match(/^\/__host\/tokens\/([a-z]+)\.css$/))) {
      const css = themeCss(m[1] ?? '');
      if (css) send(res, 200, 'text/css; charset=utf-8', css);
      else send(res, 404, 'text/plain', 'No such theme');
      return;
    }
    if ((m = path.match(/^\/resources\/([a-z-]+)\/(.*)$/)))
      return resource(res, m[1] ?? '', decodeURIComponent(m[2] ?? ''));
    if (path === '/') {
      const first = visibleProjects(persona.accountId)[0];
      redirect(res, first ? `/projects/${first.key}/coverage` : '/admin');
      return;
    }
    if ((m = path.match(/^\/projects\/([A-Z][A-Z0-9_]*)\/coverage$/))) {
      projectPage(req, res, m[1] ?? '');
      return;
    }
    if ((m = path.match(/^\/projects\/([A-Z][A-Z0-9_]*)\/issues$/))) return issueList(req, res, m[1] ?? '');
    if ((m = path.match(/^\/browse\/([A-Za-z0-9_-]+)$/))) return issueView(req, res, m[1] ?? '');
    if (path === '/admin') {
      send(
        res,
        200,
        'text/html; charset=utf-8',
        page(
          req,
          'Clause 5.1 coverage settings',
          'admin',
          appFrame('admin-page', frameSrc(req, 'admin-page', {}), 'Clause 5.1 coverage settings'),
        ),
      );
      return;
    }
    send(res, 404, 'text/html; charset=utf-8', page(req, 'Not found', 'coverage', '<h1>Page not found</h1>'));
  }

  return http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // Host failures are the host's own: say what broke without request data.
      console.error(`local host: ${error instanceof Error ? error.message : 'unexpected error'}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'The local host failed; see the terminal.');
      else res.end();
    });
  });
}
