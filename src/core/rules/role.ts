import { effectiveDate } from '../facts';
import type { Check } from '../types';
import { check, type IssueAssessment, type Rule } from './rule';

/** A role is held while its issue has an active assignee, whatever its status or age. */
export const roleRule: Rule = {
  assess(issue, { config }): IssueAssessment {
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
    const held = assignee !== null && assignee.active;
    const date = issue.done ? effectiveDate(issue, config) : undefined;
    return { issue, checks, counts: held, effectiveDate: date?.day, problem: !held };
  },

  status(assessments) {
    const held = assessments.filter((a) => a.counts).length;
    if (held === 0) return 'missing';
    return held === assessments.length ? 'met' : 'partial';
  },
};
