/**
 * What Forge deploys is not the source: it is the function @forge/bundler builds (webpack,
 * ts-loader, this tsconfig.json). These tests run that bundle, `.forge-bundle/index.cjs` as
 * `npm run bundle` writes it, through the local Forge runtime and simulator, and hold its answers
 * to the source handler's for each screen and persona.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLE_BUDGET_BYTES, currentBundle } from '../../dev/bundle';
import { buildDemoSite, DEMO_USERS } from '../../dev/demo/demo-site';
import { demoSettings, seedDemoSettings } from '../../dev/demo/demo-settings';
import { invokeResolver, startLocalForge, type ResolverHandler } from '../../dev/runtime';
import { dayOf } from '../../src/core/dates';
import { handler as sourceHandler } from '../../src/index';

const ROOT = resolve(__dirname, '../..');
jest.setTimeout(180_000);

/** The bundle on disk, built again when a source file changed after it (so a bare `jest` run is honest too). */
function bundledFile(): string {
  const current = currentBundle();
  if (current) return current;
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'dev/bundle.ts')], { cwd: ROOT, stdio: 'pipe' });
  const built = currentBundle();
  if (!built) throw new Error('npm run bundle did not write .forge-bundle/index.cjs');
  return built;
}

let bundleFile: string;
let bundledHandler: ResolverHandler;
beforeAll(() => {
  bundleFile = bundledFile();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, loaded as Forge loads it
  const loaded = require(bundleFile) as { handler?: unknown };
  if (typeof loaded.handler !== 'function') throw new Error('the bundle exports no handler');
  bundledHandler = loaded.handler as ResolverHandler;
});

const { admin, securityLead: lead, manager, outsider } = DEMO_USERS;
const projectPage = { type: 'jira:projectPage', project: { key: 'ISMS', id: '10000', type: 'software' } };
const panel = (key: string) => ({
  type: 'jira:issuePanel',
  issue: { key, id: '1', type: 'Task' },
  project: { key: 'ISMS' },
});
const gadget = { type: 'jira:dashboardGadget', gadgetConfiguration: { projectKey: 'ISMS' } };
const adminPage = { type: 'jira:adminPage' };

interface Call {
  name: string;
  accountId: string;
  functionKey: string;
  payload?: unknown;
  extension: Record<string, unknown>;
}

/** Each screen as the personas who use it, in an order where one call's effects reach the next. */
const CALLS: Call[] = [
  { name: 'project page, lead', accountId: lead.accountId, functionKey: 'report/project', extension: projectPage },
  {
    name: 'project page again, lead',
    accountId: lead.accountId,
    functionKey: 'report/project',
    extension: projectPage,
  },
  {
    name: 'project page, manager',
    accountId: manager.accountId,
    functionKey: 'report/project',
    extension: projectPage,
  },
  {
    name: 'project page reload, manager',
    accountId: manager.accountId,
    functionKey: 'report/project',
    payload: { fullRead: true },
    extension: projectPage,
  },
  {
    name: 'project page, bad payload',
    accountId: lead.accountId,
    functionKey: 'report/project',
    payload: { fullRead: 'yes' },
    extension: projectPage,
  },
  {
    name: 'project page, outsider',
    accountId: outsider.accountId,
    functionKey: 'report/project',
    extension: projectPage,
  },
  { name: 'panel ISMS-9, lead', accountId: lead.accountId, functionKey: 'report/issue', extension: panel('ISMS-9') },
  { name: 'panel ISMS-10, lead', accountId: lead.accountId, functionKey: 'report/issue', extension: panel('ISMS-10') },
  {
    name: 'panel ISMS-9, manager',
    accountId: manager.accountId,
    functionKey: 'report/issue',
    extension: panel('ISMS-9'),
  },
  { name: 'gadget, lead', accountId: lead.accountId, functionKey: 'report/gadget', extension: gadget },
  { name: 'gadget, outsider', accountId: outsider.accountId, functionKey: 'report/gadget', extension: gadget },
  { name: 'settings, admin', accountId: admin.accountId, functionKey: 'config/get', extension: adminPage },
  {
    name: 'admin save',
    accountId: admin.accountId,
    functionKey: 'config/save',
    payload: { config: { ...demoSettings(), expiringSoonDays: 45 }, expectedVersion: 1 },
    extension: adminPage,
  },
  {
    name: 'admin save, refused value',
    accountId: admin.accountId,
    functionKey: 'config/save',
    payload: { config: { ...demoSettings(), expiringSoonDays: -1 }, expectedVersion: 2 },
    extension: adminPage,
  },
  {
    name: 'admin save by a manager',
    accountId: manager.accountId,
    functionKey: 'config/save',
    payload: { config: demoSettings(), expectedVersion: 2 },
    extension: adminPage,
  },
  { name: 'history, admin', accountId: admin.accountId, functionKey: 'config/history', extension: adminPage },
  {
    name: 'create-fix preview, lead',
    accountId: lead.accountId,
    functionKey: 'issue/fix-preview',
    payload: { categoryId: 'strategy-alignment', origin: 'finding' },
    extension: projectPage,
  },
  {
    name: 'create-fix, lead',
    accountId: lead.accountId,
    functionKey: 'issue/create-fix',
    payload: { categoryId: 'strategy-alignment', origin: 'finding' },
    extension: projectPage,
  },
  {
    name: 'create-fix again, lead',
    accountId: lead.accountId,
    functionKey: 'issue/create-fix',
    payload: { categoryId: 'strategy-alignment', origin: 'finding' },
    extension: projectPage,
  },
  {
    name: 'project page after the create, lead',
    accountId: lead.accountId,
    functionKey: 'report/project',
    extension: projectPage,
  },
];

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Instants say when the call ran, which differs between two runs; everything else must not. */
function withoutInstants(value: unknown): unknown {
  if (typeof value === 'string') return INSTANT.test(value) ? '<instant>' : value;
  if (Array.isArray(value)) return value.map(withoutInstants);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutInstants(v)]));
  return value;
}

