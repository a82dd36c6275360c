/**
 * The app's errors, below every layer that throws them: Jira reads, storage, the services and the
 * resolvers all throw AppError, and only the resolvers turn it into `{ ok: false, error }`. It
 * knows the contract's error codes and the engine's field errors, as types only.
 */
import type { FieldError } from './core/config';
import type { ErrorCode, InvokeError } from './contract/invoke';

/** An error a resolver turns into `{ ok: false, error }` for the screen to show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: InvokeError['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static invalid(message: string, fields: FieldError[]): AppError {
    return new AppError('INVALID_INPUT', message, { fields });
  }
}

/**
 * For a read whose failure is said rather than thrown: an AppError's message (in words a user can
 * act on). Anything else is a fault, and is thrown on.
 */
export function appErrorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  throw error;
}
