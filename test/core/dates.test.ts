import { addDaysTo, daysBetween, isDay, toDay } from '../../src/core/dates';

describe('dates are UTC calendar days', () => {
  test.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01T10:15:30.000+0100', '2026-03-01'],
    ['2026-03-01T23:30:00.000-0500', '2026-03-02'],
    ['2026-03-01T00:30:00.000+0200', '2026-02-28'],
    ['2026-03-01T12:00:00Z', '2026-03-01'],
    ['2026-03-01T00:00:00.000+0000', '2026-03-01'],
    ['2026-03-01T23:59:59.999+0000', '2026-03-01'],
    ['2026-03-01T20:00:00.000-0400', '2026-03-02'],
    ['2026-03-01T19:59:00.000-04:00', '2026-03-01'],
    ['2026-03-01T05:30:00.000+0530', '2026-03-01'],
    ['2026-03-01T05:29:00.000+0530', '2026-02-28'],
    ['2026-03-01T01:00:00+01', '2026-03-01'],
    ['2028-03-01T00:30:00.000+0100', '2028-02-29'],
  ])('%s is the UTC day %s', (input, day) => {
    expect(toDay(input)).toBe(day);
  });

  test.each([
    '2026-02-30',
    '2026-13-01',
    'yesterday',
    '',
    '01/03/2026',
    '2026-03-01T25:00:00Z',
    '2026-02-30T10:00:00.000+0100',
    '2026-03-01T10:61:00Z',
  ])('%j is not a date', (input) => {
    expect(toDay(input)).toBeNull();
  });

  test('days between counts whole calendar days across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2025-03-01')).toBe(-365);
  });

  test('adding days crosses month and year ends', () => {
    expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysTo('2025-11-28', 366)).toBe('2026-11-29');
  });

  test('isDay accepts only real days in YYYY-MM-DD', () => {
    expect(isDay('2026-11-28')).toBe(true);
    expect(isDay('2026-11-28T00:00:00Z')).toBe(false);
    expect(isDay('2026-02-29')).toBe(false);
  });
});
