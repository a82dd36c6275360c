import { effectiveDate } from '../facts';
import type { Check } from '../types';
import { check, requirementsFor, type IssueAssessment, type Rule } from './rule';

/**
 * A role is held while its issue has an active assignee, whatever its status or age. A role issue
 * that fails a required requirement is treated like one without an active assignee (spec 8.4).
 */
export const roleRule: Rule = {
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
};