/** Every call, in order, on a fresh demo site and store: the handler's answers as the screens would get them. */
async function answersOf(handler: ResolverHandler): Promise<Record<string, unknown>> {
  const now = new Date();
  const forge = await startLocalForge(buildDemoSite(dayOf(now)));
  try {
    await seedDemoSettings(now);
    const answers: Record<string, unknown> = {};
    for (const call of CALLS) {
      const answer = await invokeResolver(handler, {
        functionKey: call.functionKey,
        accountId: call.accountId,
        payload: call.payload ?? {},
        context: { extension: call.extension },
      });
      answers[call.name] = withoutInstants(answer);
    }
    return answers;
  } finally {
    await forge.stop();
  }
}

describe('the function as forge deploy bundles it', () => {
  test('gives the source handler’s answers on every screen, for every persona', async () => {
    const source = await answersOf(sourceHandler as ResolverHandler);
    const bundled = await answersOf(bundledHandler);
    // The source's own answers are the real thing, so equal answers are not two failures alike.
    expect(source['project page, lead']).toMatchObject({ ok: true, data: { projectKey: 'ISMS', coverage: 70 } });
    expect(source['panel ISMS-10, lead']).toMatchObject({ ok: true, data: { issueKey: 'ISMS-10' } });
    expect(source['gadget, lead']).toMatchObject({ ok: true, data: { state: 'ready', projectKey: 'ISMS' } });
    expect(source['gadget, outsider']).toMatchObject({ ok: true, data: { state: 'not-visible' } });
    expect(source['admin save']).toMatchObject({ ok: true, data: { version: 2 } });
    expect(source['admin save, refused value']).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(source['admin save by a manager']).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(source['create-fix, lead']).toMatchObject({ ok: true, data: { created: true } });
    expect(source['create-fix again, lead']).toMatchObject({ ok: true, data: { created: false } });
    expect(source['project page, bad payload']).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(source['project page, outsider']).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const call of CALLS) expect({ [call.name]: bundled[call.name] }).toEqual({ [call.name]: source[call.name] });
  });

  test(`stays under ${BUNDLE_BUDGET_BYTES / 1024} KB unminified`, () => {
    expect(statSync(bundleFile).size).toBeLessThan(BUNDLE_BUDGET_BYTES);
  });

  test('bundles only packages the app depends on at run time, never a devDependency alone', () => {
    const code = readFileSync(bundleFile, 'utf8');
    // webpack heads each module with its path: "// MODULE: ./node_modules/<package>/...", and each
    // module it concatenates (ES modules such as date-fns) with ";// ./node_modules/<package>/...".
    const bundled = new Set(
      [...code.matchAll(/^;?\/\/ (?:[A-Z ]+: )?\.\/node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)].map((m) => m[1] ?? ''),
    );
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>;
    };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // Everything `npm install --omit=dev` would install: the dependencies and all they need.
    const runtime = new Set<string>();
    const pending = Object.keys(pkg.dependencies);
    while (pending.length > 0) {
      const name = pending.pop() ?? '';
      if (runtime.has(name)) continue;
      runtime.add(name);
      const entry = lock.packages[`node_modules/${name}`];
      pending.push(...Object.keys(entry?.dependencies ?? {}), ...Object.keys(entry?.peerDependencies ?? {}));
    }
    expect(bundled.size).toBeGreaterThan(3);
    expect([...bundled].filter((name) => !runtime.has(name))).toEqual([]);
    expect([...bundled]).toEqual(expect.arrayContaining(['@forge/api', '@forge/kvs', '@forge/resolver', 'date-fns']));
  });
});
