import {
  adminFrame,
  panelFrame,
  projectFrame,
  screenshot,
  seriousViolations,
  useBrowserHost,
} from './support/browser-host';

jest.setTimeout(60_000);
const host = useBrowserHost();

describe('a manager on the issue panel', () => {
  test('valid evidence: counts, every check passes', async () => {
    const { context, page } = await host.as('manager');
    // The CISO role: held by an active person, its duties described; no top-management check.
    await page.goto(`${host.url}/browse/ISMS-3`);
    const panel = panelFrame(page);
    await panel.getByText('Counts as Clause 5.1 evidence').waitFor();
    const text = (await panel.locator('body').textContent()) ?? '';
    expect(text).toContain('Security role assignments');
    expect(text).toContain('Counts');
    expect(text).not.toContain('Fail');
    await screenshot(page, 'issue-panel-valid');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('what could not be checked: without "Browse users and groups", top management is unknown, neither a pass nor a failure', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/browse/ISMS-1`);
    const panel = panelFrame(page);
    await panel.getByText('Cannot tell yet', { exact: true }).waitFor();
    const text = (await panel.locator('body').textContent()) ?? '';
    expect(text).toContain('Cannot tell');
    expect(text).not.toContain('Does not count');
    expect(text).toContain('Could not be checked');
    expect(text).toContain("you lack Jira's Browse users and groups permission");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('the CEO-signed policy (ISMS-9) is "Cannot tell", its next step asks for nothing to change on the issue', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/browse/ISMS-9`);
    const panel = panelFrame(page);
    await panel.getByText('Cannot tell yet', { exact: true }).waitFor();
    const text = (await panel.locator('body').textContent()) ?? '';
    expect(text).toContain('Signed off by Dana Whitfield');
    expect(text).toContain('nothing on the issue needs to change');
    // The untrue sentences of issue 20, as the manager saw them.
    expect(text).not.toContain('Does not count');
    expect(text).not.toContain('Have top management sign it off');
    expect(text).not.toContain('Nothing to do');
    await screenshot(page, 'issue-panel-cannot-tell');
    await context.close();
  });

  test('invalid evidence: the failing check, why, and the next step', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/browse/ISMS-4`);
    const panel = panelFrame(page);
    await panel.getByText('Next step').waitFor();
    const text = (await panel.locator('body').textContent()) ?? '';
    expect(text).toContain('Does not count');
    expect(text).toContain('Chris Baker is inactive in Jira');
    expect(text).toContain('The assignee is no longer active: reassign the role to someone who is.');
    await screenshot(page, 'issue-panel-invalid');
    await context.close();
  });

  test('an issue that is not evidence gets the labels that would make it so', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/browse/ISMS-17`);
    const panel = panelFrame(page);
    await panel.getByRole('heading', { name: 'Not Clause 5.1 evidence' }).waitFor();
    expect((await panel.locator('body').textContent()) ?? '').toContain('iso27001-management-review');
    await screenshot(page, 'issue-panel-not-evidence');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("the manager's project page says it is provisional, and why", () => {
  test('above the coverage: a lower bound, what could not be checked and what would complete it', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/projects/ISMS/coverage`);
    const app = projectFrame(page);
    const notice = app.getByRole('region', { name: 'Provisional: the lowest these figures can be' });
    await notice.waitFor();
    const said = (await notice.textContent()) ?? '';
    expect(said).toContain('could not be fully checked');
    expect(said).toContain("Jira's Browse users and groups permission");
    const noticeBox = await notice.boundingBox();
    const coverageBox = await app.getByText('coverage of the Clause 5.1 evidence categories').boundingBox();
    expect(noticeBox && coverageBox && noticeBox.y < coverageBox.y).toBe(true);
    const text = (await app.locator('body').textContent()) ?? '';
    // Stated as could not be checked, never as a fact about the evidence.
    expect(text).toContain('whether top management took part could not be checked');
    expect(text).not.toMatch(/recorded but not attended by top management/);
    await screenshot(page, 'project-page-manager-provisional');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('the dashboard gadget says it above the coverage too', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/dashboards`);
    const gadget = page.frameLocator('iframe[data-frame="dashboard-gadget"]');
    await gadget.getByRole('region', { name: 'Provisional: the lowest these figures can be' }).waitFor();
    expect((await gadget.locator('body').textContent()) ?? '').toContain('Why:');
    await context.close();
  });
});

describe('restricted issues stay hidden from the manager everywhere', () => {
  test('not in the issue list, not openable, not counted in coverage', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/projects/ISMS/issues`);
    expect(await page.getByRole('link', { name: 'ISMS-1', exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /^ISMS-\d+$/ }).count()).toBe(19);
    for (const key of ['ISMS-10', 'ISMS-15', 'ISMS-16'])
      expect(await page.getByRole('link', { name: key, exact: true }).count()).toBe(0);

    const response = await page.goto(`${host.url}/browse/ISMS-10`);
    expect(response?.status()).toBe(404);

    await page.goto(`${host.url}/projects/ISMS/coverage`);
    const app = projectFrame(page);
    await app.getByText('coverage of the Clause 5.1 evidence categories').waitFor();
    await app.getByRole('button', { name: 'Expand all' }).click();
    const text = (await app.locator('body').textContent()) ?? '';
    expect(text).toContain('Major non-conformity');
    expect(text).toContain('Issues restricted from you are not counted');
    expect(text).not.toContain('ISMS-10');
    expect(text).not.toContain('FY budget');
    await context.close();
  });
});

describe('the admin page for someone who is not a Jira admin', () => {
  test('is a clear refusal, not a form', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/admin`);
    const admin = adminFrame(page);
    await admin.getByText('Only Jira administrators can change these settings', { exact: false }).waitFor();
    expect(await admin.getByRole('button', { name: /Save/ }).count()).toBe(0);
    expect(await admin.getByRole('textbox').count()).toBe(0);
    await screenshot(page, 'admin-page-refused');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('a manager on the project page, whose scope holds the Board project (spec 11)', () => {
  test('the Board project is named as not visible, and none of its issues are listed', async () => {
    const { context, page } = await host.as('manager');
    await page.goto(`${host.url}/projects/ISMS/coverage`);
    const app = projectFrame(page);
    await app.getByText('Some projects of this page are not visible to you').waitFor();
    const text = (await app.locator('body').textContent()) ?? '';
    expect(text).toContain('BOARD is not visible to you, so its evidence is not counted.');
    expect(text).not.toContain('BOARD-1');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('the security lead sees the scope under the title, and the Board minutes among the evidence', async () => {
    const { context, page } = await host.as('security-lead');
    await page.goto(`${host.url}/projects/ISMS/coverage`);
    const app = projectFrame(page);
    await app.getByText('projects ISMS and Board of Directors (BOARD)', { exact: false }).waitFor();
    await app.getByRole('button', { name: /^Management reviews/ }).click();
    await app
      .getByRole('list', { name: 'Evidence for Management reviews' })
      .getByRole('link', { name: /BOARD-1/ })
      .waitFor();
    expect(await app.getByText('Some projects of this page are not visible to you').count()).toBe(0);
    await context.close();
  });
});
