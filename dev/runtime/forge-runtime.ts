/**
 * A local stand-in for the Forge Node runtime, so the unmodified @forge/api and @forge/kvs run in plain Node.
 * Both packages send every call through `global.__forge_fetch__(ctx, path, init)` and read
 * `global.__forge_runtime__`; this module defines the two:
 * - ctx `{ type: 'fpp', remote: 'jira', provider: 'user' | 'app' }` (requestJira): forwarded to the Jira
 *   simulator with the caller in an x-sim-* header;
 * - ctx `{ type: 'kvs' }` (@forge/kvs): answered in-process from a KvsStore, slowed or failed by `kvsFaults`;
 * - anything else (Confluence, GraphQL, remotes, containers) fails with a clear error.
 */
import type { ForgeRuntime, Metrics } from '@forge/api/out/api/runtime';
import { ACCOUNT_ID_HEADER, APP_HEADER, SIMULATOR_HEADER_PREFIX } from '../simulator/identity';
import { isPlainObject, parseJson } from '../simulator/json';
import { handleKvsRequest, type KvsApiOptions } from './kvs-api';
import type { KvsFaults } from './kvs-faults';
import type { KvsStore } from './kvs-store';
import { currentInvocation } from './invocation';

export interface ForgeRuntimeOptions {
  /** Where Jira requests go, e.g. the simulator's `url`. */
  jiraBaseUrl: string;
  /** Backing store for @forge/kvs. */
  kvs: KvsStore;
  appId?: string;
  appVersion?: string;
  environmentId?: string;
  environmentType?: string;
  installationId?: string;
  cloudId?: string;
  /** KVS query page cap (default 20). */
  kvsMaxQueryLimit?: number;
  /** Clock (epoch ms) for KVS timestamps and TTL. Default Date.now. */
  now?: () => number;
  /** Slow or failing KVS calls, switched at run time by a test (kvs-faults.ts). Default: none. */
  kvsFaults?: KvsFaults;
}

type ForgeFetch = (ctx: unknown, path: unknown, init?: RequestInit) => Promise<Response>;

const NOOP_METRICS: Metrics = {
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  counter: () => ({ incr: () => undefined, incrBy: () => undefined, decr: () => undefined, decrBy: () => undefined }),
  gauge: () => ({ set: () => undefined }),
};

/** What the Forge proxy answers when asUser() has no user to act for; @forge/api throws NeedsAuthenticationError. */
function needsAuthentication(): Response {
  return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
}

function buildRuntime(options: ForgeRuntimeOptions): ForgeRuntime {
  const appId = options.appId ?? '00000000-0000-4000-8000-000000000000';
  const environmentId = options.environmentId ?? '00000000-0000-4000-8000-000000000001';
  const installationId = options.installationId ?? '00000000-0000-4000-8000-000000000002';
  const cloudId = options.cloudId ?? '00000000-0000-4000-8000-000000000003';
  return {
    proxy: { token: 'local-forge-runtime', url: options.jiraBaseUrl },
    contextAri: `ari:cloud:jira::site/${cloudId}`,
    container: { runtime: 'local' },
    // Getters: each read reflects the invocation running at that moment.
    get appContext(): ForgeRuntime['appContext'] {
      const invocation = currentInvocation();
      return {
        appId,
        appVersion: options.appVersion ?? '0.0.0-local',
        environmentId,
        environmentType: options.environmentType ?? 'DEVELOPMENT',
        invocationId: invocation?.invocationId ?? 'outside-invocation',
        installationId,
        functionKey: invocation?.moduleKey ?? 'local-module',
        moduleType: 'local',
        moduleKey: invocation?.moduleKey ?? 'local-module',
      };
    },
    get aaid(): string | undefined {
      return currentInvocation()?.accountId;
    },
    get lambdaContext(): ForgeRuntime['lambdaContext'] {
      const invocation = currentInvocation();
      return {
        awsRequestId: invocation?.invocationId ?? 'outside-invocation',
        getRemainingTimeInMillis: () => (invocation ? Math.max(0, invocation.deadline - Date.now()) : 0),
      };
    },
    get tracing(): ForgeRuntime['tracing'] {
      const traceId = currentInvocation()?.traceId ?? 'outside-invocation';
      return { traceId, spanId: traceId.slice(0, 16) };
    },
    realtime: {},
    metrics: NOOP_METRICS,
    externalAuth: [],
    featureFlags: () => false,
  };
}

