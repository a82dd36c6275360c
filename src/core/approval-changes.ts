/**
 * Changed after approval (spec 12.1, 12.2): when the issue was approved, and what changed on it
 * since (attachments added or removed, the description edited). Pure: the edges supply the
 * changelog, the attachments and the creation time; the requirement of 12.3 words the
 * outcome with the sentences below.
 */
import { utc } from '@date-fns/utc';
import { isValid, parseISO } from 'date-fns';
import { dayOf, humanDay } from './dates';
import { isDecision } from './people';
import type { AttachmentFact, ChangeEntry, ChangeItem, JiraUser } from './substance-types';

export type { AttachmentFact } from './substance-types';
import { listed } from './words';

/** How the approver (or a corrective action's approval grantor) was found (spec 8.2). */
export type ApprovalSource =
  /** The author of a changelog entry: the move to the current status, or the label's addition. */
  | { source: 'changelog'; entry: ChangeEntry }
  /** The users of the admin's approver field, by the field's id (`customfield_10050`). */
  | { source: 'field'; fieldId: string }
  /** A corrective action's grantor who is the reporter: the label was there from the start. */
  | { source: 'reporter' };

export type ApprovalTimeInput = ApprovalSource & {
  /** The issue's `created`, as an instant (a day alone would put every attachment of that day after it). */
  created: string | undefined;
  /** Undefined when the issue carries no changelog at all (not read, or the read failed). */
  changelog: ChangeEntry[] | undefined;
};

export type ApprovalTime = { known: true; at: string } | { known: false; why: string };

export type ApprovalChangeKind = 'attachment-added' | 'attachment-removed' | 'description-changed';

export interface ApprovalChange {
  kind: ApprovalChangeKind;
  /** UTC ISO instant. */
  at: string;
  /** Who made it; null when Jira names no one (an attachment's author not sent, a deleted user). */
  by: JiraUser | null;
  /** The attachment's file name, when the change is to an attachment and Jira names it. */
  filename?: string;
}

export const NO_HISTORY = "the issue's history was not read (an export without expand=changelog, or a failed read)";
const NO_CREATED = "the issue's creation time was not read";
const BAD_TIME = "the approval's time could not be read";

const EPOCH_MS = /^-?\d+$/;

/**
 * Milliseconds since 1970 of an ISO 8601 date-time (any offset), a day (its UTC midnight), or
 * epoch milliseconds as a number or numeric text (the changelog bulk fetch sends them); null when
 * the value is none of those.
 */
export function instantOf(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (EPOCH_MS.test(text)) {
    const ms = Number(text);
    return Number.isSafeInteger(ms) ? ms : null;
  }
  const parsed = parseISO(text, { in: utc });
  return isValid(parsed) ? parsed.getTime() : null;
}

const isoOf = (ms: number): string => new Date(ms).toISOString();

function knownAt(value: string | undefined, why: string): ApprovalTime {
  const ms = value === undefined ? null : instantOf(value);
  return ms === null ? { known: false, why } : { known: true, at: isoOf(ms) };
}

/** The approval time of spec 12.1. */
export function approvalTime(input: ApprovalTimeInput): ApprovalTime {
  if (!input.changelog) return { known: false, why: NO_HISTORY };
  if (input.source === 'changelog') return knownAt(input.entry.at, BAD_TIME);
  if (input.source === 'reporter') return knownAt(input.created, NO_CREATED);
  const { fieldId } = input;
  let newest: number | null = null;
  for (const entry of input.changelog) {
    if (!isDecision(entry) || !entry.items.some((item) => item.fieldId === fieldId)) continue;
    const ms = instantOf(entry.at);
    if (ms !== null && (newest === null || ms > newest)) newest = ms;
  }
  return newest === null ? knownAt(input.created, NO_CREATED) : { known: true, at: isoOf(newest) };
}

const isAttachmentItem = (item: ChangeItem): boolean =>
  item.field.toLowerCase() === 'attachment' || item.fieldId?.toLowerCase() === 'attachment';
const isDescriptionItem = (item: ChangeItem): boolean =>
  item.fieldId?.toLowerCase() === 'description' || (!item.fieldId && item.field.toLowerCase() === 'description');

/** A change with its time in milliseconds, for ordering; `id` is the attachment's. */
interface Event {
  kind: ApprovalChangeKind;
  ms: number;
  by: JiraUser | null;
  id?: string;
  filename?: string;
}

function eventsOf(changelog: readonly ChangeEntry[]): Event[] {
  const events: Event[] = [];
  for (const entry of changelog) {
    const ms = instantOf(entry.at);
    if (ms === null) continue;
    for (const item of entry.items) {
      if (isDescriptionItem(item)) events.push({ kind: 'description-changed', ms, by: entry.author });
      else if (isAttachmentItem(item) && item.to)
        events.push({
          kind: 'attachment-added',
          ms,
          by: entry.author,
          id: item.to,
          filename: item.toText ?? undefined,
        });
      else if (isAttachmentItem(item) && item.from)
        events.push({
          kind: 'attachment-removed',
          ms,
          by: entry.author,
          id: item.from,
          filename: item.fromText ?? undefined,
        });
    }
  }
  return events;
}

