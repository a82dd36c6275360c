/** @jest-environment jsdom */
/**
 * Issue 20: one date format on every screen, "23 Dec 2026" (an instant adds its UTC time); ISO
 * 8601 only in JSON and CSV. Each screen is rendered with the demo company's data, every part of it
 * opened, and its text searched for an ISO day or instant, wherever the date came from (the
 * screen's own words or the engine's sentences).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminPage } from '../../static/src/admin-page/AdminPage';
import { DashboardGadget } from '../../static/src/dashboard-gadget/DashboardGadget';
import { IssuePanel } from '../../static/src/issue-panel/IssuePanel';
import { ProjectPage } from '../../static/src/project-page/ProjectPage';
import * as api from '../../static/src/shared/api';
import { actAsync } from './support/act-async';
import { AS_OF, configState, demoIssues, demoReport, issueReport } from './support/fixtures';
import { resetApiMock } from './support/mocks';
import type * as Mocks from './support/mocks';
import './support/dom-setup';

jest.mock('../../static/src/shared/api', () => jest.requireActual<typeof Mocks>('./support/mocks').apiMock());
jest.mock('../../static/src/shared/navigation', () =>
  jest.requireActual<typeof Mocks>('./support/mocks').navigationMock(),
);

const mockedApi = jest.mocked(api);
beforeEach(() => resetApiMock(mockedApi));

const ISO = /\b\d{4}-\d{2}-\d{2}\b|\bT?\d{2}:\d{2}:\d{2}/;

/** The page's text, and every accessible name or description an attribute gives. */
function everythingSaid(): string {
  const attributes = [...document.body.querySelectorAll('[aria-label], [title], [alt]')].map((e) =>
    ['aria-label', 'title', 'alt'].map((name) => e.getAttribute(name) ?? '').join(' '),
  );
  return [document.body.textContent, ...attributes].join('\n');
}

function expectOneFormat(): void {
  const said = everythingSaid();
  const found = ISO.exec(said);
  expect(found ? said.slice(Math.max(0, found.index - 80), found.index + 40) : null).toBeNull();
}

/** Opens every disclosure (evidence lists, the timeline's table, the change history) once. */
async function openEverything(): Promise<void> {
  for (const button of screen.queryAllByRole('button', { expanded: false }))
    await actAsync(() => fireEvent.click(button));
}

describe('one date format on every screen', () => {
  test('the project page, every category and the timeline table open, read from a stored read', async () => {
    const at = `${AS_OF}T08:15:00.000Z`;
    mockedApi.getProjectReport.mockResolvedValue(
      demoReport({
        read: { kind: 'stored', at, fullAt: at, reason: "Jira's quota for the app is spent. Try again in 20 minutes." },
      }),
    );
    render(<ProjectPage />);
    await screen.findByRole('heading', { level: 1, name: /Clause 5.1 coverage: Information Security Management/ });
    await openEverything();
    expect(screen.getAllByText(/28 Nov 2026/).length).toBeGreaterThan(0);
    expectOneFormat();
  });

  test.each(demoIssues().map((issue) => [issue.key, issue] as const))('the issue panel of %s', async (_key, issue) => {
    mockedApi.getIssueReport.mockResolvedValue(issueReport(issue));
    render(<IssuePanel />);
    await screen.findByText(/Checked as of 28 Nov 2026/);
    expectOneFormat();
  });

  test('the dashboard gadget, with its next lapse and a stored read', async () => {
    const report = demoReport();
    mockedApi.getGadgetReport.mockResolvedValue({
      state: 'ready',
      projectKey: 'ISMS',
      projectName: 'Information Security Management',
      coverage: report.coverage,
      verdict: report.verdict,
      complete: report.complete,
      items: report.items,
      nextLapse: {
        day: '2026-12-23',
        categoryId: 'security-policy',
        statusBefore: 'met',
        statusAfter: 'stale',
        issueKeys: ['ISMS-9'],
        categoryName: 'Security policy approval',
      },
      asOf: AS_OF,
      generatedAt: `${AS_OF}T09:00:00.000Z`,
      stored: { at: `${AS_OF}T06:00:00.000Z`, reason: "Jira's quota for the app is spent." },
    });
    render(<DashboardGadget />);
    await screen.findByText(/lapses on 23 Dec 2026/);
    expectOneFormat();
  });

  test('the admin page, with its change history open', async () => {
    mockedApi.getConfig.mockResolvedValue(configState());
    mockedApi.getConfigHistory.mockResolvedValue([
      {
        version: 3,
        action: 'save',
        by: { accountId: 'a', displayName: 'Alex Morgan' },
        at: '2026-11-20T14:03:00.000Z',
        changes: [{ field: 'categories.resources.windowDays', from: 365, to: 180 }],
      },
    ]);
    render(<AdminPage />);
    await screen.findByRole('button', { name: 'Save settings' });
    fireEvent.click(screen.getByRole('button', { name: 'Reset and history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show change history' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Setting changes, newest first' })).toBeVisible());
    expect(screen.getAllByText(/20 Nov 2026, 14:03 UTC/).length).toBeGreaterThan(0);
    expectOneFormat();
  });
});
