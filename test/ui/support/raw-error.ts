/**
 * Issue 20: a screen never shows raw exception text. RAW is what the bridge rejects with when its
 * answer is not JSON: JSON.parse's own words, for support, never for the user's eyes.
 */
import { fireEvent, within } from '@testing-library/react';

export const RAW = `Unexpected token 'b', "boom" is not valid JSON`;
export const rawFailure = (): Error => new SyntaxError(RAW);

/**
 * RAW is nowhere in the page until the "Show details" button inside `where` is pressed; then it is
 * shown, with the error code when one is given.
 */
export function expectRawOnlyInDetails(where: HTMLElement, code?: string): void {
  expect(document.body).not.toHaveTextContent(RAW);
  const toggle = within(where).getByRole('button', { name: 'Show details' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  fireEvent.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const details = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
  expect(details).toBeVisible();
  expect(details).toHaveTextContent(RAW);
  if (code !== undefined) expect(details).toHaveTextContent(`Error code: ${code}`);
}
