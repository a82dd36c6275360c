import { CATEGORIES, categoryDefinition } from './categories';
import { hasAnyLabel } from './facts';
import { findingsFor, verdictOf } from './findings';
import { RULES, type IssueAssessment, type Rule } from './rules';
import { isRequirementId, TOP_MANAGEMENT_REQUIREMENTS } from './requirements';
import { percentage, scoreOf } from './score';
import { NOBODY_NAMED, type TopManagement } from './substance-types';
import { cannotTell, provisionalOf } from './unknown';
import {
  ITEM_IDS,
  type CategoryResult,
  type CoverageConfig,
  type CoverageReport,
  type Day,
  type EvidenceEntry,
  type EvidenceIssue,
} from './types';

export interface ReportOptions {
  /** False when not every issue could be read: the report says so instead of pretending. */
  complete?: boolean;
  /** Who top management is (spec 8.1); nobody named when left out. */
  top?: TopManagement;
}

function toEntry(a: IssueAssessment): EvidenceEntry {
  const entry: EvidenceEntry = {
    key: a.issue.key,
    summary: a.issue.summary,
    done: a.issue.done,
    // Advisory checks are reported apart: they never stop an issue counting.
    problems: a.checks.filter((c) => !c.pass && !c.advisory).map((c) => c.message),
    counts: a.counts,
  };
  if (a.effectiveDate) entry.effectiveDate = a.effectiveDate;
  if (a.expiresOn) entry.expiresOn = a.expiresOn;
  if (a.approvers.length > 0) entry.approvers = a.approvers;
  if (a.participants.length > 0) entry.participants = a.participants;
  for (const c of a.checks) {
    if (c.pass || !(c.advisory || isRequirementId(c.id))) continue;
    (entry.failedChecks ??= []).push(c);
  }
  if (!a.counts && cannotTell(a.checks)) entry.cannotTell = true;
  return entry;
}

/**
 * Spec 8.5's involvement: a category shows it when an issue counts, or when it is partial and one
 * of its current issues fails no top-management requirement (a partial corrective category always
 * has an approved action dated within the window).
 */
function showsInvolvement(status: CategoryResult['status'], assessments: IssueAssessment[]): boolean {
  if (assessments.some((a) => a.counts)) return true;
  if (status !== 'partial') return false;
  return assessments.some(
    (a) =>
      (a.current === true || a.approved === true) &&
      !a.failedRequired.some((id) => TOP_MANAGEMENT_REQUIREMENTS.includes(id)),
  );
}

/**
 * Spec 15: the status the category would have if every check that could not be made passed, when
 * some issue fails only such checks; undefined when none does. Its findings then say what could
 * not be checked instead of stating the gap as fact.
 */
function statusIfChecked(rule: Rule, assessments: IssueAssessment[]): CategoryResult['statusIfChecked'] {
  const undecided = (a: IssueAssessment) => !a.counts && cannotTell(a.checks);
  if (!assessments.some(undecided)) return undefined;
  // Failing only unknown checks, its rule's own checks all pass: it would count.
  const asChecked = assessments.map((a) =>
    undecided(a) ? { ...a, counts: true, problem: false, approved: a.approved === undefined ? undefined : true } : a,
  );
  return rule.status(asChecked);
}

// ISMS-9 before ISMS-10. One collator for every comparison: localeCompare with options builds one per call.
const KEY_ORDER = new Intl.Collator('en', { numeric: true });
export const compareIssueKeys = (a: string, b: string): number => KEY_ORDER.compare(a, b);

// Newest first; undated last; then by key number so the order is stable.
function byNewest(a: EvidenceEntry, b: EvidenceEntry): number {
  const da = a.effectiveDate ?? '';
  const db = b.effectiveDate ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return KEY_ORDER.compare(a.key, b.key);
}

function latest(days: (Day | undefined)[]): Day | undefined {
  return days.reduce<Day | undefined>((max, d) => (d && (!max || d > max) ? d : max), undefined);
}

