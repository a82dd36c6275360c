/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { parse } from 'yaml';
import type { GadgetReport, JiraProject } from '../../src/contract/invoke';
import { DashboardGadget } from '../../static/src/dashboard-gadget/DashboardGadget';
import { nextLapseSentence } from '../../static/src/dashboard-gadget/words';
import * as api from '../../static/src/shared/api';
import { ApiError, UNREACHABLE_MESSAGE } from '../../static/src/shared/api-error';
import * as navigation from '../../static/src/shared/navigation';
import { actAsync } from './support/act-async';
import { resetApiMock } from './support/mocks';
import { expectRawOnlyInDetails, RAW, rawFailure } from './support/raw-error';
import type * as Mocks from './support/mocks';
import './support/dom-setup';

// Only the real navigation module's pure parts are used (the manifest test): a bridge that does nothing.
jest.mock('@forge/bridge', () => ({ router: { navigate: jest.fn(), open: jest.fn(), getUrl: jest.fn() } }));
jest.mock('../../static/src/shared/api', () => jest.requireActual<typeof Mocks>('./support/mocks').apiMock());
jest.mock('../../static/src/shared/navigation', () =>
  jest.requireActual<typeof Mocks>('./support/mocks').navigationMock(),
);

const mockedApi = jest.mocked(api);

const isDisabled = (button: HTMLElement) =>
  button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true';

type Ready = Extract<GadgetReport, { state: 'ready' }>;

function ready(overrides: Partial<Ready> = {}): Ready {
  return {
    state: 'ready',
    projectKey: 'ISMS',
    projectName: 'Information Security Management',
    coverage: 70,
    verdict: 'minor-nc',
    complete: true,
    items: [
      { id: 'a', coverage: 100 },
      { id: 'b', coverage: 50 },
      { id: 'c', coverage: 0 },
      { id: 'd', coverage: 66.7 },
      { id: 'e', coverage: null },
      { id: 'f', coverage: 75 },
      { id: 'g', coverage: 100 },
      { id: 'h', coverage: 33.3 },
    ],
    nextLapse: {
      day: '2026-12-17',
      categoryId: 'security-policy',
      statusBefore: 'met',
      statusAfter: 'stale',
      issueKeys: ['ISMS-3'],
      categoryName: 'Security policy approval',
    },
    asOf: '2026-11-28',
    generatedAt: '2026-11-28T12:00:00.000Z',
    ...overrides,
  };
}

const PROJECTS: JiraProject[] = [
  { key: 'ISMS', name: 'Information Security Management' },
  { key: 'ITOPS', name: 'IT Operations' },
];

/** Jira's project search as the resolver answers it: key or name containing the query. */
const searchLikeJira = (query: string): Promise<JiraProject[]> =>
  Promise.resolve(
    PROJECTS.filter(
      (p) => p.key.toLowerCase().includes(query.toLowerCase()) || p.name.toLowerCase().includes(query.toLowerCase()),
    ),
  );

async function renderView(report: GadgetReport) {
  mockedApi.getGadgetReport.mockResolvedValue(report);
  render(<DashboardGadget />);
  if (report.state === 'ready') await screen.findByRole('heading', { name: report.projectName });
}

async function renderEditor(projectKey?: string) {
  mockedApi.getGadgetContext.mockResolvedValue({ mode: 'edit', ...(projectKey ? { projectKey } : {}) });
  mockedApi.searchProjects.mockImplementation(searchLikeJira);
  render(<DashboardGadget />);
  return screen.findByLabelText('Project');
}

beforeEach(() => resetApiMock(mockedApi));

