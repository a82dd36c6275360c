/**
 * Spec 10 in the browser, on the local host: the security lead creates the issue that fixes a
 * finding, sees it in the project's issue list, and the finding then links to it.
 */
import { projectFrame, seriousViolations, useBrowserHost } from './support/browser-host';

jest.setTimeout(90_000);
const host = useBrowserHost();

test('Create issue on a finding: preview, confirm, the new issue in the list, and the finding linked to it', async () => {
  const { context, page } = await host.as('security-lead');
  await page.goto(`${host.url}/projects/ISMS/coverage`);
  const app = projectFrame(page);
  await app.getByRole('button', { name: 'Create issue: Strategy alignment' }).click();

  const dialog = app.getByRole('dialog');
  await dialog.getByText('Record: strategy alignment').waitFor();
  for (const text of ['Information Security Management', 'Task', 'iso27001-strategy-alignment'])
    await dialog.getByText(text, { exact: false }).first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // A double click on confirm still sends one create.
  await dialog.getByRole('button', { name: 'Create issue' }).dblclick();
  const created = app.getByText(/^Created /);
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
