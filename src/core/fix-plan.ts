/**
 * Spec section 10: the Jira issue that would fix a finding, an upcoming lapse or a lapsing issue,
 * worked out from the report the server recomputes (never from text the browser sends). Pure:
 * the resolver adds the project and the issue type, and creates it.
 */
import { categoryDefinition, CATEGORIES, type CategoryDefinition } from './categories';
import { addDaysTo, humanDay } from './dates';
import { hasAnyLabel } from './facts';
import { isLapse } from './status-order';
import type {
  CategoryExplanation,
  CategoryId,
  CoverageConfig,
  CoverageReport,
  CoverageTimeline,
  Day,
  EvidenceIssue,
} from './types';

/** Missing or stale evidence is due this many days after as-of (spec 10). */
export const FIX_DUE_DAYS = 30;

export interface FixDraft {
  summary: string;
  label: string;
  dueDate: Day;
  description: string[];
  renews: string[];
}

export interface OpenIssue {
  key: string;
  summary: string;
}

/** "Security policy approval" inside a sentence; "ISMS budget and staffing" keeps its capitals. */
function inSentence(name: string): string {
  const second = name.charAt(1);
  return second && second === second.toLowerCase() ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

function itemsText(def: CategoryDefinition): string {
  return def.items.map((i) => `(${i})`).join(', ');
}

function draft(
  def: CategoryDefinition,
  config: CoverageConfig,
  asOf: Day,
  what: { verb: 'Record' | 'Renew' | 'Complete'; lapse?: { day: Day; past: boolean }; why: string; renews: string[] },
): FixDraft {
  const label = config.categories[def.id].labels[0] ?? def.defaultLabel;
  const when = what.lapse ? `, ${what.lapse.past ? 'lapsed on' : 'lapses'} ${humanDay(what.lapse.day)}` : '';
  const due = what.lapse && !what.lapse.past ? what.lapse.day : addDaysTo(asOf, FIX_DUE_DAYS);
  return {
    summary: `${what.verb}: ${inSentence(def.name)}${when}`,
    label,
    dueDate: due,
    description: [
      `Clause 5.1 evidence of ${def.records} (ISO/IEC 27001:2022 Clause 5.1, item ${itemsText(def)}).`,
      what.why,
      what.renews.length > 0 ? `It renews the evidence in ${what.renews.join(', ')}.` : '',
      `It counts as evidence once it is done, carries the label ${label}, and meets the checks the app's settings ask for ${inSentence(def.name)}.`,
      `Created from Clause 5.1 Coverage on ${humanDay(asOf)}.`,
    ].filter((p) => p.length > 0),
    renews: what.renews,
  };
}

/** The fix for the category's finding on the project page; undefined when it has none any more. */
export function fixForFinding(report: CoverageReport, id: CategoryId, config: CoverageConfig): FixDraft | undefined {
  const finding = report.findings.find((f) => f.categoryId === id);
  const category = report.categories.find((c) => c.id === id);
  if (!finding || !category || category.status === 'disabled') return undefined;
  const def = categoryDefinition(id);
  const why = `${finding.message} ${finding.fix}`;
  const renews = finding.issueKeys;
  switch (category.status) {
    case 'missing':
      return draft(def, config, report.asOf, { verb: 'Record', why, renews: [] });
    case 'stale': {
      const newest = category.evidence.find((e) => e.done && e.expiresOn && e.expiresOn <= report.asOf);
      const lapse = newest?.expiresOn ? { day: newest.expiresOn, past: true } : undefined;
      return draft(def, config, report.asOf, { verb: 'Renew', lapse, why, renews });
    }
    case 'partial':
      return draft(def, config, report.asOf, { verb: 'Complete', why, renews });
    case 'met': {
      const lapse = category.expiresOn ? { day: category.expiresOn, past: false } : undefined;
      return draft(def, config, report.asOf, { verb: 'Renew', lapse, why, renews });
    }
  }
}

/** The fix for a lapse the forecast shows; undefined when nothing lapses for it in the next 91 days. */
export function fixForUpcoming(
  asOf: Day,
  timeline: CoverageTimeline,
  id: CategoryId,
  config: CoverageConfig,
): FixDraft | undefined {
  const change = timeline.upcoming.find((u) => u.categoryId === id);
  if (!change || !isLapse(change.statusBefore, change.statusAfter)) return undefined;
  const def = categoryDefinition(id);
  return draft(def, config, asOf, {
    verb: 'Renew',
    lapse: { day: change.day, past: false },
    why: `If nothing new is recorded, ${inSentence(def.name)} goes from ${change.statusBefore} to ${change.statusAfter} on ${humanDay(change.day)}.`,
    renews: change.issueKeys,
  });
}

/** Lapsing (within the expiring-soon days) or lapsed: the panel offers a renewal for the category. */
export function isRenewable(category: CategoryExplanation, config: CoverageConfig, asOf: Day): boolean {
  const lapsed = category.checks.some((c) => c.id === 'window' && !c.pass);
  const soon =
    category.counts &&
    category.expiresOn !== undefined &&
    category.expiresOn <= addDaysTo(asOf, config.expiringSoonDays);
  return lapsed || soon;
}

/** The renewal of one issue's evidence, from the issue panel. */
export function fixForIssue(
  issueKey: string,
  category: CategoryExplanation,
  config: CoverageConfig,
  asOf: Day,
): FixDraft | undefined {
  if (!isRenewable(category, config, asOf)) return undefined;
  const def = categoryDefinition(category.id);
  const expires = category.expiresOn;
  const lapse = expires ? { day: expires, past: expires <= asOf } : undefined;
  return draft(def, config, asOf, {
    verb: 'Renew',
    lapse,
    why:
      lapse?.past === false
        ? `${issueKey} stops counting as ${inSentence(def.name)} evidence on ${humanDay(lapse.day)}.`
        : `${issueKey} no longer counts as ${inSentence(def.name)} evidence: it is older than the ${config.categories[def.id].windowDays}-day window.`,
    renews: [issueKey],
  });
}

/**
 * The newest open (not done) issue carrying one of each enabled category's labels: it already is
 * the fix, so the action links to it instead of creating another (spec 10).
 */
export function openFixIssues(
  issues: readonly EvidenceIssue[],
  config: CoverageConfig,
): Partial<Record<CategoryId, OpenIssue>> {
  const open: Partial<Record<CategoryId, OpenIssue>> = {};
  for (const def of CATEGORIES) {
    const category = config.categories[def.id];
    if (!category.enabled) continue;
    let newest: EvidenceIssue | undefined;
    for (const issue of issues) {
      if (issue.done || !hasAnyLabel(issue, category.labels)) continue;
      if (!newest || (issue.created ?? '') > (newest.created ?? '')) newest = issue;
    }
    if (newest) open[def.id] = { key: newest.key, summary: newest.summary };
  }
  return open;
}