describe('the dashboard gadget, on the dashboard', () => {
  test('says it is computing while the report is on its way', async () => {
    render(<DashboardGadget />);
    expect(await screen.findByText('Computing Clause 5.1 coverage…')).toBeVisible();
    expect(mockedApi.getGadgetReport).toHaveBeenCalledWith();
  });

  test('a failed call says what failed, and Retry asks again', async () => {
    mockedApi.getGadgetReport
      .mockRejectedValueOnce(new ApiError('JIRA_UNAVAILABLE', 'Jira did not answer within 25 seconds.'))
      .mockResolvedValueOnce(ready());
    render(<DashboardGadget />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Jira did not answer');
    expect(alert).toHaveTextContent('Jira did not answer within 25 seconds.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Information Security Management' })).toBeVisible();
    expect(mockedApi.getGadgetReport).toHaveBeenCalledTimes(2);
  });

  test('a failed bridge call is said in the app words, its raw text only behind "Show details"', async () => {
    mockedApi.getGadgetReport.mockRejectedValueOnce(rawFailure());
    render(<DashboardGadget />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(UNREACHABLE_MESSAGE)).toBeVisible();
    expectRawOnlyInDetails(alert, 'UNREACHABLE');
  });

  test('not configured: says to edit the gadget and choose a project', async () => {
    await renderView({ state: 'not-configured' });
    const notice = await screen.findByRole('region', { name: 'Choose a project' });
    expect(notice).toHaveTextContent('Edit the gadget and choose the project whose Clause 5.1 coverage it shows.');
  });

  test('a project the viewer may not browse: its key, and that they may not browse it or it is gone', async () => {
    await renderView({ state: 'not-visible', projectKey: 'ISMS' });
    const notice = await screen.findByRole('region', { name: 'ISMS is not visible to you' });
    expect(notice).toHaveTextContent('You may not browse the project ISMS, or it no longer exists');
    expect(screen.queryByRole('meter')).toBeNull();
  });

  test('ready: the project, coverage, the verdict in words and when it was graded', async () => {
    await renderView(ready());
    expect(screen.getByText('70%')).toBeVisible();
    expect(screen.getByText('Clause 5.1 coverage')).toBeVisible();
    expect(screen.getByText('Minor non-conformity')).toBeVisible();
    expect(screen.getByText('ISMS, as of 28 Nov 2026')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Incomplete' })).toBeNull();
  });

  test('items (a) to (h): a meter each with its percentage, and "Not assessed" where no category counts', async () => {
    await renderView(ready());
    const items = screen.getByRole('region', { name: 'Items (a) to (h)' });
    expect(within(items).getAllByRole('listitem')).toHaveLength(8);
    const meters = within(items).getAllByRole('meter');
    expect(meters).toHaveLength(7);
    const a = within(items).getByRole('meter', { name: '(a) Policy and objectives' });
    expect(a).toHaveAttribute('aria-valuenow', '100');
    expect(a).toHaveAttribute('aria-valuetext', '100%');
    const d = within(items).getByRole('meter', { name: '(d) Communication' });
    expect(d).toHaveAttribute('aria-valuetext', '66.7%');
    // The percentage is written beside each bar too.
    const rowOf = (item: string) => within(items).getByText(item).closest('li') as HTMLElement;
    expect(rowOf('Communication')).toHaveTextContent('66.7%');
    expect(rowOf('Resources')).toHaveTextContent('0%');
    expect(rowOf('Intended outcomes')).toHaveTextContent('Not assessed');
    expect(within(rowOf('Intended outcomes')).queryByRole('meter')).toBeNull();
  });

  test('a stored read shown while Jira cannot be asked says how old it is and why', async () => {
    mockedApi.getGadgetReport.mockResolvedValue(
      ready({
        stored: {
          at: '2026-11-28T11:35:00.000Z',
          reason: 'Jira is rate limiting requests right now. Try again in 10 minutes.',
        },
      }),
    );
    render(<DashboardGadget />);
    expect(await screen.findByText('From your last read, 25 minutes ago')).toBeVisible();
    expect(
      screen.getByText(/changes since are not in it\. Jira is rate limiting .* Try again in 10 minutes\.$/),
    ).toBeVisible();
  });

  test('the next lapse, in a sentence', async () => {
    await renderView(ready());
    expect(screen.getByText('Security policy approval lapses on 17 Dec 2026')).toBeVisible();
  });

  test('nothing lapsing, and an incomplete report, are said too', async () => {
    const { nextLapse: _none, ...withoutLapse } = ready();
    await renderView({ ...withoutLapse, complete: false });
    expect(screen.getByText(/^Nothing lapses in the next 91 days/)).toBeVisible();
    expect(screen.getByRole('region', { name: 'Incomplete' })).toHaveTextContent(
      'Not every evidence issue could be read, so coverage may be lower than it really is.',
    );
    expect(nextLapseSentence(undefined)).toBe('Nothing lapses in the next 91 days');
  });

  test("the link opens the project's page by module key and project key, here or in a new tab", async () => {
    await renderView(ready({ projectKey: 'ITOPS', projectName: 'IT Operations' }));
    const link = screen.getByRole('link', { name: 'Open the Clause 5.1 coverage of IT Operations' });
    fireEvent.click(link);
    const expected = { target: 'module', moduleKey: 'clause51-coverage-project-page', projectKey: 'ITOPS' };
    expect(navigation.navigateTo).toHaveBeenCalledWith(expected);
    fireEvent.click(link, { ctrlKey: true });
    expect(navigation.openInNewTab).toHaveBeenCalledWith(expected);
    // Until Jira says the address, Enter on the focused link opens it as well.
    link.focus();
    fireEvent.keyDown(link, { key: 'Enter' });
    expect(navigation.navigateTo).toHaveBeenCalledTimes(2);
  });

  test("the link gets the address Jira gives for the project's page", async () => {
    jest
      .mocked(navigation.urlOf)
      .mockResolvedValueOnce('https://example.atlassian.net/jira/software/projects/ISMS/apps/a/e');
    await renderView(ready());
    const link = screen.getByRole('link', { name: 'Open the Clause 5.1 coverage of Information Security Management' });
    await waitFor(() =>
      expect(link).toHaveAttribute('href', 'https://example.atlassian.net/jira/software/projects/ISMS/apps/a/e'),
    );
  });

  test("the project page it names is the manifest's project page module", () => {
    const actual = jest.requireActual<typeof navigation>('../../static/src/shared/navigation');
    const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as {
      modules: Record<string, { key: string }[] | undefined>;
    };
    const pages = manifest.modules['jira:projectPage'] ?? [];
    expect(actual.projectPage('ISMS')).toEqual({ target: 'module', moduleKey: pages[0]?.key, projectKey: 'ISMS' });
    expect(manifest.modules['jira:dashboardGadget']?.map((m) => m.key)).toEqual(['clause51-coverage-gadget']);
  });
});

