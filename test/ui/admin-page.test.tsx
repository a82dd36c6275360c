/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminPage } from '../../static/src/admin-page/AdminPage';
import * as api from '../../static/src/shared/api';
import { ApiError, UNREACHABLE_MESSAGE } from '../../static/src/shared/api-error';
import { LABEL_SUGGESTION_DELAY_MS } from '../../static/src/shared/hooks';
import { defaultConfig } from '../../src/core/config';
import type { CoverageConfig } from '../../src/core/types';
import { actAsync } from './support/act-async';
import { configState } from './support/fixtures';
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

async function renderAdmin(state = configState()) {
  mockedApi.getConfig.mockResolvedValueOnce(state);
  render(<AdminPage />);
  await screen.findByRole('button', { name: 'Save settings' });
}

/**
 * The page shows one section at a time: tests move to a section through its navigation, as the
 * admin does, before reaching what is in it. A section's button is named by the section, then
 * what it holds (", 1 problem", ", edited").
 */
const sectionButton = (name: string) =>
  within(screen.getByRole('navigation', { name: 'Settings sections' })).getByRole('button', {
    name: (accessible) => accessible === name || accessible.startsWith(`${name}, `),
  });
/** Moves to the section unless it is shown already (moving puts the focus on its heading). */
const showSection = (name: string) => {
  const button = sectionButton(name);
  if (button.getAttribute('aria-current') !== 'true') fireEvent.click(button);
};
const category = (name: string) => {
  showSection(name);
  return screen.getByRole('region', { name });
};
const typeInto = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });
const saveButton = () => screen.getByRole('button', { name: 'Save settings' });
const isDisabled = (button: HTMLElement) =>
  button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true';

function withWindow(config: CoverageConfig, days: number): CoverageConfig {
  return {
    ...config,
    categories: { ...config.categories, resources: { ...config.categories.resources, windowDays: days } },
  };
}

