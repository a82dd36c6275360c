import { toDay } from '../core/dates';
import type { Assignee, Day, EvidenceIssue } from '../core/types';
import { isRecord } from '../core/guards';

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
];

export function fieldsToRead(effectiveDateField: string | null): string[] {
  return effectiveDateField && !ENGINE_FIELDS.includes(effectiveDateField)
    ? [...ENGINE_FIELDS, effectiveDateField]
    : ENGINE_FIELDS;
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

/**
 * One Jira REST v3 issue (as /rest/api/3/search/jql returns it) as the engine's issue. Tolerant
 * of what real Jira sends (null assignee, no resolutiondate, unknown statuses, extra fields);
 * strict where a wrong value would silently change a grade (a date that is not a date).
 */
export function toEvidenceIssue(raw: unknown, effectiveDateField: string | null = null, position = ''): EvidenceIssue {
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
