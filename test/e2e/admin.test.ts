import type { FrameLocator, Page } from 'playwright-core';
import { adminFrame, projectFrame, screenshot, seriousViolations, useBrowserHost } from './support/browser-host';

jest.setTimeout(90_000);
const host = useBrowserHost();

async function openAdmin(page: Page): Promise<FrameLocator> {
  await page.goto(`${host.url}/admin`);
  const admin = adminFrame(page);
  await admin.getByText('Evidence categories').first().waitFor();
  return admin;
}

async function coverage(page: Page): Promise<string> {
  await page.goto(`${host.url}/projects/ISMS/coverage`);
  const app = projectFrame(page);
  await app.getByText('coverage of the Clause 5.1 evidence categories').waitFor();
  return (await app.locator('section[aria-labelledby="c51-summary"]').textContent()) ?? '';
}

/** The page shows one section at a time: moves to the one named through its navigation. */
async function showSection(admin: FrameLocator, name: string): Promise<void> {
  await admin
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
}

/** A category's card, moved to first. */
async function category(admin: FrameLocator, name: string) {
  await showSection(admin, name);
  return admin.getByRole('region', { name });
}

/** Replaces a category's labels through the form, as an admin would. */
async function relabel(admin: FrameLocator, category: string, from: string, to: string): Promise<void> {
  await showSection(admin, category);
  await admin.getByRole('button', { name: `Remove label ${from} from ${category}` }).click();
  const input = admin.getByLabel(`Add a label to ${category}`);
  await input.fill(to);
  await input.press('Enter');
}

describe('a Jira admin on the admin page', () => {
  test('changes a label, saves, and the project page grades with it; then resets', async () => {
    const { context, page } = await host.as('admin');
    expect(await coverage(page)).toContain('70%');

    const admin = await openAdmin(page);
    expect(await seriousViolations(page)).toEqual([]);
    await relabel(admin, 'ISMS budget and staffing', 'iso27001-budget-approval', 'fy-budget-approved');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    // Version 1 is the demo company's own settings, saved by its admin before anyone opened the app.
    await admin.getByText('Saved. Version 2 now applies to every project.').waitFor();
    await screenshot(page, 'admin-page-saved');

    const after = await coverage(page);
    expect(after).toContain('60%');
    expect(after).toContain('Major non-conformity');

    const again = await openAdmin(page);
    await showSection(again, 'Reset and history');
    await again.getByRole('button', { name: 'Reset to defaults…' }).click();
    await again.getByRole('button', { name: 'Yes, reset to defaults' }).click();
    await again.getByText('Version 3', { exact: false }).first().waitFor();
    expect(await coverage(page)).toContain('70%');
    await context.close();
  });

  test('shows the inline message for a bad window and will not save it', async () => {
    const { context, page } = await host.as('admin');
    const admin = await openAdmin(page);
    const card = await category(admin, 'Management reviews');
    await card.getByLabel('Window (days)').fill('0');
    await admin.getByText('must be a whole number of days from 1 to 3660').first().waitFor();
    expect(await admin.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
    await context.close();
  });

  test('meets a conflict when another admin saved first, keeps what was typed, and can load theirs', async () => {
    const first = await host.as('admin');
    const second = await host.as('admin');
    const a = await openAdmin(first.page);
    const b = await openAdmin(second.page);

    await (await category(a, 'Management reviews')).getByLabel('Window (days)').fill('400');
    await a.getByRole('button', { name: 'Save settings' }).click();
    await a.getByText(/Saved\. Version \d+ now applies/).waitFor();

    const typed = (await category(b, 'Department security targets')).getByLabel('Window (days)');
    await typed.fill('730');
    await b.getByRole('button', { name: 'Save settings' }).click();
    await b.getByText('Someone else saved these settings while you were editing').waitFor();
    expect(await typed.inputValue()).toBe('730');
    await screenshot(second.page, 'admin-page-conflict');

    await b.getByRole('button', { name: 'Load their version' }).click();
    await b.getByRole('button', { name: 'Re-apply my changes' }).waitFor();
    expect(await (await category(b, 'Management reviews')).getByLabel('Window (days)').inputValue()).toBe('400');
    await b.getByRole('button', { name: 'Re-apply my changes' }).click();
    await showSection(b, 'Department security targets');
    expect(await typed.inputValue()).toBe('730');
    await b.getByRole('button', { name: 'Save settings' }).click();
    await b.getByText(/Saved\. Version \d+ now applies/).waitFor();
    await first.context.close();
    await second.context.close();
  });

  test('Save and the count of problems stay in view in every section, and edits are kept between them', async () => {
    const { context, page } = await host.as('admin');
    // A laptop's height: shorter than most sections with the title and the bar above them.
    await page.setViewportSize({ width: 1280, height: 640 });
    const admin = await openAdmin(page);
    const save = admin.getByRole('button', { name: 'Save settings' });
    const status = admin.getByRole('region', { name: 'Save' }).getByRole('status');
    const inView = async (what: typeof save): Promise<boolean> => {
      const box = await what.boundingBox();
      const viewport = page.viewportSize();
      return !!box && !!viewport && box.y >= 0 && box.y + box.height <= viewport.height;
    };

    const reviewWindow = (await category(admin, 'Management reviews')).getByLabel('Window (days)');
    await reviewWindow.fill('0');
    await status.getByText('1 problem to fix before saving').waitFor();
    // The host sizes the frame to its content, as Jira does: the page scrolls, not the frame.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await showSection(admin, 'Reset and history');
    expect(await inView(save)).toBe(true);
    expect(await inView(status)).toBe(true);
    expect(await status.textContent()).toBe('1 problem to fix before saving');
    await screenshot(page, 'admin-page-last-section');

    // Every section, reached from wherever the page was scrolled to, has Save in view above it.
    const buttons = await admin.getByRole('navigation', { name: 'Settings sections' }).getByRole('button').all();
    expect(buttons).toHaveLength(14);
    for (const button of buttons) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await button.click();
      expect(await inView(save)).toBe(true);
    }

    await showSection(admin, 'Management reviews');
    expect(await reviewWindow.inputValue()).toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('the admin page in the dark theme', async () => {
    const { context, page } = await host.as('admin', 'dark');
    await openAdmin(page);
    await screenshot(page, 'admin-page-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
