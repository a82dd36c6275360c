import { isRecord } from '../core/guards';

/** What a KVS failure says about itself: the HTTP status of its response, and its error code. */
export function errorCode(error: unknown): { status?: unknown; code?: unknown } {
  if (!isRecord(error)) return {};
  const details = error.responseDetails;
  return { status: isRecord(details) ? details.status : undefined, code: error.code };
}

/** A `FAIL_IF_EXISTS` write refused because the key is already there. */
export function isKeyConflict(error: unknown): boolean {
  const { status, code } = errorCode(error);
  return status === 409 || code === 'KEY_CONFLICT' || code === 'KEY_ALREADY_EXISTS';
}
