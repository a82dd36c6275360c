import { parseISO, isValid } from 'date-fns';
import { isRecord } from '../core/guards';
import type { ChangeEntry, ChangeItem } from '../core/substance-types';
import { toJiraUser } from './users';

/**
 * Changelog entries as the engine reads them (spec 8.2), from `changelog.histories` of a search
 * with `expand=changelog` or `changeHistories` of `POST /rest/api/3/changelog/bulkfetch`. Only the
 * items the engine asks about are kept (status, labels, and the Workflow marker of a migration),
 * so a stored read stays small.
 */
const KEPT_FIELDS = new Set(['status', 'labels', 'workflow']);

/** A changelog time as a UTC ISO instant: the bulk fetch sends epoch milliseconds on real sites. */
export function changeInstant(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value);
    return isValid(date) ? date.toISOString() : null;
  }
  if (typeof value !== 'string') return null;
  const date = parseISO(value);
  return isValid(date) ? date.toISOString() : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
// Own properties only: `toString` would otherwise find Object.prototype's method on an item without one.
const own = (value: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(value, key) ? value[key] : undefined;

function toItem(value: unknown): ChangeItem | null {
  if (!isRecord(value) || typeof value.field !== 'string') return null;
  if (!KEPT_FIELDS.has(value.field.toLowerCase()) && !KEPT_FIELDS.has(text(value.fieldId)?.toLowerCase() ?? ''))
    return null;
  const item: ChangeItem = {
    field: value.field,
    from: text(value.from),
    to: text(value.to),
    fromText: text(own(value, 'fromString')),
    toText: text(own(value, 'toString')),
  };
  const fieldId = text(value.fieldId);
  if (fieldId) item.fieldId = fieldId;
  return item;
}

/** One history entry, or null when it has no usable time or nothing the engine reads. */
export function toChangeEntry(value: unknown): ChangeEntry | null {
  if (!isRecord(value) || !Array.isArray(value.items)) return null;
  const at = changeInstant(value.created);
  if (!at) return null;
  const items = value.items.flatMap((item) => toItem(item) ?? []);
  if (items.length === 0) return null;
  return { author: toJiraUser(value.author), at, items };
}

export function toChangeEntries(histories: unknown): ChangeEntry[] {
  return Array.isArray(histories) ? histories.flatMap((h) => toChangeEntry(h) ?? []) : [];
}

/** The changelog an issue object carries (`expand=changelog`), or undefined when it carries none. */
export function changelogOfIssue(raw: Record<string, unknown>): ChangeEntry[] | undefined {
  const changelog = raw.changelog;
  if (!isRecord(changelog) || !Array.isArray(changelog.histories)) return undefined;
  return toChangeEntries(changelog.histories);
}