function toChange(event: Event): ApprovalChange {
  const change: ApprovalChange = { kind: event.kind, at: isoOf(event.ms), by: event.by };
  if (event.filename) change.filename = event.filename;
  return change;
}

/**
 * The changes after approval of spec 12.2, oldest first: strictly after `approvalAt`, whoever made
 * them (app accounts included). An attachment added after approval is a new version beside the
 * approved one, except the first one when no attachment was there at approval: that is the
 * signed copy.
 */
export function changesAfterApproval(
  approvalAt: string,
  changelog: readonly ChangeEntry[],
  attachments: readonly AttachmentFact[],
): ApprovalChange[] {
  const approval = instantOf(approvalAt);
  if (approval === null) throw new RangeError(`Not an instant: ${approvalAt}`);
  const events = eventsOf(changelog);

  // There at approval: in fields.attachment created by then, or added by then and not removed by then.
  const there = new Set<string>();
  for (const a of attachments) {
    const ms = instantOf(a.created);
    if (ms !== null && ms <= approval) there.add(a.id);
  }
  const before = events.filter((e) => e.ms <= approval && e.id !== undefined);
  const removedBefore = new Set(before.filter((e) => e.kind === 'attachment-removed').map((e) => e.id));
  for (const e of before) if (e.kind === 'attachment-added' && e.id && !removedBefore.has(e.id)) there.add(e.id);

  const after = events.filter((e) => e.ms > approval && !(e.kind === 'attachment-added' && e.id && there.has(e.id)));
  // Jira writes no changelog item for an attachment added with the issue: fields.attachment has it.
  const logged = new Set(events.filter((e) => e.kind === 'attachment-added').map((e) => e.id));
  const names = new Map(attachments.map((a) => [a.id, a.filename]));
  for (const e of after) if (e.id && !e.filename) e.filename = names.get(e.id);
  for (const a of attachments) {
    const ms = instantOf(a.created);
    if (ms === null || ms <= approval || logged.has(a.id)) continue;
    after.push({ kind: 'attachment-added', ms, by: a.author ?? null, id: a.id, filename: a.filename });
  }
  after.sort((a, b) => a.ms - b.ms);

  if (there.size === 0) {
    const signedCopy = after.findIndex((e) => e.kind === 'attachment-added');
    if (signedCopy >= 0) after.splice(signedCopy, 1);
  }
  return after.map(toChange);
}

/** The newest change (the last of equals), or undefined when there is none. */
export function newestChange(changes: readonly ApprovalChange[]): ApprovalChange | undefined {
  let newest: ApprovalChange | undefined;
  let newestMs = -Infinity;
  for (const change of changes) {
    const ms = instantOf(change.at) ?? -Infinity;
    if (!newest || ms >= newestMs) {
      newest = change;
      newestMs = ms;
    }
  }
  return newest;
}

/** The approval a change follows: when, and by whom (several when the approver field names several). */
export interface ApprovalFact {
  at: string;
  approvers: readonly JiraUser[];
}

const dayText = (at: string): string => {
  const ms = instantOf(at);
  return ms === null ? at : humanDay(dayOf(new Date(ms)));
};

function approvalPhrase(approval: ApprovalFact): string {
  const whose = approval.approvers.length > 0 ? `${listed(approval.approvers.map((u) => u.displayName))}'s` : 'the';
  return `${whose} approval on ${dayText(approval.at)}`;
}

function changePhrase(change: ApprovalChange): string {
  const by = change.by ? ` by ${change.by.displayName}` : '';
  const file = change.filename ?? 'An attachment';
  if (change.kind === 'attachment-added') return `${file} was attached${by}`;
  if (change.kind === 'attachment-removed') return `${file} was removed${by}`;
  return `The description was changed${by}`;
}

/**
 * Spec 12.3's failure: "policy-v4.pdf was attached by Priya Natarajan on 12 Mar 2026, after
 * Morgan Hale's approval on 4 Mar 2026: confirm the approval covers the current document."
 */
export function changedAfterApprovalSentence(change: ApprovalChange, approval: ApprovalFact): string {
  return `${changePhrase(change)} on ${dayText(change.at)}, after ${approvalPhrase(approval)}: confirm the approval covers the current document.`;
}

/** Spec 12.3's pass; a document that is only a remote link is checked in its own system (12.2). */
export function unchangedSinceApprovalSentence(approval: ApprovalFact, hasAttachment: boolean): string {
  const pass = `Nothing changed after ${approvalPhrase(approval)}.`;
  return hasAttachment
    ? pass
    : `${pass} Its document is not attached: a remote link's versions are checked in its own system.`;
}

/** Spec 12.3: an unknown approval time fails as not checkable, saying why. */
export function approvalNotCheckedSentence(why: string): string {
  return `Whether the approval covers the current document could not be checked: ${why}.`;
}
