import type { Caller } from '../app/caller';
import { isRecord } from '../core/guards';
import { AppError } from '../errors';

/** The caller from Forge's context: the account from the invocation's principal, the extension as the browser sent it. */
export function callerOf(context: unknown): Caller {
  const accountId =
    isRecord(context) && typeof context.accountId === 'string' && context.accountId ? context.accountId : undefined;
  if (!accountId) throw new AppError('FORBIDDEN', 'Log in to Jira to see Clause 5.1 coverage.');
  const extension = isRecord(context) && isRecord(context.extension) ? context.extension : {};
  return { accountId, extension };
}
