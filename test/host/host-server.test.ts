import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgePolicy, manifestPermissions } from '../../dev/host/csp';
import { PERSONAS } from '../../dev/host/personas';
import { startHost, type ForgeHandler, type RunningHost } from '../../dev/host/server';
import { startLocalForge, type LocalForge } from '../../dev/runtime';
import type { ProjectReport } from '../../src/contract/invoke';
import { buildHandler } from '../../src/index';
import { NOW, demoSite } from '../support/app-harness';

let forge: LocalForge;
let host: RunningHost;
let base = '';
let resources = '';
let dir = '';

beforeAll(async () => {
  const site = demoSite();
  forge = await startLocalForge(site);
  dir = mkdtempSync(join(tmpdir(), 'host-resources-'));
  for (const module of ['project-page', 'issue-panel', 'admin-page']) {
    mkdirSync(join(dir, module), { recursive: true });
    writeFileSync(
      join(dir, module, 'index.html'),
      `<!doctype html><html><head><title>${module}</title></head><body></body></html>`,
    );
  }
  writeFileSync(join(dir, 'secret.txt'), 'not a resource');
  host = await startHost(
    {
      handler: buildHandler({ clock: () => NOW }) as ForgeHandler,
      jiraUrl: forge.jira.url,
      personas: PERSONAS,
      projects: site.projects.map((p) => ({ id: p.id, key: p.key, name: p.name, browsers: p.browsers })),
      jiraAdmins: site.users.filter((u) => u.jiraAdmin).map((u) => u.accountId),
      resourcesDir: dir,
    },
    { port: 0, resourcesPort: 0 },
  );
  base = host.url;
  resources = host.resourcesUrl;
});
afterAll(async () => {
  await host.close();
  await forge.stop();
});

const as = (persona: string) => ({ cookie: `host_user=${persona}` });

/** The part of the report/project envelope these tests read. */
interface ReportEnvelope {
  data: Pick<ProjectReport, 'scope' | 'evidenceIssueCount'>;
}

const ISMS_PAGE = {
  accountId: 'demo-security-lead',
  extension: { type: 'jira:projectPage', project: { key: 'ISMS' } },
};

/** A POST as the host's own page sends it (Origin: the host), with `headers` over it; undefined drops a header. */
function post(path: string, body: string, headers: Record<string, string | undefined>): Promise<Response> {
  const merged: Record<string, string | undefined> = { Origin: base, ...headers };
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) sent[name] = value;
  return fetch(base + path, { method: 'POST', redirect: 'manual', headers: sent, body });
}

const invokeBody = (functionKey: string, context: unknown = ISMS_PAGE) =>
  JSON.stringify({ functionKey, payload: {}, context });

async function invoke(persona: string, functionKey: string, context: unknown): Promise<ReportEnvelope> {
  const response = await post('/__host/invoke', invokeBody(functionKey, context), {
    'Content-Type': 'application/json',
    ...as(persona),
  });
  return (await response.json()) as ReportEnvelope;
}

/** The `data-context` the host rendered on a page's iframe, and the iframe's src. */
function frameOf(html: string): { src: string; context: Record<string, unknown> } {
  const tag = html.match(/<iframe [^>]*>/)?.[0] ?? '';
  const attr = (name: string) =>
    (tag.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return { src: attr('src'), context: JSON.parse(attr('data-context') || 'null') as Record<string, unknown> };
}

describe('the local Jira host', () => {
  test('serves a built resource from the resources origin with the bridge script first in <head>', async () => {
    const html = await (await fetch(`${resources}/resources/project-page/index.html`)).text();
    expect(html).toMatch(/^<!doctype html><html><head><script src="\/__host\/bridge.js"><\/script><title>/);
    const bridge = await (await fetch(`${resources}/__host/bridge.js`)).text();
    expect(bridge).toContain('window.__bridge');
    // The frame speaks to the host's page alone, never to any window that frames it.
    expect(bridge).toContain(`var HOST = ${JSON.stringify(base)};`);
    expect(bridge).not.toMatch(/postMessage\([^)]*'\*'\)/);
  });

  test.each([
    '/resources/project-page/../secret.txt',
    '/resources/project-page/..%2fsecret.txt',
    '/resources/project-page/%E0%A4%A',
    '/resources/nope/index.html',
  ])('refuses %s', async (path) => {
    const response = await fetch(resources + path);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('not a resource');
  });

  test("runs the real resolver as the session's user, whatever account the page claims", async () => {
    const asManager = await invoke('manager', 'report/project', ISMS_PAGE);
    const asLead = await invoke('security-lead', 'report/project', ISMS_PAGE);
    expect(asManager.data.scope.accountId).toBe('demo-manager');
    expect(asLead.data.scope.accountId).toBe('demo-security-lead');
    expect(asManager.data.evidenceIssueCount).toBeLessThan(asLead.data.evidenceIssueCount);
  });

  test('an unknown invoke key is an error from the host, not a crash', async () => {
    const response = await post('/__host/invoke', invokeBody('nope'), {
      'Content-Type': 'application/json',
      ...as('admin'),
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { message: string }).message).toContain("no definition for 'nope'");
  });

  test('the manager cannot open a Board-only issue; the security lead sees it with the panel', async () => {
    const manager = await fetch(`${base}/browse/ISMS-10`, { headers: as('manager') });
    expect(manager.status).toBe(404);
    expect(await manager.text()).toContain("You can't view this issue");
    const lead = await fetch(`${base}/browse/ISMS-10`, { headers: as('security-lead') });
    const html = await lead.text();
    expect(lead.status).toBe(200);
    expect(html).toContain('FY budget: ISMS tooling');
    expect(frameOf(html).src).toBe(`${resources}/resources/issue-panel/index.html`);
  });

  test('the outsider has no ISMS project page', async () => {
    expect((await fetch(`${base}/projects/ISMS/coverage`, { headers: as('outsider') })).status).toBe(404);
  });

  test('issue summaries are escaped in host pages', async () => {
    forge.jira.updateIssue('ISMS-17', { summary: '<img src=x onerror=alert(1)>' });
    const html = await (await fetch(`${base}/projects/ISMS/issues`, { headers: as('security-lead') })).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });
});

