/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ProjectReport } from '../../src/contract/invoke';
import { ProjectPage } from '../../static/src/project-page/ProjectPage';
import * as api from '../../static/src/shared/api';
import { ApiError, UNREACHABLE_MESSAGE } from '../../static/src/shared/api-error';
import * as navigation from '../../static/src/shared/navigation';
import { reportToCsv } from '../../src/export/csv';
import { aConfig, anIssue } from '../support/builders';
import { actAsync } from './support/act-async';
import { danaIsTopManagement, demoReport, people, projectReport } from './support/fixtures';
import type * as Fixtures from './support/fixtures';
import { resetApiMock } from './support/mocks';
import { expectRawOnlyInDetails, rawFailure } from './support/raw-error';
import type * as Mocks from './support/mocks';
import './support/dom-setup';

jest.mock('../../static/src/shared/api', () => jest.requireActual<typeof Mocks>('./support/mocks').apiMock());
jest.mock('../../static/src/shared/navigation', () =>
  jest.requireActual<typeof Mocks>('./support/mocks').navigationMock(),
);

const mockedApi = jest.mocked(api);

async function renderWith(report = demoReport()) {
  mockedApi.getProjectReport.mockResolvedValue(report);
  render(<ProjectPage />);
  await screen.findByRole('heading', { level: 1, name: /Clause 5.1 coverage: Information Security Management/ });
  return report;
}

const categoryRow = (name: string) => {
  const button = screen.getByRole('button', { name });
  const row = button.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return { button, row };
};

/** Expands a category and returns the row of one of its evidence issues. */
const evidenceRow = (categoryName: string, key: string): HTMLElement => {
  fireEvent.click(categoryRow(categoryName).button);
  const list = screen.getByRole('list', { name: `Evidence for ${categoryName}` });
  const link = within(list).getByRole('link', { name: new RegExp(`^${key} `) });
  return link.closest('li') as HTMLElement;
};

beforeEach(() => resetApiMock(mockedApi));

