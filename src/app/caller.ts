import { isRecord } from '../core/guards';
import { AppError } from '../errors';

/**
 * Who is calling, and from where. `accountId` is set by Forge from the invocation's principal
 * and can be trusted; the extension (project, issue) comes from the browser and cannot, so
 * services confirm it with an asUser() read before using it.
 */
export interface Caller {
  accountId: string;
  extension: Record<string, unknown>;
}

/** The key of `extension[kind]` (project or issue) as the browser claims it. */
export function claimedKey(caller: Caller, kind: 'project' | 'issue'): string {
  const holder = caller.extension[kind];
  const key = isRecord(holder) ? holder.key : undefined;
  if (typeof key !== 'string' || key === '') {
    throw AppError.invalid(`This screen was opened without a ${kind}.`, [
      { field: `context.extension.${kind}.key`, message: 'is missing' },
    ]);
  }
  return key;
}
