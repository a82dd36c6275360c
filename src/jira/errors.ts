import { AppError } from '../resolvers/app-error';
import type { JiraResponse } from './client';

/** Jira's own error text (`errorMessages`), which names the problem but holds no issue data. */
export function jiraMessages(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'errorMessages' in body && Array.isArray(body.errorMessages)) {
    return body.errorMessages.filter((m): m is string => typeof m === 'string').join(' ');
  }
  return '';
}

/** Turns a Jira answer that is not 2xx into the resolver error the screen understands. */
export function failureOf(response: JiraResponse, what: string): AppError {
  if (response.status === 401 || response.status === 403)
    return new AppError('FORBIDDEN', `Jira does not let you read ${what}.`);
  if (response.status === 404)
    return new AppError('NOT_FOUND', `${what} does not exist, or you do not have permission to see it.`);
  const detail = jiraMessages(response.body);
  return new AppError('INTERNAL', `Jira refused to read ${what} (${response.status})${detail ? `: ${detail}` : ''}.`);
}
