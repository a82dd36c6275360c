import type { CheckId } from '../check-ids';
import { ordinal } from '../dates';
import { TOP_MANAGEMENT_REQUIREMENTS, type RequirementId } from '../requirements';
import type { ApproverField } from '../people';
import { requirementChecks, type RequirementOutcome } from '../substance';
import type { JiraUser, TopManagement } from '../substance-types';
import type { CategoryConfig, CategoryId, CategoryStatus, Check, CoverageConfig, Day, EvidenceIssue } from '../types';

export interface RuleContext {
  config: CoverageConfig;
  id: CategoryId;
  category: CategoryConfig;
  asOf: Day;
  /** Who top management is, as the edges found out (spec 8.1). */
  top: TopManagement;
}

/** One issue judged against its category's rule: the checks the issue panel lists. */
export interface IssueAssessment {
  issue: EvidenceIssue;
  checks: Check[];
  /** Every check passes: the issue is evidence the category can stand on. */
  counts: boolean;
  effectiveDate?: Day;
  expiresOn?: Day;
  /** The issue holds the category back (a stale record, a role nobody holds, a gap). */
  problem: boolean;
  /** Dated: done and inside the window, whatever its requirements say. */
  current?: boolean;
  /** Corrective: carries the approval label and passes every required requirement (spec 8.4). */
  approved?: boolean;
  /** Corrective: dated within the window (its `window` check passes), approved or not. */
  recent?: boolean;
  /** The required requirements it fails. */
  failedRequired: RequirementId[];
  approvers: JiraUser[];
  participants: JiraUser[];
}

/**
 * What grading an issue on any day needs, worked out once (spec 9 grades 66 days and more): the
 * issue as it stands today, its dates as day numbers (NaN when it has none). One shape for every
 * rule, since the timeline reads tens of thousands of them in tight loops.
 */
export interface TimedFacts {
  key: string;
  /** Creation day; -Infinity when unknown, so it is graded on every day (spec 8.4). */
  created: number;
  done: boolean;
  /** Dated: the effective date. Corrective: the effective date when done, else the creation day. */
  dated: number;
  /** Corrective: the due date of an open action. */
  due: number;
  /** Passes every required requirement and its rule's own fixed checks (role: an active assignee; corrective: approved). */
  passes: boolean;
  /** Fails no required top-management requirement (spec 8.5's involvement). */
  topManagementOk: boolean;
}

export interface TimedStatus {
  status: Exclude<CategoryStatus, 'disabled'>;
  showsInvolvement: boolean;
}

/** How a rule grades a category from its issues' assessments (spec sections 4 and 8.4). */
export interface Rule {
  /**
   * Whether the issue's requirements may be graded on some day, whatever as-of: the checks name
   * people only then, so the edges look people up only for such issues (an over-estimate costs a
   * read, never a wrong answer).
   */
  gradesRequirements(issue: EvidenceIssue, config: CoverageConfig): boolean;
  /** Whether `assess` grades the issue's requirements on `asOf` (what the checks of that day ask about). */
  gradesRequirementsOn(issue: EvidenceIssue, ctx: RuleContext): boolean;
  assess(issue: EvidenceIssue, ctx: RuleContext): IssueAssessment;
  status(assessments: IssueAssessment[]): Exclude<CategoryStatus, 'disabled'>;
  /** The facts of `assess` that do not depend on as-of. */
  facts(issue: EvidenceIssue, ctx: FactsContext): TimedFacts;
  /**
   * The category's status on `day` (a day number) from the facts of its issues created by then:
   * always what `status` gives for the assessments on that day (test/core/timeline.test.ts holds
   * them to it).
   */
  statusOn(facts: readonly TimedFacts[], day: number, windowDays: number): TimedStatus;
  /** The days on which grading the issue can change: its status is the same between them. */
  changeDays(facts: TimedFacts, windowDays: number): number[];
}

export type FactsContext = Omit<RuleContext, 'asOf'>;

/** A day number, NaN for no day: NaN compares false, so a missing date is never inside a window. */
export const dayNumber = (day: Day | undefined): number => (day ? ordinal(day) : NaN);
/** A creation day number; -Infinity for none, so an issue without one is graded on every day (spec 8.4). */
export const createdNumber = (day: Day | undefined): number => (day ? ordinal(day) : -Infinity);

/** Inside a window ending on `day`: 0 to windowDays old (NaN, no date, is never inside). */
export function insideOn(dated: number, day: number, windowDays: number): boolean {
  const age = day - dated;
  return age >= 0 && age <= windowDays;
}

export function check(id: CheckId, pass: boolean, message: string): Check {
  return { id, pass, message };
}

// One object per field id: a report asks for it once per issue.
const APPROVER_FIELDS = new Map<string, ApproverField>();
function approverFieldOf(id: string): ApproverField {
  let field = APPROVER_FIELDS.get(id);
  if (!field) APPROVER_FIELDS.set(id, (field = { name: 'the approver field', id }));
  return field;
}

/** The category's requirement checks for an issue (spec 8.3), with the config's modes. */
export function requirementsFor(issue: EvidenceIssue, ctx: FactsContext): RequirementOutcome {
  return requirementChecks(issue, {
    categoryId: ctx.id,
    modes: ctx.category.requirements,
    top: ctx.top,
    approvalLabel: ctx.config.approvalLabel,
    ...(ctx.config.approverField ? { approverField: approverFieldOf(ctx.config.approverField) } : {}),
  });
}

/** Fails no required top-management requirement. */
export function topManagementOk(outcome: RequirementOutcome): boolean {
  return !outcome.failedRequired.some((id) => TOP_MANAGEMENT_REQUIREMENTS.includes(id));
}

export const NO_REQUIREMENTS: RequirementOutcome = Object.freeze({
  checks: [],
  failedRequired: [],
  approvers: [],
  participants: [],
});
