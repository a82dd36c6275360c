/**
 * Who signed, who approved, who took part, and what the issue holds (spec 8.1, 8.2): pure
 * readings of an issue's facts. Each answer says how it was found, for the panel's sentences.
 */
import type { ApprovalSource } from './approval-changes';
import type { ChangeEntry, JiraUser, Membership, SubstanceFacts, TopManagement } from './substance-types';
import type { Assignee, Day } from './types';

/** Who stands behind a decision, and how the app found out; or why it cannot tell. */
export type Signers =
  | {
      kind: 'known';
      users: JiraUser[];
      how: string;
      on?: Day;
      /** Where the approval was found, for its time (spec 12.1). */
      approval?: ApprovalSource;
    }
  | { kind: 'none'; reason: string }
  | { kind: 'unknown'; reason: string };

/** The facts of one issue that these readings use. */
export interface IssueFacts extends SubstanceFacts {
  done: boolean;
  statusName?: string;
  assignee: Assignee | null;
}

const NO_CHANGELOG = 'the issue history was not read (an export without expand=changelog, or a failed read)';

/** Entries that record someone's decision: an author who is a person, and no workflow migration. */
export function isDecision(entry: ChangeEntry): boolean {
  if (!entry.author || entry.author.isApp) return false;
  return !entry.items.some((item) => item.field.toLowerCase() === 'workflow');
}

/** The newest decision entry that `matches`, by its time and not by the order Jira listed them. */
function newestDecision(changelog: ChangeEntry[], matches: (entry: ChangeEntry) => boolean): ChangeEntry | undefined {
  let newest: ChangeEntry | undefined;
  for (const entry of changelog) {
    if (isDecision(entry) && matches(entry) && (!newest || entry.at > newest.at)) newest = entry;
  }
  return newest;
}

const words = (text: string | null | undefined): string[] => (text ?? '').split(/\s+/).filter(Boolean);

function fieldUsers(users: JiraUser[] | undefined): JiraUser[] {
  return (users ?? []).filter((u) => !u.isApp);
}

/** The approver field's people, when it names any: the field is then the answer (spec 8.2). */
function namedInField(issue: IssueFacts, field: ApproverField): Signers | undefined {
  const named = fieldUsers(issue.approverFieldUsers);
  if (named.length === 0) return undefined;
  const signers: Signers = { kind: 'known', users: named, how: `named in ${field.name}` };
  if (field.id !== undefined) signers.approval = { source: 'field', fieldId: field.id };
  return signers;
}

/** The admin's approver field: what the sentences call it, and its id (for when it was set). */
export interface ApproverField {
  name: string;
  id?: string;
}

const APPROVER_FIELD: ApproverField = { name: 'the approver field' };

/** Who approved or signed off what a done issue records (spec 8.2, approver). */
export function approverOf(issue: IssueFacts, field: ApproverField = APPROVER_FIELD): Signers {
  const named = namedInField(issue, field);
  if (named) return named;
  if (!issue.done) return { kind: 'none', reason: 'the issue is not done, so nobody has signed it off yet' };
  if (!issue.changelog) return { kind: 'unknown', reason: NO_CHANGELOG };
  const status = issue.statusName ?? 'its status';
  const entry = issue.statusId
    ? newestDecision(issue.changelog, (e) =>
        e.items.some((item) => item.field.toLowerCase() === 'status' && item.to === issue.statusId),
      )
    : undefined;
  if (!entry?.author)
    return { kind: 'none', reason: `the history shows no person moving it to ${status} (only apps or migrations)` };
  return {
    kind: 'known',
    users: [entry.author],
    how: `moved to ${status}`,
    on: entry.at.slice(0, 10),
    approval: { source: 'changelog', entry },
  };
}

