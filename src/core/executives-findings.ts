/**
 * The two observations of spec 13.4: executives without current security training, and executives
 * who missed a management review. Observations only: they never change coverage or the verdict.
 */
import type { ExecutiveFigures, ExecutivesKpis } from './executives';
import { compareIssueKeys } from './report';
import type { CoverageConfig, Finding } from './types';
import { listed } from './words';

export const TRAINING_FIX = "Record each executive's completed security training.";
export const ATTENDANCE_FIX =
  'Invite every executive to the management review, or record their attendance in the attendees field.';

// FindingKind has no kind for the executives yet; 'advisory' is the closest (an observation that never
// changes counting) until one is added.
const KIND = 'advisory' as const;

export interface ExecutivesFindingsInput {
  /** Every executive, by display name: not only those listed. */
  figures: readonly ExecutiveFigures[];
  kpis: ExecutivesKpis;
  /** The held reviews at least one executive did not attend, in key order. */
  missedReviews: readonly string[];
  config: CoverageConfig;
}

export function executivesFindings({ figures, kpis, missedReviews, config }: ExecutivesFindingsInput): Finding[] {
  const findings: Finding[] = [];
  if (config.categories['executive-training'].enabled) {
    const untrained = trainingFinding(figures);
    if (untrained) findings.push(untrained);
  }
  if (config.categories['management-review'].enabled) {
    const attendance = attendanceFinding(figures, kpis.reviewAttendance, missedReviews);
    if (attendance) findings.push(attendance);
  }
  return findings;
}

/** "2 of 5 executives have no current security training: Daniel Okafor and Eleanor Voss." */
function trainingFinding(figures: readonly ExecutiveFigures[]): Finding | undefined {
  const untrained = figures.filter((f) => f.training?.current !== true);
  if (untrained.length === 0) return undefined;
  const of = figures.length === 1 ? '1 executive' : `${figures.length} executives`;
  const have = untrained.length === 1 ? 'has' : 'have';
  // Their newest training, where they have one: the record to renew.
  const keys = new Set(untrained.flatMap((f) => (f.training ? [f.training.key] : [])));
  return {
    kind: KIND,
    severity: 'observation',
    categoryId: 'executive-training',
    message: `${untrained.length} of ${of} ${have} no current security training: ${listed(untrained.map((f) => f.displayName))}.`,
    fix: TRAINING_FIX,
    issueKeys: [...keys].sort(compareIssueKeys),
  };
}

/**
 * "Management review attendance is 75%: Eleanor Voss attended 2 of 4 reviews, and Daniel Okafor 3
 * of 4." Those who missed most first, then by name.
 */
function attendanceFinding(
  figures: readonly ExecutiveFigures[],
  attendance: number | null,
  missedReviews: readonly string[],
): Finding | undefined {
  if (attendance === null || attendance >= 100) return undefined;
  const missed = figures
    .flatMap((f) => (f.reviews && f.reviews.attended < f.reviews.held ? [{ name: f.displayName, ...f.reviews }] : []))
    // Stable sort: equal counts keep the figures' order, which is by name.
    .sort((a, b) => a.attended - b.attended);
  const [first, ...rest] = missed;
  if (!first) return undefined;
  const lead = `${first.name} attended ${first.attended} of ${first.held} review${first.held === 1 ? '' : 's'}`;
  const others = rest.map((m) => `${m.name} ${m.attended} of ${m.held}`);
  const who =
    others.length === 0 ? lead : `${[lead, ...others.slice(0, -1)].join(', ')}, and ${others[others.length - 1] ?? ''}`;
  return {
    kind: KIND,
    severity: 'observation',
    categoryId: 'management-review',
    message: `Management review attendance is ${attendance}%: ${who}.`,
    fix: ATTENDANCE_FIX,
    issueKeys: [...missedReviews],
  };
}
