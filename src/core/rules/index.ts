import { CATEGORY_DEFINITIONS } from '../categories';
import { NOBODY_NAMED } from '../substance-types';
import type { CategoryId, CoverageConfig, Day, EvidenceIssue, RuleKind } from '../types';
import { correctiveRule } from './corrective';
import { datedRule } from './dated';
import type { Rule } from './rule';
import { roleRule } from './role';

export const RULES: Record<RuleKind, Rule> = { dated: datedRule, role: roleRule, corrective: correctiveRule };
export type { IssueAssessment, Rule, RuleContext } from './rule';

/** Whether the category's rule grades the issue's requirements on some day (see `Rule.gradesRequirements`). */
export function gradesRequirements(id: CategoryId, issue: EvidenceIssue, config: CoverageConfig): boolean {
  return RULES[CATEGORY_DEFINITIONS[id].rule].gradesRequirements(issue, config);
}

/** Whether the category's rule grades the issue's requirements on `asOf` (see `Rule.gradesRequirementsOn`). */
export function gradesRequirementsOn(id: CategoryId, issue: EvidenceIssue, config: CoverageConfig, asOf: Day): boolean {
  const ctx = { config, id, category: config.categories[id], asOf, top: NOBODY_NAMED };
  return RULES[CATEGORY_DEFINITIONS[id].rule].gradesRequirementsOn(issue, ctx);
}
