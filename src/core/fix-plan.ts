/**
 * Spec section 10: the Jira issue that would fix a finding, an upcoming lapse or a lapsing issue,
 * worked out from the report the server recomputes (never from text the browser sends). Pure:
 * the resolver adds the project and the issue type, and creates it.
 */
import { categoryDefinition, CATEGORIES, type CategoryDefinition } from './categories';
import { addDaysTo, humanDay } from './dates';
import { hasAnyLabel } from './facts';
import { projectOfKey } from './jira-ids';
import { isLapse } from './status-order';
import { inSentence } from './words';
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

function itemsText(def: CategoryDefinition): string {
  return def.items.map((i) => `(${i})`).join(', ');
}

/**
 * Who reads the issue "Create issue" makes: everyone who browses its project, whatever evidence
 * each of them may see (spec 10 as issue 19 amends it). The new issue names only evidence that
 * all of them can see.
 */
export interface Readers {
  /** Whether everyone who can see the new issue can see this evidence issue. */
  canSee(key: string): boolean;
}

/**
 * The readers of a new issue in `projectKey`: they all see the evidence issues of that project
 * that have no security level. Any other issue is restricted evidence: another project's (its
 * browsers are other people), one with a security level, or one whose level the read did not tell.
 */
export function readersOf(projectKey: string, issues: readonly EvidenceIssue[]): Readers {
  // A key names the project the issue is in now: Jira keys a moved issue anew, in its new project.
  const open = new Set(
    issues.filter((i) => i.secured === false && projectOfKey(i.key) === projectKey).map((i) => i.key),
  );
  return { canSee: (key) => open.has(key) };
}

/** Said instead of the finding when anything it rests on is restricted: its sentences name keys, dates and ages. */
export const RESTRICTED_WHY =
  "Why it is needed rests on restricted evidence, so it is not said here: the project's Clause 5.1 coverage page shows it to those who may see that evidence.";

/** The evidence it renews, naming only the issues every reader of the new issue can see. */
function renewsSentence(renews: readonly string[], readers: Readers): string {
  const named = renews.filter((key) => readers.canSee(key));
  const unnamed = named.length < renews.length ? 'restricted evidence, which this issue does not name' : '';
  if (named.length === 0) return unnamed ? `It renews ${unnamed}.` : '';
  return `It renews the evidence in ${named.join(', ')}${unnamed ? ` and ${unnamed}` : ''}.`;
}

interface FixBasis {
  verb: 'Record' | 'Renew' | 'Complete';
  /** The summary when the verb and category name do not say it (the next management review). */
  summary?: string;
  lapse?: { day: Day; past: boolean };
  why: string;
  renews: string[];
  /** The evidence the reason and the lapse day are drawn from. */
  restsOn: readonly string[];
}

function draft(def: CategoryDefinition, config: CoverageConfig, asOf: Day, readers: Readers, what: FixBasis): FixDraft {
  const label = config.categories[def.id].labels[0] ?? def.defaultLabel;
  // Nothing drawn from restricted evidence goes into the issue: not the finding's sentences, not
  // the lapse day (in the summary, nor as the due date, which would tell it just the same).
  const open = what.restsOn.every((key) => readers.canSee(key));
  const lapse = open ? what.lapse : undefined;
  const when = lapse ? `, ${lapse.past ? 'lapsed on' : 'lapses'} ${humanDay(lapse.day)}` : '';
  const due = lapse && !lapse.past ? lapse.day : addDaysTo(asOf, FIX_DUE_DAYS);
  return {
    summary: what.summary ?? `${what.verb}: ${inSentence(def.name)}${when}`,
    label,
    dueDate: due,
    description: [
      `Clause 5.1 evidence of ${def.records} (ISO/IEC 27001:2022 Clause 5.1, item ${itemsText(def)}).`,
      open ? what.why : RESTRICTED_WHY,
      renewsSentence(what.renews, readers),
      `It counts as evidence once it is done, carries the label ${label}, and meets the checks the app's settings ask for ${inSentence(def.name)}.`,
      `Created from Clause 5.1 Coverage on ${humanDay(asOf)}.`,
    ].filter((p) => p.length > 0),
    renews: what.renews,
  };
}

/**
 * The fix for the category's finding on the project page; undefined when it has none any more.
 * The finding's words are drawn from every issue of its category, so all of them must be open
 * for the new issue to repeat them.
 */
