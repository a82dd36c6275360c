import type { ErrorCode, InvokeError } from '../../../src/contract/invoke';

/** The contract's codes, plus two for failures before a resolver answered. */
export type ApiErrorCode = ErrorCode | 'UNREACHABLE' | 'BAD_RESPONSE';

/**
 * A failed call as the screens show it. `message` is always a sentence the app wrote: a resolver's
 * (its AppError messages are written for the user) or one of the sentences below. What the browser
 * or the bridge said (`raw`, e.g. "Unexpected token 'b', "boom" is not valid JSON") is never the
 * message: screens show it, with the code, only behind a "Show details" disclosure.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: InvokeError['details'],
    readonly raw?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The text of whatever was thrown, for the details only. */
export const rawText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const UNREACHABLE_MESSAGE =
  "The page could not get an answer from the app's back end. Try again; if it keeps happening, tell your Jira admin.";

/**
 * Whatever a promise rejected with, as an ApiError a screen can show. Anything but an ApiError
 * comes from the bridge or the browser (the call never reached a resolver, or its answer was lost
 * or garbled on the way back), so it is said in the app's words and kept as `raw`.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('UNREACHABLE', UNREACHABLE_MESSAGE, undefined, rawText(error));
}
