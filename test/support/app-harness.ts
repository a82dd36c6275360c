import { buildDemoSite, DEMO_USERS } from '../../dev/demo/demo-site';
import { jiraIssue } from '../../dev/demo/jira-issue';
import {
  invokeResolver,
  startLocalForge,
  type LocalForge,
  type LocalForgeOptions,
  type ResolverHandler,
} from '../../dev/runtime';
import { buildHandler, type HandlerOptions } from '../../src/index';
import type { InvokeKey } from '../../src/contract/invoke';

export const AS_OF = '2026-11-28';
export const NOW = new Date(`${AS_OF}T12:00:00Z`);
export const USERS = {
  admin: DEMO_USERS.admin.accountId,
  admin2: 'demo-admin-2',
  lead: DEMO_USERS.securityLead.accountId,
  manager: DEMO_USERS.manager.accountId,
  outsider: DEMO_USERS.outsider.accountId,
};

export function demoSite() {
  const site = buildDemoSite(AS_OF);
  site.users.push({ accountId: USERS.admin2, displayName: 'Second Admin', active: true, jiraAdmin: true });
  return site;
}

/** The demo site with `count` more done workshop outcomes in ISMS, from ISMS-100 on: a project Jira pages. */
export function demoSiteWithWorkshops(count = 500) {
  const site = demoSite();
  for (let n = 100; n < 100 + count; n += 1)
    site.issues.push(
      jiraIssue({
        key: `ISMS-${n}`,
        summary: `Workshop ${n}`,
        labels: ['iso27001-workshop-outcome'],
        created: '2026-01-01',
        resolved: '2026-02-01',
        projectName: 'Information Security Management',
        projectId: '10000',
      }),
    );
  return site;
}

export interface App {
  forge: LocalForge;
  /** Calls the exported handler as Forge would, as `accountId`, from a screen with `extension`. */
  call(
    accountId: string | undefined,
    key: InvokeKey,
    payload?: unknown,
    extension?: Record<string, unknown>,
  ): Promise<any>;
  stop(): Promise<void>;
}

export const projectPage = (key = 'ISMS') => ({
  type: 'jira:projectPage',
  project: { key, id: '10000', type: 'software' },
});
export const issuePanel = (key: string) => ({
  type: 'jira:issuePanel',
  issue: { key, id: '1', type: 'Task' },
  project: { key: key.replace(/-\d+$/, '') },
});
export const adminPage = () => ({ type: 'jira:adminPage' });

/** `local` reaches the local Forge runtime: e.g. a KVS store that fails when a test says so. */
export async function startApp(
  site: unknown = demoSite(),
  options: HandlerOptions = {},
  local: LocalForgeOptions = {},
): Promise<App> {
  const forge = await startLocalForge(site, local);
  const handler = buildHandler({ clock: () => NOW, ...options }) as ResolverHandler;
  return {
    forge,
    call: (accountId, functionKey, payload = {}, extension = adminPage()) =>
      invokeResolver(handler, { functionKey, payload, accountId, context: { extension } }),
    stop: () => forge.stop(),
  };
}

/**
 * The app for one describe block: started before its tests, stopped after, with the simulator's
 * faults and request counts, and the store's faults, reset before each test.
 */
export function useApp(site: () => unknown = demoSite, options: HandlerOptions = {}): App {
  let current: App | undefined;
  beforeAll(async () => {
    current = await startApp(site(), options);
  });
  afterAll(() => current?.stop());
  beforeEach(() => {
    current?.forge.jira.faults.reset();
    current?.forge.jira.stats.reset();
    current?.forge.kvsFaults.reset();
  });
  const started = (): App => {
    if (!current) throw new Error('useApp: the app starts in beforeAll');
    return current;
  };
  return {
    get forge() {
      return started().forge;
    },
    call: (...args) => started().call(...args),
    stop: () => started().stop(),
  };
}