/** Who approved a corrective action: who added the approval label (spec 8.2, approval grantor). */
export function grantorOf(issue: IssueFacts, approvalLabel: string, field: ApproverField = APPROVER_FIELD): Signers {
  const named = namedInField(issue, field);
  if (named) return named;
  if (!issue.changelog) return { kind: 'unknown', reason: NO_CHANGELOG };
  const entry = newestDecision(issue.changelog, (e) =>
    e.items.some(
      (item) =>
        item.field.toLowerCase() === 'labels' &&
        words(item.toText).includes(approvalLabel) &&
        !words(item.fromText).includes(approvalLabel),
    ),
  );
  if (entry?.author)
    return {
      kind: 'known',
      users: [entry.author],
      how: `added ${approvalLabel}`,
      on: entry.at.slice(0, 10),
      approval: { source: 'changelog', entry },
    };
  // The label was there from the start: whoever raised the issue gave it.
  if (issue.reporter && !issue.reporter.isApp)
    return {
      kind: 'known',
      users: [issue.reporter],
      how: `raised it with ${approvalLabel}`,
      approval: { source: 'reporter' },
    };
  return { kind: 'none', reason: `no person is recorded adding ${approvalLabel}` };
}

/** Who took part (spec 8.2, participants): the attendees field, else the assignee and the approver. */
export function participantsOf(issue: IssueFacts, approver: Signers): JiraUser[] {
  const attendees = fieldUsers(issue.attendeeFieldUsers);
  if (attendees.length > 0) return attendees;
  const people: JiraUser[] = [];
  if (issue.assignee?.accountId)
    people.push({ accountId: issue.assignee.accountId, displayName: issue.assignee.displayName, isApp: false });
  if (approver.kind === 'known') people.push(...approver.users);
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.accountId) && seen.add(p.accountId));
}

/** Whether a person is top management: named, or a member of a named group (spec 8.1). */
export function membershipOf(accountId: string, top: TopManagement): Membership {
  if (top.accountIds.includes(accountId)) return 'yes';
  if (!top.groupsNamed) return 'no';
  const inGroup = top.inNamedGroup[accountId];
  return inGroup === undefined ? 'unknown' : inGroup ? 'yes' : 'no';
}

export function isTopManagementNamed(top: TopManagement): boolean {
  return top.accountIds.length > 0 || top.groupsNamed;
}

// Links that record development work (commits, branches, pull and merge requests), not a document.
const DEVELOPMENT_PATH = /\/(commit|commits|pull|pull-requests|merge_requests|branch|tree)\//i;

/**
 * Whether a remote link is a document (spec 8.2 and 12.4): an absolute http: or https: URL that is
 * not development work. Another scheme (javascript:, data:, file:...) is never a document, and
 * never shown as a live link (`webUrl`).
 */
export function isDocumentLink(link: { url: string; relationship?: string }): boolean {
  if (link.relationship?.trim().toLowerCase() === 'mentioned on') return false;
  const url = webUrl(link.url);
  return url !== undefined && !DEVELOPMENT_PATH.test(`${url.pathname}/`);
}

/** The URL when it is an absolute http: or https: address, the only kind a screen may link to; else undefined. */
export function webUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

export type DocumentFact = { kind: 'attached' | 'linked' | 'none' } | { kind: 'unknown'; reason: string };

/** Whether the issue holds its document: an attachment, or a remote link that is not development work. */
export function documentOf(issue: IssueFacts): DocumentFact {
  if ((issue.attachmentCount ?? 0) > 0) return { kind: 'attached' };
  if (!issue.remoteLinks) return { kind: 'unknown', reason: 'it has no attachment and its remote links were not read' };
  return issue.remoteLinks.some(isDocumentLink) ? { kind: 'linked' } : { kind: 'none' };
}

/** Whether decisions are recorded: a person's comment or an issue link (spec 8.2, decisions). */
export function hasDecisions(issue: IssueFacts): boolean {
  const comments = issue.humanCommentCount ?? issue.commentTotal ?? 0;
  return comments > 0 || (issue.issueLinkCount ?? 0) > 0;
}
