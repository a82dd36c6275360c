/** @jest-environment jsdom */
/** Issue 20: every sentence of the panel is true for the person who reads it. */
import { render, screen, within } from '@testing-library/react';
import type { TopManagement } from '../../src/core/substance-types';
import { IssuePanel } from '../../static/src/issue-panel/IssuePanel';
import * as api from '../../static/src/shared/api';
import { aConfig, anIssue } from '../support/builders';
import { danaIsTopManagement, issueReport, people } from './support/fixtures';
import { resetApiMock } from './support/mocks';
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

const board = aConfig({}, { topManagement: { groups: ['board'], accountIds: [] } });
/** The manager: without "Browse users and groups", nobody's groups can be read. */
const managerSees: TopManagement = {
  accountIds: [],
  groupsNamed: true,
  inNamedGroup: {},
  unknownReason: "you lack Jira's Browse users and groups permission",
};
const policySignedByDana = (resolved: string) =>
  anIssue({ key: 'ISMS-9', labels: ['iso27001-policy-approval'], resolved, approverFieldUsers: [people.dana] });

describe('the issue panel tells the truth', () => {
  test('the manager on a CEO-signed policy: "Cannot tell", a check that could not be made, and no fix to the evidence', async () => {
    await renderPanel(issueReport(policySignedByDana('2026-06-01'), board, managerSees));
    const card = screen.getByRole('region', { name: 'Security policy approval' });
    expect(within(card).getByText('Cannot tell')).toBeVisible();
    expect(within(card).queryByText('Does not count')).toBeNull();
    const rows = within(screen.getByRole('list', { name: 'Checks for Security policy approval' })).getAllByRole(
      'listitem',
    );
    expect(rows.map((li) => li.textContent)).toContain(
      "? Could not be checked: Signed off by Dana Whitfield (named in the approver field), but whether they are top management could not be checked (you lack Jira's Browse users and groups permission).",
    );
    const headline = screen.getByRole('region', { name: 'Cannot tell yet' });
    expect(
      within(headline).getByText(/^Cannot tell yet whether this counts, and nothing on the issue needs to change/),
    ).toBeVisible();
    expect(document.body.textContent).not.toMatch(/Have top management sign it off/);
    expect(within(card).getByText('If its checks pass, it counts until')).toBeVisible();
  });

  test('evidence that lapses in 16 days is no green "Nothing to do"', async () => {
    await renderPanel(issueReport(policySignedByDana('2025-12-13'), board, danaIsTopManagement));
    expect(screen.queryByRole('region', { name: 'Counts as Clause 5.1 evidence' })).toBeNull();
    const headline = screen.getByRole('region', { name: 'Counts, but lapses soon' });
    expect(
      within(headline).getByText(
        /^Renew soon: this issue stops counting as security policy approval evidence on 14 Dec 2026, in 16 days\./,
      ),
    ).toBeVisible();
    expect(document.body.textContent).not.toMatch(/Nothing to do/);
  });

  test('an issue that does not count never says when it "stops counting"', async () => {
    const byPriya = anIssue({
      key: 'ISMS-7',
      labels: ['iso27001-policy-approval'],
      resolved: '2026-09-09',
      approverFieldUsers: [people.priya],
    });
    await renderPanel(issueReport(byPriya, board, danaIsTopManagement));
    const card = screen.getByRole('region', { name: 'Security policy approval' });
    expect(within(card).getByText('Does not count')).toBeVisible();
    expect(within(card).queryByText(/^Stops counting on/)).toBeNull();
    expect(within(card).getByText('Once its checks pass, it would count until')).toBeVisible();
    expect(within(card).getByText('10 Sep 2027')).toBeVisible();
  });

  test('lapsed evidence says when it stopped counting', async () => {
    await renderPanel(issueReport(policySignedByDana('2025-01-01'), board, danaIsTopManagement));
    const card = screen.getByRole('region', { name: 'Security policy approval' });
    expect(within(card).getByText('Stopped counting on')).toBeVisible();
    expect(within(card).getByText('2 Jan 2026')).toBeVisible();
  });
});
