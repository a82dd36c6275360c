/**
 * The unmodified @forge/api against the simulator through the local runtime: identity per invocation,
 * asApp, no-user invocations, header spoofing, unsupported products.
 */
import api, { getAppContext, NeedsAuthenticationError, route } from '@forge/api';
import Resolver from '@forge/resolver';
import {
  DEFAULT_INSTALL_CONTEXT,
  invokeResolver,
  runInvocation,
  startLocalForge,
  type LocalForge,
} from '../../dev/runtime';
import { APP_ACCOUNT_ID, type JiraSimulator } from '../../dev/simulator';
import { fixtureSite, USERS } from './support/fixture-site';
import { at } from './support/sim-client';

let forge: LocalForge;
let sim: JiraSimulator;

beforeAll(async () => {
  forge = await startLocalForge(fixtureSite());
  sim = forge.jira;
});

afterAll(async () => {
  await forge.stop();
});

beforeEach(() => {
  sim.faults.reset();
  sim.stats.reset();
});

async function myselfAsUser(): Promise<unknown> {
  const response = await api.asUser().requestJira(route`/rest/api/3/myself`);
  expect(response.status).toBe(200);
  return at(await response.json(), 'accountId');
}

describe('asUser()', () => {
  it('reaches the simulator as the invocation principal', async () => {
    expect(await runInvocation(USERS.alice, myselfAsUser)).toBe(USERS.alice);
    expect(sim.stats.requests).toMatchObject([{ path: '/rest/api/3/myself', accountId: USERS.alice, asApp: false }]);
  });

  it('keeps concurrent invocations apart', async () => {
    sim.faults.setLatency(25);
    const callers = [USERS.alice, USERS.bob, USERS.admin, USERS.padmin, USERS.alice, USERS.bob];
    const seen = await Promise.all(callers.map((accountId) => runInvocation(accountId, myselfAsUser)));
    expect(seen).toStrictEqual(callers);
  });

  it('fails like Forge when the invocation has no user', async () => {
    await expect(runInvocation(undefined, myselfAsUser)).rejects.toBeInstanceOf(NeedsAuthenticationError);
    await expect(myselfAsUser()).rejects.toThrow('Authentication Required');
    expect(sim.stats.total).toBe(0);
  });

  it('honours an explicit account id', async () => {
    const id = await runInvocation(USERS.alice, async () =>
      at(await (await api.asUser(USERS.bob).requestJira(route`/rest/api/3/myself`)).json(), 'accountId'),
    );
    expect(id).toBe(USERS.bob);
  });

  it('ignores identity headers set by app code', async () => {
    const id = await runInvocation(USERS.bob, async () => {
      const response = await api
        .asUser()
        .requestJira(route`/rest/api/3/myself`, { headers: { 'X-Sim-Account-Id': USERS.admin, 'x-sim-app': 'true' } });
      return at(await response.json(), 'accountId');
    });
    expect(id).toBe(USERS.bob);
  });

  it('applies the user’s permissions to searches (route-encoded GET and JSON POST)', async () => {
    const jql = 'project = "ISMS" ORDER BY key ASC';
    const viaGet = (accountId: string) =>
      runInvocation(accountId, async () => {
        const response = await api.asUser().requestJira(route`/rest/api/3/search/jql?jql=${jql}&fields=key`);
        const body: unknown = await response.json();
        const issues = at(body, 'issues');
        return Array.isArray(issues) ? issues.map((i: unknown) => at(i, 'key')) : issues;
      });
    expect(await viaGet(USERS.alice)).toStrictEqual(['ISMS-1', 'ISMS-2', 'ISMS-3', 'ISMS-10']);
    expect(await viaGet(USERS.bob)).toStrictEqual(['ISMS-1', 'ISMS-2', 'ISMS-10']);

    const count = await runInvocation(USERS.outsider, async () => {
      const response = await api.asUser().requestJira(route`/rest/api/3/search/approximate-count`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ jql }),
      });
      return { status: response.status, body: await response.json() };
    });
    expect(count).toStrictEqual({
      status: 400,
      body: { errorMessages: ["The value 'ISMS' does not exist for the field 'project'."], errors: {} },
    });
  });

  it('ends a request when its AbortSignal fires, so an app deadline really ends it', async () => {
    sim.faults.setLatency(30_000, { pathPrefix: '/rest/api/3/myself' });
    const started = performance.now();
    await expect(
      runInvocation(USERS.alice, () =>
        api.asUser().requestJira(route`/rest/api/3/myself`, { signal: AbortSignal.timeout(100) }),
      ),
    ).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(5_000);
    // The simulator heard the hang-up: the request is logged as given up on, not answered 30 s later.
    while (sim.stats.total === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sim.stats.requests).toMatchObject([{ path: '/rest/api/3/myself', accountId: USERS.alice, status: 499 }]);
  });

  it('passes injected faults through as ordinary responses', async () => {
    sim.faults.rateLimit(1, 3);
    const response = await runInvocation(USERS.alice, () => api.asUser().requestJira(route`/rest/api/3/myself`));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
  });
});

