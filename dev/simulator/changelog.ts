/**
 * Changelog entries as Jira's Changelog schema shapes them, for `expand=changelog` (issue and search answers)
 * and the bulk changelog fetch. The two differ as real Jira's do: the bulk fetch sends `created` as epoch
 * milliseconds, the expansion as a date-time string.
 */
import type { JsonValue } from './json';
import type { IndexedHistory, IndexedIssue, SiteIndex } from './site-index';
import type { SiteChangeItem } from './site-types';
import { userDetailsJson } from './users';

export type CreatedFormat = 'date-time' | 'epoch-ms';

const ITEM_KEYS = ['fieldId', 'from', 'fromString', 'to', 'toString'] as const;

/**
 * ChangeDetails. The document types every side as a string; Jira sends null for an empty side, which the
 * simulator leaves out instead, so answers stay inside the document (clients must read absent and null alike).
 */
export function changeItemJson(item: SiteChangeItem): Record<string, string> {
  const out: Record<string, string> = { field: item.field, fieldtype: item.fieldtype ?? 'jira' };
  // Entries, not item[key]: `toString` would otherwise be read as Object's method on an item without one.
  for (const [key, value] of Object.entries(item)) {
    if ((ITEM_KEYS as readonly string[]).includes(key) && typeof value === 'string') out[key] = value;
  }
  return out;
}

/** One Changelog; `items` narrows which items it carries (the bulk fetch's `fieldIds`). */
export function historyJson(
  site: SiteIndex,
  { history, createdMs }: IndexedHistory,
  siteUrl: string,
  created: CreatedFormat,
  items: readonly SiteChangeItem[] = history.items,
): Record<string, JsonValue> {
  const author = history.author === null ? undefined : site.users.get(history.author);
  return {
    id: history.id,
    ...(author ? { author: userDetailsJson(author, siteUrl) } : {}),
    created: created === 'epoch-ms' ? createdMs : history.created,
    items: items.map(changeItemJson),
  };
}

/**
 * `changelog` of an issue answer with expand=changelog (PageOfChangelogs): the `max` most recent entries,
 * newest first, as real Cloud answers list them; `total` counts them all.
 */
export function expandedChangelogJson(
  site: SiteIndex,
  issue: IndexedIssue,
  siteUrl: string,
  max: number,
): Record<string, JsonValue> {
  const newestFirst = [...issue.histories].reverse().slice(0, max);
  return {
    startAt: 0,
    maxResults: newestFirst.length,
    total: issue.histories.length,
    histories: newestFirst.map((h) => historyJson(site, h, siteUrl, 'date-time')),
  };
}
