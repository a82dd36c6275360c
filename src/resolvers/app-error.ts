import type { FieldError } from '../core/config';
import type { ErrorCode, InvokeError } from '../contract/invoke';

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
