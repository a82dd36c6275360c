import { route } from '@forge/api';
import { AppError } from '../errors';
import type { JiraClient } from './client';
import { failureOf } from './errors';
import { isRecord } from '../core/guards';
import { JIRA_ID } from '../core/jira-ids';

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
}

/**
 * The project key comes from the browser and can be forged: reading the project as the user
 * proves it exists and that they may browse it. Returns Jira's own key and name.
 */
export async function confirmProject(client: JiraClient, key: string): Promise<ProjectRef> {
  if (!JIRA_ID.projectKey.test(key))
    throw new AppError(
      'NOT_FOUND',
      `Project ${key.slice(0, 40)} does not exist, or you do not have permission to see it.`,
    );
  const response = await client.get(route`/rest/api/3/project/${key}`);
  if (response.status !== 200) throw failureOf(response, `Project ${key}`);
  const body = response.body;
  if (!isRecord(body) || typeof body.key !== 'string' || typeof body.id !== 'string')
    throw new AppError('JIRA_UNAVAILABLE', 'Jira answered with something that is not a project.');
  return { id: body.id, key: body.key, name: typeof body.name === 'string' ? body.name : body.key };
}

/** The issue as the user may see it (404 when they may not): confirms a forged key and reads it at once. */
export async function readIssue(client: JiraClient, key: string, fields: string[]): Promise<unknown> {
  if (!JIRA_ID.issueKey.test(key))
    throw new AppError(
      'NOT_FOUND',
      `Issue ${key.slice(0, 40)} does not exist, or you do not have permission to see it.`,
    );
  const response = await client.get(route`/rest/api/3/issue/${key}?fields=${fields.join(',')}`);
  if (response.status !== 200) throw failureOf(response, `Issue ${key}`);
  return response.body;
}

/** Jira administrator, asked of Jira as the user: the browser's word is never taken for it. */
export async function isJiraAdmin(client: JiraClient): Promise<boolean> {
  const response = await client.get(route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
  if (response.status !== 200) throw failureOf(response, 'your permissions');
  const body = response.body;
  if (!isRecord(body) || !isRecord(body.permissions)) return false;
  const administer = body.permissions.ADMINISTER;
  return isRecord(administer) && administer.havePermission === true;
}

export async function requireJiraAdmin(client: JiraClient): Promise<void> {
  if (!(await isJiraAdmin(client)))
    throw new AppError('FORBIDDEN', 'Only Jira administrators can change Clause 5.1 settings.');
}
