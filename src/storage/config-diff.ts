import type { ConfigChange } from '../contract/invoke';
import { cut } from '../core/config-text';

/** A history value's text is cut here: enough to recognise a setting, not a second copy of it. */
export const HISTORY_TEXT_LENGTH = 100;
/** A list longer than this is recorded as its size ("12 labels"), not item by item. */
export const HISTORY_LIST_ITEMS = 5;

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
}

function summariseScalar(value: unknown): string | number | boolean | null {
  if (typeof value === 'string') return cut(value, HISTORY_TEXT_LENGTH);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/**
 * A setting's value as the history keeps it: text cut short, short lists kept, long ones counted.
 * Also applied to records read back, so whatever an older record held, the history stays small.
 */
export function summariseValue(value: unknown, field = ''): unknown {
  if (!Array.isArray(value)) return summariseScalar(value);
  // Named for what the list holds: labels, or the groups and people of top management.
  if (value.length > HISTORY_LIST_ITEMS) return `${value.length} ${field.endsWith('labels') ? 'labels' : 'entries'}`;
  return value.map(summariseScalar);
}

/** What changed between two configs, setting by setting (lists compared whole), for the history. */
export function configChanges(before: unknown, after: unknown): ConfigChange['changes'] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((field) => JSON.stringify(a.get(field)) !== JSON.stringify(b.get(field)))
    .map((field) => ({
      field,
      from: summariseValue(a.get(field) ?? null, field),
      to: summariseValue(b.get(field) ?? null, field),
    }));
}
