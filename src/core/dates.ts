import { utc } from '@date-fns/utc';
import { addDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import type { Day } from './types';

// Every date is handled as a UTC calendar day, so the machine's time zone never moves a
// deadline: date-fns' `in: utc` context does the arithmetic in UTC.
const IN_UTC = { in: utc } as const;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// Jira sends datetimes as 2026-03-01T10:15:30.000+0100; ISO 8601 with any offset is accepted.
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** A Jira date (`2026-03-01`) or datetime (`2026-03-01T10:15:30.000+0100`) as its UTC day, or null. */
export function toDay(value: string): Day | null {
  if (!DAY_PATTERN.test(value) && !DATETIME_PATTERN.test(value)) return null;
  const parsed = parseISO(value, IN_UTC);
  if (!isValid(parsed)) return null;
  const day = format(parsed, 'yyyy-MM-dd', IN_UTC);
  // parseISO rolls 2026-02-30 over to March: refuse days that do not exist.
  if (DAY_PATTERN.test(value) && day !== value) return null;
  return day;
}

export function isDay(value: string): boolean {
  return DAY_PATTERN.test(value) && toDay(value) === value;
}

/** Whole calendar days from `from` to `to` (negative when `from` is later). */
export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(parseISO(to, IN_UTC), parseISO(from, IN_UTC), IN_UTC);
}

export function addDaysTo(day: Day, days: number): Day {
  return format(addDays(parseISO(day, IN_UTC), days, IN_UTC), 'yyyy-MM-dd', IN_UTC);
}

/** Today's UTC day for an instant; the clock itself is read by callers at the edges. */
export function dayOf(instant: Date): Day {
  return format(instant, 'yyyy-MM-dd', IN_UTC);
}
