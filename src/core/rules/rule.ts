import type { RequirementId } from '../requirements';
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
  /** The required requirements it fails. */
  failedRequired: RequirementId[];
  approvers: JiraUser[];
  participants: JiraUser[];
}

/** How a rule grades a category from its issues' assessments (spec sections 4 and 8.4). */
export interface Rule {
  assess(issue: EvidenceIssue, ctx: RuleContext): IssueAssessment;
  status(assessments: IssueAssessment[]): Exclude<CategoryStatus, 'disabled'>;
}

export function check(id: string, pass: boolean, message: string): Check {
  return { id, pass, message };
}

/** The category's requirement checks for an issue (spec 8.3), with the config's modes. */
export function requirementsFor(issue: EvidenceIssue, ctx: RuleContext): RequirementOutcome {
  return requirementChecks(issue, {
    categoryId: ctx.id,
    modes: ctx.category.requirements,
    top: ctx.top,
    approvalLabel: ctx.config.approvalLabel,
  });
}

export const NO_REQUIREMENTS: RequirementOutcome = Object.freeze({
  checks: [],
  failedRequired: [],
  approvers: [],
  participants: [],
});