describe('project page', () => {
  test('shows coverage, the verdict in auditor words, the as-of date and the evidence count', async () => {
    const report = await renderWith();
    const glance = screen.getByRole('region', { name: 'At a glance' });
    expect(within(glance).getByText(`${report.coverage}%`)).toBeVisible();
    expect(report.verdict).toBe('minor-nc');
    expect(within(glance).getByText('Minor non-conformity')).toBeVisible();
    expect(within(glance).getByText('28 Nov 2026')).toBeVisible();
    expect(within(glance).getByText(String(report.evidenceIssueCount))).toBeVisible();
    expect(within(glance).getByText(/Complete: every matching issue was read/)).toBeVisible();
    expect(within(glance).getByText(report.scope.note)).toBeVisible();
  });

  test("without the Board-only issues (a manager's view) the budget is missing: Major non-conformity", async () => {
    const boardOnly = ['ISMS-10', 'ISMS-15', 'ISMS-16'];
    const report = await renderWith(projectReport(demoReportIssues().filter((i) => !boardOnly.includes(i.key))));
    expect(report.verdict).toBe('major-nc');
    expect(within(screen.getByRole('region', { name: 'At a glance' })).getByText('Major non-conformity')).toBeVisible();
    const findings = screen.getByRole('region', { name: /^Findings/ });
    expect(within(findings).getAllByText('Major NC').length).toBeGreaterThan(0);
    expect(within(categoryRow('ISMS budget and staffing').row).getByText('Missing')).toBeVisible();
  });

  test('lists the ten categories with their status in words and when coverage lapses', async () => {
    const report = await renderWith();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 10); // header + one visible row per category
    const workshop = report.categories.find((c) => c.id === 'workshop-outcome');
    expect(workshop?.status).toBe('met');
    const { row } = categoryRow('Executive workshop outcomes');
    expect(within(row).getByText('Met')).toBeVisible();
    expect(within(row).getByText('Items (a), (d)')).toBeVisible();
    expect(within(categoryRow('Security role assignments').row).getByText('Partial')).toBeVisible();
    expect(within(categoryRow('Strategy alignment').row).getByText('Missing')).toBeVisible();
    expect(within(categoryRow('Department security targets').row).getByText('Stale')).toBeVisible();
    // Newest effective date and lapse date of the workshop evidence (ISMS-1, resolved 41 days ago).
    expect(within(row).getByText('18 Oct 2026')).toBeVisible();
    expect(within(row).getByText('19 Oct 2027')).toBeVisible();
  });

  test('a category expands to its evidence issues as links, with done/counts and problems', async () => {
    await renderWith();
    const { button } = categoryRow('Executive workshop outcomes');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const details = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(details).not.toBeVisible();
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(details).toBeVisible();
    const list = within(details as HTMLElement).getByRole('list', { name: 'Evidence for Executive workshop outcomes' });
    const link = within(list).getByRole('link', { name: /ISMS-2 Executive workshop: cloud risk appetite/ });
    expect(link).toHaveAttribute('href', '/browse/ISMS-2');
    const stale = link.closest('li') as HTMLElement;
    expect(within(stale).getByText('Does not count')).toBeVisible();
    expect(within(stale).getByRole('list', { name: 'Problems with ISMS-2' })).toBeVisible();
    const current = within(list)
      .getByRole('link', { name: /ISMS-1 Board security workshop/ })
      .closest('li') as HTMLElement;
    expect(within(current).getByText('Counts')).toBeVisible();
    expect(within(current).getByText(/Done · effective 18 Oct 2026 · stops counting on 19 Oct 2027/)).toBeVisible();

    fireEvent.click(link);
    expect(navigation.navigateTo).toHaveBeenCalledWith('/browse/ISMS-2');
  });

  test('evidence rows name who signed off or approved, and who took part', async () => {
    const review = anIssue({
      key: 'ISMS-40',
      summary: 'Q3 management review',
      labels: ['iso27001-management-review'],
      resolved: '2026-10-01',
      statusId: '10003',
      changelog: [{ author: people.dana, at: '2026-10-01T16:00:00.000Z', items: [{ field: 'status', to: '10003' }] }],
      attendeeFieldUsers: [people.dana, people.rahul],
    });
    const action = anIssue({
      key: 'ISMS-41',
      summary: 'Patch the VPN gateways',
      labels: ['iso27001-corrective-action', 'board-approved'],
      resolved: '2026-11-01',
      approverFieldUsers: [people.dana],
    });
    await renderWith(projectReport([review, action], aConfig(), {}, danaIsTopManagement));
    const reviewRow = evidenceRow('Management reviews', 'ISMS-40');
    expect(
      within(reviewRow).getByText('Signed off by Dana Whitfield · Took part: Dana Whitfield, Rahul Mehta'),
    ).toBeVisible();
    const actionRow = evidenceRow('Board-approved corrective actions', 'ISMS-41');
    expect(within(actionRow).getByText('Approved by Dana Whitfield · Took part: Dana Whitfield')).toBeVisible();
  });

  test('evidence rows list failing requirement checks with their problems, advisory ones marked as advisory', async () => {
    const policy = anIssue({
      key: 'ISMS-42',
      labels: ['iso27001-policy-approval'],
      resolved: '2026-03-04',
      statusId: '10003',
      changelog: [{ author: people.priya, at: '2026-03-04T09:30:00.000Z', items: [{ field: 'status', to: '10003' }] }],
    });
    const review = anIssue({
      key: 'ISMS-43',
      labels: ['iso27001-management-review'],
      resolved: '2026-10-01',
      attendeeFieldUsers: [people.dana],
      humanCommentCount: 0,
    });
    await renderWith(projectReport([policy, review], aConfig(), {}, danaIsTopManagement));

    const policyRow = evidenceRow('Security policy approval', 'ISMS-42');
    expect(within(policyRow).getByText('Does not count')).toBeVisible();
    expect(within(policyRow).getByText('Signed off by Priya Natarajan · Took part: Priya Natarajan')).toBeVisible();
    const problems = within(policyRow).getByRole('list', { name: 'Problems with ISMS-42' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Signed off by Priya Natarajan (moved to Done on 4 Mar 2026), who is not top management: the security policy must be approved by the highest level of management.',
    ]);
    expect(within(policyRow).queryByRole('list', { name: 'Advisory for ISMS-42' })).toBeNull();

    const reviewRow = evidenceRow('Management reviews', 'ISMS-43');
    expect(within(reviewRow).getByText('Counts')).toBeVisible();
    expect(within(reviewRow).queryByRole('list', { name: 'Problems with ISMS-43' })).toBeNull();
    const advisory = within(reviewRow).getByRole('list', { name: 'Advisory for ISMS-43' });
    expect(
      within(advisory)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Advisory: No comment or linked issue records the decisions taken.']);
  });

  test('shows items (a) to (h) with their text and coverage', async () => {
    const report = await renderWith();
    const items = screen.getByRole('region', { name: 'Clause 5.1 items (a) to (h)' });
    expect(within(items).getAllByRole('listitem')).toHaveLength(8);
    const c = report.items.find((i) => i.id === 'c');
    expect(c?.coverage).toBe(100);
    const itemC = within(items)
      .getByText(/makes the needed resources available/)
      .closest('li') as HTMLElement;
    expect(within(itemC).getByText('100%')).toBeVisible();
  });

  test('an item with no enabled category reads "Not assessed"', async () => {
    const config = aConfig({ 'management-review': { enabled: false, disabledReason: 'Reviews are run outside Jira' } });
    await renderWith(projectReport(demoReportIssues(), config));
    const items = screen.getByRole('region', { name: 'Clause 5.1 items (a) to (h)' });
    const itemE = within(items)
      .getByText(/ensures the ISMS achieves its intended outcomes/)
      .closest('li') as HTMLElement;
    expect(within(itemE).getByText('Not assessed')).toBeVisible();
    const { row } = categoryRow('Management reviews');
    expect(within(row).getByText('Disabled')).toBeVisible();
    expect(within(row).getByText('Reviews are run outside Jira')).toBeVisible();
  });

  test('lists findings in order with severity in words, the fix and links to their issues', async () => {
    const report = await renderWith();
    const findings = screen.getByRole('region', { name: `Findings (${report.findings.length})` });
    const entries = within(findings).getAllByRole('listitem');
    expect(entries).toHaveLength(report.findings.length);
    const first = report.findings[0];
    if (!first) throw new Error('the demo report has findings');
    expect(first.severity).toBe('minor');
    expect(within(entries[0] as HTMLElement).getByText('Minor NC')).toBeVisible();
    expect(within(entries[0] as HTMLElement).getByText(first.message)).toBeVisible();
    expect(within(entries[0] as HTMLElement).getByText(first.fix)).toBeVisible();
    const last = report.findings[report.findings.length - 1];
    expect(last?.severity).toBe('observation');
    expect(within(entries[entries.length - 1] as HTMLElement).getByText('Observation')).toBeVisible();
    const withIssues = report.findings.findIndex((f) => f.issueKeys.length > 0);
    const keys = report.findings[withIssues]?.issueKeys ?? [];
    for (const key of keys)
      expect(within(entries[withIssues] as HTMLElement).getByRole('link', { name: key })).toHaveAttribute(
        'href',
        `/browse/${key}`,
      );
  });

  test("the finding that top management is not set opens the app's settings page; other findings do not", async () => {
    const report = await renderWith();
    const findings = screen.getByRole('region', { name: `Findings (${report.findings.length})` });
    const entries = within(findings).getAllByRole('listitem');
    const index = report.findings.findIndex((f) => f.message.startsWith('Top management is not set'));
    const finding = report.findings[index];
    expect(finding).toMatchObject({ severity: 'observation', issueKeys: [] });
    expect(finding?.categoryId).toBeUndefined();
    const entry = entries[index] as HTMLElement;
    expect(
      within(entry).getByText("A Jira admin names the top-management group or people on the app's settings page."),
    ).toBeVisible();
    fireEvent.click(within(entry).getByRole('button', { name: "Open the app's settings page" }));
    expect(navigation.navigateTo).toHaveBeenCalledWith(navigation.SETTINGS_PAGE);
    expect(within(findings).getAllByRole('button', { name: "Open the app's settings page" })).toHaveLength(1);
  });

  test('with top management named, there is no such finding and no way to the settings page', async () => {
    await renderWith(projectReport(demoReportIssues(), aConfig(), {}, danaIsTopManagement));
    const findings = screen.getByRole('region', { name: /^Findings/ });
    expect(within(findings).queryByText(/Top management is not set/)).toBeNull();
    expect(within(findings).queryByRole('button', { name: "Open the app's settings page" })).toBeNull();
  });

  test('says when data is incomplete, and why', async () => {
    await renderWith(
      demoReport({ complete: false, incompleteReason: '2 issues have data the app cannot read (ISMS-4, ISMS-9).' }),
    );
    const warning = screen.getByRole('region', { name: 'Not every issue could be read' });
    expect(within(warning).getByText('2 issues have data the app cannot read (ISMS-4, ISMS-9).')).toBeVisible();
    expect(screen.getByText('Incomplete (see below)')).toBeVisible();
  });

  test('says when it is graded with the default settings because the saved ones cannot be read', async () => {
    const notice =
      "The saved Clause 5.1 settings cannot be read, so this is graded with the default settings until a Jira admin saves or resets them on the app's settings page.";
    await renderWith(demoReport({ settingsNotice: notice }));
    const warning = screen.getByRole('region', { name: 'Graded with the default settings' });
    expect(within(warning).getByText(notice)).toBeVisible();
  });

  test('says nothing of the settings while they are fine', async () => {
    await renderWith();
    expect(screen.queryByRole('region', { name: 'Graded with the default settings' })).toBeNull();
  });

  test('with no evidence, explains which labels to use (from the config in force) instead of a table', async () => {
    const config = aConfig({
      resources: { labels: ['budget-signed', 'isms-budget'] },
      'strategy-alignment': { enabled: false, disabledReason: 'Not used' },
    });
    await renderWith(projectReport([], config));
    expect(screen.queryByRole('table')).toBeNull();
    const empty = screen.getByRole('region', { name: 'No Clause 5.1 evidence in ISMS yet' });
    const labels = within(empty).getByRole('list', { name: 'Evidence labels by category' });
    expect(within(labels).getAllByRole('listitem')).toHaveLength(9);
    const resources = within(labels).getByText('ISMS budget and staffing').closest('li') as HTMLElement;
    expect(resources).toHaveTextContent('ISMS budget and staffing: budget-signed or isms-budget');
    expect(within(empty).getByText(/Not graded \(disabled by a Jira admin\): Strategy alignment/)).toBeVisible();
  });

  test('shows a failed load with its message and loads again on Retry', async () => {
    mockedApi.getProjectReport.mockRejectedValueOnce(
      new ApiError('RATE_LIMITED', 'Jira asked the app to slow down (429).'),
    );
    mockedApi.getProjectReport.mockResolvedValueOnce(demoReport());
    render(<ProjectPage />);
    expect(screen.getByRole('status')).toHaveTextContent('Computing Clause 5.1 coverage…');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Jira is busy right now')).toBeVisible();
    expect(within(alert).getByText('Jira asked the app to slow down (429).')).toBeVisible();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Information Security Management/ })).toBeVisible();
    expect(mockedApi.getProjectReport).toHaveBeenCalledTimes(2);
  });

  test('FORBIDDEN and NOT_FOUND get their own wording', async () => {
    mockedApi.getProjectReport.mockRejectedValueOnce(new ApiError('FORBIDDEN', 'You cannot browse project ISMS.'));
    const { unmount } = render(<ProjectPage />);
    expect(await screen.findByText("You don't have access to this project's Clause 5.1 coverage")).toBeVisible();
    expect(screen.getByText('You cannot browse project ISMS.')).toBeVisible();
    unmount();
    mockedApi.getProjectReport.mockRejectedValueOnce(new ApiError('NOT_FOUND', 'No project ISMS.'));
    render(<ProjectPage />);
    expect(await screen.findByText('This project was not found, or you can no longer browse it')).toBeVisible();
  });

  test('a failed bridge call is said in the app words, its raw text only behind "Show details"', async () => {
    mockedApi.getProjectReport.mockRejectedValueOnce(rawFailure());
    render(<ProjectPage />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'No answer from the app' })).toBeVisible();
    expect(within(alert).getByText(UNREACHABLE_MESSAGE)).toBeVisible();
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    expectRawOnlyInDetails(alert, 'UNREACHABLE');
  });
});

