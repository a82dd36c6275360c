import type { InvokeContract, InvokeKey, Result } from '../contract/invoke';
import { AppError } from '../errors';

/**
 * Runs a handler and turns every outcome into the contract's envelope: nothing throws out of a
 * resolver. Unexpected errors are logged by kind only, never with issue data.
 */
export async function enveloped<K extends InvokeKey>(
  key: K,
  run: () => Promise<InvokeContract[K]['result']>,
): Promise<Result<InvokeContract[K]['result']>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof AppError) {
      const result: Result<never> = { ok: false, error: { code: error.code, message: error.message } };
      if (error.details) result.error.details = error.details;
      return result;
    }
    console.error(`[${key}] unexpected ${error instanceof Error ? error.name : typeof error}`);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong in Clause 5.1 Coverage. Try again; if it keeps happening, tell your Jira admin.',
      },
    };
  }
}