/** Grades one category from the issues carrying its labels. */
export function categoryResult(
  id: CategoryResult['id'],
  issues: EvidenceIssue[],
  config: CoverageConfig,
  asOf: Day,
  top: TopManagement = NOBODY_NAMED,
): CategoryResult {
  const def = categoryDefinition(id);
  const category = config.categories[id];
  const base = { id, name: def.name, rule: def.rule, items: def.items, labels: category.labels };
  if (!category.enabled) {
    return { ...base, status: 'disabled', score: null, evidence: [], disabledReason: category.disabledReason };
  }
  const rule = RULES[def.rule];
  const assessments = issues
    .filter((i) => hasAnyLabel(i, category.labels))
    .map((i) => rule.assess(i, { config, id, category, asOf, top }));
  const status = rule.status(assessments);
  const result: CategoryResult = {
    ...base,
    status,
    score: scoreOf(status),
    evidence: assessments.map(toEntry).sort(byNewest),
    showsInvolvement: showsInvolvement(status, assessments),
  };
  const ifChecked = statusIfChecked(rule, assessments);
  if (ifChecked !== undefined && ifChecked !== status) result.statusIfChecked = ifChecked;
  // Only evidence that counts, and still does after as-of, carries the category forward (spec 8.4).
  const expiry = latest(
    assessments.map((a) => (a.counts && a.expiresOn && a.expiresOn > asOf ? a.expiresOn : undefined)),
  );
  if (expiry) result.expiresOn = expiry;
  const newest = latest(
    assessments
      .filter((a) => a.issue.done && (!a.effectiveDate || a.effectiveDate <= asOf))
      .map((a) => a.effectiveDate),
  );
  if (newest) result.newestEffectiveDate = newest;
  const newestCounting = latest(assessments.filter((a) => a.counts).map((a) => a.effectiveDate));
  if (newestCounting) result.newestCountingDate = newestCounting;
  // Newer done evidence that does not count: "newest evidence" alone would pass it off as the record.
  const newer = assessments.filter(
    (a) =>
      a.issue.done &&
      !a.counts &&
      a.effectiveDate !== undefined &&
      a.effectiveDate <= asOf &&
      (!newestCounting || a.effectiveDate > newestCounting),
  );
  const newerDay = latest(newer.map((a) => a.effectiveDate));
  if (newerDay)
    result.newerNotCounting = {
      day: newerDay,
      issueKeys: newer.map((a) => a.issue.key).sort(compareIssueKeys),
    };
  return result;
}

/** The Clause 5.1 coverage report (spec section 6): issues, config and as-of date in, no I/O. */
export function buildReport(
  projectKey: string,
  issues: EvidenceIssue[],
  config: CoverageConfig,
  asOf: Day,
  options: ReportOptions = {},
): CoverageReport {
  // Spec 8.4: a report for a day counts only what existed on it (an issue without a creation date is kept).
  const existing = issues.filter((i) => !i.created || i.created <= asOf);
  const categories = CATEGORIES.map((def) => categoryResult(def.id, existing, config, asOf, options.top));
  const items = ITEM_IDS.map((item) => ({
    id: item,
    coverage: percentage(categories.filter((c) => c.items.includes(item)).map((c) => c.score)),
  }));
  const findings = findingsFor(categories, config, asOf, options.top ?? NOBODY_NAMED);
  const evidenceKeys = new Set(categories.flatMap((c) => c.evidence.map((e) => e.key)));
  return {
    projectKey,
    asOf,
    // validateConfig guarantees an enabled category, so coverage is never "not assessed".
    coverage: percentage(categories.map((c) => c.score)) ?? 0,
    verdict: verdictOf(findings),
    complete: options.complete ?? true,
    categories,
    items,
    findings,
    evidenceIssueCount: evidenceKeys.size,
    provisional: provisionalOf(categories.flatMap((c) => c.evidence)),
  };
}
