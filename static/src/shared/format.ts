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
