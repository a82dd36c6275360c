import { daysBetween, humanDay } from '../dates';
import { effectiveDate, expiresOn, plural, windowPosition } from '../facts';
import type { Check, Day } from '../types';
import {
  check,
  createdNumber,
  dayNumber,
  insideOn,
  NO_REQUIREMENTS,
  requirementsFor,
  topManagementOk,
  type IssueAssessment,
  type Rule,
  type TimedStatus,
} from './rule';

/**
 * Corrective actions: the Board's approval is the evidence, so an approved open action counts. An
 * action is approved when it carries the approval label and passes every required requirement
 * (spec 8.4: a label added by someone outside top management is not the Board's approval). It is
 * dated by its effective date when done, else by its creation.
 */
export const correctiveRule: Rule = {
  // The approval label is what is approved: who added it, and the other requirements, are asked of it.
  gradesRequirements: (issue, config) => issue.labels.includes(config.approvalLabel),
  gradesRequirementsOn: (issue, ctx) => correctiveRule.gradesRequirements(issue, ctx.config),

  assess(issue, ctx): IssueAssessment {
    const { config, category, asOf } = ctx;
    const labelled = correctiveRule.gradesRequirements(issue, config);
    const requirements = labelled ? requirementsFor(issue, ctx) : NO_REQUIREMENTS;
    const approved = labelled && requirements.failedRequired.length === 0;
    const checks: Check[] = [
      check(
        'approval',
        labelled,
        labelled
          ? `Carries ${config.approvalLabel}.`
          : `Has no ${config.approvalLabel} label: without the Board's approval it is not evidence.`,
      ),
      ...requirements.checks,
    ];

    const dated: Day | undefined = issue.done ? effectiveDate(issue, config)?.day : issue.created;
    const what = issue.done ? 'Done on' : 'Open, raised on';
    let inside = false;
    let lapse: Day | undefined;
    if (!dated) {
      checks.push(check('window', false, 'Has no date to place it in the window.'));
    } else {
      const position = windowPosition(dated, asOf, category.windowDays);
      lapse = expiresOn(dated, category.windowDays);
      inside = position.kind === 'inside';
      if (position.kind === 'future') {
        checks.push(
          check(
            'window',
            false,
            `${what} ${humanDay(dated)}, after the as-of date ${humanDay(asOf)}: future-dated evidence does not count.`,
          ),
        );
        lapse = undefined;
      } else if (inside) {
        checks.push(
          check(
            'window',
            true,
            `${what} ${humanDay(dated)}, ${plural(position.age, 'day')} ago: inside the ${category.windowDays}-day window.`,
          ),
        );
      } else {
        checks.push(
          check(
            'window',
            false,
            `${what} ${humanDay(dated)}, ${plural(position.age, 'day')} ago: older than the ${category.windowDays}-day window.`,
          ),
        );
      }
    }

    let overdue = false;
    if (!issue.done) {
      if (issue.dueDate && issue.dueDate < asOf) {
        overdue = true;
        checks.push(
          check(
            'overdue',
            false,
            `Overdue: it was due on ${humanDay(issue.dueDate)}, ${plural(daysBetween(issue.dueDate, asOf), 'day')} ago.`,
          ),
        );
      } else {
        checks.push(
          check(
            'overdue',
            true,
            issue.dueDate ? `Due on ${humanDay(issue.dueDate)}: not overdue.` : 'Open with no due date: not overdue.',
          ),
        );
      }
    }

    // A gap: an unapproved action that is open or recent, or any open action past its due date.
    const gap = (!approved && (!issue.done || inside)) || overdue;
    const counts = approved && inside && !overdue;
    return {
      issue,
      checks,
      counts,
      effectiveDate: issue.done ? dated : undefined,
      expiresOn: approved && inside ? lapse : undefined,
      problem: gap,
      approved,
      recent: inside,
      failedRequired: requirements.failedRequired,
      approvers: requirements.approvers,
      participants: requirements.participants,
    };
  },

  status(assessments) {
    const approved = assessments.filter((a) => a.approved);
    if (approved.length === 0) return 'missing';
    if (!approved.some((a) => a.recent === true)) return 'stale';
    return assessments.some((a) => a.problem) ? 'partial' : 'met';
  },

  facts(issue, ctx) {
    const labelled = correctiveRule.gradesRequirements(issue, ctx.config);
    const requirements = labelled ? requirementsFor(issue, ctx) : NO_REQUIREMENTS;
    return {
      key: issue.key,
      created: createdNumber(issue.created),
      done: issue.done,
      dated: dayNumber(issue.done ? effectiveDate(issue, ctx.config)?.day : issue.created),
      due: issue.done ? NaN : dayNumber(issue.dueDate),
      passes: labelled && requirements.failedRequired.length === 0,
      topManagementOk: topManagementOk(requirements),
    };
  },

  statusOn(facts, day, windowDays): TimedStatus {
    let approved = false;
    let recent = false;
    let gap = false;
    for (const f of facts) {
      if (f.created > day) continue;
      const inside = insideOn(f.dated, day, windowDays);
      const overdue = f.due < day;
      if (f.passes) {
        approved = true;
        if (inside) recent = true;
      } else if (!f.done || inside) gap = true;
      if (overdue) gap = true;
    }
    if (!approved) return { status: 'missing', showsInvolvement: false };
    if (!recent) return { status: 'stale', showsInvolvement: false };
    // Met has an action that counts; partial an approved one dated within the window: both show involvement.
    return { status: gap ? 'partial' : 'met', showsInvolvement: true };
  },

  changeDays(f, windowDays) {
    const days = Number.isNaN(f.dated) ? [] : [f.dated, f.dated + windowDays + 1];
    // Due on a day is not overdue: it becomes overdue the day after.
    if (!Number.isNaN(f.due)) days.push(f.due + 1);
    return days;
  },
};
