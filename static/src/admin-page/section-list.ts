/**
 * The admin page's sections, which the admin moves between (pure, so tests pin which setting lives
 * where). One section at a time keeps the page short: Jira sizes the app's iframe to its content,
 * so nothing inside the frame can stick to Jira's viewport, and Save at the top of a short page
 * stays in reach. Each category is a section of its own: the ten together are over 3,000 px tall.
 */
import { CATEGORIES } from '../../../src/core/categories';
import { settingOf } from '../../../src/core/settings';
import { CATEGORY_IDS, type CategoryId } from '../../../src/core/types';

export type SectionId = 'general' | 'scopes' | 'top-management' | CategoryId | 'reset-history';

export interface Section {
  id: SectionId;
  name: string;
  /** The heading at the top of the section, which takes the focus when the admin moves there. */
  headingId: string;
  /** Set for the ten evidence categories, listed under one heading in the navigation. */
  category?: true;
}

export const SECTIONS: readonly Section[] = [
  { id: 'general', name: 'General', headingId: 'c51-general' },
  { id: 'scopes', name: 'Evidence from several projects', headingId: 'c51-scopes' },
  { id: 'top-management', name: 'Top management', headingId: 'c51-top-management' },
  ...CATEGORIES.map((c): Section => ({ id: c.id, name: c.name, headingId: `c51-${c.id}-title`, category: true })),
  { id: 'reset-history', name: 'Reset and history', headingId: 'c51-reset' },
];

export const FIRST_SECTION: SectionId = 'general';

/**
 * The section whose controls show a setting, by its dotted path (`categories.resources.labels.2`,
 * `scopes.ISMS`), as the settings table says; undefined for a path no section shows (a problem
 * with the whole config).
 */
export function sectionOf(field: string): SectionId | undefined {
  const [head = '', second] = field.split('.');
  const section = settingOf(head)?.section;
  return section === 'categories' ? CATEGORY_IDS.find((id) => id === second) : section;
}

/**
 * Whether a problem at `field` is shown beside a control (the setting's `placed` paths, the
 * setting itself by default); any other is listed by the Save button.
 */
export function hasControl(field: string): boolean {
  const head = field.split('.')[0] ?? '';
  const setting = settingOf(head);
  return setting !== undefined && (setting.placed ?? /^$/).test(field.slice(head.length));
}

/** How many of `fields` each section shows; sections with none are left out. */
export function countBySection(fields: readonly string[]): ReadonlyMap<SectionId, number> {
  const counts = new Map<SectionId, number>();
  for (const field of fields) {
    const section = sectionOf(field);
    if (section !== undefined) counts.set(section, (counts.get(section) ?? 0) + 1);
  }
  return counts;
}
