/**
 * POST /rest/api/3/issue: creates an issue as the caller, as Jira Cloud does. The project comes first (a hidden
 * one is the same 400 as a missing one, so nothing leaks), then "Create issues", then every field at once: one
 * `errors` entry per bad field, as Jira reports them. The new issue is in the site, and so in every search and
 * read, before the 201 is sent.
 */
import {
  checkCustomField,
  checkDate,
  checkDocument,
  checkLabels,
  checkSummary,
  checkUser,
  isEmptyValue,
  NO_SUMMARY,
  type FieldCheck,
} from '../create-fields';
import { INVALID_PAYLOAD, jiraError, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import { APP_ACCOUNT_ID } from '../identity';
import { issueTypeJson, type ResolvedIssueType } from '../issue-types';
import { isPlainObject, type JsonObject, type JsonValue } from '../json';
import { canBrowseProject, canCreateIssues, canSeeIssue } from '../permissions';
import { fieldUser } from '../site-builders';
import { fieldName } from '../site-create';
import type { SiteIssueFields, SiteProject } from '../site-types';

const NO_PROJECT = 'Specify a valid project ID or key';
const INVALID_PROJECT = 'valid project is required';
const NO_CREATE_PERMISSION = 'You do not have permission to create issues in this project.';
const INVALID_ISSUE_TYPE = 'Specify a valid issue type';
const SUBTASK_WITHOUT_PARENT = 'Issue type is a sub-task but parent issue key or id not specified.';
const PARENT_NOT_FOUND = 'Could not find issue by id or key.';
const WRONG_HIERARCHY = 'Given parent work item does not belong to appropriate hierarchy.';
/** Real parts of a create request the simulator has no model for: a 400 naming the gap, never a silent skip. */
const UNMODELLED_PARTS = new Set(['update', 'transition', 'properties', 'historyMetadata']);
/** Fields read before the rest: the others depend on them. */
const HANDLED = new Set(['project', 'issuetype', 'parent']);

const cannotSet = (fieldId: string): string =>
  `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

/** Jira's date-time text, e.g. 2026-11-28T12:00:00.000+0000. */
const jiraDateTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

/** `{ id }` or `{ key }` (or `{ name }` where `byName`): the reference's text, or undefined. */
function reference(value: unknown, byName: boolean): { by: 'id' | 'key' | 'name'; text: string } | undefined {
  if (!isPlainObject(value)) return undefined;
  const order: ReadonlyArray<'id' | 'key' | 'name'> = byName ? ['id', 'key', 'name'] : ['id', 'key'];
  for (const by of order) {
    const text = value[by];
    if (typeof text === 'string' && text !== '') return { by, text };
  }
  return undefined;
}

function findProject(ctx: RouteContext, req: SimRequest, value: unknown): SiteProject | string {
  const ref = reference(value, false);
  if (!ref) return NO_PROJECT;
  const project =
    ref.by === 'id' ? ctx.site.projectsById.get(ref.text) : ctx.site.data.projects.find((p) => p.key === ref.text);
  if (!project || !canBrowseProject(req.caller, project)) return INVALID_PROJECT;
  return canCreateIssues(req.caller, project) ? project : NO_CREATE_PERMISSION;
}

function findIssueType(ctx: RouteContext, project: SiteProject, value: unknown): ResolvedIssueType | undefined {
  const ref = reference(value, true);
  const types = ctx.site.issueTypes.get(project.id) ?? [];
  return ref && types.find((t) => (ref.by === 'name' ? t.name === ref.text : t.id === ref.text));
}

/** The level of an existing issue: its type's in its project, else what its own `issuetype` says, else standard. */
function levelOf(ctx: RouteContext, fields: SiteIssueFields, projectId: string): number {
  const type = fields['issuetype'];
  if (!isPlainObject(type)) return 0;
  const known = ctx.site.issueTypes.get(projectId)?.find((t) => t.id === type['id']);
  if (known) return known.hierarchyLevel;
  return typeof type['hierarchyLevel'] === 'number' ? type['hierarchyLevel'] : 0;
}

/** The parent field for a new issue of `type`, or the error (under `parent`, or an error message). */
function checkParent(
  ctx: RouteContext,
  req: SimRequest,
  project: SiteProject,
  type: ResolvedIssueType,
  value: unknown,
): { ok: true; value: JsonObject | undefined } | { ok: false; field: boolean; message: string } {
  if (value === undefined || value === null)
    return type.subtask ? { ok: false, field: false, message: SUBTASK_WITHOUT_PARENT } : { ok: true, value: undefined };
  const ref = reference(value, false);
  const parent = ref && ctx.site.findIssue(ref.text);
  if (!parent || !canSeeIssue(req.caller, parent)) return { ok: false, field: true, message: PARENT_NOT_FOUND };
  // A sub-task sits under a standard issue, a standard issue under an epic, all in one project.
  const fits =
    parent.project.id === project.id &&
    levelOf(ctx, parent.issue.fields, parent.project.id) === type.hierarchyLevel + 1;
  if (!fits) return { ok: false, field: true, message: WRONG_HIERARCHY };
  const { id, key } = parent.issue;
  return { ok: true, value: { id, key, self: `${ctx.siteUrl}/rest/api/3/issue/${id}` } };
}

/** One field the caller set, other than project, issue type and parent. */
function checkField(ctx: RouteContext, project: SiteProject, fieldId: string, value: unknown): FieldCheck {
  switch (fieldId) {
    case 'summary':
      return checkSummary(value);
    case 'labels':
      return checkLabels(value);
    case 'duedate':
      return checkDate(value);
    case 'description':
      return checkDocument(value);
    case 'assignee':
      return checkUser(ctx.site, value, project);
  }
  const custom = ctx.site.customFields.get(fieldId);
  return custom ? checkCustomField(ctx.site, custom, value) : { ok: false, message: cannotSet(fieldId) };
}

function reporterOf(ctx: RouteContext, req: SimRequest): JsonObject {
  if (req.caller.kind === 'user') return fieldUser(req.caller.user);
  return { accountId: APP_ACCOUNT_ID, accountType: 'app', displayName: ctx.appDisplayName, active: true };
}

export function createIssue(ctx: RouteContext, req: SimRequest): SimResponse {
  const body = req.body;
  if (!isPlainObject(body)) return jiraError(400, [INVALID_PAYLOAD]);
  for (const part of Object.keys(body)) {
    if (UNMODELLED_PARTS.has(part))
      return jiraError(400, [`The local Jira simulator does not model '${part}' when creating an issue.`]);
    if (part !== 'fields') return jiraError(400, [INVALID_PAYLOAD], { [part]: `Unrecognized field "${part}".` });
  }
  const given = body['fields'] ?? {};
  if (!isPlainObject(given))
    return jiraError(400, [INVALID_PAYLOAD], { fields: 'The value of "fields" is not an object.' });

  const project = findProject(ctx, req, given['project']);
  if (typeof project === 'string') return jiraError(400, [], { project });

  const errors: Record<string, string> = {};
  const errorMessages: string[] = [];
  const values: Record<string, JsonValue> = {};
  const type = findIssueType(ctx, project, given['issuetype']);
  if (!type) errors['issuetype'] = INVALID_ISSUE_TYPE;
  for (const [fieldId, value] of Object.entries(given)) {
    if (HANDLED.has(fieldId)) continue;
    const check = checkField(ctx, project, fieldId, value);
    if (check.ok) values[fieldId] = check.value;
    else errors[fieldId] = check.message;
  }
  if (given['summary'] === undefined) errors['summary'] = NO_SUMMARY;
  for (const fieldId of project.requiredFields ?? []) {
    if (errors[fieldId] === undefined && isEmptyValue(given[fieldId]))
      errors[fieldId] = `${fieldName(fieldId, ctx.site.customFields)} is required.`;
  }
  let parent: JsonObject | undefined;
  if (type) {
    const checked = checkParent(ctx, req, project, type, given['parent']);
    if (checked.ok) parent = checked.value;
    else if (checked.field) errors['parent'] = checked.message;
    else errorMessages.push(checked.message);
  }
  const summary = values['summary'];
  if (!type || typeof summary !== 'string' || errorMessages.length > 0 || Object.keys(errors).length > 0)
    return jiraError(400, errorMessages, errors);

  const { id, key } = ctx.writer.nextIssueRef(project);
  const now = jiraDateTime(ctx.now());
  const reporter = reporterOf(ctx, req);
  ctx.writer.addIssue({
    id,
    key,
    fields: {
      // Jira's empty values first, so every field a read asks for is there, as on a real new issue.
      assignee: null,
      description: null,
      duedate: null,
      resolution: null,
      resolutiondate: null,
      ...values,
      summary,
      labels: Array.isArray(values['labels']) ? values['labels'].filter((l): l is string => typeof l === 'string') : [],
      project: { id: project.id, key: project.key, name: project.name },
      issuetype: issueTypeJson(type, ctx.siteUrl),
      status: {
        id: '10000',
        name: 'To Do',
        statusCategory: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
      },
      reporter,
      creator: reporter,
      created: now,
      updated: now,
      statuscategorychangedate: now,
      ...(parent ? { parent } : {}),
    },
  });
  return { status: 201, body: { id, key, self: `${ctx.siteUrl}/rest/api/3/issue/${id}` } };
}