export function fixForFinding(
  report: CoverageReport,
  id: CategoryId,
  config: CoverageConfig,
  readers: Readers,
): FixDraft | undefined {
  // The first finding of the category is the one the page offers Create issue on (the worst).
  const finding = report.findings.find((f) => f.categoryId === id);
  const category = report.categories.find((c) => c.id === id);
  if (!finding || !category || category.status === 'disabled') return undefined;
  const def = categoryDefinition(id);
  const why = `${finding.message} ${finding.fix}`;
  const renews = finding.issueKeys;
  const restsOn = [...category.evidence.map((e) => e.key), ...renews];
  const basis = { why, renews, restsOn };
  // What is due and when comes from the finding, not the category's lapse: a review held too long
  // ago is due now, whatever the day the newest one stops counting.
  switch (finding.kind) {
    case 'review-interval':
      return draft(def, config, report.asOf, readers, {
        ...basis,
        verb: 'Record',
        summary: 'Hold the next management review',
      });
    case 'expiring-soon': {
      const lapse = category.expiresOn ? { day: category.expiresOn, past: false } : undefined;
      return draft(def, config, report.asOf, readers, { ...basis, verb: 'Renew', lapse });
    }
    case 'advisory':
    case 'partial':
      return draft(def, config, report.asOf, readers, { ...basis, verb: 'Complete' });
    default:
      break;
  }
  if (category.status === 'missing')
    return draft(def, config, report.asOf, readers, { ...basis, verb: 'Record', renews: [] });
  const newest = category.evidence.find((e) => e.done && e.expiresOn && e.expiresOn <= report.asOf);
  const lapse = newest?.expiresOn ? { day: newest.expiresOn, past: true } : undefined;
  return draft(def, config, report.asOf, readers, { ...basis, verb: 'Renew', lapse });
}

/** The fix for a lapse the forecast shows; undefined when nothing lapses for it in the next 91 days. */
export function fixForUpcoming(
  asOf: Day,
  timeline: CoverageTimeline,
  id: CategoryId,
  config: CoverageConfig,
  readers: Readers,
): FixDraft | undefined {
  const change = timeline.upcoming.find((u) => u.categoryId === id);
  if (!change || !isLapse(change.statusBefore, change.statusAfter)) return undefined;
  const def = categoryDefinition(id);
  return draft(def, config, asOf, readers, {
    verb: 'Renew',
    lapse: { day: change.day, past: false },
    why: `If nothing new is recorded, ${inSentence(def.name)} goes from ${change.statusBefore} to ${change.statusAfter} on ${humanDay(change.day)}.`,
    renews: change.issueKeys,
    // The day is the day these issues stop counting.
    restsOn: change.issueKeys,
  });
}

/** Lapsing (within the expiring-soon days) or lapsed: the panel offers a renewal for the category. */
export function isRenewable(category: CategoryExplanation): boolean {
  const lapsed = category.checks.some((c) => c.id === 'window' && !c.pass);
  return lapsed || category.lapsesSoon === true;
}

/** The renewal of one issue's evidence, from the issue panel. */
export function fixForIssue(
  issueKey: string,
  category: CategoryExplanation,
  config: CoverageConfig,
  asOf: Day,
  readers: Readers,
): FixDraft | undefined {
  if (!isRenewable(category)) return undefined;
  const def = categoryDefinition(category.id);
  const expires = category.expiresOn;
  const lapse = expires ? { day: expires, past: expires <= asOf } : undefined;
  return draft(def, config, asOf, readers, {
    verb: 'Renew',
    lapse,
    why:
      lapse?.past === false
        ? `${issueKey} stops counting as ${inSentence(def.name)} evidence on ${humanDay(lapse.day)}.`
        : `${issueKey} no longer counts as ${inSentence(def.name)} evidence: it is older than the ${config.categories[def.id].windowDays}-day window.`,
    renews: [issueKey],
    restsOn: [issueKey],
  });
}

/**
 * The open issue that already is each category's fix, so the action links to it instead of creating
 * another (spec 10): the newest open issue carrying one of the category's labels that is not itself
 * evidence the category's findings name, does not count as evidence, and was raised after every
 * issue those findings name; or one that Create issue made (`created`). Role assignments and
 * Board-approved corrective actions are normally open, so "any open issue with the label" would
 * point a finding at the very issue it flags (issue 20).
 */
export function openFixIssues(
  issues: readonly EvidenceIssue[],
  config: CoverageConfig,
  report: CoverageReport,
  created: ReadonlySet<string> = new Set(),
): Partial<Record<CategoryId, OpenIssue>> {
  const open: Partial<Record<CategoryId, OpenIssue>> = {};
  const byKey = new Map(issues.map((i) => [i.key, i]));
  for (const def of CATEGORIES) {
    const category = config.categories[def.id];
    if (!category.enabled) continue;
    const result = report.categories.find((c) => c.id === def.id);
    const counting = new Set(result?.evidence.filter((e) => e.counts).map((e) => e.key));
    const named = new Set(report.findings.filter((f) => f.categoryId === def.id).flatMap((f) => f.issueKeys));
    const newestNamed = [...named].reduce((max, key) => {
      const day = byKey.get(key)?.created ?? '';
      return day > max ? day : max;
    }, '');
    const isFix = (issue: EvidenceIssue) =>
      created.has(issue.key) ||
      (!named.has(issue.key) && !counting.has(issue.key) && (issue.created ?? '') > newestNamed);
    let newest: EvidenceIssue | undefined;
    for (const issue of issues) {
      if (issue.done || !hasAnyLabel(issue, category.labels) || !isFix(issue)) continue;
      if (!newest || (issue.created ?? '') > (newest.created ?? '')) newest = issue;
    }
    if (newest) open[def.id] = { key: newest.key, summary: newest.summary };
  }
  return open;
}
