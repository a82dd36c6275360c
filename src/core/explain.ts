import { CATEGORIES, categoryDefinition } from './categories';
import type { CheckId } from './check-ids';
import { addDaysTo, daysBetween, humanDay } from './dates';
import { hasAnyLabel, plural } from './facts';
import { cannotTell, cannotTellStep } from './unknown';
import { REQUIREMENT_IDS, REQUIREMENTS, type RequirementId } from './requirements';
import { inSentence } from './words';
import { RULES } from './rules';
import { NOBODY_NAMED, type TopManagement } from './substance-types';
import type { CategoryExplanation, Check, CoverageConfig, Day, EvidenceIssue, IssueExplanation } from './types';

/** What a manager should do about the first failing check, in one sentence. */
type NextStep = (c: CategoryExplanation, config: CoverageConfig) => string;

/** Each requirement's next step, from its definition. */
const requirementSteps = (): Record<RequirementId, NextStep> =>
  Object.fromEntries(
    REQUIREMENT_IDS.map((id): [RequirementId, NextStep] => [
      id,
      (c, config) => REQUIREMENTS[id].nextStep(c.id, config.approvalLabel),
    ]),
  ) as Record<RequirementId, NextStep>;

const NEXT_STEP: Record<CheckId, (c: CategoryExplanation, config: CoverageConfig) => string> = {
  enabled: (c) => `${c.name} is switched off by your Jira admin, so this issue is not graded for it.`,
  done: (c) =>
    `Finish the work and move the issue to a done status: only then does it count as ${inSentence(c.name)} evidence.`,
  'effective-date': () => 'Correct the date the evidence took effect: it must be on or before today.',
  window: (c) => `This record is too old to count: record fresh ${inSentence(c.name)} evidence in a new issue.`,
  assignee: () => 'Assign the issue to the person who holds this security role.',
  'assignee-active': () => 'The assignee is no longer active: reassign the role to someone who is.',
  approval: (_c, config) =>
    `Ask the Board to approve this corrective action, then add the ${config.approvalLabel} label.`,
  overdue: () => 'Finish the action, or agree a new due date with the Board and update it.',
  ...requirementSteps(),
};

function explainCategory(
  issue: EvidenceIssue,
  id: CategoryExplanation['id'],
  config: CoverageConfig,
  asOf: Day,
  top: TopManagement,
): CategoryExplanation {
  const def = categoryDefinition(id);
  const category = config.categories[id];
  if (!category.enabled) {
    const reason = category.disabledReason ? `: ${category.disabledReason}` : '.';
    const checks: Check[] = [
      { id: 'enabled', pass: false, message: `Your Jira admin disabled this category${reason}` },
    ];
    return { id, name: def.name, counts: false, checks };
  }
  const assessment = RULES[def.rule].assess(issue, { config, id, category, asOf, top });
  const result: CategoryExplanation = { id, name: def.name, counts: assessment.counts, checks: assessment.checks };
  if (!assessment.counts && cannotTell(assessment.checks)) result.cannotTell = true;
  if (assessment.expiresOn) result.expiresOn = assessment.expiresOn;
  if (assessment.counts && assessment.expiresOn && assessment.expiresOn <= addDaysTo(asOf, config.expiringSoonDays))
    result.lapsesSoon = true;
  return result;
}

function firstStep(categories: CategoryExplanation[], config: CoverageConfig, advisory: boolean): string | undefined {
  const failing = (c: CategoryExplanation) =>
    c.checks.filter((check) => !check.pass && (check.advisory === true) === advisory);
  // What can be fixed comes first; a check that could not be made asks only for what is missing,
  // never for the evidence to change (spec 15), so it speaks when nothing else fails.
  for (const c of categories) {
    const known = failing(c).find((check) => check.unknown !== true);
    if (known && known.id !== 'enabled') return NEXT_STEP[known.id](c, config);
  }
  // An advisory check never decides whether the issue counts: one that could not be made is
  // shown as such in the checks, but is no reason to say the app cannot tell.
  if (advisory) return undefined;
  for (const c of categories) {
    const unknown = failing(c).find((check) => check.unknown === true);
    if (unknown) return cannotTellStep(unknown);
  }
  return undefined;
}

function nextStep(categories: CategoryExplanation[], config: CoverageConfig, asOf: Day): string {
  // What stops the issue counting comes first; an advisory check only once nothing else fails.
  const step = firstStep(categories, config, false) ?? firstStep(categories, config, true);
  if (step) return step;
  const disabled = categories.find((c) => !config.categories[c.id].enabled);
  if (disabled && categories.every((c) => !c.counts)) return NEXT_STEP.enabled(disabled, config);
  const counting = categories.filter((c) => c.counts);
  // Lapsing within the expiring-soon days is something to do, not "nothing to do".
  const soon = counting.filter((c) => c.lapsesSoon === true && c.expiresOn !== undefined);
  const first = soon.sort((a, b) => ((a.expiresOn ?? '') < (b.expiresOn ?? '') ? -1 : 1))[0];
  if (first?.expiresOn)
    return `Renew soon: this issue stops counting as ${inSentence(first.name)} evidence on ${humanDay(first.expiresOn)}, in ${plural(daysBetween(asOf, first.expiresOn), 'day')}. Record fresh evidence in a new issue before then.`;
  const lapses = counting
    .map((c) => c.expiresOn)
    .filter((d): d is Day => d !== undefined)
    .sort()[0];
  return lapses
    ? `Nothing to do: this issue counts as evidence until ${humanDay(lapses)}; record fresh evidence before then.`
    : 'Nothing to do: this issue counts as evidence while its assignee holds the role.';
}

/** The issue panel's explanation (spec section 7) for one issue: pure, like the report. */
export function explainIssue(
  issue: EvidenceIssue,
  config: CoverageConfig,
  asOf: Day,
  top: TopManagement = NOBODY_NAMED,
): IssueExplanation {
  const categories = CATEGORIES.filter((def) => hasAnyLabel(issue, config.categories[def.id].labels)).map((def) =>
    explainCategory(issue, def.id, config, asOf, top),
  );
  if (categories.length === 0) {
    const suggestedLabels = CATEGORIES.filter((def) => config.categories[def.id].enabled).map((def) => ({
      categoryId: def.id,
      labels: config.categories[def.id].labels,
    }));
    return {
      issueKey: issue.key,
      asOf,
      categories: [],
      suggestedLabels,
      nextStep:
        'This issue is not Clause 5.1 evidence. If it records leadership activity, add the label of its category (for example a management review or a policy approval).',
    };
  }
  return { issueKey: issue.key, asOf, categories, suggestedLabels: [], nextStep: nextStep(categories, config, asOf) };
}
