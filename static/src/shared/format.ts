/** How numbers, days and instants read on every screen (pure, so tests pin them). */

/** Coverage to one decimal as the engine rounds it: 66.7 -> "66.7%", 100 -> "100%". */
export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? String(value) : value.toFixed(1)}%`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar day `YYYY-MM-DD` as "5 Mar 2026"; anything else is shown as given. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return day;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** An ISO instant as "5 Mar 2026, 14:03 UTC" (UTC, like the engine's dates). */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = formatDay(date.toISOString().slice(0, 10));
  return `${day}, ${date.toISOString().slice(11, 16)} UTC`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago": the time from `at` to the report's `now`. */
export function ageOf(at: string, now: string): string {
  const ms = Date.parse(now) - Date.parse(at);
  if (Number.isNaN(ms)) return `at ${formatInstant(at)}`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.floor(hours / 24), 'day')} ago`;
}
