/**
 * The words of each finding: its reason and its fix. Each sentence is built from the config and
 * from the evidence behind the finding, so it never names a label, window or category that does
 * not apply, nor gives a reason the evidence does not show (spec section 5).
 */
import { CATEGORY_DEFINITIONS } from './categories';
import { humanDay } from './dates';
import { plural, windowPosition } from './facts';
import type { CategoryResult, CoverageConfig, Day, EvidenceEntry } from './types';
import { capitalised, listed } from './words';

/** At most this many keys are spelled out in a sentence; the finding's issueKeys hold them all. */
const KEYS_IN_A_SENTENCE = 3;

/** "ISMS-1", "ISMS-1 and ISMS-2", "ISMS-1, ISMS-2, ISMS-3 and 4 more". */
export function keyList(entries: EvidenceEntry[]): string {
  const keys = entries.map((e) => e.key);
  if (keys.length <= KEYS_IN_A_SENTENCE) return listed(keys, 'and');
  return `${keys.slice(0, KEYS_IN_A_SENTENCE).join(', ')} and ${keys.length - KEYS_IN_A_SENTENCE} more`;
}

function firstLabel(c: CategoryResult): string {
  return c.labels[0] ?? '(no label)';
}

const one = (entries: unknown[], singular: string, several: string) => (entries.length === 1 ? singular : several);

/** Why done evidence does not count: older than the window, dated after as-of, or with no date at all. */
export interface DoneEvidence {
  old: EvidenceEntry[];
  future: EvidenceEntry[];
  undated: EvidenceEntry[];
}

export function doneEvidence(c: CategoryResult, asOf: Day): DoneEvidence {
  const done = c.evidence.filter((e) => e.done && !e.counts);
  return {
    old: done.filter((e) => e.effectiveDate !== undefined && e.effectiveDate <= asOf),
    future: done.filter((e) => e.effectiveDate !== undefined && e.effectiveDate > asOf),
    undated: done.filter((e) => e.effectiveDate === undefined),
  };
}

function futureReason(future: EvidenceEntry[], asOf: Day): string {
  const [only] = future;
  if (future.length === 1 && only?.effectiveDate)
    return `${only.key} takes effect on ${humanDay(only.effectiveDate)}, after the report day ${humanDay(asOf)}, so it does not count yet`;
  return `${keyList(future)} take effect after the report day ${humanDay(asOf)}, so they do not count yet`;
}

function dateFields(config: CoverageConfig): string {
  const fields = ['resolutiondate', 'statuscategorychangedate', 'updated'];
  return listed(config.effectiveDateField ? [config.effectiveDateField, ...fields] : fields, 'or');
}

/** A missing or stale category: what is wrong, from the evidence it has. */
export function gapMessage(c: CategoryResult, config: CoverageConfig, asOf: Day): string {
  const window = config.categories[c.id].windowDays;
  if (c.status === 'missing') {
    if (c.rule === 'role') return `${c.name}: no security role is held by an active person.`;
    if (c.rule === 'corrective') return `${c.name}: no corrective action carries the ${config.approvalLabel} label.`;
    return `${c.name}: no done issue labelled ${listed(c.labels, 'or')}.`;
  }
  const { old, future, undated } = doneEvidence(c, asOf);
  const reasons: string[] = [];
  if (c.rule === 'corrective') {
    reasons.push(`no Board-approved corrective action dated in the last ${window} days`);
  } else if (old.length > 0) {
    const newest = c.newestEffectiveDate ? ` (newest ${humanDay(c.newestEffectiveDate)})` : '';
    const which = future.length + undated.length > 0 ? 'the evidence dated up to the report day' : 'the evidence';
    reasons.push(`${which} is older than the ${window}-day window${newest}`);
  }
  if (future.length > 0) reasons.push(futureReason(future, asOf));
  if (undated.length > 0)
    reasons.push(
      `${keyList(undated)} ${one(undated, 'has', 'have')} no date to tell when ${one(undated, 'it', 'they')} took effect`,
    );
  return `${c.name}: ${reasons.join('; ')}.`;
}

