/**
 * The facts an auditor checks beyond the label (spec 8.2), as the edges read them from Jira.
 * Absent means "not read": the engine then says a check could not be made, never that it passed.
 */

/** A Jira user as the engine needs them: who they are, and whether they are an app account. */
export interface JiraUser {
  accountId: string;
  displayName: string;
  /** App accounts (Automation for Jira, integrations) never stand for anyone's decision. */
  isApp: boolean;
}

/** One item of a changelog entry, for the fields the engine asks about (`status`, `labels`). */
export interface ChangeItem {
  field: string;
  fieldId?: string;
  from?: string | null;
  to?: string | null;
  /** Jira's `fromString` / `toString`: renamed, since a `toString` property shadows Object's method. */
  fromText?: string | null;
  toText?: string | null;
}

export interface ChangeEntry {
  /** Null when Jira names no author (an anonymous or deleted user's change). */
  author: JiraUser | null;
  /** The instant of the change in UTC ISO 8601, so entries order as text whatever Jira sent. */
  at: string;
  items: ChangeItem[];
}

/** One attachment as `fields.attachment` gives it (spec 12.2). */
export interface AttachmentFact {
  id: string;
  filename: string;
  /** When it was attached: a UTC ISO instant (epoch milliseconds are accepted too). */
  created: string;
  author?: JiraUser | null;
}

export interface RemoteLinkFact {
  url: string;
  relationship?: string;
}

/** The facts of spec 8.2, on every evidence issue. */
export interface SubstanceFacts {
  /** The id of the issue's current status, to find the change that moved it there. */
  statusId?: string;
  reporter?: JiraUser | null;
  /** The admin's approver field's users; undefined when no approver field is set. */
  approverFieldUsers?: JiraUser[];
  /** The admin's attendees field's users; undefined when no attendees field is set. */
  attendeeFieldUsers?: JiraUser[];
  /**
   * Status, label, approver-field, attachment and description changes; undefined when the
   * changelog was not read (or could not be).
   */
  changelog?: ChangeEntry[];
  attachmentCount?: number;
  /** Each attachment with its id and time (spec 12.2); undefined when `fields.attachment` was not read. */
  attachments?: AttachmentFact[];
  /** The issue's `created` as a UTC ISO instant: an approval time (spec 12.1) needs more than the day. */
  createdAt?: string;
  /** Remote links; undefined when they were not read (only read when a document is still needed). */
  remoteLinks?: RemoteLinkFact[];
  /** Comments written by people (not app accounts), when Jira sent the comments themselves. */
  humanCommentCount?: number;
  /** `fields.comment.total`, when Jira sent only the count. */
  commentTotal?: number;
  issueLinkCount?: number;
  /** Whether the description has any content. Its text is never kept. */
  described?: boolean;
}

/** Top management, as data the edges work out (spec 8.1): the engine itself never asks Jira. */
export interface TopManagement {
  /** People the admin named by account id: top management whatever their groups. */
  accountIds: readonly string[];
  /** Whether the admin named at least one group. */
  groupsNamed: boolean;
  /** Per person: in a named group or not. A person missing here could not be looked up. */
  inNamedGroup: Readonly<Record<string, boolean>>;
  /** Why a person's groups could not be read, in words, e.g. a permission the viewer lacks. */
  unknownReason?: string;
}

export type Membership = 'yes' | 'no' | 'unknown';

export const NOBODY_NAMED: TopManagement = { accountIds: [], groupsNamed: false, inNamedGroup: {} };