function demoReportIssues() {
  return jest.requireActual<typeof Fixtures>('./support/fixtures').demoIssues();
}

describe('project page exports', () => {
  let downloads: { name: string; type: string; text: string }[];
  beforeEach(() => {
    downloads = [];
    let blob: Blob | undefined;
    Object.assign(URL, {
      createObjectURL: jest.fn((b: Blob) => ((blob = b), 'blob:report')),
      revokeObjectURL: jest.fn(),
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (this.href.startsWith('blob:') && blob) {
        const entry = { name: this.download, type: blob.type, text: '' };
        downloads.push(entry);
        const reader = new FileReader();
        reader.onload = () => (entry.text = reader.result as string); // readAsText: the result is a string
        reader.readAsText(blob);
      }
    });
  });
  afterEach(() => jest.restoreAllMocks());

  test('Download CSV saves reportToCsv of the report as clause-5.1-<KEY>-<asOf>.csv', async () => {
    const report = await renderWith();
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Download CSV' })));
    await waitFor(() => expect(downloads[0]?.text).not.toBe(''));
    expect(downloads[0]?.name).toBe('clause-5.1-ISMS-2026-11-28.csv');
    expect(downloads[0]?.type).toBe('text/csv;charset=utf-8');
    expect(downloads[0]?.text).toBe(reportToCsv(report));
    const rows = downloads[0]?.text.split('\r\n') ?? [];
    const figures = `ISMS,2026-11-28,${report.coverage},${report.verdict},true`;
    expect(rows[1]?.startsWith(`${figures},workshop-outcome,met,,ISMS-1,`)).toBe(true);
    // The audit file on its own: the category without evidence is there too (issue 20).
    expect(rows).toContain(`${figures},strategy-alignment,missing,,,,,,,,,,,`);
  });

  test('a download that fails is said in the app words, the browser\'s own only behind "Show details"', async () => {
    await renderWith();
    jest.spyOn(URL, 'createObjectURL').mockImplementationOnce(() => {
      throw rawFailure();
    });
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Download CSV' })));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('The download failed. Try again; if it keeps happening, reload the page.'),
    ).toBeVisible();
    expect(downloads).toEqual([]);
    expectRawOnlyInDetails(alert);
  });

  test('Download JSON saves the report object', async () => {
    const report = await renderWith();
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Download JSON' })));
    await waitFor(() => expect(downloads[0]?.text).not.toBe(''));
    expect(downloads[0]?.name).toBe('clause-5.1-ISMS-2026-11-28.json');
    expect(JSON.parse(downloads[0]?.text ?? '')).toEqual(report);
  });

  test('Download JSON names who signed off and who took part on each evidence entry', async () => {
    const review = anIssue({
      key: 'ISMS-44',
      labels: ['iso27001-management-review'],
      resolved: '2026-10-01',
      approverFieldUsers: [people.dana],
      attendeeFieldUsers: [people.dana, people.rahul],
    });
    await renderWith(projectReport([review], aConfig(), {}, danaIsTopManagement));
    await actAsync(() => fireEvent.click(screen.getByRole('button', { name: 'Download JSON' })));
    await waitFor(() => expect(downloads[0]?.text).not.toBe(''));
    const saved = JSON.parse(downloads[0]?.text ?? '') as ProjectReport;
    const entry = saved.categories.find((c) => c.id === 'management-review')?.evidence[0];
    expect(entry?.approvers?.map((u) => u.displayName)).toEqual(['Dana Whitfield']);
    expect(entry?.participants?.map((u) => u.displayName)).toEqual(['Dana Whitfield', 'Rahul Mehta']);
  });

  test('Print opens the browser print dialog', async () => {
    const print = jest.fn();
    Object.assign(window, { print });
    await renderWith();
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
  });

  test('Reload reads every issue again; the first load asks for what changed', async () => {
    await renderWith();
    expect(mockedApi.getProjectReport).toHaveBeenLastCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await screen.findByRole('heading', { level: 1, name: /Information Security Management/ });
    expect(mockedApi.getProjectReport).toHaveBeenLastCalledWith(true);
    expect(mockedApi.getProjectReport).toHaveBeenCalledTimes(2);
  });

  test('says how its issues were read, under the facts', async () => {
    await renderWith(
      demoReport({
        read: { kind: 'changes', at: '2026-11-28T09:00:00.000Z', fullAt: '2026-11-28T07:00:00.000Z', changed: 2 },
      }),
    );
    const summary = screen.getByRole('region', { name: 'At a glance' });
    expect(within(summary).getByText('Changes read just now')).toBeVisible();
    expect(
      within(summary).getByText(/^Only what changed since your last view was read from Jira: 2 issues/),
    ).toBeVisible();
    expect(within(summary).queryByText('Shown from your last read: Jira could not be asked')).toBeNull();
  });

  test('a stored read served while Jira’s quota is spent is marked with its age', async () => {
    await renderWith(
      demoReport({
        read: {
          kind: 'stored',
          at: '2026-11-28T08:20:00.000Z',
          fullAt: '2026-11-28T08:00:00.000Z',
          reason: 'Jira is rate limiting requests right now. Try again in 10 minutes.',
        },
      }),
    );
    const summary = screen.getByRole('region', { name: 'At a glance' });
    expect(within(summary).getByText('Your last read, from 40 minutes ago')).toBeVisible();
    expect(within(summary).getByText('Shown from your last read: Jira could not be asked')).toBeVisible();
    expect(within(summary).getByText(/Try again in 10 minutes\.$/)).toBeVisible();
  });
});