/** Checks to make before recording anew: a date after as-of may be a typo, no date may be an export without dates. */
function dateChecks(c: CategoryResult, config: CoverageConfig, asOf: Day): string[] {
  if (c.status !== 'stale') return [];
  const { future, undated } = doneEvidence(c, asOf);
  const checks: string[] = [];
  if (future.length > 0)
    checks.push(
      `correct the effective ${one(future, 'date', 'dates')} of ${keyList(future)} if ${one(future, 'it is', 'they are')} wrong`,
    );
  if (undated.length > 0) checks.push(`give ${keyList(undated)} a date to take effect from (${dateFields(config)})`);
  return checks;
}

function withChecks(checks: string[], record: string): string {
  return checks.length > 0 ? `${capitalised(checks.join(' and '))}; otherwise ${record}.` : `${capitalised(record)}.`;
}

/** The fix for a missing or stale category, in one sentence. */
export function gapFix(c: CategoryResult, config: CoverageConfig, asOf: Day): string {
  const window = config.categories[c.id].windowDays;
  const checks = dateChecks(c, config, asOf);
  switch (c.rule) {
    case 'role': {
      const unheld = c.evidence.filter((e) => !e.counts);
      return unheld.length === 0
        ? `Record each security role in an issue labelled ${firstLabel(c)}, assigned to the active person who holds it.`
        : `Assign ${keyList(unheld)} to the active person who holds ${one(unheld, 'that role', 'each role')}, or remove the label where a role no longer exists.`;
    }
    case 'corrective':
      return withChecks(
        checks,
        `have the Board approve a current corrective action and add the ${config.approvalLabel} label to its issue (labelled ${firstLabel(c)})`,
      );
    case 'dated':
      return withChecks(
        checks,
        `record ${CATEGORY_DEFINITIONS[c.id].whatToRecord ?? 'new evidence'} in an issue labelled ${firstLabel(c)} and move it to done: it counts for ${window} days`,
      );
  }
}

/**
 * The corrective actions that make a category partial (spec section 4's gaps): an open action
 * that does not count (unapproved, or overdue), or a done one dated inside the window that does
 * not count (a done action inside the window fails only for want of approval). A done action
 * outside the window is no gap, approved or not.
 */
export function correctiveGaps(c: CategoryResult, config: CoverageConfig, asOf: Day): EvidenceEntry[] {
  const window = config.categories[c.id].windowDays;
  return c.evidence.filter(
    (e) =>
      !e.counts &&
      (!e.done || (e.effectiveDate !== undefined && windowPosition(e.effectiveDate, asOf, window).kind === 'inside')),
  );
}

export function partialMessage(c: CategoryResult, keys: string[]): string {
  return c.rule === 'role'
    ? `${c.name}: ${plural(keys.length, 'role issue')} without an active assignee.`
    : `${c.name}: ${plural(keys.length, 'action')} without Board approval or past the due date.`;
}

export function partialFix(c: CategoryResult, config: CoverageConfig): string {
  return c.rule === 'role'
    ? 'Assign each to the active person who holds the role, or remove the label where the role no longer exists.'
    : `Get the Board's approval (${config.approvalLabel}) for open actions and finish or re-plan the overdue ones.`;
}

/** The involvement finding: names only the enabled involvement categories, and the rule as it is. */
export function involvementMessage(enabled: CategoryResult[]): string {
  const [only] = enabled;
  const which =
    enabled.length === 1 && only
      ? `${only.name} is neither met nor partial`
      : `none of ${listed(
          enabled.map((c) => c.name),
          'or',
        )} is met or partial`;
  return `No current evidence that management takes part in the ISMS: ${which}.`;
}

export function involvementFix(enabled: CategoryResult[], config: CoverageConfig): string {
  const ways = enabled.map((c) =>
    c.rule === 'corrective'
      ? `${c.name} (labelled ${firstLabel(c)}, with ${config.approvalLabel})`
      : `${c.name} (labelled ${firstLabel(c)})`,
  );
  return `Record current evidence of management taking part in ${listed(ways, 'or')}, and move it to done.`;
}

export function reviewIntervalFix(config: CoverageConfig): string {
  return `Hold the next management review: reviews at least every ${plural(config.reviewIntervalDays, 'day')} keep the ISMS under management control.`;
}

export function expiringSoonFix(c: CategoryResult, config: CoverageConfig, expires: Day): string {
  return c.rule === 'corrective'
    ? `Have the Board approve a new corrective action (labelled ${firstLabel(c)} and ${config.approvalLabel}) before ${humanDay(expires)}.`
    : `Record new evidence labelled ${firstLabel(c)} and move it to done before ${humanDay(expires)}.`;
}
