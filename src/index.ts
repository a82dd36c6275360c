import Resolver from '@forge/resolver';
import { invocationBudget } from './jira/budget';
import { JiraClient } from './jira/client';
import { callerOf } from './resolvers/caller';
import { enveloped } from './resolvers/envelope';
import { ROUTED_KEYS, ROUTES } from './resolvers/routes';

export interface HandlerOptions {
  /**
   * Time for Jira calls in one invocation (default 23 s: Forge's 25 s less time to answer), never
   * more than Forge says is left less that reserve; tests shorten it.
   */
  budgetMs?: number;
  clock?: () => Date;
}

/**
 * The resolver for every screen. Each call: who is calling (from Forge, not the browser), then
 * the key's route (payload check, who may call, the service), wrapped so the screen always gets
 * `{ ok, data | error }`.
 */
export function buildHandler(options: HandlerOptions = {}) {
  const resolver = new Resolver();
  const clock = options.clock ?? (() => new Date());
  for (const key of ROUTED_KEYS) {
    resolver.define(key, ({ payload, context }) =>
      enveloped(key, async () => {
        const caller = callerOf(context);
        const jira = new JiraClient({ budget: invocationBudget(options.budgetMs) });
        return ROUTES[key].handle(payload, { caller, jira, now: clock() });
      }),
    );
  }
  return resolver.getDefinitions();
}

export const handler = buildHandler();
