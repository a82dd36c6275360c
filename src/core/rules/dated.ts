import { humanDay } from '../dates';
import { effectiveDate, expiresOn, plural, windowPosition } from '../facts';
import type { Check } from '../types';
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
 * Dated evidence counts while done, no older than the category's window, and passing every
 * required requirement (spec 8.4). Requirements are checked only on current issues: an old record
 * does not count whoever signed it.
 */
export const datedRule: Rule = {
  // Only a done issue can be current on some day; requirements are asked only of current issues.
  gradesRequirements: (issue) => issue.done,
  // On a given day, only while current: done, dated, inside the window.
  gradesRequirementsOn(issue, { config, category, asOf }) {
    if (!issue.done) return false;
    const date = effectiveDate(issue, config);
    return date !== undefined && windowPosition(date.day, asOf, category.windowDays).kind === 'inside';
  },

  assess(issue, ctx): IssueAssessment {
    const { config, category, asOf } = ctx;
    // One shape for every assessment (the report reads thousands of them): the same fields, always.
    const none = (checks: Check[], problem: boolean, effectiveDate?: string, expiresOn?: string): IssueAssessment => ({
      issue,
      checks,
      counts: false,
      effectiveDate,
      expiresOn,
      problem,
      current: false,
      approved: undefined,
      recent: undefined,
      failedRequired: NO_REQUIREMENTS.failedRequired,
      approvers: NO_REQUIREMENTS.approvers,
      participants: NO_REQUIREMENTS.participants,
    });
    const status = issue.statusName ? ` (status ${issue.statusName})` : '';
    const checks: Check[] = [
      check('done', issue.done, issue.done ? `Done${status}.` : `Not done${status}: only finished work is evidence.`),
    ];
    if (!issue.done) return none(checks, false);

    const date = effectiveDate(issue, config);
    if (!date) {
      checks.push(check('effective-date', false, 'Has no date to tell when it took effect.'));
      return none(checks, true);
    }
    const position = windowPosition(date.day, asOf, category.windowDays);
    if (position.kind === 'future') {
      checks.push(
        check(
          'effective-date',
          false,
          `Dated ${humanDay(date.day)} (${date.source}), after the as-of date ${humanDay(asOf)}: future-dated evidence does not count.`,
        ),
      );
      return none(checks, true, date.day);
    }
    checks.push(check('effective-date', true, `Took effect on ${humanDay(date.day)} (${date.source}).`));
    const lapse = expiresOn(date.day, category.windowDays);
    const inside = position.kind === 'inside';
    checks.push(
      check(
        'window',
        inside,
        inside
          ? `${plural(position.age, 'day')} old, inside the ${category.windowDays}-day window.`
          : `${plural(position.age, 'day')} old, older than the ${category.windowDays}-day window: it stopped counting on ${humanDay(lapse)}.`,
      ),
    );
    if (!inside) return none(checks, true, date.day, lapse);
    const requirements = requirementsFor(issue, ctx);
    const counts = requirements.failedRequired.length === 0;
    return {
      issue,
      checks: [...checks, ...requirements.checks],
      counts,
      effectiveDate: date.day,
      expiresOn: lapse,
      problem: !counts,
      current: true,
      approved: undefined,
      recent: undefined,
      failedRequired: requirements.failedRequired,
      approvers: requirements.approvers,
      participants: requirements.participants,
    };
  },

  status(assessments) {
    if (assessments.some((a) => a.counts)) return 'met';
    // A current issue that does not count fails only requirements: the evidence is there, its substance is not.
    if (assessments.some((a) => a.current)) return 'partial';
    return assessments.some((a) => a.issue.done) ? 'stale' : 'missing';
  },

  facts(issue, ctx) {
    const dated = issue.done ? dayNumber(effectiveDate(issue, ctx.config)?.day) : NaN;
    // Requirements are as-of free: worked out for every done, dated issue, current on some day or not.
    const requirements = Number.isNaN(dated) ? NO_REQUIREMENTS : requirementsFor(issue, ctx);
    return {
      key: issue.key,
      created: createdNumber(issue.created),
      done: issue.done,
      dated,
      due: NaN,
      passes: requirements.failedRequired.length === 0,
      topManagementOk: topManagementOk(requirements),
    };
  },

  statusOn(facts, day, windowDays): TimedStatus {
    let current = false;
    let done = false;
    let involved = false;
    for (const f of facts) {
      if (f.created > day || !f.done) continue;
      done = true;
      if (!insideOn(f.dated, day, windowDays)) continue;
      if (f.passes) return { status: 'met', showsInvolvement: true };
      current = true;
      if (f.topManagementOk) involved = true;
    }
    if (current) return { status: 'partial', showsInvolvement: involved };
    return { status: done ? 'stale' : 'missing', showsInvolvement: false };
  },

  changeDays(f, windowDays) {
    // It comes into force on its effective date and lapses the day after its window ends.
    return f.done && !Number.isNaN(f.dated) ? [f.dated, f.dated + windowDays + 1] : [];
  },
};