describe('admin page', () => {
  test('a non-admin gets a refusal, not a form, and no admin-only calls are made', async () => {
    mockedApi.getConfig.mockResolvedValueOnce(configState({ canEdit: false }));
    render(<AdminPage />);
    expect(
      await screen.findByRole('heading', { name: 'Only Jira administrators can change these settings' }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(mockedApi.getConfigHistory).not.toHaveBeenCalled();
    expect(mockedApi.getDateFields).not.toHaveBeenCalled();
    expect(mockedApi.getUserFields).not.toHaveBeenCalled();
    expect(mockedApi.getIssueTypes).not.toHaveBeenCalled();
  });

  test('the help links to the grading rules, served beside the page, in a new tab (issue 20)', async () => {
    await renderAdmin();
    const link = screen.getByRole('link', { name: 'How the app grades the evidence' });
    expect(link).toHaveAttribute('href', './grading.html');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  test('shows who saved last, when, and the version; Save is disabled while nothing changed', async () => {
    await renderAdmin();
    expect(screen.getByText('Version 3, last saved by Alex Morgan on 20 Nov 2026, 14:03 UTC.')).toBeVisible();
    expect(isDisabled(saveButton())).toBe(true);
    expect(screen.getByText('No changes to save')).toBeVisible();
  });

  test('a bad window gets its message next to the field at once, and Save stays disabled', async () => {
    await renderAdmin();
    const input = within(category('Management reviews')).getByLabelText('Window (days)');
    typeInto(input, '0');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const messageId = input
      .getAttribute('aria-describedby')
      ?.split(' ')
      .find((id) => id.endsWith('-error'));
    const message = document.getElementById(messageId ?? '');
    expect(message).toHaveTextContent('must be a whole number of days from 1 to 3660');
    expect(isDisabled(saveButton())).toBe(true);
    expect(screen.getByText('1 problem to fix before saving')).toBeVisible();
    typeInto(input, '');
    expect(input).toHaveAttribute('value', '');
    typeInto(input, '120');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(messageId ?? '')).toBeNull();
    expect(isDisabled(saveButton())).toBe(false);
  });

  test('Save sends the whole config with the version it was loaded at, then says it is saved', async () => {
    await renderAdmin();
    typeInto(within(category('ISMS budget and staffing')).getByLabelText('Window (days)'), '180');
    mockedApi.saveConfig.mockResolvedValueOnce(
      configState({ config: withWindow(defaultConfig(), 180), version: 4, updatedAt: '2026-11-28T10:00:00.000Z' }),
    );
    await actAsync(() => fireEvent.click(saveButton()));
    expect(mockedApi.saveConfig).toHaveBeenCalledWith(withWindow(defaultConfig(), 180), 3);
    expect(screen.getByText('Saved. Version 4 now applies to every project.')).toBeVisible();
    expect(screen.getByText('Version 4, last saved by Alex Morgan on 28 Nov 2026, 10:00 UTC.')).toBeVisible();
    expect(isDisabled(saveButton())).toBe(true);
  });

  test('disabling a category requires a reason, which is then sent', async () => {
    await renderAdmin();
    const card = category('Strategy alignment');
    fireEvent.click(within(card).getByLabelText('Count this category in coverage'));
    const reason = within(card).getByLabelText(/Why is it disabled\?/);
    expect(within(card).getByText('say why the category is disabled: auditors ask')).toBeVisible();
    expect(isDisabled(saveButton())).toBe(true);
    typeInto(reason, 'Objectives are set in the board pack, outside Jira');
    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 4 })));
    await actAsync(() => fireEvent.click(saveButton()));
    const sent = mockedApi.saveConfig.mock.calls[0]?.[0];
    expect(sent?.categories['strategy-alignment']).toEqual({
      labels: ['iso27001-strategy-alignment'],
      enabled: false,
      disabledReason: 'Objectives are set in the board pack, outside Jira',
      windowDays: 365,
      requirements: {},
    });
  });

  test('labels: add from Jira suggestions as the admin types, refuse a label with a space, remove one', async () => {
    jest.useFakeTimers();
    try {
      mockedApi.suggestLabels.mockResolvedValue(['iso27001-budget-2027', 'iso27001-budget-approval']);
      await renderAdmin();
      const card = category('ISMS budget and staffing');
      const input = within(card).getByLabelText('Add a label to ISMS budget and staffing');
      typeInto(input, 'budget approved');
      expect(
        within(card).getByText('"budget approved" contains a space: Jira labels cannot contain spaces'),
      ).toBeVisible();
      expect(isDisabled(within(card).getByRole('button', { name: 'Add' }))).toBe(true);

      typeInto(input, 'iso27001-bud');
      expect(mockedApi.suggestLabels).not.toHaveBeenCalled();
      await actAsync(() => jest.advanceTimersByTime(LABEL_SUGGESTION_DELAY_MS));
      expect(mockedApi.suggestLabels).toHaveBeenCalledTimes(1);
      expect(mockedApi.suggestLabels).toHaveBeenCalledWith('iso27001-bud');
      // The label already in the list is not offered again.
      expect(within(card).queryByRole('button', { name: 'Add suggested label iso27001-budget-approval' })).toBeNull();
      fireEvent.click(await within(card).findByRole('button', { name: 'Add suggested label iso27001-budget-2027' }));
      const labels = within(card).getByRole('list', { name: 'Labels' });
      expect(
        within(labels)
          .getAllByRole('listitem')
          .map((li) => li.textContent.replace('×', '')),
      ).toEqual(['iso27001-budget-approval', 'iso27001-budget-2027']);

      fireEvent.click(
        within(card).getByRole('button', {
          name: 'Remove label iso27001-budget-approval from ISMS budget and staffing',
        }),
      );
      expect(within(labels).getAllByRole('listitem')).toHaveLength(1);
      expect(isDisabled(saveButton())).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a label used by two categories gets the message next to that label', async () => {
    await renderAdmin();
    const card = category('Management reviews');
    const input = within(card).getByLabelText('Add a label to Management reviews');
    typeInto(input, 'iso27001-budget-approval');
    fireEvent.keyDown(input, { key: 'Enter' });
    const labels = within(card).getByRole('list', { name: 'Labels' });
    const added = within(labels).getAllByRole('listitem')[1] as HTMLElement;
    expect(added).toHaveTextContent(
      '"iso27001-budget-approval" already maps to resources: a label maps to one category at most',
    );
    expect(isDisabled(saveButton())).toBe(true);
  });

  test('INVALID_INPUT from the back end is shown next to the field it names', async () => {
    await renderAdmin();
    typeInto(screen.getByLabelText('Approval label'), 'board-ok');
    mockedApi.saveConfig.mockRejectedValueOnce(
      new ApiError('INVALID_INPUT', 'The settings were not saved: approvalLabel is reserved.', {
        fields: [{ field: 'config.approvalLabel', message: 'is reserved by another app' }],
      }),
    );
    await actAsync(() => fireEvent.click(saveButton()));
    const input = screen.getByLabelText('Approval label');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('is reserved by another app')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('The settings were not saved: approvalLabel is reserved.');
  });

  test('CONFLICT keeps the typed draft, offers their version, and can re-apply the draft on top of it', async () => {
    await renderAdmin();
    const window = () => within(category('ISMS budget and staffing')).getByLabelText('Window (days)');
    typeInto(window(), '200');
    mockedApi.saveConfig.mockRejectedValueOnce(
      new ApiError('CONFLICT', 'The settings changed since you loaded them.', { currentVersion: 4 }),
    );
    await actAsync(() => fireEvent.click(saveButton()));

    const conflict = screen.getByRole('alert');
    expect(conflict).toHaveTextContent('Someone else saved these settings while you were editing');
    expect(conflict).toHaveTextContent('what you typed is still in the form');
    expect(conflict).toHaveTextContent('now version 4');
    expect(window()).toHaveAttribute('value', '200');

    // Their save changed the approval label.
    const theirs = { ...defaultConfig(), approvalLabel: 'board-ok' };
    mockedApi.getConfig.mockResolvedValueOnce(
      configState({ config: theirs, version: 4, updatedBy: { accountId: 'x', displayName: 'Sam Rivera' } }),
    );
    await actAsync(() => fireEvent.click(within(conflict).getByRole('button', { name: 'Load their version' })));
    expect(screen.getByText('Version 4, last saved by Sam Rivera on 20 Nov 2026, 14:03 UTC.')).toBeVisible();
    expect(window()).toHaveAttribute('value', '365');
    expect(screen.getByLabelText('Approval label')).toHaveAttribute('value', 'board-ok');
    const kept = screen.getByRole('list', { name: 'Your unsaved changes' });
    expect(kept).toHaveTextContent('ISMS budget and staffing: window (days): 365 → 200');

    fireEvent.click(screen.getByRole('button', { name: 'Re-apply my changes' }));
    expect(window()).toHaveAttribute('value', '200');
    expect(screen.getByLabelText('Approval label')).toHaveAttribute('value', 'board-ok');
    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 5 })));
    await actAsync(() => fireEvent.click(saveButton()));
    expect(mockedApi.saveConfig).toHaveBeenLastCalledWith(withWindow(theirs, 200), 4);
  });

  test('a save refused as FORBIDDEN turns into the refusal', async () => {
    await renderAdmin();
    typeInto(screen.getByLabelText('Approval label'), 'board-ok');
    mockedApi.saveConfig.mockRejectedValueOnce(new ApiError('FORBIDDEN', 'You are no longer a Jira administrator.'));
    await actAsync(() => fireEvent.click(saveButton()));
    expect(screen.getByRole('heading', { name: 'Only Jira administrators can change these settings' })).toBeVisible();
    expect(screen.getByText('You are no longer a Jira administrator.')).toBeVisible();
  });

  test('Reset to defaults asks first, then sends the current version', async () => {
    const changed = withWindow(defaultConfig(), 90);
    await renderAdmin(configState({ config: changed }));
    showSection('Reset and history');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    expect(mockedApi.resetConfig).not.toHaveBeenCalled();
    const confirm = screen.getByRole('region', { name: 'Reset every setting to the product defaults?' });
    mockedApi.resetConfig.mockResolvedValueOnce(configState({ version: 4 }));
    await actAsync(() => fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, reset to defaults' })));
    expect(mockedApi.resetConfig).toHaveBeenCalledWith(3);
    expect(screen.getByText('Reset to the defaults (version 4).')).toBeVisible();
    expect(within(category('ISMS budget and staffing')).getByLabelText('Window (days)')).toHaveAttribute(
      'value',
      '365',
    );
  });

  test('the effective-date field offers Jira date fields and the default', async () => {
    mockedApi.getDateFields.mockResolvedValue([{ id: 'customfield_10042', name: 'Approved on', type: 'date' }]);
    await renderAdmin();
    const select = screen.getByLabelText('Effective-date field');
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(["Jira's own dates (default)", 'Approved on (customfield_10042)']),
    );
    fireEvent.change(select, { target: { value: 'customfield_10042' } });
    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 4 })));
    await actAsync(() => fireEvent.click(saveButton()));
    expect(mockedApi.saveConfig.mock.calls[0]?.[0].effectiveDateField).toBe('customfield_10042');
  });

  test("the issue type Create issue makes: the site's standard types or the default, sent on save", async () => {
    await renderAdmin();
    const select = screen.getByLabelText('Issue type for new issues');
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(["Task, else the project's first standard type (default)", 'Bug', 'Story', 'Task']),
    );
    fireEvent.change(select, { target: { value: 'Story' } });
    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 4 })));
    await actAsync(() => fireEvent.click(saveButton()));
    expect(mockedApi.saveConfig.mock.calls[0]?.[0].fixIssueType).toBe('Story');
  });

  test('a chosen issue type Jira no longer has stays shown, saying so', async () => {
    await renderAdmin(configState({ config: { ...defaultConfig(), fixIssueType: 'Change request' } }));
    const select = screen.getByLabelText('Issue type for new issues');
    await waitFor(() =>
      expect(
        within(select).getByRole('option', { name: 'Change request (no such issue type in Jira now)' }),
      ).toBeTruthy(),
    );
    expect((select as HTMLSelectElement).value).toBe('Change request');
  });

  test('unusable stored settings are named once, and saving the defaults as they are replaces them', async () => {
    const storedProblem = {
      version: 3,
      message:
        'The saved settings (version 3) cannot be used: categories.coffee is not a Clause 5.1 category. Every project is graded with the default settings until a Jira admin saves or resets them.',
    };
    await renderAdmin(configState({ storedProblem }));
    const notice = screen.getByRole('region', { name: 'The saved settings cannot be used' });
    expect(within(notice).getByText(storedProblem.message)).toBeVisible();
    expect(
      within(notice).getByText(/Saving them \(changed or not\) or resetting to the defaults replaces/),
    ).toBeVisible();
    expect(screen.getAllByRole('region', { name: 'The saved settings cannot be used' })).toHaveLength(1);
    expect(screen.getByText('Save to replace the damaged settings')).toBeVisible();

    mockedApi.saveConfig.mockResolvedValueOnce(configState({ version: 4 }));
    expect(isDisabled(saveButton())).toBe(false);
    await actAsync(() => fireEvent.click(saveButton()));
    expect(mockedApi.saveConfig).toHaveBeenCalledWith(defaultConfig(), 3);
    expect(screen.queryByRole('region', { name: 'The saved settings cannot be used' })).toBeNull();
    expect(screen.getByText('Saved. Version 4 now applies to every project.')).toBeVisible();
  });

  test('a reset from unusable stored settings sends their version and clears the notice', async () => {
    await renderAdmin(configState({ storedProblem: { version: 3, message: 'The saved settings cannot be used.' } }));
    showSection('Reset and history');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    const confirm = screen.getByRole('region', { name: 'Reset every setting to the product defaults?' });
    mockedApi.resetConfig.mockResolvedValueOnce(configState({ version: 4 }));
    await actAsync(() => fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, reset to defaults' })));
    expect(mockedApi.resetConfig).toHaveBeenCalledWith(3);
    expect(screen.queryByRole('region', { name: 'The saved settings cannot be used' })).toBeNull();
  });

  test('the change history loads only when asked, and lists who changed what', async () => {
    mockedApi.getConfigHistory.mockResolvedValue([
      {
        version: 2,
        action: 'save',
        by: { accountId: 'a', displayName: 'Alex Morgan' },
        at: '2026-11-01T09:30:00.000Z',
        changes: [{ field: 'categories.resources.windowDays', from: 365, to: 180 }],
      },
      {
        version: 3,
        action: 'reset',
        by: { accountId: 'a', displayName: 'Alex Morgan' },
        at: '2026-11-20T14:03:00.000Z',
        changes: [{ field: 'categories.resources.windowDays', from: 180, to: 365 }],
      },
    ]);
    await renderAdmin();
    expect(mockedApi.getConfigHistory).not.toHaveBeenCalled();
    showSection('Reset and history');
    const toggle = screen.getByRole('button', { name: 'Show change history' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    const history = await screen.findByRole('list', { name: 'Setting changes, newest first' });
    const entries = within(history)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === history);
    expect(entries[0]).toHaveTextContent('Version 3 · Reset to defaults by Alex Morgan · 20 Nov 2026, 14:03 UTC');
    expect(entries[1]).toHaveTextContent('Version 2 · Saved by Alex Morgan · 1 Nov 2026, 09:30 UTC');
    expect(entries[1]).toHaveTextContent('ISMS budget and staffing: window (days): 365 → 180');
    expect(mockedApi.getConfigHistory).toHaveBeenCalledTimes(1);
  });
});

