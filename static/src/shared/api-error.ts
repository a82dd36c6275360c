import type { ErrorCode, InvokeError } from '../../../src/contract/invoke';

/** The contract's codes, plus two for failures before a resolver answered. */
export type ApiErrorCode = ErrorCode | 'UNREACHABLE' | 'BAD_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: InvokeError['details'],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Whatever a promise rejected with, as an ApiError a screen can show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('UNREACHABLE', `The app could not reach its back end: ${message}`);
}
