/**
 * Calls a resolver handler (`resolver.getDefinitions()`) the way Forge does: inside one invocation whose
 * principal is the account, with the `(payload, backendRuntimePayload)` arguments @forge/resolver reads.
 * Keeping principal and invocation identity in one place means a test cannot give them different users.
 */
import { runInvocation, type InvocationOptions } from './invocation';

/** Structural type of `resolver.getDefinitions()` (@forge/resolver 2). */
export type ResolverHandler = (
  payload: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> },
  backendRuntimePayload?: Record<string, unknown>,
) => Promise<unknown>;

export interface ResolverCall {
  functionKey: string;
  payload?: unknown;
  /** The invoking user; undefined for a call without a user. */
  accountId: string | undefined;
  /** What the browser sends as context (extension: project, issue...). Untrusted in production. */
  context?: Record<string, unknown>;
  /** Forge's installContext, e.g. ari:cloud:jira::site/<cloudId>. */
  installContext?: string;
  license?: Record<string, unknown>;
}

export const DEFAULT_INSTALL_CONTEXT = 'ari:cloud:jira::site/00000000-0000-4000-8000-000000000003';

export function invokeResolver(
  handler: ResolverHandler,
  call: ResolverCall,
  options: InvocationOptions = {},
): Promise<unknown> {
  return runInvocation(
    call.accountId,
    () =>
      handler(
        { call: { functionKey: call.functionKey, payload: call.payload ?? {} }, context: call.context ?? {} },
        {
          ...(call.accountId !== undefined ? { principal: { accountId: call.accountId } } : {}),
          installContext: call.installContext ?? DEFAULT_INSTALL_CONTEXT,
          ...(call.license !== undefined ? { license: call.license } : {}),
        },
      ),
    { moduleKey: call.functionKey, ...options },
  );
}
