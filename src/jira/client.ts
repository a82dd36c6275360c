import api, { type route } from '@forge/api';
import { AppError } from '../errors';
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

interface JiraRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Which failed attempts are sent again. `all` (the default): 429, 5xx, timeouts and network failures, right for
 * reads. `rate-limit-only`: only a 429, which Jira answers without doing anything; for a write that must not
 * happen twice (creating an issue), since after a 5xx or a timeout Jira may have done it already.
 */
export type RetryPolicy = 'all' | 'rate-limit-only';

export interface SendOptions {
  retry?: RetryPolicy;
}

/**
 * A write whose outcome is unknown: sent, then a 5xx, a timeout, a network failure or an unreadable answer, and
 * not sent again (`rate-limit-only`). Still a JIRA_UNAVAILABLE for the screen; a caller that knows what the write
 * was catches it and says so in its own words.
 */
export class OutcomeUnknown extends AppError {
  constructor(readonly reason: 'server-error' | 'timeout' | 'network' | 'unreadable') {
    super(
      'JIRA_UNAVAILABLE',
      'Jira did not confirm the change, so it may or may not have been made. Check in Jira before trying again.',
    );
    this.name = 'OutcomeUnknown';
  }
}

/** What came back from one attempt, read in full before the deadline. */
interface Answer {
  status: number;
  retryAfter: string | null;
  text: string;
}

const MAX_BACKOFF_MS = 4_000;
/** The least time a retried request is given: a retry with less left would only time out. */
export const MIN_REQUEST_MS = 500;

class TimedOut extends Error {}

/**
 * Runs `work` with a signal that aborts after `ms`, and stops waiting at that moment either way.
 * @forge/api 8 hands `init.signal` to the runtime's fetch unchanged (out/api/fetch.js), and the
 * local runtime gives it to Node's fetch, so there the request really ends. Forge does not
 * document that its own runtime honours the signal, so the race is what keeps the deadline.
 */
async function beforeDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new TimedOut());
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  if (!IMF_FIXDATE.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function whenToRetry(waitMs: number | null): string {
  if (waitMs === null) return 'in a minute';
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  if (seconds <= 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}

const notInTime = () => new AppError('JIRA_UNAVAILABLE', 'Jira did not answer in time. Try again in a moment.');
const unavailable = (waitMs: number | null = null) =>
  new AppError('JIRA_UNAVAILABLE', `Jira is not answering right now. Try again ${whenToRetry(waitMs)}.`);
const rateLimited = (waitMs: number | null) =>
  new AppError('RATE_LIMITED', `Jira is rate limiting requests right now. Try again ${whenToRetry(waitMs)}.`);

/**
 * Jira as the calling user (`asUser()`): Jira's own permissions decide what they see. Each request
 * may take what is left of the invocation's budget and no more. 429 and 5xx are retried (after
 * Retry-After, or a jittered backoff) only when the wait and then the request still fit in the
 * budget; otherwise the client gives up at once with RATE_LIMITED or JIRA_UNAVAILABLE, so the
 * resolver always answers before Forge's limit. A write that must not happen twice retries only
 * 429s (`retry: 'rate-limit-only'`) and otherwise throws OutcomeUnknown.
 */
export class JiraClient {
  private readonly sleep: Sleep;
  private readonly random: () => number;
  readonly budget: Budget;
  /** Requests sent, retries included: benchmarks and tests read it. */
  requests = 0;
  /** The slowest answer so far in this invocation: a retry needs at least that much time left. */
  private slowestMs = 0;

  constructor(options: JiraClientOptions) {
    this.budget = options.budget;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  async get(path: Route): Promise<JiraResponse> {
    return this.send(path, { method: 'GET', headers: { Accept: 'application/json' } });
  }

  /** `{ retry: 'rate-limit-only' }` for a write that must not be done twice (see RetryPolicy). */
  async post(path: Route, body: unknown, options: SendOptions = {}): Promise<JiraResponse> {
    return this.send(
      path,
      {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
      options.retry ?? 'all',
    );
  }

  private async send(path: Route, init: JiraRequest, retry: RetryPolicy = 'all'): Promise<JiraResponse> {
    const once = retry === 'rate-limit-only';
    for (let attempt = 0; ; attempt += 1) {
      const timeoutMs = this.budget.remainingMs();
      if (timeoutMs <= 0) throw notInTime();
      this.requests += 1;
      const started = this.budget.now();
      let answer: Answer;
      try {
        answer = await beforeDeadline(timeoutMs, (signal) => this.attempt(path, init, signal));
      } catch (error) {
        // The request may have reached Jira: a write stops here, unrepeated.
        if (once) throw new OutcomeUnknown(error instanceof TimedOut ? 'timeout' : 'network');
        // A timeout or a network failure is as transient as a 503 from Jira's point of view.
        await this.retryOrFail(attempt, null, error instanceof TimedOut ? notInTime() : unavailable());
        continue;
      }
      this.slowestMs = Math.max(this.slowestMs, this.budget.now() - started);
      if (once && answer.status >= 500) throw new OutcomeUnknown('server-error');
      if (answer.status === 429 || answer.status >= 500) {
        const wait = retryAfterMs(answer.retryAfter, this.budget.now());
        await this.retryOrFail(attempt, wait, answer.status === 429 ? rateLimited(wait) : unavailable(wait));
        continue;
      }
      // A refusal (4xx) did nothing whatever its body; a 2xx that cannot be read may have done the write.
      if (!once || answer.status >= 300) return { status: answer.status, body: parsed(answer) };
      try {
        return { status: answer.status, body: parsed(answer) };
      } catch {
        throw new OutcomeUnknown('unreadable');
      }
    }
  }

  private async attempt(path: Route, init: JiraRequest, signal: AbortSignal): Promise<Answer> {
    const response = await api.asUser().requestJira(path, { ...init, signal });
    // The body is read inside the deadline too: a slow body is as late as a slow answer.
    const text = await response.text();
    return { status: response.status, retryAfter: response.headers.get('Retry-After'), text };
  }

  /** Sleeps before the next attempt, or throws `failure` when the wait and a request would not fit. */
  private async retryOrFail(attempt: number, retryAfter: number | null, failure: AppError): Promise<void> {
    const backoff = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt);
    const jittered = backoff / 2 + this.random() * (backoff / 2);
    // Never sooner than Jira asked; a Retry-After of 0 still gets the backoff, so a storm is not hammered.
    const wait = Math.max(retryAfter ?? 0, jittered);
    if (!this.budget.allows(wait + Math.max(MIN_REQUEST_MS, this.slowestMs))) throw failure;
    await this.sleep(wait);
  }
}

function parsed(answer: Answer): unknown {
  if (!answer.text) return null;
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new AppError('JIRA_UNAVAILABLE', `Jira answered ${answer.status} with something that is not JSON.`);
  }
}
