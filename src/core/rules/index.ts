import type { RuleKind } from '../types';
import { correctiveRule } from './corrective';
import { datedRule } from './dated';
import type { Rule } from './rule';
import { roleRule } from './role';

export const RULES: Record<RuleKind, Rule> = { dated: datedRule, role: roleRule, corrective: correctiveRule };
export type { IssueAssessment, Rule, RuleContext } from './rule';
