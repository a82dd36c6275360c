import type { FrameLocator, Page } from 'playwright-core';
import { screenshot, seriousViolations, useBrowserHost } from './support/browser-host';

jest.setTimeout(60_000);
const host = useBrowserHost();

const gadgetFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame="dashboard-gadget"]');
const editButton = (page: Page) => page.getByRole('button', { name: 'Edit the Clause 5.1 coverage gadget' });

/** The dashboard with the gadget's view painted: the project's name, or a notice, is on it. */
async function openDashboard(page: Page, shown: string): Promise<FrameLocator> {
  await page.goto(`${host.url}/dashboards`);
  const gadget = gadgetFrame(page);
  await gadget.getByRole('heading', { name: shown }).waitFor();
  return gadget;
}

async function openEditor(page: Page): Promise<FrameLocator> {
  await editButton(page).click();
  await page.waitForURL(/\/dashboards\?gadget=edit$/);
  const gadget = gadgetFrame(page);
  await gadget.getByLabel('Project', { exact: true }).waitFor();
  return gadget;
}

async function textOf(locator: { textContent(): Promise<string | null> }): Promise<string> {
  return (await locator.textContent()) ?? '';
}

describe('the dashboard gadget on the local host', () => {
  test("the security lead sees ISMS's coverage, verdict, items and next lapse, with nothing logged as an error", async () => {
    const { context, page } = await host.as('security-lead');
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
    });
    const gadget = await openDashboard(page, 'Information Security Management');
    const body = await textOf(gadget.locator('body'));
    expect(body).toContain('70%');
    expect(body).toContain('Minor non-conformity');
    expect(body).toMatch(/lapses on \d{1,2} [A-Z][a-z]{2} \d{4}|Nothing lapses in the next 91 days/);
    const items = gadget.getByRole('region', { name: 'Items (a) to (h)' });
    expect(await items.getByRole('listitem').count()).toBe(8);
    expect(await items.getByRole('meter').count()).toBeGreaterThan(0);
    const first = items.getByRole('meter', { name: '(a) Policy and objectives' });
    expect(await first.getAttribute('aria-valuetext')).toMatch(/^\d+(\.\d)?%$/);
    await screenshot(page, 'dashboard-gadget-light');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('in the dark theme, view and edit view', async () => {
    const { context, page } = await host.as('security-lead', 'dark');
    const gadget = await openDashboard(page, 'Information Security Management');
    expect(await gadget.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await screenshot(page, 'dashboard-gadget-dark');
    expect(await seriousViolations(page)).toEqual([]);
    const editor = await openEditor(page);
    await editor.getByLabel('Project', { exact: true }).click();
    await editor.getByRole('option', { name: /\(ITOPS\)$/ }).waitFor();
    await screenshot(page, 'dashboard-gadget-edit-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("the link opens the project page of the gadget's project", async () => {
    const { context, page } = await host.as('security-lead');
    const gadget = await openDashboard(page, 'Information Security Management');
    await gadget.getByRole('link', { name: 'Open the Clause 5.1 coverage of Information Security Management' }).click();
    await page.waitForURL(/\/projects\/ISMS\/coverage$/);
    await context.close();
  });

  test('the outsider sees that ISMS is not visible to them, and nothing of it', async () => {
    const { context, page } = await host.as('outsider');
    const gadget = await openDashboard(page, 'ISMS is not visible to you');
    const body = await textOf(gadget.locator('body'));
    expect(body).toContain('You may not browse the project ISMS, or it no longer exists');
    expect(body).not.toContain('Information Security Management');
    expect(await gadget.getByRole('meter').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('Edit, pick a project, Save: the gadget shows it, for this user only, and keeps it', async () => {
    const { context, page } = await host.as('outsider');
    await openDashboard(page, 'ISMS is not visible to you');
    const editor = await openEditor(page);
    // The configured project is shown by its key: the outsider's Jira has no name for it.
    expect(await textOf(editor.locator('form'))).toContain('ISMS');
    await screenshot(page, 'dashboard-gadget-edit');
    expect(await seriousViolations(page)).toEqual([]);

    const picker = editor.getByLabel('Project', { exact: true });
    await picker.fill('oper');
    await editor.getByRole('option', { name: 'IT Operations (ITOPS)' }).click();
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/dashboards$/);
    const gadget = gadgetFrame(page);
    await gadget.getByRole('heading', { name: 'IT Operations' }).waitFor();
    expect(await textOf(gadget.locator('body'))).toContain('ITOPS, as of');

    await page.reload();
    await gadget.getByRole('heading', { name: 'IT Operations' }).waitFor();
    // Another user of the same browser has their own dashboard, still on ISMS.
    await page.locator('#host-user').selectOption('security-lead');
    await page.waitForURL(/\/dashboards$/);
    await gadget.getByRole('heading', { name: 'Information Security Management' }).waitFor();
    await context.close();
  });

  test('works from the keyboard: Tab to the picker, choose with the arrows and Enter, Save with Enter', async () => {
    const { context, page } = await host.as('security-lead');
    await openDashboard(page, 'Information Security Management');
    const editor = await openEditor(page);
    const picker = editor.getByLabel('Project', { exact: true });
    await picker.focus();
    await page.keyboard.type('IT');
    await editor.getByRole('option', { name: 'IT Operations (ITOPS)' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await editor.locator(':focus').textContent()).toBe('Save');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboards$/);
    await gadgetFrame(page).getByRole('heading', { name: 'IT Operations' }).waitFor();
    await context.close();
  });

  test('Cancel returns to the gadget unchanged', async () => {
    const { context, page } = await host.as('manager');
    await openDashboard(page, 'Information Security Management');
    const editor = await openEditor(page);
    await editor.getByLabel('Project', { exact: true }).fill('oper');
    await editor.getByRole('option', { name: 'IT Operations (ITOPS)' }).click();
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL(/\/dashboards$/);
    await gadgetFrame(page).getByRole('heading', { name: 'Information Security Management' }).waitFor();
    await context.close();
  });
});

describe("the gadget's configuration comes from its own edit view only", () => {
  test("submit from the gadget's view, from another frame, or a post from the frame changes nothing", async () => {
    const { context, page } = await host.as('security-lead');
    await openDashboard(page, 'Information Security Management');
    const gadget = await (await page.locator('iframe[data-frame="dashboard-gadget"]').elementHandle()).contentFrame();
    if (!gadget) throw new Error('no gadget frame');
    const answers = await gadget.evaluate(async (hostUrl) => {
      const bridge = (window as unknown as { __bridge: { callBridge(c: string, d?: unknown): Promise<unknown> } })
        .__bridge;
      const submitted = await bridge.callBridge('submit', { projectKey: 'ITOPS' });
      const closed = await bridge.callBridge('close');
      // What compromised app code would try: post the host's endpoint itself.
      const posted = await fetch(`${hostUrl}/__host/gadget`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ configuration: { projectKey: 'ITOPS' } }),
      }).then(
        () => 'sent',
        () => 'failed',
      );
      return { submitted, closed, posted };
    }, host.url);
    expect(answers.submitted).toBe(false);
    expect(answers.closed).toBe(false);

    await page.goto(`${host.url}/projects/ISMS/coverage`);
    const project = await (await page.locator('iframe[data-frame="project-page"]').elementHandle()).contentFrame();
    if (!project) throw new Error('no project page frame');
    await page.frameLocator('iframe[data-frame="project-page"]').getByText('coverage of the Clause 5.1').waitFor();
    const fromProjectPage = await project.evaluate(() =>
      (window as unknown as { __bridge: { callBridge(c: string, d?: unknown): Promise<unknown> } }).__bridge.callBridge(
        'submit',
        { projectKey: 'ITOPS' },
      ),
    );
    expect(fromProjectPage).toBe(false);

    await openDashboard(page, 'Information Security Management');
    await context.close();
  });
});
