/**
 * Text rules for settings: how much of an untrusted value a message may quote, and which
 * characters a label may not hold. Pure, shared by the validator, the store and the screens.
 */

/** An error message quotes at most this much of a value: enough to recognise it, never a 5 MB echo. */
export const QUOTE_LENGTH = 60;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** `text` cut to at most `max` characters, ending in an ellipsis when cut; a surrogate pair is never split. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** What kind of invisible character `code` is, or null for a character a reader can see. */
function invisibleKind(code: number): string | null {
  // C0 and C1 controls.
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 'a control character';
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return 'a zero-width character';
  // Marks and overrides that reorder text: a label could read differently from what it is.
  if (
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
    return 'a bidirectional control';
  return null;
}

const codePoint = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first character of `text` a reader cannot see, as `U+200B, a zero-width character`, or
 * null. All such characters are in the Basic Multilingual Plane, so code units suffice.
 */
export function invisibleCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const kind = invisibleKind(code);
    if (kind) return `${codePoint(code)}, ${kind}`;
  }
  return null;
}

/**
 * `text` as a message may show it: cut to QUOTE_LENGTH, with invisible characters replaced by
 * U+FFFD, so a quoted value can neither flood a response nor reorder the message around it.
 */
export function shown(text: string, max = QUOTE_LENGTH): string {
  const short = cut(text, max);
  let out = '';
  for (let i = 0; i < short.length; i += 1) {
    const code = short.charCodeAt(i);
    out += invisibleKind(code) ? '\uFFFD' : short.charAt(i);
  }
  return out;
}

/** `text` in double quotes, as shown(). */
export const quoted = (text: string): string => `"${shown(text)}"`;
