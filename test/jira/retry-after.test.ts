import { retryAfterMs } from '../../src/jira/client';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('Retry-After, as RFC 9110 allows it', () => {
  test.each([
    ['delay-seconds', '30', 30_000],
    ['zero', '0', 0],
    ['fractional seconds', '1.5', 1_500],
    ['with spaces', ' 7 ', 7_000],
    ['an HTTP date 90 s ahead', 'Sat, 28 Nov 2026 12:01:30 GMT', 90_000],
    ['an HTTP date already past: no wait', 'Sat, 28 Nov 2026 11:59:00 GMT', 0],
  ])('%s', (_name, header, ms) => {
    expect(retryAfterMs(header, NOW)).toBe(ms);
  });

  test.each([
    ['absent', null],
    ['empty', ''],
    ['negative', '-5'],
    ['words', 'soon'],
    ['a date in another format', '2026-11-28T12:01:30Z'],
  ])('%s: unknown, so the client falls back on its own backoff', (_name, header) => {
    expect(retryAfterMs(header, NOW)).toBeNull();
  });
});
