/**
 * Spec 10 in the browser, on the local host: the security lead creates the issue that fixes a
 * finding, sees it in the project's issue list, and the finding then links to it. The dialog is
 * Forge's Modal, which the host draws over its own page as Jira does: a frame of its own
 * (`modalFrame`), in view wherever the page is scrolled.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { modalFrame, projectFrame, seriousViolations, useBrowserHost } from './support/browser-host';

jest.setTimeout(90_000);
const host = useBrowserHost();

const COVERAGE_SHOWN = 'coverage of the Clause 5.1 evidence categories';

/** Whether `locator`'s box and the browser's viewport overlap. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.x < viewport.width && box.x + box.width > 0 && box.y < viewport.height && box.y + box.height > 0;
}

/**
 * What the action says beside itself, e.g. "Created ISMS-31 …": the visible words, not the live
 * region that announces the same outcome to screen readers ("Created ISMS-31: …").
 */
const besideAction = (app: FrameLocator, text: RegExp): Locator =>
  app.getByText(text).and(app.locator(':not([role="status"])'));

/**
 * Whether `locator` gets the keyboard focus within a few seconds: its document's active element,
 * in the document that has focus. Focus moves a moment after a click or a key (a message between frames, a render).
 */
async function focused(locator: Locator): Promise<boolean> {
  for (let waited = 0; waited < 5_000; waited += 100) {
    if (await locator.evaluate((element) => document.activeElement === element && document.hasFocus())) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * The lowest "Create issue" on the project page, scrolled into view as a user would: far below
 * the first screen. Scrolled again until it stays in view, as parts of the page (the chart) may
 * still be drawing and push it down.
 */
async function lowestCreateIssue(page: Page, app: FrameLocator): Promise<{ button: Locator; name: string }> {
  const name =
    (await app
      .getByRole('button', { name: /^Create issue: / })
      .last()
      .getAttribute('aria-label')) ?? '';
  const button = app.getByRole('button', { name, exact: true }).last();
  for (let tries = 0; tries < 50; tries += 1) {
    await button.scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    if (await inViewport(page, button)) break;
  }
  return { button, name };
}

test('Create issue on a finding: preview, confirm, the new issue in the list, and the finding linked to it', async () => {
  const { context, page } = await host.as('security-lead');
  await page.goto(`${host.url}/projects/ISMS/coverage`);
  const app = projectFrame(page);
  await app.getByRole('button', { name: 'Create issue: Strategy alignment' }).click();

  const dialog = modalFrame(page);
  await dialog.getByText('Record: strategy alignment').waitFor();
  for (const text of ['Information Security Management', 'Task', 'iso27001-strategy-alignment'])
    await dialog.getByText(text, { exact: false }).first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // A double click on confirm still sends one create.
  await dialog.getByRole('button', { name: 'Create issue' }).dblclick();
  const created = besideAction(app, /^Created /);
  await created.waitFor();
  const key = (
    await app
      .getByRole('link', { name: /^ISMS-\d+/ })
      .filter({ hasText: 'Record: strategy alignment' })
      .first()
      .textContent()
  )?.match(/ISMS-\d+/)?.[0];
  expect(key).toMatch(/^ISMS-\d+$/);

  await page.goto(`${host.url}/projects/ISMS/issues`);
  const row = page.getByRole('row', { name: new RegExp(`${key}\\b`) });
  await row.getByText('Record: strategy alignment').waitFor();
  expect(await page.getByRole('row', { name: /Record: strategy alignment/ }).count()).toBe(1);

  await page.goto(`${host.url}/projects/ISMS/coverage`);
  await app.getByText(`Being fixed in`, { exact: false }).first().waitFor();
  await app
    .getByRole('link', { name: new RegExp(`^${key}\\b`) })
    .first()
    .waitFor();
  expect(await app.getByRole('button', { name: 'Create issue: Strategy alignment' }).count()).toBe(0);
  await context.close();
});

describe('the dialog opens where the user is looking (issue 20)', () => {
  test('Escape closes the dialog without creating, and focus goes back to the action', async () => {
    const { context, page } = await host.as('security-lead');
    await page.goto(`${host.url}/projects/ISMS/coverage`);
    const app = projectFrame(page);
    await app.getByText(COVERAGE_SHOWN).waitFor();
    const { button } = await lowestCreateIssue(page, app);
    const creates: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/__host/invoke') && request.postData()?.includes('issue/create-fix'))
        creates.push(request.url());
    });
    await button.click();
    const dialog = modalFrame(page);
    await dialog.getByRole('button', { name: 'Create issue' }).waitFor();
    expect(await inViewport(page, page.getByRole('dialog'))).toBe(true);

    await page.keyboard.press('Escape');
    await page.locator('iframe[data-host-modal]').waitFor({ state: 'detached' });
    expect(await focused(button)).toBe(true);
    expect(await inViewport(page, button)).toBe(true);
    expect(creates).toEqual([]);
    expect(await besideAction(app, /^Created /).count()).toBe(0);
    await context.close();
  });

  test('scrolled far down the page, the dialog is in view; confirm creates and says so beside the action', async () => {
    const { context, page } = await host.as('security-lead');
    await page.goto(`${host.url}/projects/ISMS/coverage`);
    const app = projectFrame(page);
    await app.getByText(COVERAGE_SHOWN).waitFor();
    const { button, name } = await lowestCreateIssue(page, app);
    // Far down: the page had to scroll more than a screen to show it.
    const viewport = page.viewportSize()?.height ?? 0;
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(viewport);
    expect(await inViewport(page, button)).toBe(true);
    await button.click();

    const layer = page.getByRole('dialog');
    const dialog = modalFrame(page);
    await dialog.getByRole('button', { name: 'Create issue' }).waitFor();
    expect(await inViewport(page, layer)).toBe(true);
    expect(await inViewport(page, page.locator('iframe[data-host-modal]'))).toBe(true);
    // Focus is in the dialog, on its content named by its title.
    const title = `Create an issue: ${name.replace(/^Create issue: /, '')}`;
    await dialog.getByRole('heading', { name: title }).waitFor();
    expect(await focused(dialog.getByRole('main', { name: title }))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Create issue' }).click();
    await page.locator('iframe[data-host-modal]').waitFor({ state: 'detached' });
    const outcome = besideAction(app, /^Created ISMS-\d+/);
    await outcome.waitFor();
    expect(await inViewport(page, outcome)).toBe(true);
    // Focus is back on the action, now the link to the new issue.
    expect(await focused(outcome.getByRole('link'))).toBe(true);
    expect(await app.getByRole('button', { name, exact: true }).count()).toBe(0);
    await context.close();
  });
});
