import { getAppContext } from '@forge/api';

/**
 * A resolver invocation has 25 seconds on Forge. Every Jira call and retry draws on one budget so
 * the resolver answers (with an error or a partial report it owns up to) before Forge kills it.
 */
export const INVOCATION_BUDGET_MS = 25_000;
/** Kept back to build and return the answer after the last Jira call. */
export const ANSWER_RESERVE_MS = 2_000;

export class Budget {
  private readonly deadline: number;

  constructor(
    totalMs: number = INVOCATION_BUDGET_MS - ANSWER_RESERVE_MS,
    /** Epoch ms; also the clock Retry-After dates are read against. */
    readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }

  allows(ms: number): boolean {
    return this.remainingMs() > ms;
  }
}

/**
 * What Forge itself says is left of this invocation, or undefined where it cannot say (Forge's
 * tunnel throws here; outside an invocation the answer is meaningless).
 */
function forgeRemainingMs(): number | undefined {
  try {
    const remaining = getAppContext().invocationRemainingTimeInMillis();
    return Number.isFinite(remaining) && remaining > 0 ? remaining : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The budget of the invocation running now: `totalMs` (25 s less the reserve by default), but never
 * past what Forge says is left less the reserve, so time Forge spent before the handler ran (a cold
 * start, say) is not spent twice.
 */
export function invocationBudget(totalMs: number = INVOCATION_BUDGET_MS - ANSWER_RESERVE_MS): Budget {
  const forge = forgeRemainingMs();
  return new Budget(forge === undefined ? totalMs : Math.max(0, Math.min(totalMs, forge - ANSWER_RESERVE_MS)));
}
