import Resolver from '@forge/resolver';
import { INVOKE_KEYS, type InvokeKey } from './contract/invoke';
import { invocationBudget } from './jira/budget';
import { JiraClient } from './jira/client';
import { callerOf } from './resolvers/caller';
import { enveloped } from './resolvers/envelope';
import { HANDLERS } from './resolvers/handlers';
import { emptyPayload } from './resolvers/payloads';

/** Keys whose payload is `{}`: anything else in it is refused before the handler runs. */
const EMPTY_PAYLOAD: readonly InvokeKey[] = [
  'report/issue',
  'config/get',
  'config/history',
  'jira/date-fields',
  'jira/user-fields',
  'jira/issue-types',
  'report/gadget',
];

export interface HandlerOptions {
  /**
   * Time for Jira calls in one invocation (default 23 s: Forge's 25 s less time to answer), never
   * more than Forge says is left less that reserve; tests shorten it.
   */
  budgetMs?: number;
  clock?: () => Date;
}

/**
 * The resolver for all three screens. Each call: who is calling (from Forge, not the browser),
 * a payload check, then the handler, wrapped so the screen always gets `{ ok, data | error }`.
 */
export function buildHandler(options: HandlerOptions = {}) {
  const resolver = new Resolver();
  const clock = options.clock ?? (() => new Date());
  for (const key of INVOKE_KEYS) {
    resolver.define(key, ({ payload, context }) =>
      enveloped(key, async () => {
        const caller = callerOf(context);
        if (EMPTY_PAYLOAD.includes(key)) emptyPayload(payload);
        const jira = new JiraClient({ budget: invocationBudget(options.budgetMs) });
        return HANDLERS[key](payload, { caller, jira, now: clock() });
      }),
    );
  }
  return resolver.getDefinitions();
}

export const handler = buildHandler();
