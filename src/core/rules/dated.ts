import { effectiveDate, expiresOn, plural, windowPosition } from '../facts';
import type { Check } from '../types';
import { check, type IssueAssessment, type Rule } from './rule';

/** Dated evidence counts while done and no older than the category's window. */
export const datedRule: Rule = {
  assess(issue, { config, category, asOf }): IssueAssessment {
    const status = issue.statusName ? ` (status ${issue.statusName})` : '';
    const checks: Check[] = [
      check('done', issue.done, issue.done ? `Done${status}.` : `Not done${status}: only finished work is evidence.`),
    ];
    if (!issue.done) return { issue, checks, counts: false, problem: false };

    const date = effectiveDate(issue, config);
    if (!date) {
      checks.push(check('effective-date', false, 'Has no date to tell when it took effect.'));
      return { issue, checks, counts: false, problem: true };
    }
    const position = windowPosition(date.day, asOf, category.windowDays);
    if (position.kind === 'future') {
      checks.push(
        check(
          'effective-date',
          false,
          `Dated ${date.day} (${date.source}), after the as-of date ${asOf}: future-dated evidence does not count.`,
        ),
      );
      return { issue, checks, counts: false, effectiveDate: date.day, problem: true };
    }
    checks.push(check('effective-date', true, `Took effect on ${date.day} (${date.source}).`));
    const lapse = expiresOn(date.day, category.windowDays);
    const inside = position.kind === 'inside';
    checks.push(
      check(
        'window',
        inside,
        inside
          ? `${plural(position.age, 'day')} old, inside the ${category.windowDays}-day window.`
          : `${plural(position.age, 'day')} old, older than the ${category.windowDays}-day window: it stopped counting on ${lapse}.`,
      ),
    );
    return { issue, checks, counts: inside, effectiveDate: date.day, expiresOn: lapse, problem: !inside };
  },

  status(assessments) {
    if (assessments.some((a) => a.counts)) return 'met';
    return assessments.some((a) => a.issue.done) ? 'stale' : 'missing';
  },
};
