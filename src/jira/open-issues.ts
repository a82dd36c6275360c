import { route } from '@forge/api';
import { isRecord } from '../core/guards';
import type { IssueRef } from '../contract/invoke';
import type { JiraClient } from './client';
import { failureOf } from './errors';
import { evidenceCondition } from './jql';

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

/**
 * The newest open issue of the project carrying one of the labels, as the user sees Jira: it is
 * already the fix, so nothing new is created (spec 10). Labels and key are quoted JQL values.
 */
export async function findOpenIssue(
  client: JiraClient,
  projectKey: string,
  labels: readonly string[],
): Promise<IssueRef | undefined> {
  if (labels.length === 0) return undefined;
  const response = await client.post(route`/rest/api/3/search/jql`, {
    jql: `${evidenceCondition(projectKey, labels)} AND statusCategory != Done ORDER BY created DESC`,
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
