/**
 * The few DOM matchers the component tests use (@testing-library/jest-dom is not installed):
 * toBeVisible, toHaveTextContent, toHaveAttribute. Import this file for its side effect.
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** In the document, and neither it nor an ancestor is `hidden` or display:none / visibility:hidden. */
      toBeVisible(): R;
      /** Its whitespace-normalised text contains the string, or matches the pattern. */
      toHaveTextContent(expected: string | RegExp): R;
      toHaveAttribute(name: string, value?: string): R;
    }
  }
}

function asElement(received: unknown): Element {
  if (!(received instanceof Element)) throw new Error(`expected a DOM element, got ${String(received)}`);
  return received;
}

function hiddenBy(element: Element): string | null {
  if (!element.isConnected) return 'it is not in the document';
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return `<${node.tagName.toLowerCase()}> has the hidden attribute`;
    const style = window.getComputedStyle(node);
    if (style.display === 'none') return `<${node.tagName.toLowerCase()}> has display: none`;
    if (style.visibility === 'hidden') return `<${node.tagName.toLowerCase()}> has visibility: hidden`;
  }
  return null;
}

const normalise = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

expect.extend({
  toBeVisible(received: unknown) {
    const element = asElement(received);
    const reason = hiddenBy(element);
    return {
      pass: reason === null,
      message: () =>
        reason === null
          ? `expected <${element.tagName.toLowerCase()}> not to be visible`
          : `expected <${element.tagName.toLowerCase()}> to be visible, but ${reason}`,
    };
  },
  toHaveTextContent(received: unknown, expected: string | RegExp) {
    const text = normalise(asElement(received).textContent);
    const pass = typeof expected === 'string' ? text.includes(normalise(expected)) : expected.test(text);
    return { pass, message: () => `expected text ${pass ? 'not ' : ''}to contain ${String(expected)}, got "${text}"` };
  },
  toHaveAttribute(received: unknown, name: string, value?: string) {
    const actual = asElement(received).getAttribute(name);
    const pass = actual !== null && (value === undefined || actual === value);
    return {
      pass,
      message: () =>
        `expected attribute ${name}${value === undefined ? '' : `="${value}"`} ${pass ? 'not ' : ''}to be present, got ${actual === null ? 'none' : `"${actual}"`}`,
    };
  },
});

export {};