describe("the frame's context is the host's, not the frame's", () => {
  test('the page carries the context it rendered; the frame URL carries nothing to claim', async () => {
    const { src, context } = frameOf(
      await (await fetch(`${base}/browse/ISMS-10`, { headers: as('security-lead') })).text(),
    );
    expect(new URL(src).search).toBe('');
    expect(context).toMatchObject({
      accountId: 'demo-security-lead',
      siteUrl: base,
      moduleKey: 'clause51-evidence-issue-panel',
      extension: {
        type: 'jira:issuePanel',
        issue: { key: 'ISMS-10', id: expect.any(String) as unknown },
        project: { key: 'ISMS' },
      },
    });
  });

  test('the context follows the session: the theme and the user from the cookies', async () => {
    const html = await (
      await fetch(`${base}/projects/ISMS/coverage`, { headers: { cookie: 'host_user=manager; host_theme=dark' } })
    ).text();
    expect(frameOf(html).context).toMatchObject({
      accountId: 'demo-manager',
      theme: { colorMode: 'dark' },
      extension: { type: 'jira:projectPage', project: { key: 'ISMS', id: '10000' } },
    });
  });
});

describe('the host refuses what its own pages did not send', () => {
  const json = { 'Content-Type': 'application/json', ...as('admin') };

  test.each([
    ['the frame origin', () => ({ ...json, Origin: resources })],
    ['another site', () => ({ ...json, Origin: 'http://evil.example' })],
    ['no Origin', () => ({ ...json, Origin: undefined })],
    ['a form content type', () => ({ ...json, 'Content-Type': 'application/x-www-form-urlencoded' })],
    ['a text content type', () => ({ ...json, 'Content-Type': 'text/plain' })],
    ['no content type', () => ({ ...json, 'Content-Type': undefined })],
  ])('an invoke from %s: 403 with a message, and no resolver ran', async (_name, headers) => {
    const response = await post('/__host/invoke', invokeBody('report/project'), headers());
    expect(response.status).toBe(403);
    const answer = (await response.json()) as { message?: string; data?: unknown };
    expect(answer.message).toMatch(/own pages only/);
    expect(answer.data).toBeUndefined();
  });

  test('an invoke with a charset on its JSON content type is the host page and runs', async () => {
    const response = await post('/__host/invoke', invokeBody('report/project'), {
      ...json,
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(response.status).toBe(200);
  });

  test.each([
    ['another site', 'http://evil.example'],
    ['the frame origin', 'RESOURCES'],
    ['no Origin', undefined],
  ])('a user switch or theme change from %s is refused and sets no cookie', async (_name, origin) => {
    for (const [path, form] of [
      ['/__host/user', 'user=admin'],
      ['/__host/theme', 'theme=dark'],
    ] as const) {
      const response = await post(path, form, {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: origin === 'RESOURCES' ? resources : origin,
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  test('switching user from the host page sets an HttpOnly, SameSite=Strict cookie and returns to the page', async () => {
    const response = await post('/__host/user', 'user=manager', {
      'Content-Type': 'application/x-www-form-urlencoded',
      referer: `${base}/admin`,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^host_user=manager;/);
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Strict');
    expect(cookie).toContain('; Path=/');
  });

  test('the theme cookie is HttpOnly and SameSite=Strict too', async () => {
    const response = await post('/__host/theme', 'theme=dark', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(303);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^host_theme=dark;.*; HttpOnly; SameSite=Strict$/);
  });

  test('a request to the host under another name is sent to its own name (GET) or refused (POST)', async () => {
    const other = base.replace('localhost', '127.0.0.1');
    const page = await fetch(`${other}/admin`, { redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toBe(`${base}/admin`);
    const invoked = await fetch(`${other}/__host/invoke`, {
      method: 'POST',
      headers: { Origin: other, 'Content-Type': 'application/json', ...as('admin') },
      body: invokeBody('report/project'),
    });
    expect(invoked.status).toBe(403);
  });
});

describe('two origins: the host serves no resources, the resources origin nothing else', () => {
  test.each(['/resources/project-page/index.html', '/__host/bridge.js', '/__host/tokens/light.css'])(
    'the host answers 404 for %s',
    async (path) => {
      const response = await fetch(base + path, { headers: as('security-lead') });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('window.__bridge');
    },
  );

  test.each(['/admin', '/projects/ISMS/coverage', '/'])('the resources origin answers 404 for %s', async (path) => {
    expect((await fetch(resources + path, { headers: as('security-lead'), redirect: 'manual' })).status).toBe(404);
  });

  test('the resources origin runs no invoke', async () => {
    const response = await fetch(`${resources}/__host/invoke`, {
      method: 'POST',
      headers: { Origin: resources, 'Content-Type': 'application/json', ...as('admin') },
      body: invokeBody('report/project'),
    });
    expect(response.status).toBe(405);
  });

  test("the resources are not served under the host's name, where they would share its cookies", async () => {
    const sameSite = resources.replace('127.0.0.1', 'localhost');
    expect((await fetch(`${sameSite}/resources/project-page/index.html`)).status).toBe(421);
  });

  test("resources come with nosniff, and each screen under Forge's policy, which lets the host frame it", async () => {
    const page = await fetch(`${resources}/resources/admin-page/index.html`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const policy = page.headers.get('content-security-policy') ?? '';
    const built = readFileSync(join(dir, 'admin-page', 'index.html'), 'utf8');
    expect(policy).toBe(forgePolicy(built, await manifestPermissions(), { host: base, resources }));
    const directives = policy.split('; ');
    expect(directives.find((d) => d.startsWith('frame-ancestors '))?.split(' ')).toContain(base);
    expect(directives).toContain(`report-uri ${resources}/__host/csp-report`);
    expect(directives.find((d) => d.startsWith('sandbox '))).toBeDefined();
    const script = await fetch(`${resources}/__host/bridge.js`);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  test("a frame's violation report is taken on the resources origin and said in the terminal", async () => {
    const said = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const report = {
        'csp-report': {
          'document-uri': `${resources}/resources/admin-page/index.html`,
          'violated-directive': 'img-src',
          'blocked-uri': 'https://images.example.org/logo.png',
        },
      };
      const response = await fetch(`${resources}/__host/csp-report`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/csp-report' },
        body: JSON.stringify(report),
      });
      expect(response.status).toBe(204);
      expect(said).toHaveBeenCalledWith(
        `local host: CSP violation in ${resources}/resources/admin-page/index.html: img-src blocked https://images.example.org/logo.png`,
      );
      const garbage = await fetch(`${resources}/__host/csp-report`, { method: 'POST', body: 'not json' });
      expect(garbage.status).toBe(204);
      expect(said).toHaveBeenCalledTimes(1);
    } finally {
      said.mockRestore();
    }
  });

  test('host pages frame only the resources origin and are framed by no one', async () => {
    const page = await fetch(`${base}/admin`, { headers: as('admin') });
    expect(page.headers.get('content-security-policy')).toBe(`frame-ancestors 'none'; frame-src ${resources}`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the favicon', () => {
  test.each(['/favicon.svg', '/favicon.ico'])('is served at %s on both origins', async (path) => {
    for (const origin of [base, resources]) {
      const response = await fetch(origin + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(await response.text()).toMatch(/^<svg /);
    }
  });

  test('every host page links it', async () => {
    for (const path of ['/admin', '/projects/ISMS/coverage', '/projects/ISMS/issues', '/browse/ISMS-1', '/nowhere']) {
      const html = await (await fetch(base + path, { headers: as('security-lead') })).text();
      expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    }
  });
});
