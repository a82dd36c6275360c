import type { CategoryStatus } from './types';

export function scoreOf(status: CategoryStatus): number | null {
  switch (status) {
    case 'met':
      return 1;
    case 'partial':
      return 0.5;
    case 'stale':
    case 'missing':
      return 0;
    case 'disabled':
      return null;
  }
}

/**
 * Mean of the scores as a percentage rounded half up to one decimal (66.67 -> 66.7), or null
 * when nothing is assessed. Scores are multiples of 0.5, so the sum is counted in halves and
 * rounded in integers: floating point never decides a tie.
 */
export function percentage(scores: (number | null)[]): number | null {
  const assessed = scores.filter((s): s is number => s !== null);
  if (assessed.length === 0) return null;
  const halves = assessed.reduce((sum, s) => sum + Math.round(s * 2), 0);
  const n = assessed.length;
  // tenths of a percent = halves / (2n) * 1000, rounded half up
  const tenths = Math.floor((halves * 1000 + n) / (2 * n));
  return tenths / 10;
}
