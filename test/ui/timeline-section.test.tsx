/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import type { UpcomingChange } from '../../src/core/types';
import {
  changeMarker,
  chartSummary,
  dayNumber,
  timelineShape,
} from '../../static/src/project-page/timeline/chart-data';
import type * as Chart from '../../static/src/project-page/timeline/TimelineChart';
import { TIMELINE_BASIS, TimelineSection } from '../../static/src/project-page/timeline/TimelineSection';
import * as navigation from '../../static/src/shared/navigation';
import { allMetIssues, anIssue, label, withoutTopManagementChecks } from '../support/builders';
import { AS_OF, demoReport, projectReport } from './support/fixtures';
import type * as Mocks from './support/mocks';
import './support/dom-setup';

jest.mock('../../static/src/shared/api', () => jest.requireActual<typeof Mocks>('./support/mocks').apiMock());
jest.mock('../../static/src/shared/navigation', () =>
  jest.requireActual<typeof Mocks>('./support/mocks').navigationMock(),
);
// The real chart, unless a test makes it fail as a chunk that cannot be loaded would.
let mockChartFails = false;
jest.mock('../../static/src/project-page/timeline/TimelineChart', () => {
  const actual = jest.requireActual<typeof Chart>('../../static/src/project-page/timeline/TimelineChart');
  return {
    __esModule: true,
    default: (props: Chart.TimelineChartProps) => {
      if (mockChartFails) throw new Error('Failed to fetch dynamically imported module');
      return createElement(actual.default, props);
    },
  };
});

/**
 * A report with two changes ahead: a security policy approved in January lapses on 11 Jan 2027,
 * and a strategy alignment resolved after as-of comes into force; the rest stays met.
 */
function reportWithChanges() {
  const changing = [label('security-policy'), label('strategy-alignment')];
  const issues = allMetIssues(AS_OF).filter((i) => !i.labels.some((l) => changing.includes(l)));
  const policy = anIssue({ labels: [label('security-policy')], resolved: '2026-01-10' });
  const strategy = anIssue({ labels: [label('strategy-alignment')], created: '2026-11-20', resolved: '2026-12-15' });
  return { report: projectReport([...issues, policy, strategy], withoutTopManagementChecks()), policy, strategy };
}

describe('chart data (spec 9)', () => {
  const report = demoReport();
  const shape = timelineShape(report);

  test('66 weekly points: 53 recorded up to as-of, 13 forecast after it, the two lines meeting today', () => {
    expect(shape.points).toHaveLength(66);
    expect(shape.points.filter((p) => p.phase === 'recorded')).toHaveLength(53);
    expect(shape.points.filter((p) => p.phase === 'forecast')).toHaveLength(13);
    expect(shape.today).toMatchObject({ day: AS_OF, phase: 'recorded', recorded: 65, forecast: 65 });
    for (const point of shape.points) {
      expect(point.recorded).toBe(point.day <= AS_OF ? point.coverage : null);
      expect(point.forecast).toBe(point.day >= AS_OF ? point.coverage : null);
    }
    expect(shape.points.slice(1).every((p, i) => p.x - (shape.points[i]?.x ?? 0) === 7)).toBe(true);
    expect(shape.forecastDays).toBe(91);
  });

  test('a verdict change is marked on the first point with the new verdict, naming the one before', () => {
    const changes = shape.points.filter((p) => p.verdictBefore !== undefined);
    expect(changes.map((p) => [p.day, p.verdictBefore, p.verdict])).toEqual([['2026-06-06', 'major-nc', 'minor-nc']]);
  });

  test('the x axis labels every eighth week, today among them', () => {
    expect(shape.ticks.map((p) => p.day)).toEqual([
      '2025-12-27',
      '2026-02-21',
      '2026-04-18',
      '2026-06-13',
      '2026-08-08',
      '2026-10-03',
      AS_OF,
      '2027-01-23',
    ]);
  });

  test('days are counted from 1970-01-01 in UTC', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-12-05') - dayNumber(AS_OF)).toBe(7);
  });

  test('an upcoming change says what happens to which category: a lapse or coming into force', () => {
    const lapse: UpcomingChange = {
      day: '2026-12-14',
      categoryId: 'security-policy',
      statusBefore: 'met',
      statusAfter: 'stale',
      issueKeys: ['ISMS-3'],
    };
    expect(changeMarker(lapse, report.categories)).toMatchObject({
      categoryName: 'Security policy approval',
      direction: 'lapses',
      text: 'Security policy approval lapses',
      x: dayNumber('2026-12-14'),
    });
    const better = { ...lapse, categoryId: 'strategy-alignment', statusBefore: 'missing', statusAfter: 'met' } as const;
    expect(changeMarker(better, report.categories).text).toBe('Strategy alignment comes into force');
    expect(changeMarker({ ...lapse, statusBefore: 'met', statusAfter: 'partial' }, report.categories).direction).toBe(
      'lapses',
    );
  });

  test('each change is attached to the first point on or after its day', () => {
    const { report: ahead } = reportWithChanges();
    const withChanges = timelineShape(ahead);
    expect(withChanges.markers.map((m) => [m.day, m.text])).toEqual([
      ['2026-12-15', 'Strategy alignment comes into force'],
      ['2027-01-11', 'Security policy approval lapses'],
    ]);
    const attached = withChanges.points.filter((p) => p.changes.length > 0);
    expect(attached.map((p) => [p.day, p.changes.map((c) => c.categoryId)])).toEqual([
      ['2026-12-19', ['strategy-alignment']],
      ['2027-01-16', ['security-policy']],
    ]);
  });

  test('the summary says the span, coverage a year ago, today and at the end, the verdict and what changes', () => {
    expect(chartSummary(shape)).toBe(
      'Coverage over time, 29 Nov 2025 to 27 Feb 2027: 35% on 29 Nov 2025, 65% today (28 Nov 2026), ' +
        '65% forecast for 27 Feb 2027 if nothing new is recorded. Verdict today: Minor non-conformity; ' +
        'the verdict changes once across the chart. No category changes status in the next 91 days.',
    );
    expect(chartSummary(timelineShape(reportWithChanges().report))).toMatch(
      /2 categories change status in the next 91 days\.$/,
    );
  });
});

