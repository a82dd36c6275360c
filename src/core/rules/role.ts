import { effectiveDate } from '../facts';
import type { Check } from '../types';
import {
  check,
  createdNumber,
  requirementsFor,
  topManagementOk,
  type IssueAssessment,
  type Rule,
  type TimedStatus,
} from './rule';

/**
 * A role is held while its issue has an active assignee, whatever its status or age. A role issue
 * that fails a required requirement is treated like one without an active assignee (spec 8.4).
 */
export const roleRule: Rule = {
  // A role is held whatever the issue's status or age: its requirements are always asked.
  gradesRequirements: () => true,
  gradesRequirementsOn: () => true,

  assess(issue, ctx): IssueAssessment {
    const checks: Check[] = [];
    const assignee = issue.assignee;
    if (!assignee) {
      checks.push(check('assignee', false, 'Nobody is assigned: the assignee is the person who holds the role.'));
    } else {
      checks.push(check('assignee', true, `Assigned to ${assignee.displayName}, who holds the role.`));
      checks.push(
        check(
          'assignee-active',
          assignee.active,
          assignee.active
            ? `${assignee.displayName} is an active Jira user.`
            : `${assignee.displayName} is inactive in Jira: a role needs a person who is still here.`,
        ),
      );
    }
    const requirements = requirementsFor(issue, ctx);
    const held = assignee !== null && assignee.active && requirements.failedRequired.length === 0;
    const date = issue.done ? effectiveDate(issue, ctx.config) : undefined;
    return {
      issue,
      checks: [...checks, ...requirements.checks],
      counts: held,
      effectiveDate: date?.day,
      problem: !held,
      failedRequired: requirements.failedRequired,
      approvers: requirements.approvers,
      participants: requirements.participants,
    };
  },

  status(assessments) {
    const held = assessments.filter((a) => a.counts).length;
    if (held === 0) return 'missing';
    return held === assessments.length ? 'met' : 'partial';
  },

  facts(issue, ctx) {
    const requirements = requirementsFor(issue, ctx);
    return {
      key: issue.key,
      created: createdNumber(issue.created),
      done: issue.done,
      dated: NaN,
      due: NaN,
      passes: issue.assignee !== null && issue.assignee.active && requirements.failedRequired.length === 0,
      topManagementOk: topManagementOk(requirements),
    };
  },

  statusOn(facts, day): TimedStatus {
    let held = 0;
    let existing = 0;
    for (const f of facts) {
      if (f.created > day) continue;
      existing += 1;
      if (f.passes) held += 1;
    }
    if (held === 0) return { status: 'missing', showsInvolvement: false };
    return { status: held === existing ? 'met' : 'partial', showsInvolvement: true };
  },

  // A role has no window: only a new issue (created after as-of) changes it.
  changeDays: () => [],
};
