import { toDay } from '../core/dates';
import type { Assignee, Day, EvidenceIssue } from '../core/types';
import { isRecord } from '../core/guards';
import type { JiraUser } from '../core/substance-types';
import { isDescribed } from './adf';
import { changelogOfIssue } from './changelog';
import { toRemoteLinks } from './remote-links';
import { toJiraUser, usersOfField } from './users';

/** The Jira fields the engine reads; the effective-date custom field is added when configured. */
export const ENGINE_FIELDS = [
  'summary',
  'labels',
  'status',
  'resolutiondate',
  'statuscategorychangedate',
  'updated',
  'created',
  'duedate',
  'assignee',
  'project',
  // Spec 8.2: what an auditor checks beyond the label. The description is reduced to
  // described-or-not as soon as it is read.
  'reporter',
  'attachment',
  'comment',
  'issuelinks',
  'description',
  // Spec 10 as issue 19 amends it: "Create issue" names only evidence everyone can see.
  'security',
];

/** The fields a report reads: the engine's, plus the admin's date, approver and attendees fields. */
export interface FieldSettings {
  effectiveDateField: string | null;
  approverField?: string | null;
  attendeesField?: string | null;
}

export function fieldsToRead(settings: FieldSettings | string | null): string[] {
  const chosen =
    typeof settings === 'string' || settings === null
      ? [settings]
      : [settings.effectiveDateField, settings.approverField, settings.attendeesField];
  const extra = chosen.filter((f): f is string => typeof f === 'string' && f !== '' && !ENGINE_FIELDS.includes(f));
  return extra.length > 0 ? [...ENGINE_FIELDS, ...new Set(extra)] : ENGINE_FIELDS;
}

