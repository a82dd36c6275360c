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

/** Replaces a category's labels through the form, as an admin would. */
async function relabel(admin: FrameLocator, category: string, from: string, to: string): Promise<void> {
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
    await again.getByRole('button', { name: 'Reset to defaults…' }).click();
    await again.getByRole('button', { name: 'Yes, reset to defaults' }).click();
    await again.getByText('Version 3', { exact: false }).first().waitFor();
    expect(await coverage(page)).toContain('70%');
    await context.close();
  });

  test('shows the inline message for a bad window and will not save it', async () => {
    const { context, page } = await host.as('admin');
    const admin = await openAdmin(page);
    const card = admin.getByRole('region', { name: 'Management reviews' });
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

    await a.getByRole('region', { name: 'Management reviews' }).getByLabel('Window (days)').fill('400');
    await a.getByRole('button', { name: 'Save settings' }).click();
    await a.getByText(/Saved\. Version \d+ now applies/).waitFor();

    const typed = b.getByRole('region', { name: 'Department security targets' }).getByLabel('Window (days)');
    await typed.fill('730');
    await b.getByRole('button', { name: 'Save settings' }).click();
    await b.getByText('Someone else saved these settings while you were editing').waitFor();
    expect(await typed.inputValue()).toBe('730');
    await screenshot(second.page, 'admin-page-conflict');

    await b.getByRole('button', { name: 'Load their version' }).click();
    await b.getByRole('button', { name: 'Re-apply my changes' }).waitFor();
    expect(await b.getByRole('region', { name: 'Management reviews' }).getByLabel('Window (days)').inputValue()).toBe(
      '400',
    );
    await b.getByRole('button', { name: 'Re-apply my changes' }).click();
    expect(await typed.inputValue()).toBe('730');
    await b.getByRole('button', { name: 'Save settings' }).click();
    await b.getByText(/Saved\. Version \d+ now applies/).waitFor();
    await first.context.close();
    await second.context.close();
  });

  test('the admin page in the dark theme', async () => {
    const { context, page } = await host.as('admin', 'dark');
    await openAdmin(page);
    await screenshot(page, 'admin-page-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