describe('admin page: sections, with Save and the count of problems always above them (issue 20)', () => {
  const nav = () => screen.getByRole('navigation', { name: 'Settings sections' });
  const saveBar = () => screen.getByRole('region', { name: 'Save' });

  test('one section is shown at a time; moving between them keeps unsaved changes, and Save sends them all', async () => {
    await renderAdmin();
    expect(
      within(nav())
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([
      'General',
      'Evidence from several projects',
      'Top management',
      'Executive workshop outcomes',
      'Security role assignments',
      'Board-approved corrective actions',
      'Security policy approval',
      'ISMS budget and staffing',
      'Strategy alignment',
      'Leadership communication',
      'Department security targets',
      'Executive training and drills',
      'Management reviews',
      'Reset and history',
    ]);
    expect(sectionButton('General')).toHaveAttribute('aria-current', 'true');
    expect(screen.queryByRole('region', { name: 'Management reviews' })).toBeNull();

    typeInto(screen.getByLabelText('Approval label'), 'board-ok');
    expect(sectionButton('General')).toHaveAttribute('aria-label', 'General, edited');
    const reviews = category('Management reviews');
    // The focus follows the admin to the section chosen.
    expect(document.activeElement).toBe(within(reviews).getByRole('heading', { name: 'Management reviews' }));
    expect(screen.getByLabelText('Approval label')).not.toBeVisible();
    typeInto(within(reviews).getByLabelText('Window (days)'), '120');
    expect(within(saveBar()).getByRole('status')).toHaveTextContent('Unsaved changes');

    showSection('General');
    expect(screen.getByLabelText('Approval label')).toBeVisible();
    expect(screen.getByLabelText('Approval label')).toHaveAttribute('value', 'board-ok');
    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 4 })));
    await actAsync(() => fireEvent.click(saveButton()));
    const sent = mockedApi.saveConfig.mock.calls[0]?.[0];
    expect(sent?.approvalLabel).toBe('board-ok');
    expect(sent?.categories['management-review'].windowDays).toBe(120);
  });

  test('Save and the count of problems come before every section, the count announced politely', async () => {
    await renderAdmin();
    // First in the page's order, so Tab reaches Save before any section's controls.
    expect(saveButton().compareDocumentPosition(nav()) & Node.DOCUMENT_POSITION_FOLLOWING).not.toBe(0);
    expect(saveButton().getAttribute('tabindex')).not.toBe('-1');
    typeInto(within(category('Management reviews')).getByLabelText('Window (days)'), '0');
    showSection('Reset and history');
    const status = within(saveBar()).getByRole('status');
    expect(status).toHaveTextContent('1 problem to fix before saving');
    expect(status).toBeVisible();
    expect(sectionButton('Management reviews')).toHaveAttribute('aria-label', 'Management reviews, 1 problem');
    expect(isDisabled(saveButton())).toBe(true);
  });

  test("the back end's problem with a setting in another section is counted at that section", async () => {
    await renderAdmin();
    typeInto(screen.getByLabelText('Approval label'), 'board-ok');
    mockedApi.saveConfig.mockRejectedValueOnce(
      new ApiError('INVALID_INPUT', 'The settings were not saved: a window is too long.', {
        fields: [{ field: 'config.categories.resources.windowDays', message: 'is longer than Jira keeps issues' }],
      }),
    );
    await actAsync(() => fireEvent.click(saveButton()));
    expect(sectionButton('ISMS budget and staffing')).toHaveAttribute(
      'aria-label',
      'ISMS budget and staffing, 1 problem',
    );
    expect(within(category('ISMS budget and staffing')).getByText('is longer than Jira keeps issues')).toBeVisible();
  });
});