/** Bad data names the issue and the field, so a user can find it in their export. */
export class IssueDataError extends Error {
  constructor(
    readonly issue: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${issue}: field "${field}" ${problem}`);
    this.name = 'IssueDataError';
  }
}

function optionalDay(fields: Record<string, unknown>, name: string, where: string): Day | undefined {
  const value = fields[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new IssueDataError(where, name, `should be a date, not ${typeof value}`);
  const day = toDay(value);
  if (!day) throw new IssueDataError(where, name, `is not a valid date: "${value.slice(0, 40)}"`);
  return day;
}

function assigneeOf(value: unknown, where: string): Assignee | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) throw new IssueDataError(where, 'assignee', 'should be a user object or null');
  const accountId = typeof value.accountId === 'string' ? value.accountId : '';
  const displayName =
    typeof value.displayName === 'string' && value.displayName ? value.displayName : accountId || 'Unknown user';
  // Jira omits `active` for some app and migrated users; only an explicit false means inactive.
  return { accountId, displayName, active: value.active !== false };
}

function commentFacts(value: unknown): { humanCommentCount?: number; commentTotal?: number } {
  if (!isRecord(value)) return {};
  const facts: { humanCommentCount?: number; commentTotal?: number } = {};
  if (typeof value.total === 'number') facts.commentTotal = value.total;
  // The comments themselves, when sent: those written by a person, not by an app account.
  if (Array.isArray(value.comments) && value.comments.length > 0)
    facts.humanCommentCount = value.comments.filter((c) => isRecord(c) && toJiraUser(c.author)?.isApp === false).length;
  return facts;
}

/** The facts of spec 8.2 that a search result (or an export) carries on the issue itself. */
function substanceOf(raw: Record<string, unknown>, fields: Record<string, unknown>, settings: FieldSettings) {
  const facts: Partial<EvidenceIssue> = {};
  if (typeof raw.id === 'string') facts.id = raw.id;
  const status = isRecord(fields.status) ? fields.status : undefined;
  if (status && typeof status.id === 'string') facts.statusId = status.id;
  if ('reporter' in fields) facts.reporter = toJiraUser(fields.reporter);
  if (Array.isArray(fields.attachment)) facts.attachmentCount = fields.attachment.length;
  if (Array.isArray(fields.issuelinks)) facts.issueLinkCount = fields.issuelinks.length;
  if ('description' in fields) facts.described = isDescribed(fields.description);
  Object.assign(facts, commentFacts(fields.comment));
  const approvers: JiraUser[] | undefined = settings.approverField
    ? usersOfField(fields[settings.approverField])
    : undefined;
  if (approvers) facts.approverFieldUsers = approvers;
  const attendees = settings.attendeesField ? usersOfField(fields[settings.attendeesField]) : undefined;
  if (attendees) facts.attendeeFieldUsers = attendees;
  // An export made with expand=changelog carries the history; a live search reads it in bulk later.
  const changelog = changelogOfIssue(raw);
  if (changelog) facts.changelog = changelog;
  // An export may carry the issue's remote links (what GET .../remotelink returns).
  if (Array.isArray(raw.remotelinks)) facts.remoteLinks = toRemoteLinks(raw.remotelinks);
  return facts;
}

/**
 * One Jira REST v3 issue (as /rest/api/3/search/jql returns it) as the engine's issue. Tolerant
 * of what real Jira sends (null assignee, no resolutiondate, unknown statuses, extra fields);
 * strict where a wrong value would silently change a grade (a date that is not a date).
 */
export function toEvidenceIssue(
  raw: unknown,
  settings: FieldSettings | string | null = null,
  position = '',
): EvidenceIssue {
  const fieldSettings: FieldSettings =
    typeof settings === 'string' || settings === null ? { effectiveDateField: settings } : settings;
  const effectiveDateField = fieldSettings.effectiveDateField;
  const where0 = position ? `issue ${position}` : 'issue';
  if (!isRecord(raw)) throw new IssueDataError(where0, '(issue)', 'is not a Jira issue object');
  if (typeof raw.key !== 'string' || raw.key === '')
    throw new IssueDataError(where0, 'key', 'is missing: this does not look like a Jira issue');
  const where = position ? `issue ${position} (${raw.key})` : raw.key;
  if (!isRecord(raw.fields)) throw new IssueDataError(where, 'fields', 'is missing: export issues with their fields');
  const fields = raw.fields;

  const labels = fields.labels ?? [];
  if (!Array.isArray(labels) || !labels.every((l): l is string => typeof l === 'string')) {
    throw new IssueDataError(where, 'labels', 'should be a list of labels');
  }
  const status = isRecord(fields.status) ? fields.status : undefined;
  const statusCategory = status && isRecord(status.statusCategory) ? status.statusCategory : undefined;

  const issue: EvidenceIssue = {
    key: raw.key,
    summary: typeof fields.summary === 'string' ? fields.summary : '',
    labels,
    // Unknown or missing status categories are not done: only Jira's "done" category finishes work.
    done: statusCategory?.key === 'done',
    assignee: assigneeOf(fields.assignee, where),
    customDates: {},
    ...substanceOf(raw, fields, fieldSettings),
  };
  if (status && typeof status.name === 'string') issue.statusName = status.name;
  const created = optionalDay(fields, 'created', where);
  if (created) issue.created = created;
  const updated = optionalDay(fields, 'updated', where);
  if (updated) issue.updated = updated;
  const resolved = optionalDay(fields, 'resolutiondate', where);
  if (resolved) issue.resolutionDate = resolved;
  const changed = optionalDay(fields, 'statuscategorychangedate', where);
  if (changed) issue.statusCategoryChangeDate = changed;
  const due = optionalDay(fields, 'duedate', where);
  if (due) issue.dueDate = due;
  if (effectiveDateField) {
    const custom = optionalDay(fields, effectiveDateField, where);
    if (custom) issue.customDates[effectiveDateField] = custom;
  }
  // Jira sends null for an issue without a level, when asked for the field. Any other value is
  // taken as a level: a value the app cannot read must not make Board-only evidence public.
  if ('security' in fields) issue.secured = fields.security !== null && fields.security !== undefined;
  return issue;
}

/** The project an issue belongs to: its project field, else the prefix of its key. */
export function projectKeyOf(raw: unknown): string | undefined {
  if (!isRecord(raw)) return undefined;
  if (isRecord(raw.fields) && isRecord(raw.fields.project) && typeof raw.fields.project.key === 'string')
    return raw.fields.project.key;
  if (typeof raw.key === 'string') return raw.key.replace(/-\d+$/, '');
  return undefined;
}
