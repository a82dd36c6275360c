/** What the gadget says, pure so tests pin it. */
import type { GadgetReport } from '../../../src/contract/invoke';
import { FORECAST_DAYS } from '../../../src/core/timeline';
import type { ItemId } from '../../../src/core/types';
import { formatDay } from '../shared/format';

/** Items (a) to (h) of Clause 5.1 in a few words, for a gadget's narrow rows (ITEM_TEXT has them in full). */
export const ITEM_NAMES: Record<ItemId, string> = {
  a: 'Policy and objectives',
  b: 'Integration into processes',
  c: 'Resources',
  d: 'Communication',
  e: 'Intended outcomes',
  f: 'Directing and supporting people',
  g: 'Continual improvement',
  h: 'Supporting other managers',
};

type NextLapse = Extract<GadgetReport, { state: 'ready' }>['nextLapse'];

/** "Security policy approval lapses on 17 Dec 2026", or that nothing lapses within the forecast. */
export function nextLapseSentence(nextLapse: NextLapse): string {
  return nextLapse
    ? `${nextLapse.categoryName} lapses on ${formatDay(nextLapse.day)}`
    : `Nothing lapses in the next ${FORECAST_DAYS} days`;
}
