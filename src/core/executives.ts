/**
 * The executives (spec 13): what each of them did over each category's window, two KPIs and two
 * observations, from the issues the report already read and the executives the edges found. Nothing
 * here changes coverage or the verdict: it reads the same facts the checks read (`peopleOf`), and
 * no more.
 */
import { executivesFindings } from './executives-findings';
import { effectiveDate, hasAnyLabel, windowPosition } from './facts';
import { isTopManagementNamed, type ApproverField } from './people';
import { compareIssueKeys } from './report';
import { RULES } from './rules';
import { percentage } from './score';
import { peopleOf } from './substance';
import type { TopManagement } from './substance-types';
import type { CategoryId, CoverageConfig, Day, EvidenceIssue, Finding } from './types';

/** One executive as the edges resolved them: named in person, or an active member of a named group. */
export interface Executive {
  accountId: string;
  displayName: string;
}

/** What the edges found out about the executives (spec 13.1). */
export interface ExecutivesInput {
  /** Named people and active members of named groups, deduplicated, in any order. */
  executives: readonly Executive[];
  /** A sentence when some could not be read, e.g. a group's members; shown as it is. */
  note?: string;
}

export interface TrainingFigure {
  key: string;
  /** Its effective date. */
  day: Day;
  /** Inside the executive-training window on as-of (spec 4). */
  current: boolean;
  /** Done on or before its due date; null without a due date. */
  onTime: boolean | null;
}

/** One executive's figures (spec 13.2): null for a field whose categories are all disabled. */
export interface ExecutiveFigures {
  accountId: string;
  displayName: string;
  reviews: { attended: number; held: number } | null;
  /** Their newest done training, any age; null when they have none. */
  training: TrainingFigure | null;
  approvals: string[] | null;
  workshops: string[] | null;
  communications: string[] | null;
}

export interface ExecutivesKpis {
  /** Percentage, one decimal; null when no review is held, reviews are disabled or there are no executives. */
  reviewAttendance: number | null;
  /** Null when executive training is disabled. */
  executivesTrained: { current: number; of: number } | null;
}

export interface ExecutivesReport {
  /** The first MAX_LISTED_EXECUTIVES by display name. */
  executives: ExecutiveFigures[];
  kpis: ExecutivesKpis;
  /** A sentence when some executives could not be read or are not listed. */
  executivesNote?: string;
  /** Observations only (spec 13.4). */
  findings: Finding[];
}

/** Spec 13.1: the report lists at most this many executives. */
export const MAX_LISTED_EXECUTIVES = 50;

// A fixed locale, so the same executives list in the same order on every machine.
const NAME_ORDER = new Intl.Collator('en');
const byName = (a: Executive, b: Executive): number =>
  NAME_ORDER.compare(a.displayName, b.displayName) || NAME_ORDER.compare(a.accountId, b.accountId);

/** An issue of a category, with its effective date and the account ids the category's readings name. */
interface Reading {
  issue: EvidenceIssue;
  day: Day | undefined;
  participants: string[];
  signers: string[];
}

