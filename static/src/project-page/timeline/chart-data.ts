/**
 * The report's timeline and upcoming changes (spec 9) shaped for the chart, its table and the
 * list: pure, so tests pin what each point and marker says without a browser.
 */
import type { ProjectReport } from '../../../../src/contract/invoke';
import { isLapse } from '../../../../src/core/status-order';
import type { Day, TimelinePoint, UpcomingChange, Verdict } from '../../../../src/core/types';
import { VERDICT_WORDS } from '../../../../src/export/words';
import { formatDay, formatPercent, plural } from '../../shared/format';

export type TimelineReport = Pick<ProjectReport, 'asOf' | 'timeline' | 'upcoming' | 'categories'>;

/** Points up to as-of reconstruct the record; later ones forecast it if nothing new is recorded. */
export type Phase = 'recorded' | 'forecast';

export const PHASE_WORDS: Record<Phase, string> = { recorded: 'Recorded', forecast: 'Forecast' };

/** An upcoming change with what the chart and the list say about it. */
export interface ChangeMarker extends UpcomingChange {
  /** The chart's x: days since 1970-01-01, so a change sits on its own day between two points. */
  x: number;
  categoryName: string;
  direction: 'lapses' | 'comes into force';
  /** "Security policy approval lapses". */
  text: string;
}

export interface ChartPoint extends TimelinePoint {
  x: number;
  phase: Phase;
  /** Coverage on the record's line: as-of and before, else null (no line drawn). */
  recorded: number | null;
  /** Coverage on the forecast's line: as-of and after, so the two lines meet today. */
  forecast: number | null;
  /** The previous point's verdict, only where this point's verdict differs from it. */
  verdictBefore?: Verdict;
  /** The upcoming changes after the previous point, up to and including this point's day. */
  changes: ChangeMarker[];
}

export interface TimelineShape {
  points: ChartPoint[];
  /** The point for as-of (today), where the record ends and the forecast starts. */
  today: ChartPoint | undefined;
  markers: ChangeMarker[];
  /** The x axis' labelled days: every eighth week, counted from as-of so today is one of them. */
  ticks: ChartPoint[];
  /** Days the forecast (and the upcoming list) looks ahead. */
  forecastDays: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (UTC, like the engine's days). */
export function dayNumber(day: Day): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** What happens to the category, in words: "Security policy approval lapses" or "... comes into force". */
export function changeMarker(change: UpcomingChange, categories: TimelineReport['categories']): ChangeMarker {
  const categoryName = categories.find((c) => c.id === change.categoryId)?.name ?? change.categoryId;
  const direction = isLapse(change.statusBefore, change.statusAfter) ? 'lapses' : 'comes into force';
  return { ...change, x: dayNumber(change.day), categoryName, direction, text: `${categoryName} ${direction}` };
}

const TICK_EVERY = 8;

export function timelineShape(report: TimelineReport): TimelineShape {
  const markers = report.upcoming.map((u) => changeMarker(u, report.categories));
  const asOfIndex = report.timeline.findIndex((p) => p.day === report.asOf);
  const points = report.timeline.map((point, index): ChartPoint => {
    const previous = report.timeline[index - 1];
    const phase: Phase = point.day <= report.asOf ? 'recorded' : 'forecast';
    return {
      ...point,
      x: dayNumber(point.day),
      phase,
      recorded: phase === 'recorded' ? point.coverage : null,
      forecast: point.day >= report.asOf ? point.coverage : null,
      ...(previous && previous.verdict !== point.verdict ? { verdictBefore: previous.verdict } : {}),
      changes: markers.filter((m) => (previous === undefined || m.day > previous.day) && m.day <= point.day),
    };
  });
  const last = points.at(-1);
  return {
    points,
    today: points[asOfIndex],
    markers,
    ticks: points.filter((_, index) => (index - asOfIndex) % TICK_EVERY === 0),
    forecastDays: last ? dayNumber(last.day) - dayNumber(report.asOf) : 0,
  };
}

/** The chart in one sentence, for its accessible name. */
export function chartSummary({ points, today, markers, forecastDays }: TimelineShape): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || !today) return 'Coverage over time: no points.';
  const changes = points.filter((p) => p.verdictBefore !== undefined).length;
  const verdictChanges =
    changes === 0 ? 'does not change' : changes === 1 ? 'changes once' : `changes ${changes} times`;
  return [
    `Coverage over time, ${formatDay(first.day)} to ${formatDay(last.day)}:`,
    `${formatPercent(first.coverage)} on ${formatDay(first.day)},`,
    `${formatPercent(today.coverage)} today (${formatDay(today.day)}),`,
    `${formatPercent(last.coverage)} forecast for ${formatDay(last.day)} if nothing new is recorded.`,
    `Verdict today: ${VERDICT_WORDS[today.verdict]}; the verdict ${verdictChanges} across the chart.`,
    markers.length === 0
      ? `No category changes status in the next ${forecastDays} days.`
      : `${plural(markers.length, 'category changes', 'categories change')} status in the next ${forecastDays} days.`,
  ].join(' ');
}
