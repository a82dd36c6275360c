/**
 * The bulk changelog read's batches (spec 8.2): at most 1,000 issues a request, spread over the
 * batches read at once when there are enough issues, so the pages of one batch are fewer rounds.
 */
import { CHANGELOG_BATCH, changelogBatches, PARALLEL_BATCHES } from '../../src/jira/substance-reads';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => String(10_000 + i));
const sizes = (n: number): number[] => changelogBatches(ids(n)).map((batch) => batch.length);

describe('changelog batches', () => {
  test.each([
    { n: 0, batches: [] },
    { n: 1, batches: [1] },
    { n: 15, batches: [15] },
    { n: 250, batches: [250] },
    { n: 251, batches: [126, 125] },
    { n: 1000, batches: [250, 250, 250, 250] },
    { n: 5669, batches: [...Array<number>(9).fill(567), 566] },
    { n: 10_000, batches: Array<number>(10).fill(1000) },
  ])('$n issues: batches of $batches', ({ n, batches }) => {
    expect(sizes(n)).toEqual(batches);
  });

  test.each([1, 99, 251, 999, 1001, 4321, 10_001, 25_000])(
    '%i issues: each once, in order, never more than 1,000 a request nor more batches than needed',
    (n) => {
      const batches = changelogBatches(ids(n));
      expect(batches.flat()).toEqual(ids(n));
      expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(CHANGELOG_BATCH);
      expect(batches.length).toBeLessThanOrEqual(Math.max(PARALLEL_BATCHES, Math.ceil(n / CHANGELOG_BATCH)));
    },
  );
});
