/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { IssuePanel } from '../../static/src/issue-panel/IssuePanel';
import * as api from '../../static/src/shared/api';
import { ApiError, UNREACHABLE_MESSAGE } from '../../static/src/shared/api-error';
import { aConfig, activeUser, anIssue, inactiveUser } from '../support/builders';
import { danaIsTopManagement, issueReport, people } from './support/fixtures';
import { resetApiMock } from './support/mocks';
import { expectRawOnlyInDetails, rawFailure } from './support/raw-error';
import type * as Mocks from './support/mocks';
import './support/dom-setup';

jest.mock('../../static/src/shared/api', () => jest.requireActual<typeof Mocks>('./support/mocks').apiMock());
jest.mock('../../static/src/shared/navigation', () =>
  jest.requireActual<typeof Mocks>('./support/mocks').navigationMock(),
);

const mockedApi = jest.mocked(api);
beforeEach(() => resetApiMock(mockedApi));

async function renderPanel(report: ReturnType<typeof issueReport>) {
  mockedApi.getIssueReport.mockResolvedValue(report);
  render(<IssuePanel />);
  await screen.findByText(/Checked as of/);
}

const checkItems = (categoryName: string) =>
  within(screen.getByRole('list', { name: `Checks for ${categoryName}` })).getAllByRole('listitem');
const advisoryItems = (card: HTMLElement, categoryName: string) =>
  within(within(card).getByRole('list', { name: `Advisory checks for ${categoryName}` })).getAllByRole('listitem');

