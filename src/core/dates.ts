import { utc } from '@date-fns/utc';
import { addDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import type { Day } from './types';

// Every date is handled as a UTC calendar day, so the machine's time zone never moves a
// deadline: date-fns' `in: utc` context does the arithmetic in UTC.
const IN_UTC = { in: utc } as const;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// Jira sends datetimes as 2026-03-01T10:15:30.000+0100; ISO 8601 with any offset is accepted.
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const SAME_DAY = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2})?)$/;

// A report asks about the same few hundred days over and over (100,000 issues share a few
// hundred dates), so date-fns' answers are remembered: same answers, a fraction of the time.
const CACHE_LIMIT = 100_000;
const EPOCH = parseISO('1970-01-01', IN_UTC);
const ordinals = new Map<Day, number>();
const shifted = new Map<string, Day>();
const validDays = new Map<string, boolean>();

function remember<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** A real calendar day in YYYY-MM-DD (2026-02-30 is not). */
export function isDay(value: string): boolean {
  return (
    DAY_PATTERN.test(value) &&
    remember(validDays, value, () => {
      const parsed = parseISO(value, IN_UTC);
      return isValid(parsed) && format(parsed, 'yyyy-MM-dd', IN_UTC) === value;
    })
  );
}

/**
 * Most datetimes fall on the same calendar day in UTC as where they were written: then the day
 * is the text's own date part (a report reads five dates from every issue). Null when the offset
 * moves the time across midnight, or the text is unusual: then date-fns decides.
 */
function sameUtcDay(value: string): Day | null {
  const m = SAME_DAY.exec(value);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  const local = Number(m[2]) * 60 + Number(m[3]);
  const offset = m[4] === 'Z' ? 0 : (m[5] === '-' ? -1 : 1) * (Number(m[6]) * 60 + Number(m[7] ?? 0));
  const utcMinutes = local - offset;
  const day = m[1] ?? '';
  return utcMinutes >= 0 && utcMinutes < 24 * 60 && isDay(day) ? day : null;
}

/** A Jira date (`2026-03-01`) or datetime (`2026-03-01T10:15:30.000+0100`) as its UTC day, or null. */
export function toDay(value: string): Day | null {
  if (DAY_PATTERN.test(value)) return isDay(value) ? value : null;
  if (!DATETIME_PATTERN.test(value)) return null;
  const fast = sameUtcDay(value);
  if (fast) return fast;
  const parsed = parseISO(value, IN_UTC);
  return isValid(parsed) ? format(parsed, 'yyyy-MM-dd', IN_UTC) : null;
}

/** Days since 1970-01-01, for subtracting days cheaply. */
export function ordinal(day: Day): number {
  return remember(ordinals, day, () => differenceInCalendarDays(parseISO(day, IN_UTC), EPOCH, IN_UTC));
}

/** Whole calendar days from `from` to `to` (negative when `from` is later). */
export function daysBetween(from: Day, to: Day): number {
  return ordinal(to) - ordinal(from);
}

export function addDaysTo(day: Day, days: number): Day {
  return remember(shifted, `${day}+${days}`, () =>
    format(addDays(parseISO(day, IN_UTC), days, IN_UTC), 'yyyy-MM-dd', IN_UTC),
  );
}

/** Today's UTC day for an instant; the clock itself is read by callers at the edges. */
export function dayOf(instant: Date): Day {
  return format(instant, 'yyyy-MM-dd', IN_UTC);
}

/** A day as people write it in a sentence: 4 Mar 2026. */
export function humanDay(day: Day): string {
  return format(parseISO(day, IN_UTC), 'd MMM yyyy', IN_UTC);
}
