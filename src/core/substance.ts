/**
 * The requirement checks of spec 8.3: one named check per requirement, naming the person and the
 * reason. They join the rule's own checks, so the report's problems and the issue panel cannot
 * disagree about them either.
 */
import { approvedByLabel, CATEGORY_DEFINITIONS } from './categories';
import { humanDay } from './dates';
import {
  approverOf,
  documentOf,
  grantorOf,
  hasDecisions,
  isTopManagementNamed,
  membershipOf,
  participantsOf,
  type ApproverField,
  type IssueFacts,
  type Signers,
} from './people';
import {
  approvalNotCheckedSentence,
  approvalTime,
  changedAfterApprovalSentence,
  changesAfterApproval,
  NO_HISTORY,
  newestChange,
  unchangedSinceApprovalSentence,
} from './approval-changes';
import { REQUIREMENTS, requirementsOf, type RequirementId, type RequirementModes } from './requirements';
import type { JiraUser, TopManagement } from './substance-types';
import type { CategoryId, Check, UnknownReason } from './types';

export interface RequirementCheck extends Check {
  id: RequirementId;
  /** An advisory requirement is reported but never stops the issue counting. */
  advisory?: true;
}

export interface RequirementContext {
  categoryId: CategoryId;
  modes: RequirementModes;
  top: TopManagement;
  approvalLabel: string;
  /** The admin's approver field: what it is called in Jira (for the sentences) and its id (for when it was set). */
  approverField?: ApproverField;
}

export interface RequirementOutcome {
  checks: RequirementCheck[];
  /** Required requirements the issue fails: any one stops it counting. */
  failedRequired: RequirementId[];
  /** Who signed or approved it, and who took part, where the app could tell. */
  approvers: JiraUser[];
  participants: JiraUser[];
}

const names = (users: JiraUser[]): string => users.map((u) => u.displayName).join(', ');

type Verdict = { pass: boolean; message: string; notChecked?: true; unknown?: UnknownReason };

/** Who among `users` is top management: the first who is, else those who could not be looked up. */
function sortByMembership(users: JiraUser[], top: TopManagement): { yes?: JiraUser; unknown: JiraUser[] } {
  const yes = users.find((u) => membershipOf(u.accountId, top) === 'yes');
  return { yes, unknown: users.filter((u) => membershipOf(u.accountId, top) === 'unknown') };
}

const couldNotCheck = (top: TopManagement): string =>
  `whether they are top management could not be checked${top.unknownReason ? ` (${top.unknownReason})` : ''}`;

function approvedCheck(signers: Signers, ctx: RequirementContext): Verdict {
  const verb = approvedByLabel(ctx.categoryId) ? 'Approved' : 'Signed off';
  if (signers.kind === 'unknown')
    return {
      pass: false,
      message: `Who ${verb.toLowerCase()} it could not be checked: ${signers.reason}.`,
      unknown: 'history',
    };
  if (signers.kind === 'none')
    return { pass: false, message: `No ${verb.toLowerCase()} by top management is recorded: ${signers.reason}.` };
  const when = signers.on ? ` on ${humanDay(signers.on)}` : '';
  const by = (who: string) => `${verb} by ${who} (${signers.how}${when})`;
  const { yes, unknown } = sortByMembership(signers.users, ctx.top);
  if (yes) return { pass: true, message: `${by(yes.displayName)}, who is top management.` };
  if (unknown.length > 0)
    return { pass: false, message: `${by(names(unknown))}, but ${couldNotCheck(ctx.top)}.`, unknown: 'membership' };
  const why = CATEGORY_DEFINITIONS[ctx.categoryId].whyTopApproves ?? 'top management must approve it';
  const who = signers.users.length > 1 ? 'none of whom is' : 'who is not';
  return { pass: false, message: `${by(names(signers.users))}, ${who} top management: ${why}.` };
}

function tookPartCheck(participants: JiraUser[], signers: Signers, top: TopManagement): Verdict {
  const { yes, unknown } = sortByMembership(participants, top);
  if (yes) return { pass: true, message: `${yes.displayName} took part, and is top management.` };
  if (unknown.length > 0)
    return { pass: false, message: `${names(unknown)} took part, but ${couldNotCheck(top)}.`, unknown: 'membership' };
  // Without the attendees field, the approver takes part: when who approved is unknown, so is who took part.
  if (signers.kind === 'unknown')
    return {
      pass: false,
      message: `Whether top management took part could not be checked: ${participants.length > 0 ? `${names(participants)} took part, none of them top management, and ` : ''}who signed it off is unknown (${signers.reason}).`,
      unknown: 'history',
    };
  if (participants.length === 0)
    return { pass: false, message: 'Nobody is recorded as taking part (no attendees, assignee or approver).' };
  return {
    pass: false,
    message: `Of those who took part (${names(participants)}), none is top management: Clause 5.1 asks top management to take part itself, not to delegate it.`,
  };
}

function documentCheck(issue: IssueFacts, categoryId: CategoryId): Verdict {
  const document = documentOf(issue);
  if (document.kind === 'attached') return { pass: true, message: 'Has the document attached.' };
  if (document.kind === 'linked') return { pass: true, message: 'Links to the document (a remote link).' };
  if (document.kind === 'unknown')
    return {
      pass: false,
      message: `Whether it has its document could not be checked: ${document.reason}.`,
      unknown: 'links',
    };
  const what = CATEGORY_DEFINITIONS[categoryId].document ?? 'the document';
  return {
    pass: false,
    message: `Has no attachment and links to no document: an auditor asks to see ${what}, not only the ticket.`,
  };
}

const NOT_SET = "Not checked: top management is not set on the app's settings page.";
const NO_OUTCOME: RequirementOutcome = { checks: [], failedRequired: [], approvers: [], participants: [] };