describe('admin page: failures said in the app words, raw text only behind "Show details" (issue 20)', () => {
  test('the settings failing to load', async () => {
    mockedApi.getConfig.mockRejectedValueOnce(rawFailure());
    render(<AdminPage />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(UNREACHABLE_MESSAGE)).toBeVisible();
    expectRawOnlyInDetails(alert, 'UNREACHABLE');
  });

  test('a save whose answer is lost on the way', async () => {
    await renderAdmin();
    typeInto(screen.getByLabelText('Approval label'), 'board-ok');
    mockedApi.saveConfig.mockRejectedValueOnce(rawFailure());
    await actAsync(() => fireEvent.click(saveButton()));
    const alert = within(screen.getByRole('region', { name: 'Save' })).getByRole('alert');
    // No answer was read: the back end may have saved, so the page does not say it did not.
    expect(alert).toHaveTextContent('The settings may not have been saved');
    expect(alert).toHaveTextContent(`No answer from the app. ${UNREACHABLE_MESSAGE}`);
    expectRawOnlyInDetails(alert, 'UNREACHABLE');
    // What was typed is still there, to save again.
    expect(screen.getByLabelText('Approval label')).toHaveAttribute('value', 'board-ok');
  });

  test("Jira's date fields failing to load, under their select", async () => {
    mockedApi.getDateFields.mockRejectedValue(rawFailure());
    await renderAdmin();
    const select = screen.getByLabelText('Effective-date field');
    await waitFor(() =>
      expect(descriptionOf(select)).toContain(`Could not load Jira's date fields: ${UNREACHABLE_MESSAGE}`),
    );
    expectRawOnlyInDetails(
      document.getElementById('c51-effective-date-field-list-error') as HTMLElement,
      'UNREACHABLE',
    );
  });

  test('a group search failing, under the picker', async () => {
    mockedApi.searchGroups.mockRejectedValueOnce(rawFailure());
    await renderAdmin();
    showSection('Top management');
    typeInto(await screen.findByLabelText('Top management groups'), 'exec');
    await waitFor(() =>
      expect(document.getElementById('c51-top-groups-search-error')).toHaveTextContent(
        `Could not search Jira's groups: ${UNREACHABLE_MESSAGE}`,
      ),
    );
    expectRawOnlyInDetails(document.getElementById('c51-top-groups-search-error') as HTMLElement, 'UNREACHABLE');
  });
});

