/** Sentence pieces the server and the screens word alike. Pure, with no imports, so a screen may use them. */

/** "A", "A and B", "A, B and C" (or with "or"). */
export function listed(items: readonly string[], word: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1] ?? ''}`;
}

/** Spec 11: "BOARD is not visible to you, so its evidence is not counted." for the projects left out. */
export function notVisibleSentence(keys: readonly string[]): string {
  const one = keys.length === 1;
  return `${listed(keys)} ${one ? 'is' : 'are'} not visible to you, so ${one ? 'its' : 'their'} evidence is not counted.`;
}

/** A category's name inside a sentence: "security policy approval", but "ISMS budget and staffing" keeps its capitals. */
export function inSentence(name: string): string {
  const second = name.charAt(1);
  return second && second === second.toLowerCase() ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
