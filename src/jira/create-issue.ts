/**
 * Creating the Jira issue that fixes a finding (spec section 10), as the user: whether Jira lets them,
 * which issue types they may create, and the create itself. Errors carry Jira's own words about the
 * request, never issue data of ours.
 */
import { route } from '@forge/api';
import type { FieldError } from '../core/config';
import { isRecord } from '../core/guards';
import type { FixAvailability } from '../contract/invoke';
import { AppError } from '../errors';
import { OutcomeUnknown, type JiraClient, type JiraResponse } from './client';
import { failureOf, jiraMessages } from './errors';

/** An Atlassian Document Format node, as much of it as the app writes. */
export interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** A whole ADF document: what Jira's v3 API takes for a description. */
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

export interface NewIssueFields {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  labels: string[];
  /** YYYY-MM-DD */
  dueDate: string;
  description: AdfDoc;
}

export interface CreatableIssueType {
  id: string;
  name: string;
  subtask: boolean;
}

/** Jira's own page size cap for create metadata; a few pages cover any real project. */
const TYPES_PAGE = 200;
const TYPES_MAX_PAGES = 3;
/** Jira's texts are short; a longer one is cut so a message stays readable. */
const MESSAGE_MAX = 300;

/** Whether Jira lets the user create issues in the project: asked of Jira, never taken from the browser. */
export async function canCreateIssues(client: JiraClient, projectKey: string): Promise<boolean> {
  const response = await client.get(
    route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=CREATE_ISSUES`,
  );
  if (response.status !== 200) throw failureOf(response, `Project ${projectKey}`);
  const body = response.body;
  if (!isRecord(body) || !isRecord(body.permissions)) return false;
  const create = body.permissions.CREATE_ISSUES;
  return isRecord(create) && create.havePermission === true;
}

/** Whether Jira lets the viewer create issues in the project, or why it could not say. */
export type CreatePermission = Pick<FixAvailability, 'canCreate' | 'problem'>;

/** The report matters more than the action: without Jira's answer, the page goes without the action. */
export async function createPermission(jira: JiraClient, projectKey: string): Promise<CreatePermission> {
  try {
    return { canCreate: await canCreateIssues(jira, projectKey) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { canCreate: false, problem: `Jira could not say whether you may create issues here: ${error.message}` };
  }
}

function issueTypeOf(value: unknown): CreatableIssueType | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return undefined;
  return { id: value.id, name: value.name, subtask: value.subtask === true };
}

/**
 * The issue types the user may create in the project, in Jira's order, sub-task types included
 * (`subtask` says which). Jira lists none to a user who may not create there.
 */
export async function creatableIssueTypes(client: JiraClient, projectKey: string): Promise<CreatableIssueType[]> {
  const types: CreatableIssueType[] = [];
  for (let page = 0; page < TYPES_MAX_PAGES; page += 1) {
    const response = await client.get(
      route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes?startAt=${types.length}&maxResults=${TYPES_PAGE}`,
    );
    if (response.status !== 200) throw failureOf(response, `Project ${projectKey}`);
    const body = response.body;
    const listed = isRecord(body) && Array.isArray(body.issueTypes) ? body.issueTypes : undefined;
    const read = listed?.map(issueTypeOf);
    if (!isRecord(body) || !read || read.some((t) => t === undefined))
      throw new AppError('JIRA_UNAVAILABLE', 'Jira answered with something that is not a list of issue types.');
    types.push(...read.filter((t) => t !== undefined));
    const total = typeof body.total === 'number' ? body.total : types.length;
    // An empty page ends it too: a total Jira cannot fill would otherwise be asked for again and again.
    if (read.length === 0 || types.length >= total) return types;
  }
  // Not a quiet gap: the type the settings name could be among the ones left unread.
  throw new AppError(
    'INTERNAL',
    `Jira lists more than ${TYPES_PAGE * TYPES_MAX_PAGES} issue types for ${projectKey}; Clause 5.1 Coverage reads no more than that.`,
  );
}

/**
 * The names of the issue types, sub-task types left out, that the user sees anywhere on the site (a
 * Jira admin: all of them), for the admin's choice of type for new issues: once each, ignoring case,
 * by name. Projects name their own types, so the choice is by name, not id.
 */