const BOARD = '952d1b2c-6a1f-4a8e-9d7e-1f2a3b4c5d01';
const GONE = '0b5e7c1d-0000-4000-8000-00000000dead';
const CEO = 'demo-ceo';
const SIGNED_OFF_BY = 'customfield_10901';
const ATTENDEES = 'customfield_10902';
const USER_FIELDS = [
  { id: ATTENDEES, name: 'Attendees', multi: true },
  { id: SIGNED_OFF_BY, name: 'Signed off by', multi: false },
];

function topConfig(change: Partial<CoverageConfig> = {}): CoverageConfig {
  return {
    ...defaultConfig(),
    topManagement: { groups: [BOARD, GONE], accountIds: [CEO] },
    approverField: SIGNED_OFF_BY,
    attendeesField: ATTENDEES,
    ...change,
  };
}

const topState = (change: Partial<CoverageConfig> = {}) =>
  configState({
    config: topConfig(change),
    names: {
      groups: { [BOARD]: 'executive-board', [GONE]: null },
      people: { [CEO]: 'Dana Whitfield' },
      fields: { [SIGNED_OFF_BY]: 'Signed off by', [ATTENDEES]: 'Attendees' },
    },
  });

const topSection = () => {
  showSection('Top management');
  return screen.getByRole('region', { name: 'Top management' });
};
const valueOf = (select: HTMLElement) => (select instanceof HTMLSelectElement ? select.value : undefined);
const optionTexts = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);
/** The messages a control points at with aria-describedby. */
const descriptionOf = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('admin page: top management, user fields and requirements (spec 8.8)', () => {
  beforeEach(() => mockedApi.getUserFields.mockResolvedValue(USER_FIELDS));

  test('the settings show with their Jira names, and a group Jira no longer has is said to be missing', async () => {
    await renderAdmin(topState());
    const section = topSection();
    const groups = await within(section).findByLabelText('Top management groups');
    expect(section).toHaveTextContent('executive-board');
    expect(section).toHaveTextContent('Dana Whitfield');
    expect(descriptionOf(groups)).toContain(
      'Group 0b5e7c1d… no longer exists in Jira. Remove it: a save is refused while it is listed.',
    );
    expect(groups).toHaveAttribute('aria-invalid', 'true');

    const approver = within(section).getByLabelText('Approver field');
    await waitFor(() =>
      expect(optionTexts(approver)).toEqual([
        'None: who moved the issue to done (default)',
        'Attendees (customfield_10902, several people)',
        'Signed off by (customfield_10901)',
      ]),
    );
    expect(valueOf(approver)).toBe(SIGNED_OFF_BY);
    // Attendees are a list of people: single-user pickers are not offered.
    const attendees = within(section).getByLabelText('Attendees field');
    expect(optionTexts(attendees)).toEqual([
      'None: the assignee and the approver (default)',
      'Attendees (customfield_10902)',
    ]);
    expect(valueOf(attendees)).toBe(ATTENDEES);

    const policy = category('Security policy approval');
    expect(valueOf(within(policy).getByLabelText('Approved by top management, Security policy approval'))).toBe(
      'required',
    );
    expect(valueOf(within(policy).getByLabelText('Document attached, Security policy approval'))).toBe('required');
    expect(valueOf(within(category('Security role assignments')).getByLabelText(/^Duties described/))).toBe('advisory');
    // A category without requirements shows none.
    expect(within(category('Strategy alignment')).queryByRole('group', { name: /Requirements/ })).toBeNull();
  });

  test('a changed requirement and a person added from Jira are sent on save, with every other setting kept', async () => {
    mockedApi.searchUsers.mockResolvedValue([{ accountId: 'demo-cfo', displayName: 'Priya Natarajan' }]);
    await renderAdmin(topState({ topManagement: { groups: [BOARD], accountIds: [CEO] } }));
    showSection('Top management');
    const people = await screen.findByLabelText('Top management people');
    typeInto(people, 'pri');
    fireEvent.click(await screen.findByRole('option', { name: 'Priya Natarajan' }));
    expect(mockedApi.searchUsers).toHaveBeenCalledWith('pri');
    expect(topSection()).toHaveTextContent('Priya Natarajan');

    const decisions = within(category('Management reviews')).getByLabelText('Decisions recorded, Management reviews');
    fireEvent.change(decisions, { target: { value: 'required' } });
    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 4 })));
    await actAsync(() => fireEvent.click(saveButton()));

    const expected = topConfig({ topManagement: { groups: [BOARD], accountIds: [CEO, 'demo-cfo'] } });
    expected.categories['management-review'] = {
      ...expected.categories['management-review'],
      requirements: { ...expected.categories['management-review'].requirements, 'decisions-recorded': 'required' },
    };
    expect(mockedApi.saveConfig).toHaveBeenCalledWith(expected, 3);
    // Saved: the name picked stays on screen although the answer carried no names.
    expect(topSection()).toHaveTextContent('Priya Natarajan');
  });

  test('the back end refusing a field and a group shows each message at its control', async () => {
    await renderAdmin(topState({ topManagement: { groups: [BOARD], accountIds: [] }, approverField: ATTENDEES }));
    const attendees = screen.getByLabelText('Attendees field');
    fireEvent.change(attendees, { target: { value: '' } });
    mockedApi.saveConfig.mockRejectedValueOnce(
      new ApiError('INVALID_INPUT', 'The settings were not saved: approverField is not a user-picker field.', {
        fields: [
          { field: 'config.approverField', message: 'is not a user-picker field' },
          { field: 'config.topManagement.groups.0', message: 'no longer exists in Jira' },
        ],
      }),
    );
    await actAsync(() => fireEvent.click(saveButton()));
    const approver = screen.getByLabelText('Approver field');
    expect(approver).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionOf(approver)).toContain('is not a user-picker field');
    const groups = await screen.findByLabelText('Top management groups');
    expect(descriptionOf(groups)).toContain('Group executive-board: no longer exists in Jira');
    // Placed at their controls, so not listed again by the Save button.
    expect(screen.queryByRole('list', { name: 'Other problems' })).toBeNull();
  });

  test('removing a group from the picker sends the list without it', async () => {
    await renderAdmin(topState());
    showSection('Top management');
    await screen.findByLabelText('Top management groups');
    fireEvent.click(screen.getByRole('button', { name: 'Remove 0b5e7c1d… (no longer in Jira)' }));
    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 4 })));
    await actAsync(() => fireEvent.click(saveButton()));
    expect(mockedApi.saveConfig.mock.calls[0]?.[0].topManagement).toEqual({ groups: [BOARD], accountIds: [CEO] });
  });

  test('the group search says when Jira fails, and Retry asks again', async () => {
    mockedApi.searchGroups
      .mockRejectedValueOnce(
        new ApiError('RATE_LIMITED', 'Jira is rate limiting requests right now. Try again in 2 minutes.'),
      )
      .mockResolvedValueOnce([{ groupId: BOARD, name: 'executive-board' }]);
    await renderAdmin();
    showSection('Top management');
    const groups = await screen.findByLabelText('Top management groups');
    typeInto(groups, 'exec');
    expect(await screen.findByText("Searching Jira's groups…")).toBeVisible();
    // Said in the open menu, and under the control where it stays when the menu closes.
    await waitFor(() =>
      expect(document.getElementById('c51-top-groups-search-error')).toHaveTextContent(
        "Could not search Jira's groups: Jira is rate limiting requests right now. Try again in 2 minutes.",
      ),
    );
    expect(descriptionOf(groups)).toContain("Could not search Jira's groups");
    expect(screen.getByRole('listbox')).toHaveTextContent("Could not search Jira's groups: Jira is rate limiting");
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('option', { name: 'executive-board' })).toBeVisible();
    expect(mockedApi.searchGroups).toHaveBeenCalledTimes(2);
  });

  test('with nobody named, the page says the top-management requirements are not checked', async () => {
    await renderAdmin();
    expect(topSection()).toHaveTextContent('Nobody is named yet, so those two requirements are not checked');
  });

  test('the change history names these settings in words, and groups by their names', async () => {
    mockedApi.getConfigHistory.mockResolvedValue([
      {
        version: 3,
        action: 'save',
        by: { accountId: 'a', displayName: 'Alex Morgan' },
        at: '2026-11-20T14:03:00.000Z',
        changes: [
          { field: 'topManagement.groups', from: [], to: [BOARD] },
          { field: 'categories.security-policy.requirements.document-attached', from: 'required', to: 'advisory' },
          { field: 'approverField', from: null, to: SIGNED_OFF_BY },
        ],
      },
    ]);
    await renderAdmin(topState());
    showSection('Reset and history');
    fireEvent.click(screen.getByRole('button', { name: 'Show change history' }));
    const history = await screen.findByRole('list', { name: 'Setting changes, newest first' });
    expect(history).toHaveTextContent('Top management: groups: (none) → executive-board');
    expect(history).toHaveTextContent('Security policy approval: requirement Document attached: required → advisory');
    expect(history).toHaveTextContent(`Approver field: (none) → ${SIGNED_OFF_BY}`);
  });
});

