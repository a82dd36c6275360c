/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FixAvailability, FixCreated, FixPlan, FixRequest } from '../../src/contract/invoke';
import type { UpcomingChange } from '../../src/core/types';
import { IssuePanel } from '../../static/src/issue-panel/IssuePanel';
import { ProjectPage } from '../../static/src/project-page/ProjectPage';
import * as api from '../../static/src/shared/api';
import { ApiError } from '../../static/src/shared/api-error';
import { FixAction, mountScreenOrFixDialog, upcomingFixAction } from '../../static/src/shared/fix';
import { fixDialogContextOf, fixDialogResultOf } from '../../static/src/shared/fix/dialog';
import FixDialogScreen from '../../static/src/shared/fix/FixDialogScreen';
import { aConfig, anIssue } from '../support/builders';
import { actAsync } from './support/act-async';
import { danaIsTopManagement, demoReport, issueReport, people } from './support/fixtures';
import { resetApiMock } from './support/mocks';
import type * as Mocks from './support/mocks';
import './support/dom-setup';

jest.mock('../../static/src/shared/api', () => jest.requireActual<typeof Mocks>('./support/mocks').apiMock());
jest.mock('../../static/src/shared/navigation', () =>
  jest.requireActual<typeof Mocks>('./support/mocks').navigationMock(),
);

const mockedApi = jest.mocked(api);
beforeEach(() => resetApiMock(mockedApi));

const REQUEST: FixRequest = { categoryId: 'security-policy', origin: 'finding' };
const CAN_CREATE: FixAvailability = { canCreate: true, open: {} };
const PLAN: FixPlan = {
  projectKey: 'ISMS',
  projectName: 'Information Security Management',
  issueType: { id: '10001', name: 'Task' },
  summary: 'Renew: security policy approval, lapses 14 Dec 2026',
  label: 'iso27001-policy-approval',
  dueDate: '2026-12-14',
  description: [
    'The approved information security policy stops counting as Clause 5.1 evidence on 14 Dec 2026.',
    'Record the renewed approval here and resolve this issue once top management has signed it off.',
  ],
  renews: ['ISMS-4', 'ISMS-9'],
};
const CREATED: FixCreated = { issue: { key: 'ISMS-31', summary: PLAN.summary }, created: true };

/** A promise the test settles when it chooses, to look at the pending state first. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const createButton = () => screen.getByRole('button', { name: 'Create issue: Security policy approval' });
const TITLE = 'Create an issue: Security policy approval';

/**
 * Jira's modal layer, as these tests play it. Forge's Modal starts the same resource again with
 * the action's context as `extension.modal`: `openDialog` renders that resource's dialog screen
 * apart from the action, as its own frame would be; `closeDialog` (the dialog's `view.close`)
 * removes it and hands the payload to the action's `onClose`, as Jira does; `escape()` is Escape
 * or a click on the blanket, which close it with nothing.
 */
function jiraModalLayer() {
  let open: { onClose: (payload: unknown) => void; unmount: () => void } | undefined;
  const close = (payload?: unknown) => {
    const closing = open;
    open = undefined;
    closing?.unmount();
    closing?.onClose(payload);
  };
  mockedApi.openDialog.mockImplementation(async (context, onClose) => {
    // Jira draws the modal after the bridge call, outside the click that asked for it.
    await Promise.resolve();
    const { unmount } = render(<FixDialogScreen context={context} />);
    open = { onClose, unmount };
  });
  mockedApi.closeDialog.mockImplementation((payload) => {
    act(() => close(payload));
    return Promise.resolve();
  });
  return { escape: () => act(() => close()) };
}

/** Renders the action, opens its dialog and waits for the preview. */
async function openPreview(fixes: FixAvailability = CAN_CREATE) {
  mockedApi.getFixPreview.mockResolvedValue({ kind: 'create', plan: PLAN });
  const layer = jiraModalLayer();
  render(<FixAction request={REQUEST} fixes={fixes} />);
  fireEvent.click(createButton());
  const dialog = await screen.findByRole('main', { name: TITLE });
  await within(dialog).findByRole('button', { name: 'Create issue' });
  return Object.assign(dialog, { layer });
}

const confirmButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: /^Create issue/ });

describe('"Create issue" (spec 10)', () => {
  test('the dialog shows everything the issue will carry before anything is created', async () => {
    const dialog = await openPreview();
    // Jira opens it in its modal layer, given which fix and what it fixes.
    expect(mockedApi.openDialog).toHaveBeenCalledTimes(1);
    expect(mockedApi.openDialog).toHaveBeenCalledWith(
      { fixRequest: REQUEST, subject: 'Security policy approval' },
      expect.any(Function),
    );
    expect(mockedApi.getFixPreview).toHaveBeenCalledWith(REQUEST);
    expect(mockedApi.createFix).not.toHaveBeenCalled();
    const plan = within(dialog).getByLabelText('The issue to create');
    const field = (term: string) => {
      const dt = within(plan).getByText(term, { selector: 'dt' });
      return dt.nextElementSibling as HTMLElement;
    };
    expect(field('Project')).toHaveTextContent('Information Security Management (ISMS)');
    expect(field('Issue type')).toHaveTextContent('Task');
    expect(field('Summary')).toHaveTextContent('Renew: security policy approval, lapses 14 Dec 2026');
    expect(field('Label')).toHaveTextContent('iso27001-policy-approval');
    expect(field('Due date')).toHaveTextContent('14 Dec 2026');
    const paragraphs = within(field('Description')).getAllByText(/./, { selector: 'p' });
    expect(paragraphs.map((p) => p.textContent)).toEqual(PLAN.description);
    const renews = within(field('Renews')).getAllByRole('link');
    expect(renews.map((a) => a.getAttribute('href'))).toEqual(['/browse/ISMS-4', '/browse/ISMS-9']);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeVisible();
  });

  test('while the preview loads a spinner says so; a failed preview says why and retries', async () => {
    const preview = deferred<never>();
    mockedApi.getFixPreview.mockReturnValueOnce(preview.promise);
    jiraModalLayer();
    render(<FixAction request={REQUEST} fixes={CAN_CREATE} />);
    fireEvent.click(createButton());
    const dialog = await screen.findByRole('main', { name: TITLE });
    expect(within(dialog).getByRole('status')).toHaveTextContent('Working out the issue to create');
    expect(within(dialog).queryByRole('button', { name: 'Create issue' })).toBeNull();
    await actAsync(() => preview.reject(new ApiError('JIRA_UNAVAILABLE', 'Jira did not answer in time.')));
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('Could not work out the issue to create');
    expect(alert).toHaveTextContent('Jira did not answer in time.');
    mockedApi.getFixPreview.mockResolvedValueOnce({ kind: 'create', plan: PLAN });
    await actAsync(() => fireEvent.click(within(alert).getByRole('button', { name: 'Retry' })));
    expect(mockedApi.getFixPreview).toHaveBeenCalledTimes(2);
    expect(within(dialog).getByText(PLAN.summary)).toBeVisible();
  });

  test('confirm creates the issue once, even on a double click; the new key then replaces the button', async () => {
    const dialog = await openPreview();
    const answer = deferred<FixCreated>();
    mockedApi.createFix.mockReturnValue(answer.promise);
    const confirm = confirmButton(dialog);
    // Both clicks land before React re-renders: only the ref can stop the second one.
    act(() => {
      fireEvent.click(confirm);
      fireEvent.click(confirm);
    });
    fireEvent.click(confirmButton(dialog));
    fireEvent.doubleClick(confirmButton(dialog));
    expect(mockedApi.createFix).toHaveBeenCalledTimes(1);
    expect(mockedApi.createFix).toHaveBeenCalledWith(REQUEST);
    expect(confirmButton(dialog)).toHaveAttribute('aria-disabled', 'true');

    await actAsync(() => answer.resolve(CREATED));
    expect(mockedApi.closeDialog).toHaveBeenCalledWith({ kind: 'created', result: CREATED });
    expect(screen.queryByRole('main', { name: TITLE })).toBeNull();
    expect(screen.queryByRole('button', { name: /Create issue/ })).toBeNull();
    const link = screen.getByRole('link', { name: `ISMS-31 ${PLAN.summary}` });
    expect(link).toHaveAttribute('href', '/browse/ISMS-31');
    expect(link.parentElement).toHaveTextContent('Created ISMS-31');
    expect(document.activeElement).toBe(link);
    expect(screen.getByRole('status')).toHaveTextContent(`Created ISMS-31: ${PLAN.summary}`);
    expect(mockedApi.createFix).toHaveBeenCalledTimes(1);
  });

  test('when the server finds the issue already open (created: false), the action says so', async () => {
    const dialog = await openPreview();
    mockedApi.createFix.mockResolvedValue({ ...CREATED, created: false });
    await actAsync(() => fireEvent.click(confirmButton(dialog)));
    const link = screen.getByRole('link', { name: /^ISMS-31 / });
    expect(link.parentElement).toHaveTextContent(`Already open: ISMS-31 ${PLAN.summary}`);
    expect(screen.getByRole('status')).toHaveTextContent('Already open: ISMS-31');
    expect(screen.getByRole('status')).toHaveTextContent('Nothing new was created.');
  });

  test('created but not recorded by the app: the new issue is linked, and the action says so truthfully', async () => {
    const dialog = await openPreview();
    mockedApi.createFix.mockResolvedValue({ ...CREATED, notRecorded: true });
    await actAsync(() => fireEvent.click(confirmButton(dialog)));
    expect(screen.queryByRole('main', { name: TITLE })).toBeNull();
    const link = screen.getByRole('link', { name: `ISMS-31 ${PLAN.summary}` });
    expect(link.parentElement).toHaveTextContent('Created ISMS-31');
    const sentence =
      'Clause 5.1 Coverage could not make sure it remembers creating ISMS-31: if it offers to create this issue again, use ISMS-31 instead.';
    expect(screen.getByText(sentence)).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(`Created ISMS-31: ${PLAN.summary}. ${sentence}`);
    // Nothing invites a second create now: no button, no "try again".
    expect(screen.queryByRole('button')).toBeNull();
    expect(document.body).not.toHaveTextContent(/try again/i);
  });

  test('an open issue that already is the fix is linked instead of the button', () => {
    render(
      <FixAction
        request={REQUEST}
        fixes={{ canCreate: true, open: { 'security-policy': { key: 'ISMS-31', summary: 'Renew the policy' } } }}
      />,
    );
    const link = screen.getByRole('link', { name: 'ISMS-31 Renew the policy' });
    expect(link.parentElement).toHaveTextContent('Being fixed in ISMS-31 Renew the policy');
    expect(screen.queryByRole('button')).toBeNull();
    expect(link.closest('.c51-no-print')).not.toBeNull();
  });

  test('no button for a viewer Jira does not let create issues in the project', () => {
    const { container } = render(<FixAction request={REQUEST} fixes={{ canCreate: false, open: {} }} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.innerHTML).toBe('');
  });

  test('the preview finding an open issue links it and offers no create', async () => {
    mockedApi.getFixPreview.mockResolvedValue({
      kind: 'existing',
      issue: { key: 'ISMS-40', summary: 'Renew: security policy approval' },
    });
    jiraModalLayer();
    render(<FixAction request={REQUEST} fixes={CAN_CREATE} />);
    fireEvent.click(createButton());
    const dialog = await screen.findByRole('main', { name: TITLE });
    const notice = await within(dialog).findByRole('status', { name: 'An open issue already exists' });
    expect(within(notice).getByRole('link', { name: 'ISMS-40 Renew: security policy approval' })).toBeVisible();
    expect(within(dialog).queryByRole('button', { name: 'Create issue' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('main', { name: TITLE })).toBeNull();
    expect(mockedApi.createFix).not.toHaveBeenCalled();
    // The action now links the open issue too, and focus lands on it.
    const link = screen.getByRole('link', { name: 'ISMS-40 Renew: security policy approval' });
    expect(link.parentElement).toHaveTextContent('Being fixed in ISMS-40');
    expect(document.activeElement).toBe(link);
  });

  test("Jira's refusal lists each field it needs, and nothing changes", async () => {
    const dialog = await openPreview();
    mockedApi.createFix.mockRejectedValue(
      new ApiError('INVALID_INPUT', 'Jira refused the issue.', {
        fields: [
          { field: 'Team', message: 'Team is required.' },
          { field: 'Component', message: 'Component is required.' },
        ],
      }),
    );
    await actAsync(() => fireEvent.click(confirmButton(dialog)));
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('Jira refused the issue');
    expect(within(alert).getByText('Jira needs these fields:')).toBeVisible();
    const fields = within(alert).getByRole('list', { name: 'Fields Jira needs' });
    expect(
      within(fields)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Team: Team is required.', 'Component: Component is required.']);
    expect(alert).toHaveTextContent('Nothing was created.');
    // Still the preview and an enabled confirm: the user may fix the project and try again.
    expect(within(dialog).getByText(PLAN.summary)).toBeVisible();
    expect(confirmButton(dialog)).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByRole('link', { name: /ISMS-31/ })).toBeNull();
  });

  test('another failure shows its message; the button stays and can try again', async () => {
    const dialog = await openPreview();
    mockedApi.createFix.mockRejectedValueOnce(new ApiError('FORBIDDEN', 'You cannot create issues in ISMS.'));
    await actAsync(() => fireEvent.click(confirmButton(dialog)));
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('Jira did not let you create this issue');
    expect(alert).toHaveTextContent('You cannot create issues in ISMS.');
    expect(within(alert).queryByRole('list')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(mockedApi.closeDialog).toHaveBeenLastCalledWith(undefined);
    expect(screen.queryByRole('main', { name: TITLE })).toBeNull();
    expect(createButton()).toBeVisible();
    expect(screen.queryByRole('link')).toBeNull();
    expect(document.activeElement).toBe(createButton());

    // A second try, other code: the message as the server wrote it.
    fireEvent.click(createButton());
    const again = await screen.findByRole('main', { name: TITLE });
    await within(again).findByText(PLAN.summary);
    mockedApi.createFix.mockRejectedValueOnce(new ApiError('JIRA_UNAVAILABLE', 'Jira did not answer.'));
    await actAsync(() => fireEvent.click(confirmButton(again)));
    // Jira may have created it before its answer was lost: never "nothing was created" then.
    expect(within(again).getByRole('alert')).toHaveTextContent('The issue may not have been created');
    expect(within(again).getByRole('alert')).toHaveTextContent('Jira did not answer.');
    expect(within(again).getByRole('alert')).toHaveTextContent(
      "It may have been created all the same: check the project's open issues",
    );
    expect(within(again).getByRole('alert')).not.toHaveTextContent('Nothing was created.');
    expect(mockedApi.createFix).toHaveBeenCalledTimes(2);
  });

  test('Escape closes the dialog and focus returns to the button; so does Cancel', async () => {
    const dialog = await openPreview();
    // Focus starts in the dialog, on its content named by its title.
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    // Jira's modal layer closes it on Escape (or a click on the blanket), with nothing.
    dialog.layer.escape();
    expect(screen.queryByRole('main', { name: TITLE })).toBeNull();
    expect(document.activeElement).toBe(createButton());
    expect(mockedApi.createFix).not.toHaveBeenCalled();

    fireEvent.click(createButton());
    const again = await screen.findByRole('main', { name: TITLE });
    fireEvent.click(await within(again).findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('main', { name: TITLE })).toBeNull();
    expect(document.activeElement).toBe(createButton());
    expect(mockedApi.createFix).not.toHaveBeenCalled();
  });

  test('one dialog at a time: clicks while it is open open no other', async () => {
    const dialog = await openPreview();
    fireEvent.click(createButton());
    fireEvent.click(createButton());
    expect(mockedApi.openDialog).toHaveBeenCalledTimes(1);
    dialog.layer.escape();
    fireEvent.click(createButton());
    expect(mockedApi.openDialog).toHaveBeenCalledTimes(2);
    const again = await screen.findByRole('main', { name: TITLE });
    await within(again).findByRole('button', { name: 'Create issue' });
  });

  test('when Jira does not open the dialog, the action says so and can try again', async () => {
    mockedApi.openDialog.mockRejectedValueOnce(
      new ApiError('UNREACHABLE', 'Jira did not open the dialog. Try again; if it keeps happening, reload the page.'),
    );
    render(<FixAction request={REQUEST} fixes={CAN_CREATE} />);
    await actAsync(() => fireEvent.click(createButton()));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Jira did not open the dialog. Try again; if it keeps happening, reload the page.',
    );
    jiraModalLayer();
    fireEvent.click(createButton());
    await screen.findByRole('main', { name: TITLE });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(mockedApi.openDialog).toHaveBeenCalledTimes(2);
  });

  test('upcomingFixAction offers the action beside a lapse only', () => {
    const action = upcomingFixAction(CAN_CREATE);
    const change = (statusBefore: UpcomingChange['statusBefore'], statusAfter: UpcomingChange['statusAfter']) =>
      action({ day: '2026-12-14', categoryId: 'security-policy', statusBefore, statusAfter, issueKeys: ['ISMS-4'] });
    expect(change('met', 'partial')).not.toBeNull();
    expect(change('met', 'stale')).not.toBeNull();
    expect(change('partial', 'missing')).not.toBeNull();
    expect(change('partial', 'met')).toBeNull();
    expect(change('stale', 'met')).toBeNull();
    expect(change('missing', 'stale')).toBeNull();
    render(<>{change('met', 'stale')}</>);
    fireEvent.click(createButton());
    expect(mockedApi.openDialog).toHaveBeenCalledWith(
      { fixRequest: { categoryId: 'security-policy', origin: 'upcoming' }, subject: 'Security policy approval' },
      expect.any(Function),
    );
  });
});

describe('"Create issue" on the screens', () => {
  test('the project page offers it once per category of the ten, on its worst finding, never on involvement', async () => {
    const report = demoReport();
    mockedApi.getProjectReport.mockResolvedValue(report);
    render(<ProjectPage />);
    const findings = await screen.findByRole('region', { name: /^Findings/ });
    const fixFirst = screen.getByRole('region', { name: /^To fix before the audit/ });
    const items = within(findings).getAllByRole('listitem');
    const firstItems = within(fixFirst).getAllByRole('listitem');
    const seen = new Set<string>();
    let nc = 0;
    report.findings.forEach((finding, index) => {
      // Non-conformities and warnings carry their action at the top of the page, the rest in the full list.
      const atTop = finding.severity !== 'observation';
      const item = atTop ? firstItems[nc++]! : items[index]!;
      const buttons = within(item).queryAllByRole('button', { name: /^Create issue: / });
      const category = finding.categoryId;
      const offered =
        category !== undefined && category !== 'involvement' && !finding.unknown && !seen.has(category) ? 1 : 0;
      if (category) seen.add(category);
      expect([finding.message, buttons.length]).toEqual([finding.message, offered]);
      if (atTop) expect(within(items[index]!).queryAllByRole('button', { name: /^Create issue: / })).toEqual([]);
    });
    const first = report.findings.findIndex(
      (f) => f.severity === 'observation' && f.categoryId && f.categoryId !== 'involvement' && !f.unknown,
    );
    expect(first).toBeGreaterThanOrEqual(0);
    fireEvent.click(within(items[first]!).getByRole('button', { name: /^Create issue: / }));
    expect(mockedApi.openDialog).toHaveBeenCalledWith(
      {
        fixRequest: { categoryId: report.findings[first]!.categoryId, origin: 'finding' },
        subject: expect.any(String) as string,
      },
      expect.any(Function),
    );
  });

  test('the project page shows no action when the viewer may not create issues', async () => {
    mockedApi.getProjectReport.mockResolvedValue(demoReport({ fixes: { canCreate: false, open: {} } }));
    render(<ProjectPage />);
    await screen.findByRole('region', { name: /^Findings/ });
    expect(screen.queryAllByRole('button', { name: /^Create issue/ })).toEqual([]);
  });

  test('the issue panel offers the renewal issue in the card of each renewable category', async () => {
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
    mockedApi.getIssueReport.mockResolvedValue({
      ...report,
      fixes: { canCreate: true, open: {}, renewable: ['management-review'] },
    });
    render(<IssuePanel />);
    const card = await screen.findByRole('region', { name: 'Management reviews' });
    const button = within(card).getByRole('button', { name: 'Create the renewal issue: Management reviews' });
    expect(button).toHaveTextContent('Create the renewal issue');
    fireEvent.click(button);
    expect(mockedApi.openDialog).toHaveBeenCalledWith(
      { fixRequest: { categoryId: 'management-review', origin: 'panel' }, subject: 'Management reviews' },
      expect.any(Function),
    );
  });

  test('the issue panel offers nothing without fixes, or for a category that is not renewable', async () => {
    const issue = anIssue({ labels: ['iso27001-management-review'], resolved: '2026-10-01' });
    mockedApi.getIssueReport.mockResolvedValue({
      ...issueReport(issue),
      fixes: { canCreate: true, open: {}, renewable: [] },
    });
    render(<IssuePanel />);
    await screen.findByText(/Checked as of/);
    expect(screen.queryByRole('button', { name: /Create the renewal issue/ })).toBeNull();
  });
});

describe('the dialog as Jira starts it: the same resource, in modal mode', () => {
  afterEach(() => document.getElementById('root')?.remove());

  /** Runs a screen's entry (main.tsx) with `context` as its extension.modal, or as its module when undefined. */
  async function start(context: unknown) {
    mockedApi.getDialogContext.mockResolvedValue(context);
    const root = document.body.appendChild(document.createElement('div'));
    root.id = 'root';
    await actAsync(() => mountScreenOrFixDialog(<p>The project page</p>));
  }

  test('run as its module, the resource shows its screen and loads no dialog', async () => {
    await start(undefined);
    expect(await screen.findByText('The project page')).toBeVisible();
    expect(mockedApi.getFixPreview).not.toHaveBeenCalled();
  });

  test('opened by "Create issue", it shows that dialog instead of the screen', async () => {
    mockedApi.getFixPreview.mockResolvedValue({ kind: 'create', plan: PLAN });
    await start({ fixRequest: REQUEST, subject: 'Security policy approval' });
    const dialog = await screen.findByRole('main', { name: TITLE });
    expect(await within(dialog).findByText(PLAN.summary)).toBeVisible();
    expect(screen.queryByText('The project page')).toBeNull();
    expect(mockedApi.getFixPreview).toHaveBeenCalledWith(REQUEST);
  });

  test('opened with a context that names no fix, it says so and only closes', () => {
    render(<FixDialogScreen context={{ fixRequest: { categoryId: 'involvement', origin: 'finding' } }} />);
    const dialog = screen.getByRole('main', { name: 'Create an issue' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('This dialog was opened without a finding to fix.');
    expect(mockedApi.getFixPreview).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(mockedApi.closeDialog).toHaveBeenCalledWith(undefined);
  });

  test('what crosses between the action and its dialog is checked on arrival', () => {
    expect(fixDialogContextOf({ fixRequest: REQUEST, subject: 'Security policy approval' })).toEqual({
      fixRequest: REQUEST,
      subject: 'Security policy approval',
    });
    for (const context of [
      undefined,
      {},
      { fixRequest: REQUEST },
      { fixRequest: { categoryId: 'security-policy', origin: 'elsewhere' }, subject: 'x' },
      { fixRequest: { categoryId: 'involvement', origin: 'finding' }, subject: 'x' },
    ])
      expect(fixDialogContextOf(context)).toBeUndefined();

    expect(fixDialogResultOf({ kind: 'created', result: { ...CREATED, notRecorded: true } })).toEqual({
      kind: 'created',
      result: { ...CREATED, notRecorded: true },
    });
    expect(fixDialogResultOf({ kind: 'existing', issue: CREATED.issue })).toEqual({
      kind: 'existing',
      issue: CREATED.issue,
    });
    for (const payload of [
      undefined,
      null,
      'created',
      { kind: 'created', result: { issue: CREATED.issue } },
      { kind: 'created', result: { created: true, issue: { key: 'ISMS-31' } } },
      { kind: 'existing', issue: 'ISMS-31' },
    ])
      expect(fixDialogResultOf(payload)).toBeUndefined();
  });
});
