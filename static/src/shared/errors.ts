import type { ApiError } from './api-error';

/** What the user was looking at when a call failed: the wording of FORBIDDEN / NOT_FOUND depends on it. */
export type Subject = 'project' | 'issue' | 'settings' | 'history';

const FORBIDDEN: Record<Subject, string> = {
  project: "You don't have access to this project's Clause 5.1 coverage",
  issue: "You don't have access to this issue's Clause 5.1 evidence",
  settings: 'Only Jira administrators can change these settings',
  history: 'Only Jira administrators can see the change history',
};

const NOT_FOUND: Record<Subject, string> = {
  project: 'This project was not found, or you can no longer browse it',
  issue: 'This issue was not found, or you can no longer see it',
  settings: 'The settings were not found',
  history: 'The change history was not found',
};

/**
 * A short title for an error; the error's own message (a sentence the app wrote) is always shown
 * under it, and its code and anything raw only in its details (components/ErrorDetails).
 */
export function errorTitle(error: ApiError, subject: Subject): string {
  switch (error.code) {
    case 'FORBIDDEN':
      return FORBIDDEN[subject];
    case 'NOT_FOUND':
      return NOT_FOUND[subject];
    case 'RATE_LIMITED':
      return 'Jira is busy right now';
    case 'JIRA_UNAVAILABLE':
      return 'Jira did not answer';
    case 'INVALID_INPUT':
      return 'The request was refused';
    case 'CONFLICT':
      return 'Someone else changed this at the same time';
    case 'UNREACHABLE':
      return 'No answer from the app';
    case 'BAD_RESPONSE':
    case 'INTERNAL':
      return 'Something went wrong in the app';
  }
}