const PROJECTS = [
  { key: 'ISMS', name: 'Information Security' },
  { key: 'BOARD', name: 'Board meetings' },
  { key: 'HR', name: 'People and roles' },
];

const scopesSection = () => {
  showSection('Evidence from several projects');
  return screen.getByRole('region', { name: 'Evidence from several projects' });
};
/** A configured page's card, named by its summary ("ISMS: ISMS, BOARD"). */
const pageCard = (page: string) => within(scopesSection()).getByRole('region', { name: new RegExp(`^${page}: `) });
const tagsOf = (page: string) =>
  within(within(pageCard(page)).getByRole('list', { name: `Projects whose issues count for ${page}` }))
    .getAllByRole('listitem')
    .map((li) => li.textContent.replace('×', ''));
const scopeState = (scopes: Record<string, string[]>) => configState({ config: { ...defaultConfig(), scopes } });

/** Types into a project picker and picks the option Jira's (mocked) search offers. */
async function pickProject(input: HTMLElement, typed: string, option: string | RegExp) {
  typeInto(input, typed);
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('admin page: evidence from several projects (spec 11)', () => {
  beforeEach(() =>
    mockedApi.searchProjects.mockImplementation((query) =>
      Promise.resolve(
        PROJECTS.filter(
          (p) => p.key.includes(query.toUpperCase()) || p.name.toLowerCase().includes(query.toLowerCase()),
        ),
      ),
    ),
  );

  test('with none set, every page counts its own project alone', async () => {
    await renderAdmin();
    expect(scopesSection()).toHaveTextContent('Every project page counts its own project alone.');
    expect(within(scopesSection()).queryByRole('list', { name: 'Project pages counting other projects' })).toBeNull();
  });

  test('a page added with its projects from the search is sent as its own project first, then the others', async () => {
    await renderAdmin();
    fireEvent.click(within(scopesSection()).getByRole('button', { name: 'Add a project page' }));
    const pagePicker = await within(scopesSection()).findByLabelText('Project page');
    await pickProject(pagePicker, 'isms', 'Information Security (ISMS)');
    expect(mockedApi.searchProjects).toHaveBeenCalledWith('isms');
    // Set up, not yet a setting: nothing to save until a project is added.
    expect(pageCard('ISMS')).toHaveTextContent('ISMS: ISMS alone so far');
    expect(tagsOf('ISMS')).toEqual(["Information Security (ISMS)this page's own project"]);
    expect(isDisabled(saveButton())).toBe(true);

    const add = await within(pageCard('ISMS')).findByLabelText('Add a project to the evidence of ISMS');
    await waitFor(() => expect(document.activeElement).toBe(add));
    await pickProject(add, 'boa', 'Board meetings (BOARD)');
    expect(within(pageCard('ISMS')).getByRole('heading', { name: 'ISMS: ISMS, BOARD' })).toBeVisible();
    expect(tagsOf('ISMS')).toEqual(["Information Security (ISMS)this page's own project", 'Board meetings (BOARD)']);
    expect(pageCard('ISMS')).toHaveTextContent('2 of 20 projects');
    // The page's own project cannot be removed; the others can.
    expect(within(pageCard('ISMS')).queryByRole('button', { name: /^Remove ISMS/ })).toBeNull();
    expect(
      within(pageCard('ISMS')).getByRole('button', { name: 'Remove BOARD from the evidence of ISMS' }),
    ).toBeVisible();

    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 4 })));
    await actAsync(() => fireEvent.click(saveButton()));
    expect(mockedApi.saveConfig).toHaveBeenCalledWith({ ...defaultConfig(), scopes: { ISMS: ['ISMS', 'BOARD'] } }, 3);
    // Saved: the names picked stay on screen although the answer carried none.
    expect(tagsOf('ISMS')).toEqual(["Information Security (ISMS)this page's own project", 'Board meetings (BOARD)']);
  });

  test('saved projects without a known name show their key; a page listed already is refused as a new page', async () => {
    await renderAdmin(scopeState({ ISMS: ['BOARD', 'HR'] }));
    // The page's own project is shown first although the saved list omits it.
    expect(tagsOf('ISMS')).toEqual(["ISMSthis page's own project", 'BOARD', 'HR']);
    expect(pageCard('ISMS')).toHaveTextContent('3 of 20 projects');
    fireEvent.click(within(scopesSection()).getByRole('button', { name: 'Add a project page' }));
    const pagePicker = await within(scopesSection()).findByLabelText('Project page');
    await pickProject(pagePicker, 'isms', 'Information Security (ISMS), already listed');
    expect(descriptionOf(pagePicker)).toContain('ISMS is listed already: add projects to it above');
  });

  test("saved projects show Jira's names from the settings' names; one Jira no longer has shows its key", async () => {
    await renderAdmin(
      configState({
        config: { ...defaultConfig(), scopes: { ISMS: ['ISMS', 'BOARD', 'GONE'] } },
        names: {
          groups: {},
          people: {},
          fields: {},
          projects: { ISMS: 'Information Security', BOARD: 'Board of Directors', GONE: null },
        },
      }),
    );
    expect(tagsOf('ISMS')).toEqual([
      "Information Security (ISMS)this page's own project",
      'Board of Directors (BOARD)',
      'GONE',
    ]);
  });

  test('a duplicate and the page itself are refused at the control before save', async () => {
    await renderAdmin(scopeState({ ISMS: ['ISMS', 'BOARD'] }));
    const add = await within(pageCard('ISMS')).findByLabelText('Add a project to the evidence of ISMS');
    await pickProject(add, 'boa', 'Board meetings (BOARD), already listed');
    expect(add).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionOf(add)).toContain('BOARD is already listed for ISMS');
    await pickProject(add, 'isms', 'Information Security (ISMS), already listed');
    expect(descriptionOf(add)).toContain("ISMS is this page's own project: its issues always count");
    // Nothing added, but the names Jira gave are shown from now on.
    expect(tagsOf('ISMS')).toEqual(["Information Security (ISMS)this page's own project", 'Board meetings (BOARD)']);
    expect(isDisabled(saveButton())).toBe(true);
    // A project that can be added clears the message.
    await pickProject(add, 'hr', 'People and roles (HR)');
    expect(add).not.toHaveAttribute('aria-invalid', 'true');
    expect(tagsOf('ISMS')).toEqual([
      "Information Security (ISMS)this page's own project",
      'Board meetings (BOARD)',
      'People and roles (HR)',
    ]);
  });

  test('a 21st project is refused at the control', async () => {
    const twenty = ['ISMS', ...Array.from({ length: 19 }, (_, i) => `P${i + 1}`)];
    await renderAdmin(scopeState({ ISMS: twenty }));
    expect(pageCard('ISMS')).toHaveTextContent('20 of 20 projects: remove one to add another.');
    const add = await within(pageCard('ISMS')).findByLabelText('Add a project to the evidence of ISMS');
    await pickProject(add, 'boa', 'Board meetings (BOARD)');
    expect(descriptionOf(add)).toContain(
      'ISMS already counts 20 projects, the most a page can: remove one to add BOARD',
    );
    expect(tagsOf('ISMS')).toHaveLength(20);
    expect(isDisabled(saveButton())).toBe(true);
  });

  test('removing the last other project takes the page off the list, and that is saved', async () => {
    await renderAdmin(scopeState({ ISMS: ['ISMS', 'BOARD', 'HR'], OPS: ['OPS', 'INFRA'] }));
    fireEvent.click(within(pageCard('ISMS')).getByRole('button', { name: 'Remove HR from the evidence of ISMS' }));
    expect(tagsOf('ISMS')).toEqual(["ISMSthis page's own project", 'BOARD']);
    fireEvent.click(within(pageCard('ISMS')).getByRole('button', { name: 'Remove BOARD from the evidence of ISMS' }));
    expect(within(scopesSection()).queryByRole('region', { name: /^ISMS: / })).toBeNull();
    // Focus is not lost with the removed button.
    expect(document.activeElement).toBe(within(scopesSection()).getByRole('button', { name: 'Add a project page' }));
    mockedApi.saveConfig.mockImplementationOnce((config) => Promise.resolve(configState({ config, version: 4 })));
    await actAsync(() => fireEvent.click(saveButton()));
    expect(mockedApi.saveConfig.mock.calls[0]?.[0].scopes).toEqual({ OPS: ['OPS', 'INFRA'] });
  });

  test('"Count OPS alone" takes a page off the list at once', async () => {
    await renderAdmin(scopeState({ OPS: ['OPS', 'INFRA', 'NET'] }));
    fireEvent.click(within(pageCard('OPS')).getByRole('button', { name: 'Count OPS alone' }));
    expect(scopesSection()).toHaveTextContent('Every project page counts its own project alone.');
    expect(screen.getByText('Unsaved changes')).toBeVisible();
  });

  test('the back end refusing a project that is not in Jira shows the message at that project', async () => {
    await renderAdmin(scopeState({ ISMS: ['ISMS', 'BOARD'] }));
    const add = await within(pageCard('ISMS')).findByLabelText('Add a project to the evidence of ISMS');
    mockedApi.searchProjects.mockResolvedValue([{ key: 'ARCHIVE', name: 'Old archive' }]);
    await pickProject(add, 'arch', 'Old archive (ARCHIVE)');
    mockedApi.saveConfig.mockRejectedValueOnce(
      new ApiError('INVALID_INPUT', 'The settings were not saved: scopes.ISMS.2 is not a project in Jira.', {
        fields: [{ field: 'config.scopes.ISMS.2', message: '"ARCHIVE" is not a project in Jira' }],
      }),
    );
    await actAsync(() => fireEvent.click(saveButton()));
    expect(tagsOf('ISMS')).toEqual([
      "ISMSthis page's own project",
      'BOARD',
      'Old archive (ARCHIVE)⚠ "ARCHIVE" is not a project in Jira',
    ]);
    expect(descriptionOf(within(pageCard('ISMS')).getByRole('button', { name: /^Remove ARCHIVE/ }))).toContain(
      '"ARCHIVE" is not a project in Jira',
    );
    // Placed at its project, so not listed again by the Save button.
    expect(screen.queryByRole('list', { name: 'Other problems' })).toBeNull();
    // Removing it clears the message and the page can be saved again.
    fireEvent.click(within(pageCard('ISMS')).getByRole('button', { name: 'Remove ARCHIVE from the evidence of ISMS' }));
    expect(pageCard('ISMS')).not.toHaveTextContent('not a project');
  });

  test('a server error at an index of a saved list is shown at that project', async () => {
    await renderAdmin(scopeState({ ISMS: ['ISMS', 'BOARD'], OPS: ['OPS', 'INFRA'] }));
    fireEvent.click(within(pageCard('OPS')).getByRole('button', { name: 'Count OPS alone' }));
    mockedApi.saveConfig.mockRejectedValueOnce(
      new ApiError('INVALID_INPUT', 'The settings were not saved.', {
        fields: [{ field: 'config.scopes.ISMS.1', message: 'is not a project in Jira' }],
      }),
    );
    await actAsync(() => fireEvent.click(saveButton()));
    expect(tagsOf('ISMS')).toEqual(["ISMSthis page's own project", 'BOARD⚠ is not a project in Jira']);
    expect(screen.queryByRole('list', { name: 'Other problems' })).toBeNull();
  });

  test('the change history names a page scope in words', async () => {
    mockedApi.getConfigHistory.mockResolvedValue([
      {
        version: 3,
        action: 'save',
        by: { accountId: 'a', displayName: 'Alex Morgan' },
        at: '2026-11-20T14:03:00.000Z',
        changes: [
          { field: 'scopes.ISMS', from: null, to: ['ISMS', 'BOARD'] },
          { field: 'scopes.OPS', from: ['OPS', 'INFRA'], to: null },
        ],
      },
    ]);
    await renderAdmin();
    showSection('Reset and history');
    fireEvent.click(screen.getByRole('button', { name: 'Show change history' }));
    const history = await screen.findByRole('list', { name: 'Setting changes, newest first' });
    expect(history).toHaveTextContent('Evidence projects of ISMS: ISMS alone → ISMS, BOARD');
    expect(history).toHaveTextContent('Evidence projects of OPS: OPS, INFRA → OPS alone');
  });
});
