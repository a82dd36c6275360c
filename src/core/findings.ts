import { CATEGORY_DEFINITIONS } from './categories';
import { daysBetween, humanDay } from './dates';
import { plural } from './facts';
import {
  correctiveGaps,
  expiringSoonFix,
  gapFix,
  gapMessage,
  involvementFix,
  involvementMessage,
  partialFix,
  partialMessage,
  reviewIntervalFix,
} from './finding-sentences';
import { advisoryFindings, partialDatedFinding, topManagementNotSet } from './substance-findings';
import type { TopManagement } from './substance-types';
import { undecidedFinding, undecidedInvolvement } from './unknown';
import type { CategoryResult, CoverageConfig, Day, Finding, Severity, Verdict } from './types';

const SEVERITY_ORDER: Severity[] = ['major', 'minor', 'warning', 'observation'];

function keysWithProblems(c: CategoryResult): string[] {
  return c.evidence.filter((e) => !e.counts).map((e) => e.key);
}

/**
 * The issues behind a missing or stale category: for dated evidence the done records that no longer
 * count (an open issue is work still in progress, not a record that failed); for roles and
 * corrective actions every issue that does not count.
 */
function gapKeys(c: CategoryResult): string[] {
  return c.evidence.filter((e) => !e.counts && (c.rule !== 'dated' || e.done)).map((e) => e.key);
}

function partialFinding(c: CategoryResult, config: CoverageConfig, asOf: Day): Finding {
  // A role issue that does not count is the gap; a corrective action may not count and still be no gap.
  const keys = c.rule === 'corrective' ? correctiveGaps(c, config, asOf).map((e) => e.key) : keysWithProblems(c);
  return {
    kind: 'partial',
    severity: CATEGORY_DEFINITIONS[c.id].severity.partial,
    categoryId: c.id,
    message: partialMessage(c, keys),
    fix: partialFix(c, config),
    issueKeys: keys,
  };
}

/** The auditor's findings (spec sections 5 and 8.5), most severe first. */
export function findingsFor(
  categories: CategoryResult[],
  config: CoverageConfig,
  asOf: Day,
  top: TopManagement,
): Finding[] {
  const findings: Finding[] = [];
  for (const c of categories) {
    const def = CATEGORY_DEFINITIONS[c.id];
    // Spec 15: a gap that only checks the app could not make hold open is said as such.
    const better = c.statusIfChecked !== undefined;
    if (c.status === 'missing' || c.status === 'stale') {
      const severity = def.severity[c.status];
      findings.push(
        better
          ? undecidedFinding(c, 'gap', severity)
          : {
              kind: 'gap',
              severity,
              categoryId: c.id,
              message: gapMessage(c, config, asOf),
              fix: gapFix(c, config, asOf),
              issueKeys: gapKeys(c),
            },
      );
    }
    if (c.status === 'partial') {
      const found = c.rule === 'dated' ? partialDatedFinding(c) : partialFinding(c, config, asOf);
      findings.push(better ? undecidedFinding(c, 'partial', found.severity) : found);
    }
    if (c.status !== 'disabled') findings.push(...advisoryFindings(c));
    if (def.reviewInterval && c.status === 'met') {
      const newest = c.evidence
        .flatMap((e) => (e.counts && e.effectiveDate ? [e.effectiveDate] : []))
        .sort()
        .pop();
      const age = newest ? daysBetween(newest, asOf) : 0;
      if (newest && age > config.reviewIntervalDays) {
        findings.push({
          kind: 'review-interval',
          severity: 'observation',
          categoryId: c.id,
          message: `The newest management review (${humanDay(newest)}) is ${plural(age, 'day')} old: more than the recommended ${config.reviewIntervalDays} days.`,
          fix: reviewIntervalFix(config),
          issueKeys: c.evidence.filter((e) => e.effectiveDate === newest).map((e) => e.key),
        });
      }
    }
    if (
      c.status === 'met' &&
      c.rule !== 'role' &&
      c.expiresOn &&
      daysBetween(asOf, c.expiresOn) <= config.expiringSoonDays
    ) {
      const left = daysBetween(asOf, c.expiresOn);
      findings.push({
        kind: 'expiring-soon',
        severity: 'observation',
        categoryId: c.id,
        message: `${c.name}: the newest evidence stops counting on ${humanDay(c.expiresOn)}, in ${plural(left, 'day')}.`,
        fix: expiringSoonFix(c, config, c.expiresOn),
        issueKeys: c.evidence.filter((e) => e.counts).map((e) => e.key),
      });
    }
  }

  const involvement = categories.filter((c) => CATEGORY_DEFINITIONS[c.id].involvement && c.status !== 'disabled');
  if (involvement.length > 0 && !involvement.some((c) => c.showsInvolvement === true)) {
    // Met or partial once its unknown checks pass, a category would show involvement (spec 15).
    const undecided = involvement.filter((c) => c.statusIfChecked === 'met' || c.statusIfChecked === 'partial');
    findings.push(
      undecided.length > 0
        ? undecidedInvolvement(undecided)
        : {
            kind: 'involvement',
            severity: 'major',
            categoryId: 'involvement',
            message: involvementMessage(involvement),
            fix: involvementFix(involvement, config),
            issueKeys: involvement.flatMap(keysWithProblems),
          },
    );
  }

  findings.push(...topManagementNotSet(categories, (id) => config.categories[id].requirements, top));

  // Stable: within a severity, findings keep the order of the categories.
  return findings
    .map((f, index) => ({ f, index }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.f.severity) - SEVERITY_ORDER.indexOf(b.f.severity) || a.index - b.index)
    .map(({ f }) => f);
}

export function verdictOf(findings: Finding[]): Verdict {
  const has = (s: Severity) => findings.some((f) => f.severity === s);
  if (has('major')) return 'major-nc';
  if (has('minor')) return 'minor-nc';
  if (has('warning')) return 'warning';
  return 'ready';
}
