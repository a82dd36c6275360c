import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { UpcomingChange } from '../../../../src/core/types';
import { IssueLinks } from '../../shared/components/JiraLink';
import { StatusLozenge } from '../../shared/components/Lozenges';
import { VisuallyHidden } from '../../shared/components/VisuallyHidden';
import { formatDay } from '../../shared/format';
import { changeMarker, type TimelineReport } from './chart-data';

export interface UpcomingListProps {
  upcoming: UpcomingChange[];
  categories: TimelineReport['categories'];
  /** How far ahead the forecast looks, in days. */
  forecastDays: number;
  /** Rendered in each entry (e.g. a "Create issue" button for the lapse). */
  upcomingAction?: (change: UpcomingChange) => ReactNode;
}

/** The categories whose status changes in the forecast if nothing new is recorded, soonest first. */
export function UpcomingList({ upcoming, categories, forecastDays, upcomingAction }: UpcomingListProps) {
  return (
    <Stack space="space.100">
      <Heading size="small" as="h3" id="c51-upcoming">
        {`What changes in the next ${forecastDays} days`}
      </Heading>
      {upcoming.length === 0 ? (
        <Text as="p">{`Nothing lapses or comes into force in the next ${forecastDays} days if nothing new is recorded.`}</Text>
      ) : (
        <ul aria-labelledby="c51-upcoming" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {upcoming.map((change) => {
            const marker = changeMarker(change, categories);
            return (
              <li
                key={change.categoryId}
                style={{
                  padding: `${token('space.100')} 0`,
                  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
                }}
              >
                <Stack space="space.075">
                  <Text>
                    <span aria-hidden="true">{marker.direction === 'lapses' ? '▼ ' : '▲ '}</span>
                    <strong>{formatDay(change.day)}</strong>: {marker.text}
                  </Text>
                  <Text>
                    Status: <StatusLozenge status={change.statusBefore} /> <span aria-hidden="true">→</span>
                    <VisuallyHidden>becomes</VisuallyHidden> <StatusLozenge status={change.statusAfter} />
                  </Text>
                  <IssueLinks keys={change.issueKeys} />
                  {upcomingAction?.(change)}
                </Stack>
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}
