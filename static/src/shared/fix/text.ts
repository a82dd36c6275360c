/** The words of "Create issue" (spec 10), pure so tests and screens read the same. */
import type { FixCreated, IssueRef } from '../../../../src/contract/invoke';
import { CATEGORY_IDS, type CategoryId } from '../../../../src/core/types';
import type { ApiError } from '../api-error';

/** A finding's category when it is one of the ten (not involvement, not the whole report). */
export function fixableCategory(categoryId: string | undefined): CategoryId | undefined {
  return CATEGORY_IDS.find((id) => id === categoryId);
}

/** True when a status change is a lapse: the server offers a fix for those only. */
export { isLapse } from '../../../../src/core/status-order';

/** What the action says, and the live region announces, once the create answered. */
export const createdText = (issue: IssueRef, created: boolean): string =>
  created
    ? `Created ${issue.key}: ${issue.summary}`
    : `Already open: ${issue.key}, ${issue.summary}. Nothing new was created.`;

/**
 * Said beside an issue Jira created that the app could not record (issue 19): it exists, and the
 * app may not know of it later. Never "create it again": it is there.
 */
export const notRecordedText = (issue: IssueRef): string =>
  `Clause 5.1 Coverage could not make sure it remembers creating ${issue.key}: if it offers to create this issue again, use ${issue.key} instead.`;

/** What the live region announces once the create answered. */
export const outcomeText = (result: FixCreated): string =>
  result.notRecorded
    ? `${createdText(result.issue, result.created)}. ${notRecordedText(result.issue)}`
    : createdText(result.issue, result.created);

/** Why a create failed, in the words the dialog shows under its title. */
export interface CreateFailure {
  title: string;
  /** Jira's per-field refusals, "Team: Team is required.", when it named fields. */
  fields: string[];
  message: string;
  /** What became of the issue: not created, or unknown when no answer said (the call or Jira's answer was lost). */
  outcome: string;
}

/** Codes after which nobody can say whether Jira created the issue: its answer, or the app's, never arrived. */
const OUTCOME_UNKNOWN: readonly ApiError['code'][] = ['UNREACHABLE', 'BAD_RESPONSE', 'JIRA_UNAVAILABLE'];

export function createFailure(error: ApiError): CreateFailure {
  const fields = (error.details?.fields ?? []).map((f) => `${f.field}: ${f.message}`);
  const notCreated = 'Nothing was created.';
  if (error.code === 'INVALID_INPUT' && fields.length > 0)
    return { title: 'Jira refused the issue', fields, message: 'Jira needs these fields:', outcome: notCreated };
  if (OUTCOME_UNKNOWN.includes(error.code))
    return {
      title: 'The issue may not have been created',
      fields: [],
      message: error.message,
      outcome: "It may have been created all the same: check the project's open issues before trying again.",
    };
  const title =
    error.code === 'FORBIDDEN'
      ? 'Jira did not let you create this issue'
      : error.code === 'INVALID_INPUT'
        ? 'Jira refused the issue'
        : 'The issue was not created';
  return { title, fields: [], message: error.message, outcome: notCreated };
}