/** Spec 13: the executives' figures, KPIs and observations, as of `asOf`. */
export function executivesReport(
  issues: readonly EvidenceIssue[],
  config: CoverageConfig,
  asOf: Day,
  input: ExecutivesInput,
): ExecutivesReport {
  const enabled = (id: CategoryId) => config.categories[id].enabled;
  const { accountIds, groups } = config.topManagement;
  // Top management not named: nobody is an executive, and 8.3's observation says so (spec 13.1).
  const named = isTopManagementNamed(topOf(accountIds, groups.length > 0));
  const people = named ? distinct(input.executives).sort(byName) : [];
  const note = named ? input.note?.trim() : undefined;
  if (people.length === 0)
    return {
      executives: [],
      kpis: { reviewAttendance: null, executivesTrained: trainedOf([], enabled) },
      findings: [],
      ...(note ? { executivesNote: note } : {}),
    };

  const ids = people.map((p) => p.accountId);
  // Spec 8.4: only what existed on as-of (an issue without a creation date is kept).
  const existing = issues.filter((i) => !i.created || i.created <= asOf);
  const approverField: ApproverField | undefined = config.approverField
    ? { name: 'the approver field', id: config.approverField }
    : undefined;

  // Who took part and who signed are worked out only for the issues a figure can use.
  const readings = (id: CategoryId, wanted: (day: Day | undefined, issue: EvidenceIssue) => boolean): Reading[] => {
    if (!enabled(id)) return [];
    const ctx = { categoryId: id, approvalLabel: config.approvalLabel, ...(approverField ? { approverField } : {}) };
    const found: Reading[] = [];
    for (const issue of existing) {
      if (!hasAnyLabel(issue, config.categories[id].labels)) continue;
      const day = issue.done ? effectiveDate(issue, config)?.day : undefined;
      if (!wanted(day, issue)) continue;
      const { signers, participants } = peopleOf(issue, ctx);
      found.push({
        issue,
        day,
        // An app account is never an executive's act, whatever list it came in.
        participants: participants.filter((u) => !u.isApp).map((u) => u.accountId),
        signers: signers.kind === 'known' ? signers.users.filter((u) => !u.isApp).map((u) => u.accountId) : [],
      });
    }
    return found;
  };
  // Spec 4: current is done, with an effective date 0 to the window's days before as-of.
  const current = (id: CategoryId): Reading[] =>
    readings(
      id,
      (day) => day !== undefined && windowPosition(day, asOf, config.categories[id].windowDays).kind === 'inside',
    );

  const reviews = current('management-review');
  const attended = keysBy(reviews, (r) => r.participants);
  const workshops = keysBy(current('workshop-outcome'), (r) => r.participants);
  const communications = keysBy(current('leadership-communication'), (r) => r.participants);
  const approvals = keysBy(
    [
      ...current('security-policy'),
      ...current('resources'),
      ...approvedActions(
        readings('corrective-action', (_day, issue) => issue.labels.includes(config.approvalLabel)),
        config,
        asOf,
        new Set(ids),
      ),
    ],
    (r) => r.signers,
  );
  // Any age, but a date after as-of is no training yet (the category's evidence lists it as a problem).
  const training = newestTraining(
    readings('executive-training', (day) => day !== undefined && day <= asOf),
    config,
    asOf,
  );

  const anyApproval = (['security-policy', 'resources', 'corrective-action'] as const).some(enabled);
  const figures = people.map((p): ExecutiveFigures => ({
    accountId: p.accountId,
    displayName: p.displayName,
    reviews: enabled('management-review')
      ? { attended: attended.get(p.accountId)?.length ?? 0, held: reviews.length }
      : null,
    training: enabled('executive-training') ? (training.get(p.accountId) ?? null) : null,
    approvals: anyApproval ? (approvals.get(p.accountId) ?? []) : null,
    workshops: enabled('workshop-outcome') ? (workshops.get(p.accountId) ?? []) : null,
    communications: enabled('leadership-communication') ? (communications.get(p.accountId) ?? []) : null,
  }));

  // The KPIs and the observations are over every executive, not only those listed: an auditor's
  // "100% attendance of required executives" is about all of them, and the note says who is not listed.
  const kpis: ExecutivesKpis = {
    reviewAttendance:
      enabled('management-review') && reviews.length > 0
        ? // Each executive and held review is one attendance, 1 when they took part, 0 when not.
          percentage(ids.flatMap((id) => reviews.map((r) => (r.participants.includes(id) ? 1 : 0))))
        : null,
    executivesTrained: trainedOf(figures, enabled),
  };
  const missedReviews = reviews
    .filter((r) => ids.some((id) => !r.participants.includes(id)))
    .map((r) => r.issue.key)
    .sort(compareIssueKeys);
  const report: ExecutivesReport = {
    executives: figures.slice(0, MAX_LISTED_EXECUTIVES),
    kpis,
    findings: executivesFindings({ figures, kpis, missedReviews, config }),
  };
  const sentences = [note, notListedSentence(figures.length - MAX_LISTED_EXECUTIVES)].filter(Boolean);
  if (sentences.length > 0) report.executivesNote = sentences.join(' ');
  return report;
}