// A report asks the same category's modes for every issue: worked out once per modes object.
const ACTIVE = new WeakMap<RequirementModes, readonly RequirementId[]>();
function activeRequirements(category: CategoryId, modes: RequirementModes): readonly RequirementId[] {
  let ids = ACTIVE.get(modes);
  if (!ids) {
    ids = requirementsOf(category).filter((id) => (modes[id] ?? 'off') !== 'off');
    ACTIVE.set(modes, ids);
  }
  return ids;
}

export type PeopleContext = Pick<RequirementContext, 'categoryId' | 'approvalLabel' | 'approverField'>;

/**
 * Who a category's top-management checks of the issue are about: who signed or approved it (for a
 * corrective action, who gave the approval label), and who took part. The one answer both the
 * checks and the edge that looks people up use, so nobody a check names goes unlooked-up.
 */
export function peopleOf(issue: IssueFacts, ctx: PeopleContext): { signers: Signers; participants: JiraUser[] } {
  const signers = approvedByLabel(ctx.categoryId)
    ? grantorOf(issue, ctx.approvalLabel, ctx.approverField)
    : approverOf(issue, ctx.approverField);
  return { signers, participants: participantsOf(issue, signers) };
}

const NOBODY: { signers: Signers; participants: JiraUser[] } = {
  signers: { kind: 'none', reason: '' },
  participants: [],
};

/** Whether the approver is among those who took part (spec 8.2: the attendees field names nobody). */
const approverTakesPart = (issue: IssueFacts): boolean => !(issue.attendeeFieldUsers ?? []).some((u) => !u.isApp);

type People = { signers: Signers; participants: JiraUser[] };

/** How each requirement is checked (spec 8.3, 12.3): one entry per requirement, so none is left unchecked. */
const VERDICTS: Record<RequirementId, (issue: IssueFacts, ctx: RequirementContext, people: People) => Verdict> = {
  'approved-by-top-management': (_issue, ctx, { signers }) =>
    isTopManagementNamed(ctx.top) ? approvedCheck(signers, ctx) : { pass: true, message: NOT_SET, notChecked: true },
  'top-management-took-part': (issue, ctx, { signers, participants }) =>
    isTopManagementNamed(ctx.top)
      ? tookPartCheck(participants, approverTakesPart(issue) ? signers : NOBODY.signers, ctx.top)
      : { pass: true, message: NOT_SET, notChecked: true },
  'document-attached': (issue, ctx) => documentCheck(issue, ctx.categoryId),
  'decisions-recorded': (issue) =>
    hasDecisions(issue)
      ? { pass: true, message: 'The decisions are recorded (comments or linked follow-up issues).' }
      : { pass: false, message: 'No comment or linked issue records the decisions taken.' },
  'duties-described': (issue) =>
    issue.described === true
      ? { pass: true, message: "The role's duties are described." }
      : { pass: false, message: "The description is empty: write down the role's duties and authority." },
  'approval-covers-current-version': (issue, _ctx, { signers }) => coversCheck(issue, signers),
};

/** Whether anything changed on the issue after it was approved (spec 12): a new file, one removed, the description. */
function coversCheck(issue: IssueFacts, signers: Signers): Verdict {
  if (signers.kind === 'unknown')
    return { pass: false, message: approvalNotCheckedSentence(signers.reason), unknown: 'history' };
  if (signers.kind === 'none')
    return {
      pass: true,
      message: 'Not checked: no approval is recorded to compare the document with.',
      notChecked: true,
    };
  const time = signers.approval
    ? approvalTime({ ...signers.approval, created: issue.createdAt, changelog: issue.changelog })
    : { known: false as const, why: NO_HISTORY };
  if (!time.known) return { pass: false, message: approvalNotCheckedSentence(time.why), unknown: 'history' };
  if (issue.attachments === undefined)
    return { pass: false, message: approvalNotCheckedSentence(NO_ATTACHMENTS), unknown: 'history' };
  const approval = { at: time.at, approvers: signers.users };
  const newest = newestChange(changesAfterApproval(time.at, issue.changelog ?? [], issue.attachments));
  return newest
    ? { pass: false, message: changedAfterApprovalSentence(newest, approval) }
    : { pass: true, message: unchangedSinceApprovalSentence(approval, issue.attachments.length > 0) };
}

const NO_ATTACHMENTS = "the issue's attachments were not read";

/** The checks of every requirement of the category that is not `off`, for one issue. */
export function requirementChecks(issue: IssueFacts, ctx: RequirementContext): RequirementOutcome {
  const ids = activeRequirements(ctx.categoryId, ctx.modes);
  if (ids.length === 0) return NO_OUTCOME;
  // Who signed and who took part matter only to the categories whose requirements ask; a report of
  // 100,000 issues should not work them out for the rest.
  const people = ids.some((id) => REQUIREMENTS[id].topManagement || REQUIREMENTS[id].wholeHistory)
    ? peopleOf(issue, ctx)
    : NOBODY;
  const checks: RequirementCheck[] = [];
  const failedRequired: RequirementId[] = [];
  for (const id of ids) {
    const mode = ctx.modes[id] ?? 'off';
    const verdict = VERDICTS[id](issue, ctx, people);
    const result: RequirementCheck = { id, pass: verdict.pass, message: verdict.message };
    if (verdict.notChecked) result.notChecked = true;
    if (verdict.unknown) {
      result.unknown = true;
      result.unknownBecause = verdict.unknown;
    }
    if (mode === 'advisory') result.advisory = true;
    else if (!verdict.pass) failedRequired.push(id);
    checks.push(result);
  }
  const { signers, participants } = people;
  return { checks, failedRequired, approvers: signers.kind === 'known' ? signers.users : [], participants };
}
