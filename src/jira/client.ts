import api, { type route } from '@forge/api';
import { AppError } from '../resolvers/app-error';
import { type Budget } from './budget';

type Route = ReturnType<typeof route>;
export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface JiraResponse {
  status: number;
  body: unknown;
}

export interface JiraClientOptions {
  budget: Budget;
  sleep?: Sleep;
  random?: () => number;
}

const MAX_BACKOFF_MS = 4_000;

/**
 * Jira as the calling user (`asUser()`): Jira's own permissions decide what they see. Retries 429
 * after Retry-After and 5xx with jittered backoff while the invocation's budget allows, then
 * gives up with RATE_LIMITED or JIRA_UNAVAILABLE rather than overrun Forge's limit.
 */
export class JiraClient {
  private readonly sleep: Sleep;
  private readonly random: () => number;
  readonly budget: Budget;
  /** Requests sent, retries included: benchmarks and tests read it. */
  requests = 0;

  constructor(options: JiraClientOptions) {
    this.budget = options.budget;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  async get(path: Route): Promise<JiraResponse> {
    return this.send(path, { method: 'GET', headers: { Accept: 'application/json' } });
  }

  async post(path: Route, body: unknown): Promise<JiraResponse> {
    return this.send(path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async send(
    path: Route,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<JiraResponse> {
    for (let attempt = 0; ; attempt += 1) {
      if (!this.budget.allows(0))
        throw new AppError('JIRA_UNAVAILABLE', 'Jira did not answer in time. Try again in a moment.');
      this.requests += 1;
      let response: Awaited<ReturnType<ReturnType<typeof api.asUser>['requestJira']>>;
      try {
        response = await api.asUser().requestJira(path, init);
      } catch {
        // A network failure is as transient as a 503 from Jira's point of view.
        await this.backoffOrFail(attempt, null, 'JIRA_UNAVAILABLE');
        continue;
      }
      if (response.status === 429) {
        await this.backoffOrFail(attempt, response.headers.get('Retry-After'), 'RATE_LIMITED');
        continue;
      }
      if (response.status >= 500) {
        await this.backoffOrFail(attempt, response.headers.get('Retry-After'), 'JIRA_UNAVAILABLE');
        continue;
      }
      const text = await response.text();
      let body: unknown = null;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new AppError('JIRA_UNAVAILABLE', `Jira answered ${response.status} with something that is not JSON.`);
        }
      }
      return { status: response.status, body };
    }
  }

  private async backoffOrFail(
    attempt: number,
    retryAfter: string | null,
    code: 'RATE_LIMITED' | 'JIRA_UNAVAILABLE',
  ): Promise<void> {
    const seconds = retryAfter !== null && /^\d+(\.\d+)?$/.test(retryAfter.trim()) ? Number(retryAfter) : null;
    const backoff = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt);
    const wait = seconds !== null ? seconds * 1000 : backoff / 2 + this.random() * (backoff / 2);
    if (!this.budget.allows(wait)) {
      throw new AppError(
        code,
        code === 'RATE_LIMITED'
          ? 'Jira is rate limiting requests right now. Try again in a minute.'
          : 'Jira is not answering right now. Try again in a minute.',
      );
    }
    await this.sleep(wait);
  }
}
