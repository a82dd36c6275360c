import { Component, lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { UpcomingChange } from '../../../../src/core/types';
import { LoadingState } from '../../shared/components/States';
import { chartSummary, timelineShape, type TimelineReport } from './chart-data';
import { TimelineTable } from './TimelineTable';
import { UpcomingList } from './UpcomingList';

// The charting library is most of the chart's weight: loaded on its own, after the page.
const TimelineChart = lazy(() => import('./TimelineChart'));

/** Said beside the chart (spec 9): what a past point and a future point stand for. */
export const TIMELINE_BASIS =
  'Past points are reconstructed from the issues as they are today: an issue changed or deleted since is graded as it is now. Future points assume nothing new is recorded.';

/** Runs `then` when the browser is idle (at the latest after 2 s); returns the cancel. */
function whenIdle(then: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(then, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(then, 200);
  return () => clearTimeout(timer);
}

/** If the chart's code cannot be loaded, the page stays up and says where the same data is. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (
      <Text as="p">The chart could not be loaded. The table below has the same data.</Text>
    ) : (
      this.props.children
    );
  }
}

export interface TimelineSectionProps {
  report: TimelineReport;
  /** Rendered in each upcoming change's entry (e.g. a "Create issue" button). */
  upcomingAction?: (change: UpcomingChange) => ReactNode;
}

/** Coverage over time (spec 9): the chart, the same data as a table, and what changes next. */
export function TimelineSection({ report, upcomingAction }: TimelineSectionProps) {
  const shape = useMemo(() => timelineShape(report), [report]);
  // The chart's code is fetched and run only once the browser is idle after painting the report,
  // so coverage and the verdict are on screen, and the page answers, before the library starts.
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true)), []);
  return (
    <section aria-labelledby="c51-timeline">
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="c51-timeline">
          Coverage over time
        </Heading>
        <Text as="p">{TIMELINE_BASIS}</Text>
        <ChartBoundary>
          <Suspense
            fallback={
              <Box paddingBlock="space.400">
                <LoadingState label="Loading the chart" />
              </Box>
            }
          >
            {idle ? (
              <TimelineChart shape={shape} asOf={report.asOf} label={chartSummary(shape)} />
            ) : (
              <Box paddingBlock="space.400">
                <LoadingState label="Loading the chart" />
              </Box>
            )}
          </Suspense>
        </ChartBoundary>
        <TimelineTable shape={shape} asOf={report.asOf} />
        <UpcomingList
          upcoming={report.upcoming}
          categories={report.categories}
          forecastDays={shape.forecastDays}
          upcomingAction={upcomingAction}
        />
      </Stack>
    </section>
  );
}
