import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCOUNT_ID_HEADER } from '../simulator';
import { runInvocation } from '../runtime';
import { FAVICON_PATHS, FAVICON_SVG } from './favicon';
import { addressedTo, foreignPost, mediaType, originsFor, sessionCookie, type Origins } from './guards';
import { esc } from './html';
import { appFrame, shell, type FrameContext, type Persona } from './pages';
import { manifestPermissions } from './csp';
import { createResourcesServer, type MODULES } from './resources-server';
import { HTML, JSON_TYPE, TEXT, body, cookies, redirect, send, sendJson } from './respond';

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
  /**
   * The dashboard gadget's configuration until a user saves their own (the demo: `{ projectKey:
   * 'ISMS' }`); none, and the gadget starts unconfigured.
   */
  gadgetConfiguration?: GadgetConfiguration;
}

/** What the gadget's edit view submitted, as Jira stores it: any JSON object, confirmed by the resolver. */
export type GadgetConfiguration = Record<string, unknown>;

/** The longest gadget configuration the host keeps (it lives in a cookie). */
const MAX_GADGET_CONFIGURATION = 1024;

/** The host listening: its pages at `url`, the app's resources at `resourcesUrl`. */
export interface RunningHost {
  url: string;
  resourcesUrl: string;
  close(): Promise<void>;
}

const MODULE_KEYS = {
  'project-page': { type: 'jira:projectPage', key: 'clause51-coverage-project-page', title: 'Clause 5.1 coverage' },
  'issue-panel': { type: 'jira:issuePanel', key: 'clause51-evidence-issue-panel', title: 'Clause 5.1 evidence' },
  'admin-page': { type: 'jira:adminPage', key: 'clause51-coverage-settings', title: 'Clause 5.1 coverage settings' },
  'dashboard-gadget': {
    type: 'jira:dashboardGadget',
    key: 'clause51-coverage-gadget',
    title: 'Clause 5.1 coverage gadget',
  },
} satisfies Record<(typeof MODULES)[number], { type: string; key: string; title: string }>;

type Module = keyof typeof MODULE_KEYS;
type Extension = Pick<FrameContext['extension'], 'project' | 'issue' | 'gadgetConfiguration' | 'entryPoint'>;
type Active = 'coverage' | 'issues' | 'admin' | 'issue' | 'dashboards';

const PAGE_HEADERS = (origins: Origins) => ({
  // The host frames the app's resources and nothing else, and no one frames the host.
  'Content-Security-Policy': `frame-ancestors 'none'; frame-src ${origins.resources}`,
  'Referrer-Policy': 'same-origin',
});

function backTo(req: http.IncomingMessage, hostOrigin: string): string {
  try {
    const from = new URL(req.headers.referer ?? '');
    return from.origin === hostOrigin ? from.pathname : '/';
  } catch {
    return '/';
  }
}

/**
 * The local Jira host: pages that stand in for Jira around the app's real Custom UI resources,
 * and an invoke endpoint that runs the real resolver handler as the chosen user. `origins` is
 * read per request: the ports are known once both servers listen.
 */