// jsdom lays nothing out: give the chart's container a size and a ResizeObserver that reports it.
function withLayout() {
  const rect = { x: 0, y: 0, top: 0, left: 0, bottom: 400, right: 900, width: 900, height: 400 };
  const spy = jest
    .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    .mockReturnValue({ ...rect, toJSON: () => rect });
  class FixedResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      this.callback([{ target, contentRect: rect } as unknown as ResizeObserverEntry], this);
    }
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver: FixedResizeObserver });
  return () => {
    spy.mockRestore();
    Reflect.deleteProperty(window, 'ResizeObserver');
  };
}

/** The lazily loaded chart is in (the first import of recharts takes a while under ts-jest). */
const chartLoaded = () => screen.findByRole('list', { name: 'Chart key' }, { timeout: 15_000 });

async function renderSection(report = demoReport(), upcomingAction?: (change: UpcomingChange) => React.ReactNode) {
  render(<TimelineSection report={report} upcomingAction={upcomingAction} />);
  await chartLoaded();
  return screen.getByRole('region', { name: 'Coverage over time' });
}

describe('the coverage over time section', () => {
  test('waits for the chart with a labelled spinner, then shows it with its key', async () => {
    render(<TimelineSection report={demoReport()} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the chart');
    const key = await chartLoaded();
    expect(
      within(key)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Recorded', 'Forecast, if nothing new is recorded (shaded)', 'Today', 'The verdict changes']);
    expect(screen.queryByText('Loading the chart')).toBeNull();
  });

  test('says what past and future points stand for', async () => {
    const section = await renderSection();
    expect(within(section).getByText(TIMELINE_BASIS)).toBeVisible();
    expect(TIMELINE_BASIS).toContain('reconstructed from the issues as they are today');
    expect(TIMELINE_BASIS).toContain('an issue changed or deleted since is graded as it is now');
    expect(TIMELINE_BASIS).toContain('Future points assume nothing new is recorded');
  });

  test('the chart is an image named by its summary; focus shows the first week, arrows step through', async () => {
    const restore = withLayout();
    try {
      const report = demoReport();
      await renderSection(report);
      const chart = screen.getByRole('img', { name: chartSummary(timelineShape(report)) });
      expect(chart).toHaveAttribute('tabindex', '0');
      const hint = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
      expect(hint).toHaveTextContent('use the left and right arrow keys to step through the weeks');
      act(() => chart.focus());
      const tooltip = await screen.findByTestId('timeline-tooltip');
      expect(tooltip).toHaveTextContent('29 Nov 2025 · Recorded');
      expect(tooltip).toHaveTextContent('Coverage 35%');
      expect(tooltip).toHaveTextContent('Major non-conformity');
      fireEvent.keyDown(chart, { key: 'ArrowRight' });
      expect(await screen.findByText(/6 Dec 2025 · Recorded/)).toBeVisible();
    } finally {
      restore();
    }
  });

  test('the same data as a table, behind a toggle: day, coverage, verdict, recorded or forecast', async () => {
    await renderSection();
    const toggle = screen.getByRole('button', { name: 'Show the chart as a table of weekly coverage' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Hide the table of weekly coverage');
    const table = screen.getByRole('table', {
      name: 'Coverage week by week: recorded up to today (28 Nov 2026), forecast after it if nothing new is recorded.',
    });
    expect(table.id === '' ? table.parentElement?.id : table.id).toBe(toggle.getAttribute('aria-controls'));
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 66);
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Day', 'Coverage', 'Verdict', 'Recorded or forecast']);
    const cells = (name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(/^29 Nov 2025/)).toEqual(['35%', 'Major non-conformity', 'Recorded']);
    expect(cells(/^6 Jun 2026/)).toEqual(['65%', 'Minor non-conformity changed from Major non-conformity', 'Recorded']);
    expect(cells(/^28 Nov 2026 \(today\)/)).toEqual(['65%', 'Minor non-conformity', 'Recorded']);
    expect(cells(/^5 Dec 2026/)).toEqual(['65%', 'Minor non-conformity', 'Forecast']);
    expect(cells(/^27 Feb 2027/)).toEqual(['65%', 'Minor non-conformity', 'Forecast']);
  });

  test('with nothing ahead, the upcoming list says so in a sentence', async () => {
    const section = await renderSection();
    expect(within(section).getByRole('heading', { level: 3, name: 'What changes in the next 91 days' })).toBeVisible();
    expect(
      within(section).getByText('Nothing lapses or comes into force in the next 91 days if nothing new is recorded.'),
    ).toBeVisible();
    expect(within(section).queryByRole('list', { name: 'What changes in the next 91 days' })).toBeNull();
  });

  test('lists each change with its day, category, status before and after in words, and issue links', async () => {
    const { report, policy, strategy } = reportWithChanges();
    const section = await renderSection(report);
    const list = within(section).getByRole('list', { name: 'What changes in the next 91 days' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    const [first, second] = entries as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('15 Dec 2026: Strategy alignment comes into force');
    expect(first).toHaveTextContent(/Status: Stale →\s?becomes Met/);
    expect(within(first).getByRole('link', { name: strategy.key })).toHaveAttribute('href', `/browse/${strategy.key}`);
    expect(second).toHaveTextContent('11 Jan 2027: Security policy approval lapses');
    expect(second).toHaveTextContent(/Status: Met →\s?becomes Stale/);
    fireEvent.click(within(second).getByRole('link', { name: policy.key }));
    expect(navigation.navigateTo).toHaveBeenCalledWith(`/browse/${policy.key}`);
  });

  test('renders what upcomingAction returns in each entry, given that entry’s change', async () => {
    const { report } = reportWithChanges();
    const action = jest.fn((change: UpcomingChange) => (
      <button type="button">Create issue for {change.categoryId}</button>
    ));
    const section = await renderSection(report, action);
    expect(action.mock.calls.map(([change]) => change)).toEqual(expect.arrayContaining(report.upcoming));
    const entries = within(within(section).getByRole('list', { name: /What changes/ })).getAllByRole('listitem');
    expect(within(entries[0]!).getByRole('button', { name: 'Create issue for strategy-alignment' })).toBeVisible();
    expect(within(entries[1]!).getByRole('button', { name: 'Create issue for security-policy' })).toBeVisible();
  });

  test('upcoming changes are marked on the chart with what changes, and in its key', async () => {
    const restore = withLayout();
    try {
      await renderSection(reportWithChanges().report);
      const chart = screen.getByRole('img');
      expect(within(chart).getByText('15 Dec 2026: Strategy alignment comes into force').tagName).toBe('text');
      expect(within(chart).getByText('11 Jan 2027: Security policy approval lapses').tagName).toBe('text');
      expect(within(chart).getByText('Today, 28 Nov 2026').tagName).toBe('text');
      const key = screen.getByRole('list', { name: 'Chart key' });
      expect(within(key).getByText('A category lapses')).toBeVisible();
      expect(within(key).getByText('A category comes into force')).toBeVisible();
    } finally {
      restore();
    }
  });

  test('if the chart cannot be loaded, the section says the table has the same data and keeps the rest', async () => {
    mockChartFails = true;
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(<TimelineSection report={demoReport()} />);
      expect(
        await screen.findByText('The chart could not be loaded. The table below has the same data.'),
      ).toBeVisible();
      expect(screen.getByRole('button', { name: 'Show the chart as a table of weekly coverage' })).toBeVisible();
      expect(screen.getByRole('heading', { name: 'What changes in the next 91 days' })).toBeVisible();
    } finally {
      mockChartFails = false;
      quiet.mockRestore();
    }
  });
});
