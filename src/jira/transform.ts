import { toDay } from '../core/dates';
import type { Assignee, Day, EvidenceIssue } from '../core/types';
import { isRecord } from '../core/guards';
import { checked, parseFields, type FieldError, type Fields, type Parser } from '../core/shape';
import type { AttachmentFact, JiraUser } from '../core/substance-types';
import { isDescribed } from './adf';
import { changeInstant, changelogOfIssue, keptFields, type KeptFields } from './changelog';
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

/** A Jira date or datetime as its UTC day; absent, null or empty is no date, anything else a problem. */
const jiraDay: Parser<Day | undefined> = (value, at, problems) => {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    problems.push({ field: at, message: `should be a date, not ${typeof value}` });
    return undefined;
  }
  const day = toDay(value);
  if (!day) problems.push({ field: at, message: `is not a valid date: "${value.slice(0, 40)}"` });
  return day ?? undefined;
};

const isLabelList = (v: unknown): v is string[] => Array.isArray(v) && v.every((l) => typeof l === 'string');
const labelList = checked(isLabelList, 'should be a list of labels', []);

/** Jira omits `labels` for an issue without any; otherwise a list of text. */
const labels: Parser<string[]> = (value, at, problems) =>
  value === undefined || value === null ? [] : labelList(value, at, problems);

/** A user object or none; its parts are read leniently (a user without a name is still the assignee). */
const assignee: Parser<Assignee | null> = (value, at, problems) => {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) {
    problems.push({ field: at, message: 'should be a user object or null' });
    return null;
  }
  const accountId = typeof value.accountId === 'string' ? value.accountId : '';
  const displayName =
    typeof value.displayName === 'string' && value.displayName ? value.displayName : accountId || 'Unknown user';
  // Jira omits `active` for some app and migrated users; only an explicit false means inactive.
  return { accountId, displayName, active: value.active !== false };
};

/**
 * The Jira fields read strictly, by their Jira names: those where a wrong value would silently
 * change a grade. Everything else of the issue is read leniently (substanceOf, the status).
 */
interface StrictFields {
  labels: string[];
  assignee: Assignee | null;
  created?: Day;
  updated?: Day;
  resolutiondate?: Day;
  statuscategorychangedate?: Day;
  duedate?: Day;
}

/** In the order they are checked: the first problem is the one an error names. */
const STRICT_FIELDS: Fields<StrictFields> = {
  labels,
  assignee,
  created: jiraDay,
  updated: jiraDay,
  resolutiondate: jiraDay,
  statuscategorychangedate: jiraDay,
  duedate: jiraDay,
};

function commentFacts(value: unknown): { humanCommentCount?: number; commentTotal?: number } {
  if (!isRecord(value)) return {};
  const facts: { humanCommentCount?: number; commentTotal?: number } = {};
  if (typeof value.total === 'number') facts.commentTotal = value.total;
  // The comments themselves, when sent: those written by a person, not by an app account.
  if (Array.isArray(value.comments) && value.comments.length > 0)
    facts.humanCommentCount = value.comments.filter((c) => isRecord(c) && toJiraUser(c.author)?.isApp === false).length;
  return facts;
}

/**
 * `fields.attachment` as the attachments of spec 12.2: id, file name, when (a UTC instant, as the
 * changelog's times) and by whom. An entry without an id, a file name or a readable time says nothing
 * the engine can place, so it is skipped; the count of 8.2 still counts it (a document is there).
 */
function attachmentsOf(value: unknown[]): AttachmentFact[] {
  return value.flatMap((entry) => {
    if (!isRecord(entry)) return [];
    const id = typeof entry.id === 'string' ? entry.id : Number.isSafeInteger(entry.id) ? String(entry.id) : '';
    const created = changeInstant(entry.created);
    if (id === '' || typeof entry.filename !== 'string' || !created) return [];
    return [{ id, filename: entry.filename, created, author: toJiraUser(entry.author) }];
  });
}

/** The changelog items kept for an approver field (spec 12.1), made once per field id. */
const keptByApproverField = new Map<string, KeptFields>();
function keptFor(approverField: string | null | undefined): KeptFields | undefined {
  if (!approverField) return undefined;
  let kept = keptByApproverField.get(approverField);
  if (!kept) {
    kept = keptFields([approverField]);
    keptByApproverField.set(approverField, kept);
  }
  return kept;
}

/** The facts of spec 8.2 that a search result (or an export) carries on the issue itself. */
function substanceOf(raw: Record<string, unknown>, fields: Record<string, unknown>, settings: FieldSettings) {
  const facts: Partial<EvidenceIssue> = {};
  if (typeof raw.id === 'string') facts.id = raw.id;
  const status = isRecord(fields.status) ? fields.status : undefined;
  if (status && typeof status.id === 'string') facts.statusId = status.id;
  if ('reporter' in fields) facts.reporter = toJiraUser(fields.reporter);
  if (Array.isArray(fields.attachment)) {
    facts.attachmentCount = fields.attachment.length;
    facts.attachments = attachmentsOf(fields.attachment);
  }
  // The day of `created` is read strictly (STRICT_FIELDS); the instant is for the approval time (spec 12.1).
  const createdAt = changeInstant(fields.created);
  if (typeof fields.created === 'string' && createdAt) facts.createdAt = createdAt;
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
  // The approver field's changes are kept too: the newest one is the approval's time (spec 12.1).
  const changelog = changelogOfIssue(raw, keptFor(settings.approverField));
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
  // What an error calls the issue until its key is known: its place in the input, if given.
  const unkeyed = position ? `issue ${position}` : 'issue';
  if (!isRecord(raw)) throw new IssueDataError(unkeyed, '(issue)', 'is not a Jira issue object');
  if (typeof raw.key !== 'string' || raw.key === '')
    throw new IssueDataError(unkeyed, 'key', 'is missing: this does not look like a Jira issue');
  const where = position ? `issue ${position} (${raw.key})` : raw.key;
  if (!isRecord(raw.fields)) throw new IssueDataError(where, 'fields', 'is missing: export issues with their fields');
  const fields = raw.fields;

  const problems: FieldError[] = [];
  const strict = parseFields(fields, STRICT_FIELDS, '', problems);
  const custom = effectiveDateField ? jiraDay(fields[effectiveDateField], effectiveDateField, problems) : undefined;
  const problem = problems[0];
  if (problem) throw new IssueDataError(where, problem.field, problem.message);

  const status = isRecord(fields.status) ? fields.status : undefined;
  const statusCategory = status && isRecord(status.statusCategory) ? status.statusCategory : undefined;

  const issue: EvidenceIssue = {
    key: raw.key,
    summary: typeof fields.summary === 'string' ? fields.summary : '',
    labels: strict.labels,
    // Unknown or missing status categories are not done: only Jira's "done" category finishes work.
    done: statusCategory?.key === 'done',
    assignee: strict.assignee,
    customDates: {},
    ...substanceOf(raw, fields, fieldSettings),
  };
  if (status && typeof status.name === 'string') issue.statusName = status.name;
  if (strict.created) issue.created = strict.created;
  if (strict.updated) issue.updated = strict.updated;
  if (strict.resolutiondate) issue.resolutionDate = strict.resolutiondate;
  if (strict.statuscategorychangedate) issue.statusCategoryChangeDate = strict.statuscategorychangedate;
  if (strict.duedate) issue.dueDate = strict.duedate;
  if (effectiveDateField && custom) issue.customDates[effectiveDateField] = custom;
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
