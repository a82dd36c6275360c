import { addDaysTo, daysBetween } from './dates';
import type { CoverageConfig, Day, EvidenceIssue } from './types';

export type DateSource = 'custom field' | 'resolved' | 'status category changed' | 'updated' | 'created';

export interface EffectiveDate {
  day: Day;
  source: DateSource;
}

/**
 * The day the evidence took effect (spec section 3): the admin's date field first, then when it
 * was resolved, when its status category last changed, and last when it was updated.
 */
export function effectiveDate(issue: EvidenceIssue, config: CoverageConfig): EffectiveDate | undefined {
  const custom = config.effectiveDateField ? issue.customDates[config.effectiveDateField] : undefined;
  if (custom) return { day: custom, source: 'custom field' };
  if (issue.resolutionDate) return { day: issue.resolutionDate, source: 'resolved' };
  if (issue.statusCategoryChangeDate) return { day: issue.statusCategoryChangeDate, source: 'status category changed' };
  if (issue.updated) return { day: issue.updated, source: 'updated' };
  return undefined;
}

export type WindowPosition =
  { kind: 'future'; days: number } | { kind: 'inside'; age: number } | { kind: 'outside'; age: number };

/** Where a day sits against a window ending on as-of: 365 days old is inside a 365-day window. */
export function windowPosition(day: Day, asOf: Day, windowDays: number): WindowPosition {
  const age = daysBetween(day, asOf);
  if (age < 0) return { kind: 'future', days: -age };
  return age <= windowDays ? { kind: 'inside', age } : { kind: 'outside', age };
}

/** The first day evidence dated `day` no longer counts. */
export function expiresOn(day: Day, windowDays: number): Day {
  return addDaysTo(day, windowDays + 1);
}

export function hasAnyLabel(issue: EvidenceIssue, labels: readonly string[]): boolean {
  return issue.labels.some((label) => labels.includes(label));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