export function createHostServer(options: HostOptions, origins: () => Origins): http.Server {
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

  function sendPage(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    page: { title: string; active: Active; body: string; currentProject?: string },
  ): void {
    const persona = personaOf(req);
    const html = shell({
      ...page,
      personas: options.personas,
      persona,
      theme: themeOf(req),
      projects: visibleProjects(persona.accountId),
      resourcesOrigin: origins().resources,
    });
    send(res, status, HTML, html, PAGE_HEADERS(origins()));
  }

  /** The app's iframe, with the context the host gives it: what the host rendered, never the frame's claim. */
  function frame(req: http.IncomingMessage, module: Module, extension: Extension): string {
    const info = MODULE_KEYS[module];
    const context: FrameContext = {
      accountId: personaOf(req).accountId,
      cloudId: 'local-cloud',
      siteUrl: origins().host,
      moduleKey: info.key,
      localId: info.key,
      locale: 'en-GB',
      timezone: 'Europe/London',
      theme: { colorMode: themeOf(req) },
      extension: { type: info.type, ...extension },
    };
    return appFrame(module, `${origins().resources}/resources/${module}/index.html`, info.title, context);
  }

  /**
   * The dashboard gadget's configuration for the session's user: what they saved (kept in an
   * HttpOnly cookie per host user, like the host's other state), else the host's starting one.
   */
  function gadgetConfigurationOf(req: http.IncomingMessage): GadgetConfiguration {
    const saved = cookies(req)[gadgetCookie(personaOf(req))];
    if (saved !== undefined) {
      try {
        const parsed: unknown = JSON.parse(saved);
        if (isConfiguration(parsed)) return parsed;
      } catch {
        // Not a cookie the host wrote: the starting configuration.
      }
    }
    return options.gadgetConfiguration ?? {};
  }

  /** A Jira dashboard with the app's gadget: a frame with a title bar and Edit, the gadget's iframe below. */
  function dashboards(req: http.IncomingMessage, res: http.ServerResponse, editing: boolean): void {
    const gadget = frame(req, 'dashboard-gadget', {
      gadgetConfiguration: gadgetConfigurationOf(req),
      ...(editing ? { entryPoint: 'edit' as const } : {}),
    });
    const edit = editing
      ? '<span class="note">Editing</span>'
      : `<form method="get" action="/dashboards"><input type="hidden" name="gadget" value="edit"><button type="submit" aria-label="Edit the Clause 5.1 coverage gadget">Edit</button></form>`;
    sendPage(req, res, 200, {
      title: 'Dashboard',
      active: 'dashboards',
      body: `<h1>Dashboard</h1>
      <p class="note">Your dashboard, as Jira shows it: each gadget in a frame with its title bar. Edit opens the gadget's own edit view.</p>
      <section class="gadget" aria-labelledby="gadget-title">
        <div class="gadget-bar"><h2 id="gadget-title">Clause 5.1 coverage</h2>${edit}</div>
        ${gadget}
      </section>`,
    });
  }

  /** `view.submit` from the gadget's edit view, sent on by the host's page: it becomes the user's configuration. */
  async function saveGadget(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // As invoke: only the host's own page (its bridge) posts this, never a frame, a form or another site.
    const foreign = foreignPost(req, origins().host);
    if (foreign || mediaType(req) !== 'application/json') {
      sendJson(res, 403, {
        message: `The local host saves gadgets for its own pages only (${foreign ?? 'the request is not application/json'}).`,
      });
      return;
    }
    let configuration: unknown;
    try {
      const parsed: unknown = JSON.parse(await body(req));
      configuration =
        typeof parsed === 'object' && parsed !== null && 'configuration' in parsed ? parsed.configuration : undefined;
    } catch {
      sendJson(res, 400, { message: 'The gadget configuration is not JSON.' });
      return;
    }
    if (!isConfiguration(configuration)) {
      sendJson(res, 400, { message: "The gadget's configuration must be a JSON object." });
      return;
    }
    const text = JSON.stringify(configuration);
    if (text.length > MAX_GADGET_CONFIGURATION) {
      sendJson(res, 413, { message: `The gadget's configuration is over ${MAX_GADGET_CONFIGURATION} characters.` });
      return;
    }
    send(res, 200, JSON_TYPE, JSON.stringify({ saved: true }), {
      'Set-Cookie': sessionCookie(gadgetCookie(personaOf(req)), text),
    });
  }

  function notFound(req: http.IncomingMessage, res: http.ServerResponse, active: Active, key: string) {
    sendPage(req, res, 404, {
      title: 'Project not found',
      active,
      body: `<h1>Project not found</h1><p>${esc(key)} does not exist, or you do not have permission to see it.</p>`,
    });
  }

  function projectPage(req: http.IncomingMessage, res: http.ServerResponse, key: string): void {
    const project = visibleProjects(personaOf(req).accountId).find((p) => p.key === key);
    if (!project) {
      notFound(req, res, 'coverage', key);
      return;
    }
    sendPage(req, res, 200, {
      title: `${project.name}: Clause 5.1 coverage`,
      active: 'coverage',
      body: frame(req, 'project-page', { project: { id: project.id, key: project.key, type: 'software' } }),
      currentProject: project.key,
    });
  }

  async function issueList(req: http.IncomingMessage, res: http.ServerResponse, key: string): Promise<void> {
    const persona = personaOf(req);
    const project = visibleProjects(persona.accountId).find((p) => p.key === key);
    if (!project) {
      notFound(req, res, 'issues', key);
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
    sendPage(req, res, 200, { title: `${project.name}: issues`, active: 'issues', body, currentProject: project.key });
  }

  async function issueView(req: http.IncomingMessage, res: http.ServerResponse, key: string): Promise<void> {
    const persona = personaOf(req);
    const result = await jira(
      persona.accountId,
      `/rest/api/3/issue/${encodeURIComponent(key)}?fields=summary,status,labels,assignee,project,security`,
    );
    if (result.status !== 200 || typeof result.body !== 'object' || result.body === null) {
      sendPage(req, res, 404, {
        title: 'Issue not found',
        active: 'issue',
        body: `<h1>You can't view this issue</h1><p>${esc(key)} does not exist, or you do not have permission to see it.</p>`,
      });
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
    const panel = frame(req, 'issue-panel', {
      issue: { id: issue.id ?? '', key: issue.key ?? key, type: 'Task' },
      project: { id: f.project?.id ?? '', key: f.project?.key ?? '', type: 'software' },
    });
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
      <aside class="panel" aria-label="Clause 5.1 evidence panel"><h2>Clause 5.1 evidence</h2>${panel}</aside></div>`;
    sendPage(req, res, 200, {
      title: `${issue.key ?? key}: ${f.summary ?? ''}`,
      active: 'issue',
      body,
      currentProject: f.project?.key,
    });
  }

  async function invoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Only the host's own page calls this (for its frames): not another page, not a frame, not a form.
    const foreign = foreignPost(req, origins().host);
    if (foreign || mediaType(req) !== 'application/json') {
      sendJson(res, 403, {
        message: `The local host runs invokes sent by its own pages only (${foreign ?? 'the request is not application/json'}).`,
      });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await body(req));
    } catch {
      sendJson(res, 400, { message: 'The invoke request is not JSON.' });
      return;
    }
    const persona = personaOf(req);
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
      sendJson(res, 200, result ?? null);
    } catch (error) {
      sendJson(res, 500, { message: error instanceof Error ? error.message : 'The resolver failed.' });
    }
  }

  /** A form post of the host's header (user or theme): from the host's own page only. */
  async function formPost(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    cookie: (form: URLSearchParams) => string,
  ): Promise<void> {
    const foreign = foreignPost(req, origins().host);
    if (foreign) {
      send(res, 403, TEXT, `The local host takes this form from its own pages only (${foreign}).`);
      return;
    }
    redirect(res, 303, backTo(req, origins().host), cookie(new URLSearchParams(await body(req))));
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origins().host);
    const path = url.pathname;
    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && path === '/__host/invoke') return invoke(req, res);
    if (req.method === 'POST' && path === '/__host/gadget') return saveGadget(req, res);
    if (req.method === 'POST' && path === '/__host/user')
      return formPost(req, res, (form) => {
        const known = options.personas.find((p) => p.id === form.get('user'));
        return sessionCookie('host_user', known?.id ?? defaultPersona.id);
      });
    if (req.method === 'POST' && path === '/__host/theme')
      return formPost(req, res, (form) => sessionCookie('host_theme', form.get('theme') === 'dark' ? 'dark' : 'light'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, TEXT, 'Method not allowed');
      return;
    }
    if (FAVICON_PATHS.includes(path)) {
      send(res, 200, 'image/svg+xml', FAVICON_SVG);
      return;
    }
    if (path === '/') {
      const first = visibleProjects(personaOf(req).accountId)[0];
      redirect(res, 303, first ? `/projects/${first.key}/coverage` : '/admin');
      return;
    }
    if ((m = path.match(/^\/projects\/([A-Z][A-Z0-9_]*)\/coverage$/))) {
      projectPage(req, res, m[1] ?? '');
      return;
    }
    if ((m = path.match(/^\/projects\/([A-Z][A-Z0-9_]*)\/issues$/))) return issueList(req, res, m[1] ?? '');
    if ((m = path.match(/^\/browse\/([A-Za-z0-9_-]+)$/))) return issueView(req, res, m[1] ?? '');
    if (path === '/dashboards') {
      dashboards(req, res, url.searchParams.get('gadget') === 'edit');
      return;
    }
    if (path === '/admin') {
      sendPage(req, res, 200, {
        title: 'Clause 5.1 coverage settings',
        active: 'admin',
        body: frame(req, 'admin-page', {}),
      });
      return;
    }
    // The app's resources included: they live on the resources origin only.
    sendPage(req, res, 404, { title: 'Not found', active: 'coverage', body: '<h1>Page not found</h1>' });
  }

  /** One name for the host: another name for the same port (127.0.0.1, a rebound domain) is sent to it. */
  function canonical(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (addressedTo(req, origins().host)) return true;
    if (req.method === 'GET' || req.method === 'HEAD') redirect(res, 307, origins().host + (req.url ?? '/'));
    else send(res, 403, TEXT, `The local host takes requests at ${origins().host} only.`);
    return false;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (canonical(req, res)) await route(req, res);
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Host failures are the host's own: say what broke without request data.
      console.error(`local host: ${error instanceof Error ? error.message : 'unexpected error'}`);
      if (!res.headersSent) send(res, 500, TEXT, 'The local host failed; see the terminal.');
      else res.end();
    });
  });
}

/** The cookie that holds a host user's gadget configuration: one per persona, as each has their own dashboard. */
const gadgetCookie = (persona: Persona): string => `host_gadget_${persona.id}`;

const isConfiguration = (value: unknown): value is GadgetConfiguration =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

const closeServer = (server: http.Server): Promise<void> =>
  new Promise((done) => {
    if (!server.listening) {
      done();
      return;
    }
    server.close(() => done());
    server.closeAllConnections();
  });

/**
 * Starts the host on `port` and the app's resources on `resourcesPort` (0: any free port), both
 * on this machine only. Rejects, with both closed, when either port cannot be had.
 */
export async function startHost(
  options: HostOptions,
  ports: { port: number; resourcesPort: number },
): Promise<RunningHost> {
  let origins: Origins | undefined;
  const known = (): Origins => {
    if (!origins) throw new Error('the host answered before it was listening');
    return origins;
  };
  const host = createHostServer(options, known);
  // Every screen is served under the policy Forge computes for this manifest (dev/host/csp.ts).
  const resources = createResourcesServer(options.resourcesDir, await manifestPermissions(), known);
  const close = async () => {
    await Promise.all([closeServer(host), closeServer(resources)]);
  };
  try {
    const hostPort = await listen(host, ports.port);
    const resourcesPort = await listen(resources, ports.resourcesPort);
    origins = originsFor(hostPort, resourcesPort);
  } catch (error) {
    await close();
    throw error;
  }
  return { url: origins.host, resourcesUrl: origins.resources, close };
}