function topOf(accountIds: readonly string[], groupsNamed: boolean): TopManagement {
  return { accountIds, groupsNamed, inNamedGroup: {} };
}

function trainedOf(
  figures: ExecutiveFigures[],
  enabled: (id: CategoryId) => boolean,
): ExecutivesKpis['executivesTrained'] {
  if (!enabled('executive-training')) return null;
  return { current: figures.filter((f) => f.training?.current === true).length, of: figures.length };
}

/** "12 more executives are not listed: ..." when there are more than the report lists; else empty. */
export function notListedSentence(more: number): string {
  if (more <= 0) return '';
  const them = more === 1 ? '1 more executive is' : `${more} more executives are`;
  return `${them} not listed: the report lists the first ${MAX_LISTED_EXECUTIVES} by name.`;
}

/** Each account once, the first time it is given. */
function distinct(executives: readonly Executive[]): Executive[] {
  const seen = new Set<string>();
  return executives.filter((e) => !seen.has(e.accountId) && seen.add(e.accountId));
}

/** Per account id, the keys of the readings that name them, in key order, each once. */
function keysBy(readings: readonly Reading[], who: (r: Reading) => string[]): Map<string, string[]> {
  const keys = new Map<string, Set<string>>();
  for (const r of readings) {
    for (const id of who(r)) {
      let mine = keys.get(id);
      if (!mine) keys.set(id, (mine = new Set()));
      mine.add(r.issue.key);
    }
  }
  return new Map([...keys].map(([id, mine]) => [id, [...mine].sort(compareIssueKeys)]));
}

/**
 * The corrective actions approved and dated within the window (spec 4 and 8.4), as the corrective
 * rule grades them, with the executives as top management: an action is credited only to an
 * executive who is its grantor, and for them the approval is top management's.
 */
function approvedActions(
  readings: Reading[],
  config: CoverageConfig,
  asOf: Day,
  executives: ReadonlySet<string>,
): Reading[] {
  if (readings.length === 0) return [];
  const id = 'corrective-action';
  const top = topOf([...executives], false);
  const ctx = { config, id, category: config.categories[id], asOf, top } as const;
  return readings.filter((r) => {
    if (!r.signers.some((s) => executives.has(s))) return false;
    const assessed = RULES.corrective.assess(r.issue, ctx);
    return assessed.approved === true && assessed.recent === true;
  });
}

/** Per account id, the training with the newest effective date where they took part. */
function newestTraining(readings: Reading[], config: CoverageConfig, asOf: Day): Map<string, TrainingFigure> {
  const windowDays = config.categories['executive-training'].windowDays;
  const newest = new Map<string, { reading: Reading; day: Day }>();
  for (const r of readings) {
    const day = r.day;
    if (day === undefined) continue;
    for (const id of r.participants) {
      const best = newest.get(id);
      // Same day: the later key, so the answer does not hang on the order of the issues.
      if (!best || day > best.day || (day === best.day && compareIssueKeys(r.issue.key, best.reading.issue.key) > 0))
        newest.set(id, { reading: r, day });
    }
  }
  return new Map(
    [...newest].map(([id, { reading, day }]) => {
      const due = reading.issue.dueDate;
      return [
        id,
        {
          key: reading.issue.key,
          day,
          current: windowPosition(day, asOf, windowDays).kind === 'inside',
          onTime: due ? day <= due : null,
        },
      ];
    }),
  );
}
