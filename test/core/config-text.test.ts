import { cut, invisibleCharacter, quoted, shown } from '../../src/core/config-text';

describe('cut: values in messages are cut short', () => {
  test.each([
    ['short text is kept', 'board-approved', 60, 'board-approved'],
    ['text of exactly the limit is kept', 'x'.repeat(60), 60, 'x'.repeat(60)],
    ['longer text ends in an ellipsis, within the limit', 'x'.repeat(61), 60, `${'x'.repeat(59)}…`],
    ['a surrogate pair is never split', `${'x'.repeat(58)}😀yy`, 60, `${'x'.repeat(58)}…`],
  ])('%s', (_name, text, max, expected) => {
    expect(cut(text, max)).toBe(expected);
    expect(cut(text, max).length).toBeLessThanOrEqual(max);
  });

  test('a 5 MB value is quoted in 62 characters', () => {
    expect(quoted('x'.repeat(5 * 1024 * 1024))).toHaveLength(62);
  });
});

describe('invisibleCharacter: what a label may not hold', () => {
  test.each([
    ['\u0000', 'U+0000, a control character'],
    ['\t', 'U+0009, a control character'],
    ['\u001f', 'U+001F, a control character'],
    ['\u007f', 'U+007F, a control character'],
    ['\u0080', 'U+0080, a control character'],
    ['\u0085', 'U+0085, a control character'],
    ['\u009f', 'U+009F, a control character'],
    ['\u200b', 'U+200B, a zero-width character'],
    ['\u200c', 'U+200C, a zero-width character'],
    ['\u200d', 'U+200D, a zero-width character'],
    ['\u2060', 'U+2060, a zero-width character'],
    ['\ufeff', 'U+FEFF, a zero-width character'],
    ['\u200e', 'U+200E, a bidirectional control'],
    ['\u200f', 'U+200F, a bidirectional control'],
    ['\u061c', 'U+061C, a bidirectional control'],
    ['\u202a', 'U+202A, a bidirectional control'],
    ['\u202e', 'U+202E, a bidirectional control'],
    ['\u2066', 'U+2066, a bidirectional control'],
    ['\u2069', 'U+2069, a bidirectional control'],
  ])('%j is %s', (character, expected) => {
    expect(invisibleCharacter(`board${character}approved`)).toBe(expected);
  });

  test.each(['board-approved', 'approuvé', '董事会批准', 'emoji-😀', 'a\u00a0b', '\u2070'])('%j holds none', (text) => {
    expect(invisibleCharacter(text)).toBeNull();
  });

  test('shown() replaces invisible characters, so a quoted value cannot reorder the message', () => {
    expect(shown('abc\u202edef\u200b')).toBe('abc\uFFFDdef\uFFFD');
  });
});
