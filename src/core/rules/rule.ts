import type { CategoryConfig, CategoryStatus, Check, CoverageConfig, Day, EvidenceIssue } from '../types';

export interface RuleContext {
  config: CoverageConfig;
  category: CategoryConfig;
  asOf: Day;
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
}

/** How a rule grades a category from its issues' assessments (spec section 4). */
export interface Rule {
  assess(issue: EvidenceIssue, ctx: RuleContext): IssueAssessment;
  status(assessments: IssueAssessment[]): Exclude<CategoryStatus, 'disabled'>;
}

export function check(id: string, pass: boolean, message: string): Check {
  return { id, pass, message };
}
