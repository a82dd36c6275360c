/**
 * Spec 15: what could not be checked is kept apart from what failed. A check the app could not
 * make (top management's groups it may not read, an issue's history or remote links it did not
 * get) still stops the issue counting, since nothing unseen is passed; but it is no fact about the
 * evidence, so an issue that fails only such checks is "cannot tell", and the report that rests
 * on them is a lower bound.
 */
import type { CheckId } from './check-ids';
import { plural } from './facts';
import { keyList } from './finding-sentences';
import { isRequirementId, REQUIREMENTS } from './requirements';
import type { CategoryId, CategoryResult, Check, CoverageReport, Finding, Severity, UnknownReason } from './types';
import { capitalised, listed } from './words';

/** The checks that stop an issue counting: those that fail and are not advisory. */
const blocking = (checks: readonly Check[]): Check[] => checks.filter((c) => !c.pass && c.advisory !== true);

/** Fails only checks that could not be made: whether it counts cannot be told. */
export function cannotTell(checks: readonly Check[]): boolean {
  const failing = blocking(checks);
  return failing.length > 0 && failing.every((c) => c.unknown === true);
}

/** What would let each kind of unknown check be made, said to the person who reads it. */
export const WHAT_WOULD_CHECK_IT: Record<UnknownReason, string> = {
  membership:
    "someone with Jira's Browse users and groups permission (a Jira admin can grant it) can see whether the people named are top management",
  history:
    'the app needs the issue history, which says who signed off: reload the page later, or for the report command export with expand=changelog',
  links: 'the app needs the remote links, which Jira did not give: reload the page later',
};

/** The panel's next step for an issue that fails only unknown checks: what is missing, never a fix to the evidence. */
export function cannotTellStep(check: Check): string {
  const why = WHAT_WOULD_CHECK_IT[check.unknownBecause ?? 'history'];
  return `Cannot tell yet whether this counts, and nothing on the issue needs to change: ${check.message} To settle it, ${why}.`;
}

type Provisional = NonNullable<CoverageReport['provisional']>;

/**
 * The report's `provisional` (spec 15): set when some issue fails only checks that could not be
 * made, so coverage and the verdict may be higher than shown; null when every check was made.
 */
export function provisionalOf(
  entries: readonly { key: string; cannotTell?: boolean; failedChecks?: Check[] }[],
): Provisional | null {
  const undecided = entries.filter((e) => e.cannotTell === true);
  if (undecided.length === 0) return null;
  const unknownChecks = undecided.flatMap((e) => blocking(e.failedChecks ?? []).filter((c) => c.unknown === true));
  const reasons = [...new Set(unknownChecks.map((c) => c.unknownBecause ?? 'history'))];
  const issueKeys = [...new Set(undecided.map((e) => e.key))];
  const what: Record<UnknownReason, string> = {
    membership: 'whether the people who signed or took part are top management',
    history: 'who signed some issues off (their history was not read)',
    links: 'whether some issues have their document (their remote links could not be read)',
  };
  return {
    unknownChecks: unknownChecks.length,
    issueKeys,
    reason:
      `${plural(issueKeys.length, 'issue')} could not be fully checked: the app could not tell ${listed(
        reasons.map((r) => what[r]),
      )}. ` +
      `Coverage and the verdict are the lowest they can be until then. To complete them, ${listed(reasons.map((r) => WHAT_WOULD_CHECK_IT[r]))}.`,
  };
}

/** What an unknown requirement check leaves open, in words that fit "whether ...". */
export function openQuestion(id: CheckId, categoryId: CategoryId, several: boolean): string {
  return isRequirementId(id)
    ? REQUIREMENTS[id].question(categoryId, several)
    : `${several ? 'them' : 'it'} passed every check`;
}

function remedies(checks: readonly Check[]): string {
  const reasons = [...new Set(checks.map((c) => c.unknownBecause ?? 'history'))];
  return capitalised(`${listed(reasons.map((r) => WHAT_WOULD_CHECK_IT[r]))}.`);
}

/**
 * A category's gap that holds only because checks could not be made (its `statusIfChecked` is
 * better than its status): said as what could not be checked, never as a fact about the evidence.
 */
export function undecidedFinding(c: CategoryResult, kind: 'gap' | 'partial', severity: Severity): Finding {
  const undecided = c.evidence.filter((e) => e.cannotTell === true);
  const unknown = undecided.flatMap((e) => (e.failedChecks ?? []).filter((f) => f.unknown === true && !f.advisory));
  const questions = [...new Set(unknown.map((f) => openQuestion(f.id, c.id, undecided.length > 1)))];
  return {
    kind,
    severity,
    categoryId: c.id,
    message: `${c.name}: whether ${listed(questions)} could not be checked for ${keyList(undecided)}, so it is graded ${c.status} until that can be checked.`,
    fix: `Nothing needs recording for this yet. ${remedies(unknown)}`,
    issueKeys: undecided.map((e) => e.key),
    unknown: true,
  };
}

/** The involvement finding when only checks that could not be made keep the categories from showing it. */
export function undecidedInvolvement(undecided: CategoryResult[]): Finding {
  const entries = undecided.flatMap((c) => c.evidence.filter((e) => e.cannotTell === true));
  const unknown = entries.flatMap((e) => (e.failedChecks ?? []).filter((f) => f.unknown === true && !f.advisory));
  return {
    kind: 'involvement',
    severity: 'major',
    categoryId: 'involvement',
    message: `Whether management takes part in the ISMS could not be checked: ${listed(
      undecided.map((c) => c.name),
      'or',
    )} would show it if the checks that could not be made passed (${keyList(entries)}).`,
    fix: `Nothing needs recording for this yet. ${remedies(unknown)}`,
    issueKeys: entries.map((e) => e.key),
    unknown: true,
  };
}
