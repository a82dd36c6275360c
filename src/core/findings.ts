import { INVOLVEMENT_CATEGORIES } from './categories';
import { daysBetween } from './dates';
import { plural } from './facts';
import type { CategoryId, CategoryResult, CoverageConfig, Day, Finding, Severity, Verdict } from './types';

const SEVERITY_ORDER: Severity[] = ['major', 'minor', 'warning', 'observation'];

function firstLabel(c: CategoryResult): string {
  return c.labels[0] ?? '(no label)';
}

function keysWithProblems(c: CategoryResult): string[] {
  return c.evidence.filter((e) => !e.counts).map((e) => e.key);
}

function gapMessage(c: CategoryResult, config: CoverageConfig): string {
  const window = config.categories[c.id].windowDays;
  if (c.status === 'missing') {
    if (c.rule === 'role') return `${c.name}: no security role is held by an active person.`;
    if (c.rule === 'corrective') return `${c.name}: no corrective action carries the ${config.approvalLabel} label.`;
    return `${c.name}: no done issue labelled ${firstLabel(c)}.`;
  }
  if (c.rule === 'corrective')
    return `${c.name}: no Board-approved corrective action dated in the last ${window} days.`;
  const newest = c.newestEffectiveDate ? ` (newest ${c.newestEffectiveDate})` : '';
  return `${c.name}: the evidence is older than the ${window}-day window${newest}.`;
}

function gapFix(c: CategoryResult, config: CoverageConfig): string {
  const window = config.categories[c.id].windowDays;
  switch (c.rule) {
    case 'role':
      return `Assign each issue labelled ${firstLabel(c)} to the active person who holds that security role.`;
    case 'corrective':
      return `Have the Board approve a current corrective action and add the ${config.approvalLabel} label to its issue (labelled ${firstLabel(c)}).`;
    case 'dated':
      return `Record ${DATED_FIX[c.id] ?? 'new evidence'} in an issue labelled ${firstLabel(c)} and move it to done: it counts for ${window} days.`;
  }
}

const DATED_FIX: Partial<Record<CategoryId, string>> = {
  'workshop-outcome': 'the outcome of an executive security workshop',
  'security-policy': "the CEO's signature of the current security policy",
  resources: 'the approval of the ISMS budget and staffing',
  'strategy-alignment': 'a security objective linked to a business objective',
  'leadership-communication': 'a message from the CEO to staff about security',
  'management-targets': "security targets in a department's goals",
  'executive-training': 'executives completing security training or an incident drill',
  'management-review': 'a management review with its minutes, KPIs and decisions',
};

function gapSeverity(id: CategoryId, status: 'missing' | 'stale'): Severity {
  if (id === 'security-policy') return 'warning';
  if (id === 'resources') return 'major';
  if (id === 'management-review') return status === 'missing' ? 'major' : 'minor';
  return 'minor';
}

function partialFinding(c: CategoryResult, config: CoverageConfig): Finding {
  const keys = keysWithProblems(c);
  if (c.rule === 'role') {
    return {
      severity: 'observation',
      categoryId: c.id,
      message: `${c.name}: ${plural(keys.length, 'role issue')} without an active assignee.`,
      fix: 'Assign each to the active person who holds the role, or remove the label where the role no longer exists.',
      issueKeys: keys,
    };
  }
  return {
    severity: 'observation',
    categoryId: c.id,
    message: `${c.name}: ${plural(keys.length, 'action')} without Board approval or past the due date.`,
    fix: `Get the Board's approval (${config.approvalLabel}) for open actions and finish or re-plan the overdue ones.`,
    issueKeys: keys,
  };
}

/** The auditor's findings (spec section 5), most severe first. */
export function findingsFor(categories: CategoryResult[], config: CoverageConfig, asOf: Day): Finding[] {
  const findings: Finding[] = [];
  for (const c of categories) {
    if (c.status === 'missing' || c.status === 'stale') {
      findings.push({
        severity: gapSeverity(c.id, c.status),
        categoryId: c.id,
        message: gapMessage(c, config),
        fix: gapFix(c, config),
        issueKeys: keysWithProblems(c),
      });
    }
    if (c.status === 'partial') findings.push(partialFinding(c, config));
    if (c.id === 'management-review' && c.status === 'met') {
      const newest = c.evidence
        .flatMap((e) => (e.counts && e.effectiveDate ? [e.effectiveDate] : []))
        .sort()
        .pop();
      const age = newest ? daysBetween(newest, asOf) : 0;
      if (newest && age > config.reviewIntervalDays) {
        findings.push({
          severity: 'observation',
          categoryId: c.id,
          message: `The newest management review (${newest}) is ${plural(age, 'day')} old: more than the recommended ${config.reviewIntervalDays} days.`,
          fix: 'Hold the next management review; quarterly reviews keep the ISMS under management control.',
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
        severity: 'observation',
        categoryId: c.id,
        message: `${c.name}: the newest evidence stops counting on ${c.expiresOn}, in ${plural(left, 'day')}.`,
        fix: `Record new evidence labelled ${firstLabel(c)} before ${c.expiresOn}.`,
        issueKeys: c.evidence.filter((e) => e.counts).map((e) => e.key),
      });
    }
  }

  const involvement = categories.filter((c) => INVOLVEMENT_CATEGORIES.includes(c.id) && c.status !== 'disabled');
  if (involvement.length > 0 && !involvement.some((c) => c.status === 'met' || c.status === 'partial')) {
    findings.push({
      severity: 'major',
      categoryId: 'involvement',
      message: `No current evidence that management takes part in the ISMS: none of ${involvement.map((c) => c.name.toLowerCase()).join(', ')} is met.`,
      fix: `Record current evidence of management taking part, for example a Board workshop outcome or a management review, and move it to done.`,
      issueKeys: involvement.flatMap(keysWithProblems),
    });
  }

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
