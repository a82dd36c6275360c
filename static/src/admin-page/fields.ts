/** Settings in words, for error summaries, the conflict diff and the change history. */
import { CATEGORIES } from '../../../src/core/categories';

const PART: Record<string, string> = {
  labels: 'labels',
  enabled: 'counted in coverage',
  disabledReason: 'reason for disabling',
  windowDays: 'window (days)',
};

const TOP: Record<string, string> = {
  '': 'Settings',
  categories: 'Categories',
  approvalLabel: 'Approval label',
  effectiveDateField: 'Effective-date field',
  reviewIntervalDays: 'Management review interval (days)',
  expiringSoonDays: 'Expiring-soon notice (days)',
};

/** `categories.resources.labels.0` -> "ISMS budget and staffing: label 1". */
export function describeField(path: string): string {
  const top = TOP[path];
  if (top) return top;
  const match = /^categories\.([a-z-]+)(?:\.([a-zA-Z]+)(?:\.(\d+))?)?$/.exec(path);
  const category = match ? CATEGORIES.find((c) => c.id === match[1]) : undefined;
  if (!match || !category) return path;
  const [, , part, index] = match;
  if (!part) return category.name;
  if (part === 'labels' && index !== undefined) return `${category.name}: label ${Number(index) + 1}`;
  return `${category.name}: ${PART[part] ?? part}`;
}

/** A setting's value in words: lists joined, booleans as yes/no, empty as "(none)". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((v) => describeValue(v)).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