async function forwardToJira(
  options: ForgeRuntimeOptions,
  identity: Record<string, string>,
  path: unknown,
  init: RequestInit | undefined,
): Promise<Response> {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new Error(`Local Forge runtime: Jira paths must start with '/', got ${JSON.stringify(path)}`);
  }
  const headers = new Headers(init?.headers);
  // The app cannot pick its identity: drop any simulator header it set, then add the real caller.
  for (const name of [...headers.keys()])
    if (name.toLowerCase().startsWith(SIMULATOR_HEADER_PREFIX)) headers.delete(name);
  for (const [name, value] of Object.entries(identity)) headers.set(name, value);
  // init.signal goes on to fetch: an app that gives up on a request (its deadline passed) really ends it, and
  // the simulator stops working on it, as a closed connection would on Jira.
  return fetch(`${options.jiraBaseUrl.replace(/\/+$/, '')}${path}`, { ...init, headers, signal: init?.signal ?? null });
}

/**
 * Waits `ms` before the call is carried out. The timer does not hold the process open: a caller that stopped
 * waiting (its own deadline passed) leaves a call that ends when the test run does, as a request in flight would.
 */
function slowly(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function kvsResponse(
  options: ForgeRuntimeOptions,
  path: unknown,
  init: RequestInit | undefined,
): Promise<Response> {
  if (typeof path !== 'string') throw new Error('Local Forge runtime: KVS path must be a string');
  if ((init?.method ?? 'GET').toUpperCase() !== 'POST')
    throw new Error(`Local Forge runtime: KVS expects POST, got ${init?.method ?? 'GET'} ${path}`);
  const body = init?.body;
  if (body !== undefined && body !== null && typeof body !== 'string')
    throw new Error('Local Forge runtime: KVS request body must be a JSON string');
  const traceHeaders = { 'x-trace-id': currentInvocation()?.traceId ?? 'outside-invocation' };
  const answer = (status: number, answerBody: unknown): Response =>
    answerBody === undefined
      ? new Response(null, { status, headers: traceHeaders })
      : new Response(JSON.stringify(answerBody), {
          status,
          headers: { 'content-type': 'application/json', ...traceHeaders },
        });
  const parsed = parseJson(body ?? '');
  const fault = options.kvsFaults?.take(path, parsed.ok ? parsed.value : undefined);
  if (fault && fault.latencyMs > 0) await slowly(fault.latencyMs);
  if (fault?.failure) return answer(fault.failure.status, { code: fault.failure.code, message: fault.failure.message });
  const apiOptions: KvsApiOptions = {
    ...(options.kvsMaxQueryLimit !== undefined ? { maxQueryLimit: options.kvsMaxQueryLimit } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  };
  const result = handleKvsRequest(options.kvs, path, body ?? undefined, apiOptions);
  return answer(result.status, result.body);
}

function buildFetch(options: ForgeRuntimeOptions): ForgeFetch {
  return async (ctx, path, init) => {
    if (!isPlainObject(ctx) || typeof ctx['type'] !== 'string')
      throw new Error('Local Forge runtime: malformed fetch context');
    const { type, provider, remote, accountId } = ctx;
    if (type === 'kvs') return kvsResponse(options, path, init);
    if (type === 'fpp' && remote === 'jira') {
      if (provider === 'app') return forwardToJira(options, { [APP_HEADER]: 'true' }, path, init);
      if (provider === 'user') {
        const principal =
          typeof accountId === 'string' && accountId.length > 0 ? accountId : currentInvocation()?.accountId;
        if (principal === undefined) return needsAuthentication();
        return forwardToJira(options, { [ACCOUNT_ID_HEADER]: principal }, path, init);
      }
      throw new Error(
        'Local Forge runtime: call Jira through api.asUser() or api.asApp(); the bare requestJira() is not supported.',
      );
    }
    const target = typeof remote === 'string' ? `remote '${remote}'` : `type '${type}'`;
    throw new Error(
      `Local Forge runtime: ${target} is not supported; only Jira (requestJira) and KVS are available locally.`,
    );
  };
}

/**
 * Defines `global.__forge_fetch__` and `global.__forge_runtime__`. Call again to point at another simulator
 * or store; call uninstallForgeRuntime() in afterAll.
 */
export function installForgeRuntime(options: ForgeRuntimeOptions): void {
  if (!/^https?:\/\//.test(options.jiraBaseUrl))
    throw new Error(`installForgeRuntime: jiraBaseUrl must be an http(s) URL, got '${options.jiraBaseUrl}'`);
  const fetchHook = buildFetch(options);
  Object.defineProperty(globalThis, '__forge_fetch__', {
    value: fetchHook,
    configurable: true,
    writable: true,
    enumerable: false,
  });
  Object.defineProperty(globalThis, '__forge_runtime__', {
    value: buildRuntime(options),
    configurable: true,
    writable: true,
    enumerable: false,
  });
}

export function uninstallForgeRuntime(): void {
  Reflect.deleteProperty(globalThis, '__forge_fetch__');
  Reflect.deleteProperty(globalThis, '__forge_runtime__');
}