export async function siteIssueTypes(client: JiraClient): Promise<string[]> {
  const response = await client.get(route`/rest/api/3/issuetype`);
  if (response.status !== 200) throw failureOf(response, 'the issue types');
  const listed = Array.isArray(response.body) ? response.body.map(issueTypeOf) : undefined;
  if (!listed || listed.some((t) => t === undefined))
    throw new AppError('JIRA_UNAVAILABLE', 'Jira answered with something that is not a list of issue types.');
  const names = new Map<string, string>();
  for (const type of listed)
    if (type && !type.subtask && !names.has(type.name.toLowerCase())) names.set(type.name.toLowerCase(), type.name);
  return [...names.values()].sort((a, b) => a.localeCompare(b, 'en'));
}

/** How Jira's field ids read in a sentence; others (custom fields) are named by their id. */
const FIELD_LABELS: Record<string, string> = {
  summary: 'Summary',
  issuetype: 'Issue type',
  project: 'Project',
  labels: 'Labels',
  duedate: 'Due date',
  description: 'Description',
  parent: 'Parent',
  assignee: 'Assignee',
};

const cut = (text: string): string => (text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX - 1)}…` : text);
const sentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** Jira's `errors`: field id -> its message, only string entries. */
function fieldErrorsOf(body: unknown): FieldError[] {
  const errors = isRecord(body) && isRecord(body.errors) ? body.errors : {};
  return Object.entries(errors).flatMap(([field, message]) =>
    typeof message === 'string' ? [{ field, message: cut(message) }] : [],
  );
}

/** A refused create, in the user's terms: what Jira said, whole, and each field it named. */
function refusal(response: JiraResponse, projectKey: string): AppError {
  const fields = fieldErrorsOf(response.body);
  const general = jiraMessages(response.body);
  if (response.status === 400) {
    // Errors on the project alone (hidden, or no "Create issues"): the user can fix nothing in the form.
    if (fields.length > 0 && fields.every((f) => f.field === 'project') && general === '')
      return new AppError(
        'FORBIDDEN',
        `Jira does not let you create issues in ${projectKey}: ${sentence(fields.map((f) => f.message).join(' '))}`,
      );
    const parts = [
      ...(general ? [sentence(cut(general))] : []),
      ...fields.map((f) => `${FIELD_LABELS[f.field] ?? f.field}: ${sentence(f.message)}`),
    ];
    const said = parts.length > 0 ? parts.join(' ') : 'Jira gave no reason.';
    return AppError.invalid(`Jira did not create the issue: ${said}`, fields);
  }
  if (response.status === 401 || response.status === 403)
    return new AppError('FORBIDDEN', `Jira does not let you create issues in ${projectKey}.`);
  return new AppError(
    'INTERNAL',
    `Jira refused to create the issue (${response.status})${general ? `: ${sentence(cut(general))}` : '.'}`,
  );
}

/**
 * Creates the issue as the user. Sent once: after a 5xx or a timeout Jira may have created it, so
 * only a 429 (which Jira answers without doing anything) is retried, and an unknown outcome is a
 * JIRA_UNAVAILABLE that says to look in the project before trying again.
 */
export async function createIssue(client: JiraClient, fields: NewIssueFields): Promise<{ id: string; key: string }> {
  const body = {
    fields: {
      project: { key: fields.projectKey },
      issuetype: { id: fields.issueTypeId },
      summary: fields.summary,
      labels: fields.labels,
      duedate: fields.dueDate,
      description: fields.description,
    },
  };
  let response: JiraResponse;
  try {
    response = await client.post(route`/rest/api/3/issue`, body, { retry: 'rate-limit-only' });
  } catch (error) {
    if (!(error instanceof OutcomeUnknown)) throw error;
    throw new AppError(
      'JIRA_UNAVAILABLE',
      `Jira did not confirm the new issue, so it may or may not have been created. Check ${fields.projectKey} in Jira before trying again.`,
    );
  }
  if (response.status !== 201 && response.status !== 200) throw refusal(response, fields.projectKey);
  const created = response.body;
  if (!isRecord(created) || typeof created.id !== 'string' || typeof created.key !== 'string')
    throw new AppError(
      'JIRA_UNAVAILABLE',
      `Jira created the issue but did not say which it is. Check ${fields.projectKey} in Jira before trying again.`,
    );
  return { id: created.id, key: created.key };
}
