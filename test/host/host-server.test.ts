import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSONAS } from '../../dev/host/personas';
import { createHostServer, type ForgeHandler } from '../../dev/host/server';
import { startLocalForge, type LocalForge } from '../../dev/runtime';
import type { ProjectReport } from '../../src/contract/invoke';
import { buildHandler } from '../../src/index';
import { NOW, demoSite } from '../support/app-harness';

let forge: LocalForge;
let server: ReturnType<typeof createHostServer>;
let base = '';

beforeAll(async () => {
  const site = demoSite();
  forge = await startLocalForge(site);
  const resources = mkdtempSync(join(tmpdir(), 'host-resources-'));
  for (const module of ['project-page', 'issue-panel', 'admin-page']) {
    mkdirSync(join(resources, module), { recursive: true });
    writeFileSync(
      join(resources, module, 'index.html'),
      `<!doctype html><html><head><title>${module}</title></head><body></body></html>`,
    );
  }
  writeFileSync(join(resources, 'secret.txt'), 'not a resource');
  server = createHostServer({
    handler: buildHandler({ clock: () => NOW }) as ForgeHandler,
    jiraUrl: forge.jira.url,
    personas: PERSONAS,
    projects: site.projects.map((p) => ({ id: p.id, key: p.key, name: p.name, browsers: p.browsers })),
    jiraAdmins: site.users.filter((u) => u.jiraAdmin).map((u) => u.accountId),
    resourcesDir: resources,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await forge.stop();
});

const as = (persona: string) => ({ cookie: `host_user=${persona}` });

/** The part of the report/project envelope these tests read. */
interface ReportEnvelope {
  data: Pick<ProjectReport, 'scope' | 'evidenceIssueCount'>;
}

async function invoke(persona: string, functionKey: string, context: unknown): Promise<ReportEnvelope> {
  const response = await fetch(`${base}/__host/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...as(persona) },
    body: JSON.stringify({ functionKey, payload: {}, context }),
  });
  return (await response.json()) as ReportEnvelope;
}

describe('the local Jira host', () => {
  test('serves a built resource with the bridge script first in <head>, as Forge does', async () => {
    const html = await (await fetch(`${base}/resources/project-page/index.html?module=jira:projectPage`)).text();
    expect(html).toMatch(/^<!doctype html><html><head><script src="\/__host\/bridge.js"><\/script><title>/);
    const bridge = await (await fetch(`${base}/__host/bridge.js`)).text();
    expect(bridge).toContain('window.__bridge');
  });

  test.each([
    '/resources/project-page/../secret.txt',
    '/resources/project-page/..%2fsecret.txt',
    '/resources/nope/index.html',
  ])('refuses %s', async (path) => {
    const response = await fetch(base + path);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('not a resource');
  });

  test("runs the real resolver as the session's user, whatever account the page claims", async () => {
    const context = {
      accountId: 'demo-security-lead',
      extension: { type: 'jira:projectPage', project: { key: 'ISMS' } },
    };
    const asManager = await invoke('manager', 'report/project', context);
    const asLead = await invoke('security-lead', 'report/project', context);
    expect(asManager.data.scope.accountId).toBe('demo-manager');
    expect(asLead.data.scope.accountId).toBe('demo-security-lead');
    expect(asManager.data.evidenceIssueCount).toBeLessThan(asLead.data.evidenceIssueCount);
  });

  test('an unknown invoke key is an error from the host, not a crash', async () => {
    const response = await fetch(`${base}/__host/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...as('admin') },
      body: JSON.stringify({ functionKey: 'nope', payload: {}, context: {} }),
    });
    expect(response.status).toBe(500);
    expect((await response.json()).message).toContain("no definition for 'nope'");
  });

  test('the manager cannot open a Board-only issue; the security lead sees it with the panel', async () => {
    const manager = await fetch(`${base}/browse/ISMS-10`, { headers: as('manager') });
    expect(manager.status).toBe(404);
    expect(await manager.text()).toContain("You can't view this issue");
    const lead = await fetch(`${base}/browse/ISMS-10`, { headers: as('security-lead') });
    const html = await lead.text();
    expect(lead.status).toBe(200);
    expect(html).toContain('FY budget: ISMS tooling');
    expect(html).toContain('/resources/issue-panel/index.html?module=jira%3AissuePanel');
  });

  test('the outsider has no ISMS project page', async () => {
    expect((await fetch(`${base}/projects/ISMS/coverage`, { headers: as('outsider') })).status).toBe(404);
  });

  test('switching user sets the session cookie and returns to the page', async () => {
    const response = await fetch(`${base}/__host/user`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        referer: `${base}/admin`,
        host: new URL(base).host,
      },
      body: 'user=manager',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toContain('host_user=manager');
    expect(response.headers.get('location')).toBe('/admin');
  });

  test('issue summaries are escaped in host pages', async () => {
    forge.jira.updateIssue('ISMS-17', { summary: '<img src=x onerror=alert(1)>' });
    const html = await (await fetch(`${base}/projects/ISMS/issues`, { headers: as('security-lead') })).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });
});
