/** @jest-environment jsdom */
/**
 * Issue 20: what a security lead opens the page for comes first, and a report that rests on checks
 * the viewer's access could not make says so above the coverage, on the page and the gadget.
 */
import { render, screen, within } from '@testing-library/react';
import type { GadgetReport } from '../../src/contract/invoke';
import { DashboardGadget } from '../../static/src/dashboard-gadget/DashboardGadget';
import { ProjectPage } from '../../static/src/project-page/ProjectPage';
import * as api from '../../static/src/shared/api';
import { demoReport } from './support/fixtures';
import { resetApiMock } from './support/mocks';
import type * as Mocks from './support/mocks';
import './support/dom-setup';

jest.mock('@forge/bridge', () => ({ router: { navigate: jest.fn(), open: jest.fn(), getUrl: jest.fn() } }));
jest.mock('../../static/src/shared/api', () => jest.requireActual<typeof Mocks>('./support/mocks').apiMock());
jest.mock('../../static/src/shared/navigation', () =>
  jest.requireActual<typeof Mocks>('./support/mocks').navigationMock(),
);

const mockedApi = jest.mocked(api);
beforeEach(() => resetApiMock(mockedApi));

const PROVISIONAL = {
  unknownChecks: 8,
  issueKeys: ['ISMS-9', 'ISMS-11'],
  reason:
    "8 issues could not be fully checked: the app could not tell whether the people who signed or took part are top management. Coverage and the verdict are the lowest they can be until then. To complete them, someone with Jira's Browse users and groups permission (a Jira admin can grant it) can see whether the people named are top management.",
};

async function renderPage(report = demoReport()) {
  mockedApi.getProjectReport.mockResolvedValue(report);
  render(<ProjectPage />);
  await screen.findByRole('heading', { level: 1, name: /Clause 5.1 coverage/ });
  return report;
}

/** Whether `a` comes before `b` in the document. */
const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('the project page: what to do first', () => {
  test('right under the verdict: the non-conformities and warnings with their fix and Create issue, then the next lapse', async () => {
    const lapse14Dec = {
      day: '2026-12-14',
      categoryId: 'security-policy' as const,
      statusBefore: 'met' as const,
      statusAfter: 'stale' as const,
      issueKeys: ['ISMS-9'],
    };
    const report = await renderPage(demoReport({ upcoming: [lapse14Dec] }));
    const first = screen.getByRole('region', { name: /^To fix before the audit/ });
    const categories = screen.getByRole('heading', { name: 'Evidence categories' });
    expect(before(screen.getByRole('region', { name: 'At a glance' }), first)).toBe(true);
    expect(before(first, categories)).toBe(true);
    const wanted = report.findings.filter((f) => f.severity !== 'observation');
    expect(wanted.length).toBeGreaterThan(0);
    const items = within(first).getAllByRole('listitem');
    expect(items).toHaveLength(wanted.length);
    for (const [index, finding] of wanted.entries()) {
      const item = items[index]!;
      expect(within(item).getByText(finding.message)).toBeVisible();
      expect(within(item).getByText(finding.fix)).toBeVisible();
      // What could not be checked asks for nothing to be recorded: no Create issue there (spec 15).
      const create = within(item).queryByRole('button', { name: /^Create issue: / });
      if (finding.unknown || finding.categoryId === 'involvement') expect(create).toBeNull();
      else expect(create).toBeVisible();
      expect(within(item).getByText(finding.unknown ? 'To settle it:' : 'To fix:')).toBeVisible();
    }
    expect(wanted.some((f) => !f.unknown && f.categoryId !== 'involvement')).toBe(true);
    const lapse = within(first).getByRole('heading', { name: 'Next lapse' }).parentElement as HTMLElement;
    expect(lapse.textContent).toContain(
      '14 Dec 2026: Security policy approval lapses, from met to stale, if nothing new is recorded.',
    );
    expect(within(lapse).getByRole('link', { name: 'ISMS-9' })).toBeVisible();
    expect(within(lapse).getByRole('button', { name: 'Create issue: Security policy approval' })).toBeVisible();
    // The full list follows, and offers Create issue only where the top of the page does not.
    const all = screen.getByRole('region', { name: /^Findings \(/ });
    expect(before(categories, all)).toBe(true);
    const observations = report.findings.filter((f) => f.severity === 'observation' && f.categoryId);
    expect(within(all).queryAllByRole('button', { name: /^Create issue: / }).length).toBeLessThanOrEqual(
      observations.length,
    );
  });

  test('a provisional report says so above the coverage, with why and what would complete it', async () => {
    await renderPage(demoReport({ provisional: PROVISIONAL }));
    const glance = screen.getByRole('region', { name: 'At a glance' });
    const notice = within(glance).getByRole('region', { name: 'Provisional: the lowest these figures can be' });
    expect(within(notice).getByText(PROVISIONAL.reason)).toBeVisible();
    expect(before(notice, within(glance).getByText('coverage of the Clause 5.1 evidence categories'))).toBe(true);
  });

  test('a complete report has no such notice', async () => {
    await renderPage(demoReport({ provisional: null }));
    expect(screen.queryByRole('region', { name: /^Provisional/ })).toBeNull();
  });
});

describe('the gadget', () => {
  const ready = (extra: Partial<Extract<GadgetReport, { state: 'ready' }>> = {}): GadgetReport => ({
    state: 'ready',
    projectKey: 'ISMS',
    projectName: 'Information Security Management',
    coverage: 30,
    verdict: 'major-nc',
    complete: true,
    items: [],
    asOf: '2026-11-28',
    generatedAt: '2026-11-28T12:00:00.000Z',
    ...extra,
  });

  test('one line on why: the worst finding, and above the coverage that it is provisional', async () => {
    mockedApi.getGadgetContext.mockResolvedValue({ mode: 'view', projectKey: 'ISMS' });
    mockedApi.getGadgetReport.mockResolvedValue(
      ready({
        provisional: PROVISIONAL.reason,
        worstFinding: {
          severity: 'major',
          message: 'ISMS budget and staffing: no done issue labelled iso27001-budget-approval.',
        },
      }),
    );
    render(<DashboardGadget />);
    const notice = await screen.findByRole('region', { name: 'Provisional: the lowest these figures can be' });
    expect(within(notice).getByText(PROVISIONAL.reason)).toBeVisible();
    expect(before(notice, screen.getByText('30%'))).toBe(true);
    expect(
      screen.getByText(/^ISMS budget and staffing: no done issue labelled iso27001-budget-approval\.$/),
    ).toBeVisible();
    expect(screen.getByText('Why:')).toBeVisible();
  });
});
