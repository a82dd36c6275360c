import { parseISO, isValid } from 'date-fns';
import { isRecord } from '../core/guards';
import type { ChangeEntry, ChangeItem } from '../core/substance-types';
import { toJiraUser } from './users';

/**
 * Changelog entries as the engine reads them (spec 8.2 and 12), from `changelog.histories` of a search
 * with `expand=changelog` or `changeHistories` of `POST /rest/api/3/changelog/bulkfetch`. Only the
 * items the engine asks about are kept (status, labels, the Workflow marker of a migration, attachments
 * added or removed, description edits, and any field the caller names, such as the approver field), so a
 * stored read stays small.
 */
const KEPT_FIELDS = new Set(['status', 'labels', 'workflow', 'attachment', 'description']);

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
/** `from` / `to` name ids (a status, an attachment): text as the document types them, or a whole number. */
const idText = (value: unknown): string | null =>
  typeof value === 'string' ? value : Number.isSafeInteger(value) ? String(value) : null;
// Own properties only: `toString` would otherwise find Object.prototype's method on an item without one.
const own = (value: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(value, key) ? value[key] : undefined;

/** Field ids and names, lower-cased, as `toItem` compares them. */
export type KeptFields = ReadonlySet<string>;

/** The fields kept by default, plus `extra` field ids (e.g. the approver field's, spec 12.1). */
export function keptFields(extra: readonly string[] = []): KeptFields {
  return new Set([...KEPT_FIELDS, ...extra.map((id) => id.toLowerCase())]);
}

const DEFAULT_KEPT = keptFields();

function toItem(value: unknown, kept: KeptFields): ChangeItem | null {
  if (!isRecord(value) || typeof value.field !== 'string') return null;
  const fieldId = text(value.fieldId);
  if (!kept.has(value.field.toLowerCase()) && !kept.has(fieldId?.toLowerCase() ?? '')) return null;
  const item: ChangeItem = { field: value.field, from: null, to: null, fromText: null, toText: null };
  if (fieldId) item.fieldId = fieldId;
  // A description item carries the issue's text (old and new, in fromString / toString; on Cloud `to` is a
  // reference to the new version). Issue text is never stored (spec 8.2): the engine only needs to know that
  // the description changed, and when, so nothing of the item's values is kept.
  if ((fieldId ?? value.field).toLowerCase() === 'description') return item;
  item.from = idText(value.from);
  item.to = idText(value.to);
  item.fromText = text(own(value, 'fromString'));
  item.toText = text(own(value, 'toString'));
  // An attachment item names the attachment on one side (`to` added, `from` removed); with neither it says nothing.
  const isAttachment = fieldId?.toLowerCase() === 'attachment' || value.field.toLowerCase() === 'attachment';
  if (isAttachment && item.from === null && item.to === null) return null;
  return item;
}

/**
 * One history entry, or null when it has no usable time or nothing the engine reads. `kept`: the fields to keep
 * (`keptFields`), by default status, labels, Workflow, attachment and description.
 */
export function toChangeEntry(value: unknown, kept: KeptFields = DEFAULT_KEPT): ChangeEntry | null {
  if (!isRecord(value) || !Array.isArray(value.items)) return null;
  const at = changeInstant(value.created);
  if (!at) return null;
  const items = value.items.flatMap((item) => toItem(item, kept) ?? []);
  if (items.length === 0) return null;
  return { author: toJiraUser(value.author), at, items };
}

export function toChangeEntries(histories: unknown, kept: KeptFields = DEFAULT_KEPT): ChangeEntry[] {
  return Array.isArray(histories) ? histories.flatMap((h) => toChangeEntry(h, kept) ?? []) : [];
}

/** The changelog an issue object carries (`expand=changelog`), or undefined when it carries none. */
export function changelogOfIssue(
  raw: Record<string, unknown>,
  kept: KeptFields = DEFAULT_KEPT,
): ChangeEntry[] | undefined {
  const changelog = raw.changelog;
  if (!isRecord(changelog) || !Array.isArray(changelog.histories)) return undefined;
  return toChangeEntries(changelog.histories, kept);
}