describe('asApp()', () => {
  it('reaches the simulator as the app, with or without a user', async () => {
    const asApp = async () => at(await (await api.asApp().requestJira(route`/rest/api/3/myself`)).json(), 'accountId');
    expect(await runInvocation(USERS.alice, asApp)).toBe(APP_ACCOUNT_ID);
    expect(await runInvocation(undefined, asApp)).toBe(APP_ACCOUNT_ID);
    expect(sim.stats.requests.every((r) => r.asApp && r.accountId === null)).toBe(true);
  });
});

describe('runtime context', () => {
  it('gives each invocation its own app context and time budget', async () => {
    const read = () =>
      runInvocation(USERS.alice, () => {
        const context = getAppContext();
        return Promise.resolve({
          id: context.invocationId,
          remaining: context.invocationRemainingTimeInMillis(),
          app: String(context.appAri),
        });
      });
    const [a, b] = await Promise.all([read(), read()]);
    expect(a.id).not.toBe(b.id);
    expect(a.remaining).toBeGreaterThan(20_000);
    expect(a.remaining).toBeLessThanOrEqual(25_000);
    expect(a.app).toMatch(/^ari:cloud:ecosystem::app\//);
  });

  it('refuses products and calls it cannot serve, with a clear error', async () => {
    await expect(
      runInvocation(USERS.alice, () => api.asUser().requestConfluence(route`/wiki/rest/api/space`)),
    ).rejects.toThrow(/remote 'confluence' is not supported/);
    await expect(runInvocation(USERS.alice, () => api.requestJira(route`/rest/api/3/myself`))).rejects.toThrow(
      /api\.asUser\(\) or api\.asApp\(\)/,
    );
  });

  it('rejects an empty account id', () => {
    expect(() => runInvocation('', () => Promise.resolve(undefined))).toThrow(TypeError);
  });
});

describe('invokeResolver with @forge/resolver', () => {
  it('runs a resolver as the invoking user, with Forge’s context fields', async () => {
    const resolver = new Resolver();
    resolver.define('whoami', async ({ context }) => {
      const response = await api.asUser().requestJira(route`/rest/api/3/myself`);
      return {
        principal: context.accountId,
        jira: at(await response.json(), 'accountId'),
        installContext: context.installContext,
      };
    });
    const handler = resolver.getDefinitions();
    expect(await invokeResolver(handler, { functionKey: 'whoami', accountId: USERS.bob })).toStrictEqual({
      principal: USERS.bob,
      jira: USERS.bob,
      installContext: DEFAULT_INSTALL_CONTEXT,
    });
    await expect(invokeResolver(handler, { functionKey: 'whoami', accountId: undefined })).rejects.toBeInstanceOf(
      NeedsAuthenticationError,
    );
  });
});
