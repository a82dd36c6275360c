import type { ReactNode } from 'react';
import type { FixAvailability } from '../../../../src/contract/invoke';
import type { UpcomingChange } from '../../../../src/core/types';
import { FixAction } from './FixAction';
import { isLapse } from './text';

/**
 * For the timeline's upcoming list: "Create issue" beside a lapse (a change for the worse, met >
 * partial > stale / missing), nothing beside evidence coming into force.
 *
 *   const action = upcomingFixAction(report.fixes);
 *   {report.upcoming.map((change) => <li>… {action(change)}</li>)}
 */
export function upcomingFixAction(fixes: FixAvailability): (change: UpcomingChange) => ReactNode {
  return (change: UpcomingChange): ReactNode => {
    if (!isLapse(change.statusBefore, change.statusAfter)) return null;
    return <FixAction request={{ categoryId: change.categoryId, origin: 'upcoming' }} fixes={fixes} />;
  };
}
