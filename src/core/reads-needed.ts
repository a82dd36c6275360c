/**
 * What a view must read beyond the search for spec 8 (8.1, 8.2) and 12, decided from the issues, the
 * config and the as-of day alone: whose history, whose remote links, and whose groups. The edge
 * (src/app/substance.ts) only follows the plan; the report is then built once, from what it read.
 */
import { hasAnyLabel } from './facts';
import { documentOf } from './people';
import {
  requirementsOf,
  TOP_MANAGEMENT_REQUIREMENTS,
  WHOLE_HISTORY_REQUIREMENTS,
  type RequirementId,
} from './requirements';
import { gradesRequirements, gradesRequirementsOn } from './rules';
import { peopleOf } from './substance';
import type { CategoryId, CoverageConfig, Day, EvidenceIssue } from './types';

export interface ReadsPlan {
  /**
   * Ids of the issues whose history is read (not read yet, and graded on some day): top management
   * is named, a check asks who signed or approved the issue and the approver field names nobody; or
   * a check asks whether the approval covers the current version (spec 12), whoever the approver is.
   */
  changelogIds: string[];
  /**
   * Keys of the issues whose remote links are read or kept: the current issues whose document
   * check cannot pass without them (no attachment). Every other issue carries none, as a full read
   * gives, so a stored read graded on a later day says what a full read would.
   */
  linkKeys: ReadonlySet<string>;
}

/** Whether the admin named top management at all (spec 8.1): else no check asks who anyone is. */
export const isTopManagementSet = (config: CoverageConfig): boolean =>
  config.topManagement.groups.length > 0 || config.topManagement.accountIds.length > 0;

const categoryIds = (config: CoverageConfig): CategoryId[] => Object.keys(config.categories) as CategoryId[];

const asks = (config: CoverageConfig, id: CategoryId, requirement: RequirementId): boolean =>
  requirementsOf(id).includes(requirement) && (config.categories[id].requirements[requirement] ?? 'off') !== 'off';

/** The enabled categories the issue is evidence of, among `ids`. */
function categoriesOf(issue: EvidenceIssue, config: CoverageConfig, ids: readonly CategoryId[]): CategoryId[] {
  return ids.filter((id) => config.categories[id].enabled && hasAnyLabel(issue, config.categories[id].labels));
}

/** The enabled categories a top-management requirement of spec 8 is asked of (not `off`). */
function topAskedCategories(config: CoverageConfig): CategoryId[] {
  return categoryIds(config).filter(
    (id) => config.categories[id].enabled && TOP_MANAGEMENT_REQUIREMENTS.some((r) => asks(config, id, r)),
  );
}

/**
 * The categories among `asked` of the issue whose top-management checks the engine makes: the rule
 * grades requirements for this issue on some day (a dated category's once it is done, a corrective
 * action's once it carries the approval label).
 */
function topChecked(issue: EvidenceIssue, config: CoverageConfig, asked: readonly CategoryId[]): CategoryId[] {
  return categoriesOf(issue, config, asked).filter((id) => gradesRequirements(id, issue, config));
}

/**
 * Everyone the issue's top-management checks name, whatever named them (the approver field, a
 * status change or label in the history, the reporter, the attendees field, the assignee): the
 * engine's own answer (peopleOf), so no check is left with a person nobody looked up. Before the
 * history is read it names only those the issue's fields name; once read, those and the rest.
 */
function peopleChecked(issue: EvidenceIssue, config: CoverageConfig, asked: readonly CategoryId[]): string[] {
  return topChecked(issue, config, asked).flatMap((categoryId) => {
    const { signers, participants } = peopleOf(issue, { categoryId, approvalLabel: config.approvalLabel });
    const named = signers.kind === 'known' ? signers.users : [];
    return [...named, ...participants].map((person) => person.accountId);
  });
}

/**
 * The people whose groups must be read to tell whether they are top management (spec 8.1), each
 * once, in the order the issues name them: none when no group is named, and never a person named
 * by account id. Asked before the history is read, it gives the people already known (the fields,
 * the assignee), all of them among those it gives once the history is in.
 */
export function peopleToLookUp(issues: readonly EvidenceIssue[], config: CoverageConfig): string[] {
  const { groups, accountIds } = config.topManagement;
  if (groups.length === 0) return [];
  const asked = topAskedCategories(config);
  const people = new Set(issues.flatMap((issue) => peopleChecked(issue, config, asked)));
  for (const id of accountIds) people.delete(id);
  return [...people];
}

/** Whether the issue's document check can pass without remote links: an attachment. */
const documentWithoutLinks = (issue: EvidenceIssue): boolean =>
  documentOf(issue.remoteLinks === undefined ? issue : { ...issue, remoteLinks: undefined }).kind !== 'unknown';

/**
 * The keys of the issues existing on `asOf` whose document check (spec 8.2, 8.3) is made that day
 * and cannot pass without their remote links.
 */
export function linksNeeded(issues: readonly EvidenceIssue[], config: CoverageConfig, asOf: Day): Set<string> {
  const keys = new Set<string>();
  const documentCategories = categoryIds(config).filter(
    (id) => config.categories[id].enabled && asks(config, id, 'document-attached'),
  );
  if (documentCategories.length === 0) return keys;
  for (const issue of issues) {
    // Spec 8.4: an issue created after as-of is not graded that day (one without a creation date is).
    if (issue.created && issue.created > asOf) continue;
    if (documentWithoutLinks(issue)) continue;
    const graded = categoriesOf(issue, config, documentCategories).some((id) =>
      gradesRequirementsOn(id, issue, config, asOf),
    );
    if (graded) keys.add(issue.key);
  }
  return keys;
}

/** The enabled categories asking a requirement that reads the whole history (spec 12.3, not `off`). */
function versionAskedCategories(config: CoverageConfig): CategoryId[] {
  return categoryIds(config).filter(
    (id) => config.categories[id].enabled && WHOLE_HISTORY_REQUIREMENTS.some((r) => asks(config, id, r)),
  );
}

/**
 * Whether the issue's history must be read. Who signed or approved it can only be found in its
 * history when the approver field names nobody (when it does, the field is the answer). When the
 * approval covers the current version is asked, the history is read whatever the approver's source:
 * the approval's time is a changelog entry's (the status change, the label, the newest setting of
 * the approver field), and what changed after it is the rest of the history (spec 12.1, 12.2).
 */
function historyNeeded(
  issue: EvidenceIssue,
  config: CoverageConfig,
  topAsked: readonly CategoryId[],
  versionAsked: readonly CategoryId[],
): boolean {
  if (issue.changelog !== undefined || issue.id === undefined) return false;
  if (!issue.approverFieldUsers?.length && topChecked(issue, config, topAsked).length > 0) return true;
  return categoriesOf(issue, config, versionAsked).some((id) => gradesRequirements(id, issue, config));
}

/** What to read for the issues as searched: whose history, and whose remote links. */
export function readsNeeded(issues: readonly EvidenceIssue[], config: CoverageConfig, asOf: Day): ReadsPlan {
  const topAsked = isTopManagementSet(config) ? topAskedCategories(config) : [];
  const versionAsked = versionAskedCategories(config);
  const changelogIds = issues.flatMap((i) =>
    i.id !== undefined && historyNeeded(i, config, topAsked, versionAsked) ? [i.id] : [],
  );
  return { changelogIds, linkKeys: linksNeeded(issues, config, asOf) };
}
