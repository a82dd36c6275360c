/**
 * A stored evidence issue checked field by field before the engine sees it. What KVS gives back
 * was written by this app, but a value written by an older version, cut short or edited by hand
 * must be discarded and read again from Jira, never crash the engine or grade with a wrong type.
 *
 * The shape is a table over EvidenceIssue (core/shape.ts), so a field added to the type without a
 * check here does not compile. A page view checks up to 10,000 issues with their changelogs, so the
 * check is the table's guard: no paths, no copies, the stored value itself when it passes.
 */
import { isDay } from '../core/dates';
import {
  checked,
  count,
  flag,
  guardOf,
  listOf,
  optional,
  orNull,
  recordOf,
  text,
  valuesOf,
  type Fields,
  type Parser,
} from '../core/shape';
import type { AttachmentFact, ChangeEntry, ChangeItem, JiraUser, RemoteLinkFact } from '../core/substance-types';
import type { Assignee, Day, EvidenceIssue } from '../core/types';

const day: Parser<Day> = checked((v): v is Day => typeof v === 'string' && isDay(v), 'must be a day (YYYY-MM-DD)', '');

/** A UTC ISO instant as the reads write it (`toISOString`): an approval time is compared by it (spec 12). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const instant: Parser<string> = checked(
  (v): v is string => typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
  'must be a UTC instant (YYYY-MM-DDTHH:mm:ss.sssZ)',
  '',
);

const user = recordOf<JiraUser>({ accountId: text, displayName: text, isApp: flag });

const assignee = recordOf<Assignee>({ accountId: text, displayName: text, active: flag });

const changeItem = recordOf<ChangeItem>({
  field: text,
  fieldId: optional(text),
  from: optional(orNull(text)),
  to: optional(orNull(text)),
  fromText: optional(orNull(text)),
  toText: optional(orNull(text)),
});

const changeEntry = recordOf<ChangeEntry>({ author: orNull(user), at: text, items: listOf(changeItem) });

const attachment = recordOf<AttachmentFact>({
  id: text,
  filename: text,
  created: instant,
  author: optional(orNull(user)),
});

const remoteLink = recordOf<RemoteLinkFact>({ url: text, relationship: optional(text) });

/** Every field of a stored issue, with its check. Exported for the test that a new field cannot be left out. */
export const EVIDENCE_ISSUE_FIELDS: Fields<EvidenceIssue> = {
  id: optional(text),
  key: text,
  summary: text,
  labels: listOf(text),
  done: flag,
  statusName: optional(text),
  created: optional(day),
  updated: optional(day),
  resolutionDate: optional(day),
  statusCategoryChangeDate: optional(day),
  dueDate: optional(day),
  assignee: orNull(assignee),
  customDates: valuesOf(day),
  secured: optional(flag),
  statusId: optional(text),
  reporter: optional(orNull(user)),
  approverFieldUsers: optional(listOf(user)),
  attendeeFieldUsers: optional(listOf(user)),
  changelog: optional(listOf(changeEntry)),
  attachmentCount: optional(count),
  attachments: optional(listOf(attachment)),
  createdAt: optional(instant),
  remoteLinks: optional(listOf(remoteLink)),
  humanCommentCount: optional(count),
  commentTotal: optional(count),
  issueLinkCount: optional(count),
  described: optional(flag),
};

const isEvidenceIssue = guardOf(EVIDENCE_ISSUE_FIELDS);

/** The issue, when `value` has the shape of one; undefined otherwise. */
export function storedEvidenceIssue(value: unknown): EvidenceIssue | undefined {
  return isEvidenceIssue(value) ? value : undefined;
}