describe('issue panel', () => {
  test('valid evidence: counts, every check passes, the date it stops counting and the next step', async () => {
    const report = issueReport(
      anIssue({
        key: 'ISMS-15',
        labels: ['iso27001-management-review'],
        resolved: '2026-10-01',
        attendeeFieldUsers: [people.dana, people.rahul],
      }),
      aConfig(),
      danaIsTopManagement,
    );
    await renderPanel(report);
    const card = screen.getByRole('region', { name: 'Management reviews' });
    expect(within(card).getByText('Counts')).toBeVisible();
    expect(within(card).getByText('Stops counting on')).toBeVisible();
    expect(within(card).getByText('2 Oct 2027')).toBeVisible();
    // The rule's three checks, then the required requirements: top management took part, the minutes.
    const checks = checkItems('Management reviews');
    expect(checks.map((li) => li.textContent)).toEqual([
      '✓ Pass: Done (status Done).',
      '✓ Pass: Took effect on 1 Oct 2026 (resolved).',
      '✓ Pass: 58 days old, inside the 365-day window.',
      '✓ Pass: Dana Whitfield took part, and is top management.',
      '✓ Pass: Has the document attached.',
    ]);
    expect(advisoryItems(card, 'Management reviews').map((li) => li.textContent)).toEqual([
      '✓ Pass: The decisions are recorded (comments or linked follow-up issues).',
    ]);
    const next = screen.getByRole('region', { name: 'Counts as Clause 5.1 evidence' });
    expect(within(next).getByText(report.nextStep)).toBeVisible();
    expect(report.nextStep).toContain('until 2 Oct 2027');
  });

  test('a policy signed off by someone outside top management does not count: the check names them and why', async () => {
    const report = issueReport(
      anIssue({
        labels: ['iso27001-policy-approval'],
        resolved: '2026-03-04',
        statusId: '10003',
        changelog: [
          {
            author: people.priya,
            at: '2026-03-04T09:30:00.000Z',
            items: [{ field: 'status', from: '3', to: '10003' }],
          },
        ],
      }),
      aConfig(),
      danaIsTopManagement,
    );
    await renderPanel(report);
    const card = screen.getByRole('region', { name: 'Security policy approval' });
    expect(within(card).getByText('Does not count')).toBeVisible();
    const message =
      'Signed off by Priya Natarajan (moved to Done on 4 Mar 2026), who is not top management: the security policy must be approved by the highest level of management.';
    const row = checkItems('Security policy approval').find((li) => li.textContent.includes(message));
    expect(row).toHaveTextContent(`✗ Fail: ${message}`);
    expect(within(card).getByText(message)).toBeVisible();
    const next = screen.getByRole('region', { name: 'Next step' });
    expect(next).toHaveTextContent('Have top management sign it off');
  });

  test('an advisory check that fails on a counting issue is set apart as advisory, never as a failure', async () => {
    const report = issueReport(
      anIssue({
        labels: ['iso27001-management-review'],
        resolved: '2026-10-01',
        attendeeFieldUsers: [people.dana],
        humanCommentCount: 0,
      }),
      aConfig(),
      danaIsTopManagement,
    );
    await renderPanel(report);
    const card = screen.getByRole('region', { name: 'Management reviews' });
    expect(within(card).getByText('Counts')).toBeVisible();
    expect(within(card).queryByText('Does not count')).toBeNull();
    for (const check of checkItems('Management reviews')) expect(check).toHaveTextContent(/^✓ Pass: /);
    const advisory = advisoryItems(card, 'Management reviews');
    expect(advisory.map((li) => li.textContent)).toEqual([
      '! Advisory: No comment or linked issue records the decisions taken.',
    ]);
    expect(within(card).getByRole('heading', { name: 'Advisory' })).toBeVisible();
    expect(within(card).queryByText('Fail')).toBeNull();
    // It still counts, so the notice says so; the next step is the advisory point.
    const notice = screen.getByRole('region', { name: 'Counts as Clause 5.1 evidence' });
    expect(notice).toHaveTextContent('Record the decisions taken in a comment, or link the follow-up issues.');
    expect(screen.queryByRole('region', { name: 'Next step' })).toBeNull();
  });

  test('while top management is not set, its checks read "Not checked" and say where to set it', async () => {
    await renderPanel(issueReport(anIssue({ labels: ['iso27001-policy-approval'], resolved: '2026-10-01' })));
    const card = screen.getByRole('region', { name: 'Security policy approval' });
    expect(within(card).getByText('Counts')).toBeVisible();
    const checks = checkItems('Security policy approval');
    expect(checks.filter((li) => li.textContent.includes('top management')).map((li) => li.textContent)).toEqual([
      "– Not checked: top management is not set on the app's settings page.",
    ]);
    expect(checks.filter((li) => /^✓ Pass: /.test(li.textContent))).toHaveLength(checks.length - 1);
  });

  test('invalid evidence: does not count, the failing check says why, and the next step is prominent', async () => {
    const report = issueReport(
      anIssue({ key: 'ISMS-2', labels: ['iso27001-workshop-outcome'], resolved: '2025-10-01' }),
    );
    await renderPanel(report);
    const card = screen.getByRole('region', { name: 'Executive workshop outcomes' });
    expect(within(card).getByText('Does not count')).toBeVisible();
    const failing = report.categories[0]?.checks.find((c) => !c.pass);
    if (!failing) throw new Error('a stale workshop fails a check');
    const row = checkItems('Executive workshop outcomes').find((li) => li.textContent.includes(failing.message));
    expect(row).toHaveTextContent(`✗ Fail: ${failing.message}`);
    const next = screen.getByRole('region', { name: 'Next step' });
    expect(within(next).getByText(/record fresh executive workshop outcomes evidence in a new issue/)).toBeVisible();
  });

  test('one issue in two categories gets a card for each; a role without an active assignee fails its check', async () => {
    const report = issueReport(
      anIssue({
        labels: ['iso27001-role-assignment', 'iso27001-executive-training'],
        resolved: '2026-11-01',
        assignee: inactiveUser,
      }),
    );
    await renderPanel(report);
    expect(screen.getByRole('region', { name: 'Security role assignments' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Executive training and drills' })).toBeVisible();
    const role = checkItems('Security role assignments');
    expect(role.some((li) => /^✗ Fail: /.test(li.textContent))).toBe(true);
    expect(screen.getByRole('region', { name: 'Next step' })).toHaveTextContent('reassign the role');
  });

  test('not evidence: says so, with the labels that would make it evidence and their categories', async () => {
    const config = aConfig({
      resources: { labels: ['budget-signed'] },
      'strategy-alignment': { enabled: false, disabledReason: 'Not used' },
    });
    await renderPanel(issueReport(anIssue({ labels: ['ops'], assignee: activeUser }), config));
    expect(screen.getByRole('region', { name: 'Not Clause 5.1 evidence' })).toBeVisible();
    const list = screen
      .getByRole('heading', { name: 'Labels that would make it evidence' })
      .parentElement?.querySelector('ul') as HTMLElement;
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(9);
    expect(items.find((li) => li.textContent.startsWith('ISMS budget and staffing'))).toHaveTextContent(
      'ISMS budget and staffing: budget-signed',
    );
    expect(items.some((li) => li.textContent.startsWith('Strategy alignment'))).toBe(false);
  });

  test('says when it is graded with the default settings because the saved ones cannot be read', async () => {
    const settingsNotice = 'The saved Clause 5.1 settings cannot be read, so this is graded with the default settings.';
    await renderPanel({ ...issueReport(anIssue({ labels: ['iso27001-workshop-outcome'] })), settingsNotice });
    const warning = screen.getByRole('region', { name: 'Graded with the default settings' });
    expect(within(warning).getByText(settingsNotice)).toBeVisible();
  });

  test('a failed load shows the message and retries', async () => {
    mockedApi.getIssueReport.mockRejectedValueOnce(
      new ApiError('JIRA_UNAVAILABLE', 'Jira answered 503 to GET /rest/api/3/issue/ISMS-1.'),
    );
    mockedApi.getIssueReport.mockResolvedValueOnce(issueReport(anIssue({ labels: [] })));
    render(<IssuePanel />);
    expect(screen.getByRole('status')).toHaveTextContent("Checking this issue's evidence…");
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Jira did not answer');
    expect(alert).toHaveTextContent('Jira answered 503 to GET /rest/api/3/issue/ISMS-1.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Not Clause 5.1 evidence' })).toBeVisible();
  });

  test('a failed bridge call is said in the app words, its raw text only behind "Show details"', async () => {
    mockedApi.getIssueReport.mockRejectedValueOnce(rawFailure());
    render(<IssuePanel />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(UNREACHABLE_MESSAGE)).toBeVisible();
    expectRawOnlyInDetails(alert, 'UNREACHABLE');
  });
});
