/**
 * KVS inside the invocation's budget (issue 19). @forge/kvs has no deadline of its own: a store that
 * takes 8 s a call would take a view past Forge's 25 s limit, and the user would get no answer at
 * all. So every KVS call draws on the invocation's Budget (jira/budget.ts) like a Jira call does:
 * each may take what is left of it and no more. Past that, the caller gets StoreTooSlow at once and
 * decides what it means: a stored read it can do without is treated as absent (read Jira instead),
 * settings it cannot do without are an honest error.
 *
 * A call given up on is not cancelled (@forge/kvs takes no signal): it may still complete. So a
 * write given up on has an unknown outcome, and callers order their writes so that either outcome
 * leaves the store whole (evidence-store.ts writes the head last; config-store.ts says so).
 */
import { kvs, type PolicySetOptions, type SetOptions } from '@forge/kvs';
import { Budget } from '../jira/budget';
import { AppError } from '../errors';

/**
 * The store did not answer inside the budget. An AppError, so a caller that does not catch it still
 * gives the user a true sentence; the app's storage is not Jira, so it is not JIRA_UNAVAILABLE.
 */
export class StoreTooSlow extends AppError {
  constructor(message = "The app's storage did not answer in time. Try again in a moment.") {
    super('INTERNAL', message);
    this.name = 'StoreTooSlow';
  }
}

export class BudgetedKvs {
  constructor(readonly budget: Budget) {}

  get<T = unknown>(key: string): Promise<T | undefined> {
    return this.run(() => kvs.get<T>(key));
  }

  set(key: string, value: unknown, options?: SetOptions | PolicySetOptions): Promise<void> {
    // Two overloads in @forge/kvs: a key policy picks the second.
    if (options && 'keyPolicy' in options) return this.run(() => kvs.set(key, value, options));
    return this.run(() => kvs.set(key, value, options));
  }

  delete(key: string): Promise<void> {
    return this.run(() => kvs.delete(key));
  }

  /** Any other KVS call (a query's `getMany`), held to the same deadline. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const ms = this.budget.remainingMs();
    if (ms <= 0) throw new StoreTooSlow();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StoreTooSlow()), ms);
    });
    const work = call();
    // Given up on, the call still settles later: its failure then is nobody's to handle.
    void work.catch(() => undefined);
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The same store with at most `fraction` of what is left of the budget now: for calls the answer
   * can do without (a stored read), so a slow store leaves the rest of the budget to Jira.
   */
  share(fraction: number): BudgetedKvs {
    return new BudgetedKvs(new Budget(Math.floor(this.budget.remainingMs() * fraction), this.budget.now));
  }
}
