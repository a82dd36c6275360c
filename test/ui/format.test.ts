import { formatDay, formatInstant, formatPercent } from '../../static/src/shared/format';

describe('screen formats', () => {
  test.each([
    [66.7, '66.7%'],
    [100, '100%'],
    [0, '0%'],
    [50, '50%'],
  ])('formatPercent(%p) is %s', (value, text) => expect(formatPercent(value)).toBe(text));

  test('days read as day, month, year; anything else is shown as given', () => {
    expect(formatDay('2026-03-05')).toBe('5 Mar 2026');
    expect(formatDay('2026-13-05')).toBe('2026-13-05');
    expect(formatDay('soon')).toBe('soon');
  });

  test('instants read in UTC', () => {
    expect(formatInstant('2026-11-20T14:03:59.000Z')).toBe('20 Nov 2026, 14:03 UTC');
    expect(formatInstant('2026-11-20T23:30:00-02:00')).toBe('21 Nov 2026, 01:30 UTC');
  });
});
