import { AppError } from '../errors';
import type { JiraResponse } from './client';

/** Jira's own error text (`errorMessages`), which names the problem but holds no issue data. */
export function jiraMessages(body: unknown): string {
  return messagesOf(body).join(' ');
}

function messagesOf(body: unknown): string[] {
  if (typeof body === 'object' && body !== null && 'errorMessages' in body && Array.isArray(body.errorMessages)) {
    return body.errorMessages.filter((m): m is string => typeof m === 'string');
  }
  return [];
}

/** Jira Cloud's words, one message per key, for a `key in (...)` value that no longer exists for the user. */
const NO_SUCH_KEY = /^An issue with key '([^']+)' does not exist for field '[^']+'\.$/;

/**
 * The keys a 400 search answer says do not exist, when that is all it says; undefined when any
 * message is about something else (then the search failed for another reason, and must say so).
 */
export function missingIssueKeys(response: JiraResponse): string[] | undefined {
  if (response.status !== 400) return undefined;
  const messages = messagesOf(response.body);
  const keys = messages.map((m) => NO_SUCH_KEY.exec(m)?.[1]);
  if (keys.length === 0 || keys.some((k) => k === undefined)) return undefined;
  return keys.filter((k): k is string => k !== undefined);
}

/** A 200 whose body is not what the request returns. */
export const unreadableAnswer = (what: string): AppError =>
  new AppError('JIRA_UNAVAILABLE', `Jira answered the ${what} request with something the app cannot read.`);

/** Turns a Jira answer that is not 2xx into the resolver error the screen understands. */
export function failureOf(response: JiraResponse, what: string): AppError {
  if (response.status === 401 || response.status === 403)
    return new AppError('FORBIDDEN', `Jira does not let you read ${what}.`);
  if (response.status === 404)
    return new AppError('NOT_FOUND', `${what} does not exist, or you do not have permission to see it.`);
  const detail = jiraMessages(response.body);
  return new AppError('INTERNAL', `Jira refused to read ${what} (${response.status})${detail ? `: ${detail}` : ''}.`);
}
