/**
 * Changed after approval (spec 12) in the issue panel, on the demo's two issues that tell it: the policy v4 the
 * CEO approved, whose PDF the CISO replaced a week later (an advisory failure: it still counts), and the budget
 * the CFO approved before the signed copy was attached (the signed copy, not a change: it passes).
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { DEMO_PEOPLE } from '../../dev/demo/demo-site';
import { addDaysTo, dayOf, humanDay } from '../../src/core/dates';
import { panelFrame, screenshot, seriousViolations, useBrowserHost } from './support/browser-host';

jest.setTimeout(60_000);
const host = useBrowserHost();

// The host builds the demo for today (dev/host/start.ts): its dates are days before it.
const daysAgo = (days: number): string => humanDay(addDaysTo(dayOf(new Date()), -days));
const { ceo: CEO, cfo: CFO, ciso: CISO } = DEMO_PEOPLE;
const REPLACED =
  `Information-Security-Policy-v4.1.pdf was attached by ${CISO.displayName} on ${daysAgo(343)}, ` +
  `after ${CEO.displayName}'s approval on ${daysAgo(350)}: confirm the approval covers the current document.`;
const UNCHANGED = `Nothing changed after ${CFO.displayName}'s approval on ${daysAgo(180)}.`;

async function openPanel(page: Page, key: string): Promise<FrameLocator> {
  await page.goto(`${host.url}/browse/${key}`);
  const panel = panelFrame(page);
  await panel.getByText('Checked as of').waitFor();
  return panel;
}

/** The text of each row of a list of checks, as a screen reader reads it ("Advisory: ..."). */
async function rows(list: Locator): Promise<string[]> {
  return (await list.getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Whether `locator` has the keyboard focus: its document's active element, in the document that has focus. */
const hasFocus = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => document.activeElement === element && document.hasFocus());

describe('changed after approval, in the issue panel', () => {
  test("the replaced policy: the new file, who attached it and when, after the CEO's approval; advisory, it still counts", async () => {
    const { context, page } = await host.as('security-lead');
    const panel = await openPanel(page, 'ISMS-9');
    const card = panel.getByRole('region', { name: 'Security policy approval' });
    const advisory = card.getByRole('list', { name: 'Advisory checks for Security policy approval' });
    await advisory.waitFor();
    // Marked advisory: under the Advisory heading, worded "Advisory", never with the checks that decide.
    expect(await rows(advisory)).toStrictEqual([`! Advisory: ${REPLACED}`]);
    expect(await card.getByRole('heading', { name: 'Advisory', exact: true }).count()).toBe(1);
    const decisive = await rows(card.getByRole('list', { name: 'Checks for Security policy approval', exact: true }));
    expect(decisive.some((row) => row.includes('Information-Security-Policy-v4.1.pdf'))).toBe(false);
    expect(decisive.every((row) => row.startsWith('✓ Pass:'))).toBe(true);
    // An advisory failure never stops the issue counting: the CEO's approval of v4 still counts.
    expect(await panel.getByRole('region', { name: 'Counts, but lapses soon' }).count()).toBe(1);
    const text = (await panel.locator('body').textContent()) ?? '';
    expect(text).not.toContain('Does not count');
    await screenshot(page, 'issue-panel-changed-after-approval');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('from the keyboard: Tab from the Jira page reaches the policy card, and its advisory check is read next', async () => {
    const { context, page } = await host.as('security-lead');
    const panel = await openPanel(page, 'ISMS-9');
    const card = panel.getByRole('region', { name: 'Security policy approval' });
    const renewal = card.getByRole('button', { name: 'Create the renewal issue: Security policy approval' });
    await renewal.waitFor();
    // From the top of the Jira page, Tab on until the focus is in the panel: its one focus stop is the card's action.
    await page.locator('body').focus();
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await hasFocus(renewal);
    }
    expect(reached).toBe(true);
    // What follows the focus in reading order, in the same card: the advisory heading, then the check.
    const next = await renewal.evaluate((button) => {
      const section = button.closest('section');
      const after = (selector: string) => {
        const found = section?.querySelector(selector);
        return found ? Boolean(button.compareDocumentPosition(found) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
      };
      return { heading: after('h4'), list: after('ul[aria-label^="Advisory checks"]') };
    });
    expect(next).toStrictEqual({ heading: true, list: true });
    const advisory = card.getByRole('list', { name: 'Advisory checks for Security policy approval' });
    expect(await advisory.ariaSnapshot()).toContain(`Advisory : ${REPLACED}`);
    await context.close();
  });

  test('the budget: the signed copy attached after the approval is not a change, so the approval covers it', async () => {
    const { context, page } = await host.as('security-lead');
    const panel = await openPanel(page, 'ISMS-10');
    const card = panel.getByRole('region', { name: 'ISMS budget and staffing' });
    const advisory = card.getByRole('list', { name: 'Advisory checks for ISMS budget and staffing' });
    await advisory.waitFor();
    expect(await rows(advisory)).toStrictEqual([`✓ Pass: ${UNCHANGED}`]);
    await panel.getByText('Counts as Clause 5.1 evidence', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
