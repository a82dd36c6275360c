/**
 * The current Forge invocation (who is calling, which invocation id) kept in AsyncLocalStorage, so concurrent
 * invocations in one process never see each other's principal.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface InvocationContext {
  /** The principal: asUser() calls run as this account. Undefined for invocations without a user (e.g. triggers). */
  accountId: string | undefined;
  invocationId: string;
  moduleKey: string;
  /** Epoch ms when Forge would stop the invocation (for getRemainingTimeInMillis). */
  deadline: number;
  traceId: string;
}

export interface InvocationOptions {
  /** Reported as appContext.moduleKey. Default 'local-module'. */
  moduleKey?: string;
  /** Time budget for getRemainingTimeInMillis. Default 25 000 ms (Forge's resolver limit). */
  timeoutMs?: number;
}

const storage = new AsyncLocalStorage<InvocationContext>();

export const DEFAULT_INVOCATION_TIMEOUT_MS = 25_000;

export function currentInvocation(): InvocationContext | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` as one Forge invocation whose principal is `accountId` (undefined: no user, as in scheduled
 * triggers, where asUser() fails with NEEDS_AUTHENTICATION_ERR).
 */
export function runInvocation<T>(
  accountId: string | undefined,
  fn: () => Promise<T>,
  options: InvocationOptions = {},
): Promise<T> {
  if (accountId !== undefined && (typeof accountId !== 'string' || accountId.length === 0)) {
    throw new TypeError('runInvocation: accountId must be a non-empty string or undefined');
  }
  const context: InvocationContext = {
    accountId,
    invocationId: randomUUID(),
    moduleKey: options.moduleKey ?? 'local-module',
    deadline: Date.now() + (options.timeoutMs ?? DEFAULT_INVOCATION_TIMEOUT_MS),
    traceId: randomUUID().replace(/-/g, ''),
  };
  return storage.run(context, fn);
}
