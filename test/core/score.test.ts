import { percentage, scoreOf } from '../../src/core/score';

describe('scores and coverage', () => {
  test.each([
    ['met', 1],
    ['partial', 0.5],
    ['stale', 0],
    ['missing', 0],
    ['disabled', null],
  ] as const)('%s scores %p', (status, score) => {
    expect(scoreOf(status)).toBe(score);
  });

  test.each([
    [[1, 1, 0], 66.7],
    [[1, 0, 0], 33.3],
    [[1, 0.5, 0, 0, 0, 0, 0, 0], 18.8], // 18.75 rounds half up
    [[0.5, 0, 0, 0, 0, 0, 0, 0], 6.3], // 6.25 rounds half up
    [[1, null, 1], 100],
    [[0, 0], 0],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5], 95],
  ])('mean of %j is %p%%, rounded half up to one decimal', (scores, expected) => {
    expect(percentage(scores)).toBe(expected);
  });

  test('nothing assessed is null, not zero', () => {
    expect(percentage([null, null])).toBeNull();
    expect(percentage([])).toBeNull();
  });
});
