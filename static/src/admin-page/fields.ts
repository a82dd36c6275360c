/** Settings in words, for error summaries, the conflict diff and the change history. */
import { CATEGORIES } from '../../../src/core/categories';
import { settingOf } from '../../../src/core/settings';
import {
  isRequirementId,
  REQUIREMENTS,
  type RequirementId,
  type RequirementMode,
} from '../../../src/core/requirements';

const PART: Record<string, string> = {
  labels: 'labels',
  enabled: 'counted in coverage',
  disabledReason: 'reason for disabling',
  windowDays: 'window (days)',
  requirements: 'requirements',
};

/** The parts of top management; each setting's own name is its label in the settings table. */
const TOP_MANAGEMENT_PART: ReadonlyMap<string, string> = new Map([
  ['topManagement.groups', 'Top management: groups'],
  ['topManagement.accountIds', 'Top management: people'],
]);

/** Each requirement of spec 8.3 in the admin's words: its name, and when an issue passes it (its definition's). */
export const REQUIREMENT_WORDS: Readonly<Record<RequirementId, { name: string; passes: string }>> = REQUIREMENTS;

export const MODE_WORDS: Record<RequirementMode, string> = {
  required: 'Required',
  advisory: 'Advisory',
  off: 'Off',
};

/**
 * `categories.resources.labels.0` -> "ISMS budget and staffing: label 1"; `topManagement.groups.0`
 * -> "Top management: group 1"; `scopes.ISMS` -> "Evidence projects of ISMS".
 */
export function describeField(path: string): string {
  if (path === '') return 'Settings';
  const setting = settingOf(path);
  if (setting) return setting.label;
  const topPart = TOP_MANAGEMENT_PART.get(path);
  if (topPart) return topPart;
  const member = /^topManagement\.(groups|accountIds)\.(\d+)$/.exec(path);
  if (member) return `Top management: ${member[1] === 'groups' ? 'group' : 'person'} ${Number(member[2]) + 1}`;
  const scope = /^scopes\.([^.]+)(?:\.(\d+))?$/.exec(path);
  if (scope)
    return `Evidence projects of ${scope[1]}${scope[2] === undefined ? '' : `: project ${Number(scope[2]) + 1}`}`;
  const match = /^categories\.([a-z-]+)(?:\.([a-zA-Z]+)(?:\.(\d+|[a-z-]+))?)?$/.exec(path);
  const category = match ? CATEGORIES.find((c) => c.id === match[1]) : undefined;
  if (!match || !category) return path;
  const [, , part, item] = match;
  if (!part) return category.name;
  if (part === 'labels' && item !== undefined && /^\d+$/.test(item))
    return `${category.name}: label ${Number(item) + 1}`;
  if (part === 'requirements' && item !== undefined)
    return `${category.name}: requirement ${isRequirementId(item) ? REQUIREMENT_WORDS[item].name : item}`;
  if (item !== undefined) return path;
  return `${category.name}: ${PART[part] ?? part}`;
}

/** A setting's value in words: lists joined, booleans as yes/no, empty as "(none)"; `nameOf` names ids it knows. */
export function describeValue(value: unknown, nameOf?: (id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (Array.isArray(value))
    return value.length === 0 ? '(none)' : value.map((v) => describeValue(v, nameOf)).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return nameOf?.(value) ?? value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * A changed setting's value in words: the ids of top management by their names where known, and a
 * page without a scope of its own as its project alone.
 */
export function describeChangeValue(
  field: string,
  value: unknown,
  nameOf?: (id: string) => string | undefined,
): string {
  const page = /^scopes\.([^.]+)$/.exec(field)?.[1];
  if (page !== undefined && (value === null || value === undefined)) return `${page} alone`;
  return describeValue(value, /^topManagement\./.test(field) ? nameOf : undefined);
}
