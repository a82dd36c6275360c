import { CATEGORY_DEFINITIONS } from './categories';
import { CATEGORY_IDS, type CategoryId } from './types';

/**
 * What an auditor checks beyond the label (spec 8.3). Each category has the requirements its
 * definition lists (categories.ts) and no others; an admin sets each one's mode.
 */
export const REQUIREMENT_IDS = [
  'approved-by-top-management',
  'top-management-took-part',
  'document-attached',
  'decisions-recorded',
  'duties-described',
] as const;
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/** `required`: an issue failing it does not count; `advisory`: reported, the issue still counts. */
export const REQUIREMENT_MODES = ['required', 'advisory', 'off'] as const;
export type RequirementMode = (typeof REQUIREMENT_MODES)[number];

export type RequirementModes = Partial<Record<RequirementId, RequirementMode>>;

/** The requirements that need to know who top management is. */
export const TOP_MANAGEMENT_REQUIREMENTS: readonly RequirementId[] = [
  'approved-by-top-management',
  'top-management-took-part',
];

/** Each category's requirements with their default modes (its definition's); `{}` when it has none. */
export const DEFAULT_REQUIREMENTS: Readonly<Record<CategoryId, Readonly<RequirementModes>>> = mapCategories(
  (id) => CATEGORY_DEFINITIONS[id].requirements,
);

const BY_CATEGORY = new Map<CategoryId, readonly RequirementId[]>();

/** The requirements a category may have, in REQUIREMENT_IDS order (asked once per issue: kept). */
export function requirementsOf(category: CategoryId): readonly RequirementId[] {
  let ids = BY_CATEGORY.get(category);
  if (!ids) {
    const defaults = CATEGORY_DEFINITIONS[category].requirements;
    ids = REQUIREMENT_IDS.filter((id) => defaults[id] !== undefined);
    BY_CATEGORY.set(category, ids);
  }
  return ids;
}

export function isRequirementId(value: string): value is RequirementId {
  return (REQUIREMENT_IDS as readonly string[]).includes(value);
}

export function isRequirementMode(value: unknown): value is RequirementMode {
  return typeof value === 'string' && (REQUIREMENT_MODES as readonly string[]).includes(value);
}

function mapCategories<T>(value: (id: CategoryId) => T): Record<CategoryId, T> {
  const entries = CATEGORY_IDS.map((id) => [id, value(id)] as const);
  return Object.fromEntries(entries) as Record<CategoryId, T>;
}
