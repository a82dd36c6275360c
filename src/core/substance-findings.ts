/**
 * The findings spec 8.5 adds: partial dated categories (current evidence without its substance),
 * advisory requirements that fail on counting issues, and top management not being named.
 */
import { CATEGORY_DEFINITIONS } from './categories';
import { plural } from './facts';
import { isTopManagementNamed } from './people';
import {
  isRequirementId,
  REQUIREMENT_IDS,
  REQUIREMENTS,
  TOP_MANAGEMENT_REQUIREMENTS,
  type RequirementId,
} from './requirements';
import type { TopManagement } from './substance-types';
import type { CategoryId, CategoryResult, Finding } from './types';
import { openQuestion } from './unknown';
import { inSentence, listed } from './words';

/**
 * What the current, non-counting issues of a partial dated category lack, in words: a requirement
 * some issue fails as a fact is "not ...", one that only could not be checked is a question (spec 15).
 */
function failedWords(c: CategoryResult, several: boolean): { known: string[]; unknown: string[] } {
  const failed = c.evidence.flatMap((e) => (e.counts ? [] : (e.failedChecks ?? []).filter((f) => !f.advisory)));
  const knownIds = new Set(failed.filter((f) => f.unknown !== true).map((f) => f.id));
  const unknownIds = new Set(failed.filter((f) => f.unknown === true && !knownIds.has(f.id)).map((f) => f.id));
  return {
    known: REQUIREMENT_IDS.filter((id) => knownIds.has(id)).map((id) => REQUIREMENTS[id].notWords),
    unknown: REQUIREMENT_IDS.filter((id) => unknownIds.has(id)).map((id) => openQuestion(id, c.id, several)),
  };
}

export function partialDatedFinding(c: CategoryResult): Finding {
  const def = CATEGORY_DEFINITIONS[c.id];
  const keys = c.evidence.filter((e) => !e.counts && (e.failedChecks ?? []).some((f) => !f.advisory)).map((e) => e.key);
  const { known, unknown } = failedWords(c, keys.length > 1);
  const lacks = [
    known.length > 0 ? `but not ${known.join(', nor ')}` : '',
    unknown.length > 0 ? `${known.length > 0 ? 'and ' : ''}whether ${listed(unknown)} could not be checked` : '',
  ].filter(Boolean);
  return {
    kind: 'partial',
    severity: def.severity.partial,
    categoryId: c.id,
    message: `${c.name}: ${plural(keys.length, 'current issue')} recorded ${lacks.join(', ') || 'but not complete'}, so none counts.`,
    fix:
      def.partialFix ??
      `Have top management take part in or sign off the ${inSentence(c.name)}, and record it on the issue.`,
    issueKeys: keys,
  };
}

/**
 * One observation per category and advisory requirement that fails on issues that count; one
 * apart when it could not be checked (spec 15), which says so instead of stating it.
 */
export function advisoryFindings(c: CategoryResult): Finding[] {
  const groups = new Map<string, { id: RequirementId; unknown: boolean; keys: string[] }>();
  for (const entry of c.evidence) {
    if (!entry.counts) continue;
    for (const failed of entry.failedChecks ?? []) {
      if (!failed.advisory || !isRequirementId(failed.id)) continue;
      const unknown = failed.unknown === true;
      const group = `${failed.id}|${unknown}`;
      const found = groups.get(group);
      if (found) found.keys.push(entry.key);
      else groups.set(group, { id: failed.id, unknown, keys: [entry.key] });
    }
  }
  return [...groups.values()].map(({ id, unknown, keys }) => {
    const many = keys.length !== 1;
    return {
      kind: 'advisory' as const,
      severity: 'observation' as const,
      categoryId: c.id,
      message: unknown
        ? `${c.name}: whether ${plural(keys.length, 'issue')} that count${many ? '' : 's'} ${many ? 'have' : 'has'} ${REQUIREMENTS[id].hasWords} could not be checked (advisory).`
        : `${c.name}: ${plural(keys.length, 'issue')} that count${many ? '' : 's'} ${many ? 'are' : 'is'} not ${REQUIREMENTS[id].notWords} (advisory).`,
      fix: unknown
        ? 'Nothing needs recording for this yet: reload the page later to check again.'
        : REQUIREMENTS[id].advisoryFix,
      issueKeys: keys,
      ...(unknown ? { unknown: true } : {}),
    };
  });
}

export const TOP_MANAGEMENT_NOT_SET_FIX =
  "A Jira admin names the top-management group or people on the app's settings page";

/**
 * Spec 8.3: while nobody is named, the top-management requirements are not checked; one
 * observation says so, when an enabled category has one that is not off.
 */
export function topManagementNotSet(
  categories: CategoryResult[],
  modes: (id: CategoryId) => Partial<Record<RequirementId, string>>,
  top: TopManagement,
): Finding[] {
  if (isTopManagementNamed(top)) return [];
  const concerned = categories.filter(
    (c) => c.status !== 'disabled' && TOP_MANAGEMENT_REQUIREMENTS.some((id) => (modes(c.id)[id] ?? 'off') !== 'off'),
  );
  if (concerned.length === 0) return [];
  return [
    {
      kind: 'top-management-not-set',
      severity: 'observation',
      message:
        'Top management is not set, so nobody checks that top management signed, approved or took part: a label alone counts.',
      fix: `${TOP_MANAGEMENT_NOT_SET_FIX}.`,
      issueKeys: [],
    },
  ];
}
