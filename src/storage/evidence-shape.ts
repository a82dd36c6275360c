/**
 * A stored evidence issue checked field by field before the engine sees it. What KVS gives back
 * was written by this app, but a value written by an older version, cut short or edited by hand
 * must be discarded and read again from Jira, never crash the engine or grade with a wrong type.
 */
import { isRecord } from '../core/guards';
import type { ChangeEntry, JiraUser, RemoteLinkFact } from '../core/substance-types';
import type { Assignee, EvidenceIssue } from '../core/types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isCount: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isBoolean: Check = (v) => typeof v === 'boolean';
const isDay: Check = (v) => typeof v === 'string' && DAY.test(v);
const listOf =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);

/** Each named field, when present, passes its check. */
function fieldsPass(record: Record<string, unknown>, checks: Record<string, Check>): boolean {
  return Object.entries(checks).every(([name, check]) => record[name] === undefined || check(record[name]));
}

const isUser: Check = (v): v is JiraUser =>
  isRecord(v) && isString(v.accountId) && isString(v.displayName) && isBoolean(v.isApp);

const isAssignee: Check = (v): v is Assignee =>
  isRecord(v) && isString(v.accountId) && isString(v.displayName) && isBoolean(v.active);

const isChangeItem: Check = (v) =>
  isRecord(v) &&
  isString(v.field) &&
  fieldsPass(v, {
    fieldId: isString,
    from: orNull(isString),
    to: orNull(isString),
    fromText: orNull(isString),
    toText: orNull(isString),
  });

const isChangeEntry: Check = (v): v is ChangeEntry =>
  isRecord(v) && (v.author === null || isUser(v.author)) && isString(v.at) && listOf(isChangeItem)(v.items);

const isRemoteLink: Check = (v): v is RemoteLinkFact =>
  isRecord(v) && isString(v.url) && fieldsPass(v, { relationship: isString });

const OPTIONAL: Record<string, Check> = {
  id: isString,
  statusName: isString,
  created: isDay,
  updated: isDay,
  resolutionDate: isDay,
  statusCategoryChangeDate: isDay,
  dueDate: isDay,
  statusId: isString,
  reporter: orNull(isUser),
  approverFieldUsers: listOf(isUser),
  attendeeFieldUsers: listOf(isUser),
  changelog: listOf(isChangeEntry),
  attachmentCount: isCount,
  remoteLinks: listOf(isRemoteLink),
  humanCommentCount: isCount,
  commentTotal: isCount,
  issueLinkCount: isCount,
  described: isBoolean,
  secured: isBoolean,
};

/** The issue, when `value` has the shape of one; undefined otherwise. */
export function storedEvidenceIssue(value: unknown): EvidenceIssue | undefined {
  if (!isRecord(value)) return undefined;
  const required =
    isString(value.key) &&
    isString(value.summary) &&
    listOf(isString)(value.labels) &&
    isBoolean(value.done) &&
    (value.assignee === null || isAssignee(value.assignee)) &&
    isRecord(value.customDates) &&
    Object.values(value.customDates).every(isDay);
  return required && fieldsPass(value, OPTIONAL) ? (value as unknown as EvidenceIssue) : undefined;
}
