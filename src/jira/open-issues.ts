import { route } from '@forge/api';
import { addDaysTo } from '../core/dates';
import { isRecord } from '../core/guards';
import type { Day } from '../core/types';
import type { IssueRef } from '../contract/invoke';
import type { JiraClient } from './client';
import { failureOf } from './errors';
import { evidenceCondition, jqlString } from './jql';

function refOf(raw: unknown): IssueRef | undefined {
  if (!isRecord(raw) || typeof raw.key !== 'string') return undefined;
  const summary = isRecord(raw.fields) && typeof raw.fields.summary === 'string' ? raw.fields.summary : '';
  return { key: raw.key, summary };
}

function isDone(raw: unknown): boolean {
  if (!isRecord(raw) || !isRecord(raw.fields) || !isRecord(raw.fields.status)) return false;
  const category = raw.fields.status.statusCategory;
  return isRecord(category) && category.key === 'done';
}

export interface OpenIssueFilter {
  /** Issues that cannot be the fix (the lapsing issue itself). */
  excluding?: readonly string[];
  /** Only issues raised on a later day than this (a renewal comes after what it renews). */
  createdAfter?: Day;
}

/**
 * The newest open issue of the project carrying one of the labels, as the user sees Jira: it is
 * already the fix, so nothing new is created (spec 10). Labels, keys and days are quoted JQL values.
 */
export async function findOpenIssue(
  client: JiraClient,
  projectKey: string,
  labels: readonly string[],
  filter: OpenIssueFilter = {},
): Promise<IssueRef | undefined> {
  if (labels.length === 0) return undefined;
  const clauses = [evidenceCondition(projectKey, labels), 'statusCategory != Done'];
  if (filter.excluding && filter.excluding.length > 0)
    clauses.push(`key not in (${filter.excluding.map(jqlString).join(', ')})`);
  // JQL compares days at midnight in the user's time zone: the next day's start is strictly later.
  if (filter.createdAfter) clauses.push(`created >= ${jqlString(addDaysTo(filter.createdAfter, 1))}`);
  const response = await client.post(route`/rest/api/3/search/jql`, {
    jql: `${clauses.join(' AND ')} ORDER BY created DESC`,
    fields: ['summary'],
    maxResults: 1,
  });
  if (response.status !== 200) throw failureOf(response, `the open issues of ${projectKey}`);
  const issues = isRecord(response.body) && Array.isArray(response.body.issues) ? response.body.issues : [];
  return refOf(issues[0]);
}

/** The issue if it still exists for the user and is open; undefined when it is done, gone or hidden. */
export async function stillOpen(client: JiraClient, key: string): Promise<IssueRef | undefined> {
  const response = await client.get(route`/rest/api/3/issue/${key}?fields=summary,status`);
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw failureOf(response, `Issue ${key}`);
  return isDone(response.body) ? undefined : refOf(response.body);
}
