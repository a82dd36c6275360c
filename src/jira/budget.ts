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
    private readonly now: () => number = Date.now,
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
