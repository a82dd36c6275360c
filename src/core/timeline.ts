/**
 * Spec section 9: coverage over time and what changes next, from the same issues and config as
 * the report, with nothing stored. A point for day D is the report the engine gives with as-of D;
 * grading 66 days (and 91 more for the upcoming changes) by running the engine each time would
 * cost 66 reports, so each issue's as-of-free facts are worked out once (`Rule.facts`) and each
 * day is graded from those (`Rule.statusOn`), and the findings decide the verdict as they do in
 * the report.
 */
import { CATEGORIES, type CategoryDefinition } from './categories';
import { addDaysTo, ordinal } from './dates';
import { hasAnyLabel } from './facts';
import { findingsFor, verdictOf } from './findings';
import { RULES, type Rule } from './rules';
import type { TimedFacts } from './rules/rule';
import { percentage, scoreOf } from './score';
import { NOBODY_NAMED, type TopManagement } from './substance-types';
import { compareIssueKeys } from './report';
import type {
  CategoryResult,
  CoverageConfig,
  CoverageTimeline,
  Day,
  EvidenceIssue,
  TimelinePoint,
  UpcomingChange,
} from './types';

export const HISTORY_DAYS = 364;
export const FORECAST_DAYS = 91;
export const POINT_STEP_DAYS = 7;

/** One enabled category, with the facts of its issues. */
interface TimedCategory {
  def: CategoryDefinition;
  rule: Rule;
  windowDays: number;
  facts: TimedFacts[];
}

function timedCategories(
  issues: readonly EvidenceIssue[],
  config: CoverageConfig,
  top: TopManagement,
): { enabled: TimedCategory[]; disabled: CategoryResult[] } {
  const enabled: TimedCategory[] = [];
  const disabled: CategoryResult[] = [];
  for (const def of CATEGORIES) {
    const category = config.categories[def.id];
    if (!category.enabled) {
      disabled.push({ ...stub(def, 'disabled'), disabledReason: category.disabledReason });
      continue;
    }
    const rule = RULES[def.rule];
    const ctx = { config, id: def.id, category, top };
    const facts: TimedFacts[] = [];
    for (const issue of issues) if (hasAnyLabel(issue, category.labels)) facts.push(rule.facts(issue, ctx));
    enabled.push({ def, rule, windowDays: category.windowDays, facts });
  }
  return { enabled, disabled };
}

/** The parts of a category result the verdict and coverage read; no evidence, so no messages to build. */
function stub(def: CategoryDefinition, status: CategoryResult['status'], showsInvolvement?: boolean): CategoryResult {
  const result: CategoryResult = {
    id: def.id,
    name: def.name,
    rule: def.rule,
    items: def.items,
    labels: [],
    status,
    score: scoreOf(status),
    evidence: [],
  };
  if (showsInvolvement !== undefined) result.showsInvolvement = showsInvolvement;
  return result;
}

function pointOn(
  day: Day,
  categories: readonly TimedCategory[],
  disabled: readonly CategoryResult[],
  config: CoverageConfig,
  top: TopManagement,
): TimelinePoint {
  const n = ordinal(day);
  const graded = categories.map((c) => {
    const { status, showsInvolvement } = c.rule.statusOn(c.facts, n, c.windowDays);
    return stub(c.def, status, showsInvolvement);
  });
  // The report's category order, so findings (and the verdict) are worked out exactly as it does.
  const all = CATEGORIES.map(
    (def) => graded.find((c) => c.id === def.id) ?? disabled.find((c) => c.id === def.id) ?? stub(def, 'disabled'),
  );
  return {
    day,
    coverage: percentage(all.map((c) => c.score)) ?? 0,
    verdict: verdictOf(findingsFor(all, config, day, top)),
  };
}

/** The days the timeline has points for: as-of minus 364 to as-of plus 91, every 7 days. */
export function timelineDays(asOf: Day): Day[] {
  const days: Day[] = [];
  for (let offset = -HISTORY_DAYS; offset <= FORECAST_DAYS; offset += POINT_STEP_DAYS)
    days.push(addDaysTo(asOf, offset));
  return days;
}

const CATEGORY_ORDER = new Map(CATEGORIES.map((c, index) => [c.id, index]));

function upcomingOf(category: TimedCategory, asOf: Day): UpcomingChange | undefined {
  const today = ordinal(asOf);
  // Nothing new is recorded: only what existed on as-of takes part.
  const facts = category.facts.filter((f) => f.created <= today);
  const before = category.rule.statusOn(facts, today, category.windowDays).status;
  // Grading only changes on an issue's change days, so those are the only days worth grading.
  const byDay = new Map<number, string[]>();
  for (const f of facts) {
    for (const d of category.rule.changeDays(f, category.windowDays)) {
      if (d <= today || d > today + FORECAST_DAYS) continue;
      const keys = byDay.get(d);
      if (keys) keys.push(f.key);
      else byDay.set(d, [f.key]);
    }
  }
  for (const d of [...byDay.keys()].sort((a, b) => a - b)) {
    const after = category.rule.statusOn(facts, d, category.windowDays).status;
    if (after === before) continue;
    return {
      day: addDaysTo(asOf, d - today),
      categoryId: category.def.id,
      statusBefore: before,
      statusAfter: after,
      issueKeys: [...new Set(byDay.get(d))].sort(compareIssueKeys),
    };
  }
  return undefined;
}

/** History and forecast of the report for as-of (spec 9): pure, as the report is. */
export function buildTimeline(
  issues: readonly EvidenceIssue[],
  config: CoverageConfig,
  asOf: Day,
  top: TopManagement = NOBODY_NAMED,
): CoverageTimeline {
  const { enabled, disabled } = timedCategories(issues, config, top);
  const timeline = timelineDays(asOf).map((day) => pointOn(day, enabled, disabled, config, top));
  const upcoming = enabled
    .map((c) => upcomingOf(c, asOf))
    .filter((u): u is UpcomingChange => u !== undefined)
    .sort(
      (a, b) =>
        (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
        (CATEGORY_ORDER.get(a.categoryId) ?? 0) - (CATEGORY_ORDER.get(b.categoryId) ?? 0),
    );
  return { timeline, upcoming };
}
