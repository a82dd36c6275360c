import type { CategoryStatus } from './types';

type Graded = Exclude<CategoryStatus, 'disabled'>;

// Stale and missing score alike, but stale evidence at least exists.
const RANK: Record<Graded, number> = { met: 3, partial: 2, stale: 1, missing: 0 };

/** A change for the worse (a lapse), which a new issue fixes; a change for the better needs nothing. */
export const isLapse = (before: Graded, after: Graded): boolean => RANK[after] < RANK[before];
