import { approvedByLabel, CATEGORY_DEFINITIONS } from './categories';
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
  'approval-covers-current-version',
] as const;
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/**
 * What each requirement means wherever it is said: the admin page, the findings, the panel's next
 * step. How it is checked is in substance.ts, in a table of the same keys. A new requirement is
 * one entry here, one there, and its default modes in the category definitions.
 */
export interface RequirementDefinition {
  /** The admin's name for it, and when an issue passes it. */
  name: string;
  passes: string;
  /** What an issue failing it is not, fitting "recorded but not ..." and "is not ... (advisory)". */
  notWords: string;
  /** What it leaves open when it could not be checked, fitting "whether ..." (spec 15). */
  question: (categoryId: CategoryId, several: boolean) => string;
  /** What an issue that cannot be checked may lack, fitting "whether it has ..." (the advisory observation). */
  hasWords: string;
  /** The advisory observation's fix (spec 8.5). */
  advisoryFix: string;
  /** The issue panel's next step when the issue fails it. */
  nextStep: (categoryId: CategoryId, approvalLabel: string) => string;
  /** It asks who top management is (spec 8.1): the people it names are looked up. */
  topManagement: boolean;
  /**
   * It reads the whole history, whatever named the approver: when the approval was given
   * and what changed after it (spec 12), so the history is read even when the approver field names someone.
   */
  wholeHistory: boolean;
}

const THEM = (several: boolean) => (several ? 'them' : 'it');
const DECISIONS_FIX = 'Record the decisions taken in a comment, or link the follow-up issues.';

export const REQUIREMENTS: Readonly<Record<RequirementId, RequirementDefinition>> = {
  'approved-by-top-management': {
    name: 'Approved by top management',
    passes: 'Whoever approved or signed it off is top management.',
    notWords: 'approved by top management',
    question: (categoryId, several) =>
      approvedByLabel(categoryId)
        ? `top management approved ${THEM(several)}`
        : `top management signed ${THEM(several)} off`,
    hasWords: 'what it should',
    advisoryFix: DECISIONS_FIX,
    nextStep: (categoryId, approvalLabel) =>
      approvedByLabel(categoryId)
        ? `Have a member of top management approve the action: they add ${approvalLabel} themselves, or are named in the approver field.`
        : 'Have top management sign it off: a member of top management moves it to done, or is named in the approver field.',
    topManagement: true,
    wholeHistory: false,
  },
  'top-management-took-part': {
    name: 'Top management took part',
    passes: 'Someone who took part is top management.',
    notWords: 'attended by top management',
    question: () => 'top management took part',
    hasWords: 'what it should',
    advisoryFix: DECISIONS_FIX,
    nextStep: () => 'Record that top management took part: name the executives who attended in the attendees field.',
    topManagement: true,
    wholeHistory: false,
  },
  'document-attached': {
    name: 'Document attached',
    passes: 'It has an attachment, or a remote link to a document (a commit or pull request is not one).',
    notWords: 'with its document',
    question: (_categoryId, several) => (several ? 'they have their document' : 'it has its document'),
    hasWords: 'its document',
    advisoryFix: 'Attach the signed document or the minutes to each issue, or link them.',
    nextStep: () => 'Attach the signed document or the minutes to the issue, or link them (Confluence, SharePoint).',
    topManagement: false,
    wholeHistory: false,
  },
  'decisions-recorded': {
    name: 'Decisions recorded',
    passes: 'It has a comment by a person, or a linked issue.',
    notWords: 'with its decisions recorded',
    question: (_categoryId, several) => `${THEM(several)} passed every check`,
    hasWords: 'what it should',
    advisoryFix: DECISIONS_FIX,
    nextStep: () => DECISIONS_FIX,
    topManagement: false,
    wholeHistory: false,
  },
  'duties-described': {
    name: 'Duties described',
    passes: 'Its description is not empty.',
    notWords: "with the role's duties described",
    question: (_categoryId, several) => `${THEM(several)} passed every check`,
    hasWords: 'what it should',
    advisoryFix: "Describe each role's duties and authority in its issue.",
    nextStep: () => "Describe the role's duties and authority in the issue's description.",
    topManagement: false,
    wholeHistory: false,
  },
  // Spec 12: a new file beside the approved one may be its signed copy or a new version; only a
  // person can tell, so by default it is advisory and the question is made visible.
  'approval-covers-current-version': {
    name: 'Approval covers the current version',
    passes: 'No attachment was added or removed, and the description was not changed, after the approval.',
    notWords: 'approved in its current version',
    question: (_categoryId, several) =>
      several ? 'their approval covers their current document' : 'its approval covers its current document',
    hasWords: 'an approval that covers the current document',
    advisoryFix:
      'Confirm with the approver that the approval covers the current document, or have them approve the new version.',
    nextStep: () =>
      'Confirm the approval covers the current document: have top management approve the new version (move the issue to done again, or set the approver field again).',
    topManagement: false,
    wholeHistory: true,
  },
};

/** `required`: an issue failing it does not count; `advisory`: reported, the issue still counts. */
export const REQUIREMENT_MODES = ['required', 'advisory', 'off'] as const;
export type RequirementMode = (typeof REQUIREMENT_MODES)[number];

export type RequirementModes = Partial<Record<RequirementId, RequirementMode>>;

/** The requirements that need to know who top management is. */
export const TOP_MANAGEMENT_REQUIREMENTS: readonly RequirementId[] = REQUIREMENT_IDS.filter(
  (id) => REQUIREMENTS[id].topManagement,
);

/** The requirements whose check reads the whole history (spec 12). */
export const WHOLE_HISTORY_REQUIREMENTS: readonly RequirementId[] = REQUIREMENT_IDS.filter(
  (id) => REQUIREMENTS[id].wholeHistory,
);

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