describe("the gadget's edit view", () => {
  test('shows the configured project by name, found as the user', async () => {
    const picker = await renderEditor('ISMS');
    expect(mockedApi.getGadgetReport).not.toHaveBeenCalled();
    await waitFor(() => expect(picker.closest('form')).toHaveTextContent('Information Security Management (ISMS)'));
    expect(mockedApi.searchProjects).toHaveBeenCalledWith('ISMS');
  });

  test('searches the projects as the user types and saves the one picked as {projectKey}', async () => {
    const picker = await renderEditor('ISMS');
    fireEvent.change(picker, { target: { value: 'oper' } });
    fireEvent.click(await screen.findByRole('option', { name: 'IT Operations (ITOPS)' }));
    expect(mockedApi.searchProjects).toHaveBeenCalledWith('oper');
    expect(mockedApi.searchProjects).not.toHaveBeenCalledWith('o');
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(mockedApi.saveGadgetConfiguration).toHaveBeenCalledWith({ projectKey: 'ITOPS' });
    expect(screen.getByText('Saving…')).toHaveAttribute('role', 'status');
    expect(isDisabled(screen.getByRole('button', { name: 'Save' }))).toBe(true);
  });

  test('works from the keyboard: open the list, move to a project, pick it with Enter, save', async () => {
    const picker = await renderEditor();
    picker.focus();
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    await screen.findByRole('option', { name: 'Information Security Management (ISMS)' });
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    fireEvent.keyDown(picker, { key: 'Enter' });
    expect(picker.closest('form')).toHaveTextContent('IT Operations (ITOPS)');
    await actAsync(() => fireEvent.submit(picker.closest('form') as HTMLFormElement));
    expect(mockedApi.saveGadgetConfiguration).toHaveBeenCalledWith({ projectKey: 'ITOPS' });
  });

  test('saving with no project chosen says to choose one, and submits nothing', async () => {
    const picker = await renderEditor();
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(screen.getByText('Choose a project first.')).toBeVisible();
    expect(picker.getAttribute('aria-describedby')).toContain('c51-gadget-project-error');
    expect(mockedApi.saveGadgetConfiguration).not.toHaveBeenCalled();
  });

  test('Save unchanged keeps the configured project', async () => {
    await renderEditor('ISMS');
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(mockedApi.saveGadgetConfiguration).toHaveBeenCalledWith({ projectKey: 'ISMS' });
  });

  test('a save Jira refuses is said, Jira\'s own words only behind "Show details", and Save can be pressed again', async () => {
    await renderEditor('ISMS');
    // As api.saveGadgetConfiguration rejects when view.submit fails (test/ui/api-errors.test.ts).
    mockedApi.saveGadgetConfiguration.mockRejectedValueOnce(
      new ApiError(
        'UNREACHABLE',
        'Jira did not save the gadget. Try again; if it keeps happening, reload the dashboard.',
        undefined,
        RAW,
      ),
    );
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The gadget was not saved');
    expect(alert).toHaveTextContent(
      'Jira did not save the gadget. Try again; if it keeps happening, reload the dashboard.',
    );
    expectRawOnlyInDetails(alert, 'UNREACHABLE');
    expect(isDisabled(screen.getByRole('button', { name: 'Save' }))).toBe(false);
  });

  test('Cancel closes the edit view without saving', async () => {
    await renderEditor('ISMS');
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(mockedApi.closeGadgetEditor).toHaveBeenCalledTimes(1);
    expect(mockedApi.saveGadgetConfiguration).not.toHaveBeenCalled();
  });

  test('a failed project search is said under the picker, with Retry', async () => {
    const picker = await renderEditor('ISMS');
    mockedApi.searchProjects
      .mockRejectedValueOnce(new ApiError('RATE_LIMITED', 'Jira is rate limiting requests right now.'))
      .mockImplementation(searchLikeJira);
    fireEvent.change(picker, { target: { value: 'IT' } });
    await waitFor(() =>
      expect(document.getElementById('c51-gadget-project-search-error')).toHaveTextContent(
        "Could not search Jira's projects: Jira is rate limiting requests right now.",
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('option', { name: 'IT Operations (ITOPS)' })).toBeVisible();
  });
});
