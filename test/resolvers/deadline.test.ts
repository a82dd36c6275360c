/**
 * Forge kills a resolver at 25 s with no answer the screen can show. Under any mix of slow Jira
 * answers, 429s and 5xx, every invoke key answers before its budget runs out: with a report that
 * says `complete: false` and why, or a typed RATE_LIMITED / JIRA_UNAVAILABLE, never INTERNAL,
 * never a hang. The budget is shortened here; the deadline it sets is what is asserted.
 */
import { INVOKE_KEYS, type InvokeKey } from '../../src/contract/invoke';
import { defaultConfig } from '../../src/core/config';
import { ANSWER_RESERVE_MS } from '../../src/jira/budget';
import { USERS, adminPage, demoSiteWithWorkshops, issuePanel, projectPage, useApp } from '../support/app-harness';

const BUDGET_MS = 800;
/** Time to build and send the answer once the Jira calls have stopped: what the budget keeps back on Forge. */
const ANSWER_MS = ANSWER_RESERVE_MS;
const SEARCH = '/rest/api/3/search/jql';
/** Longer than any test may take: an answer after it could only mean the deadline was missed. */
const HANG_MS = 30_000;

interface Call {
  as: string;
  payload: unknown;
  extension: Record<string, unknown>;
}

/** One call per invoke key: a key added to the contract and not here fails to compile. */
const CALLS: Record<InvokeKey, Call> = {
  'report/project': { as: USERS.lead, payload: {}, extension: projectPage() },
  'report/issue': { as: USERS.lead, payload: {}, extension: issuePanel('ISMS-1') },
  'config/get': { as: USERS.admin, payload: {}, extension: adminPage() },
  'config/save': { as: USERS.admin, payload: { config: defaultConfig(), expectedVersion: 0 }, extension: adminPage() },
  'config/reset': { as: USERS.admin, payload: { expectedVersion: 0 }, extension: adminPage() },
  'config/history': { as: USERS.admin, payload: {}, extension: adminPage() },
  'jira/labels': { as: USERS.admin, payload: { query: 'iso' }, extension: adminPage() },
  'jira/date-fields': { as: USERS.admin, payload: {}, extension: adminPage() },
  'jira/groups': { as: USERS.admin, payload: { query: 'board' }, extension: adminPage() },
  'jira/users': { as: USERS.admin, payload: { query: 'dana' }, extension: adminPage() },
  'jira/user-fields': { as: USERS.admin, payload: {}, extension: adminPage() },
  'issue/fix-preview': {
    as: USERS.lead,
    payload: { categoryId: 'security-policy', origin: 'finding' },
    extension: projectPage(),
  },
  'issue/create-fix': {
    as: USERS.lead,
    payload: { categoryId: 'security-policy', origin: 'finding' },
    extension: projectPage(),
  },
  'jira/issue-types': { as: USERS.admin, payload: {}, extension: adminPage() },
  // Any user's: the gadget's edit view picks from the projects the viewer may browse.
  'jira/projects': { as: USERS.lead, payload: { query: 'IS' }, extension: adminPage() },
  'report/gadget': {
    as: USERS.lead,
    payload: {},
    extension: { type: 'jira:dashboardGadget', gadgetConfiguration: { projectKey: 'ISMS' } },
  },
};

describe('every resolver answers inside its budget', () => {
  const app = useApp(demoSiteWithWorkshops, { budgetMs: BUDGET_MS });

  /** Every key at once (each its own invocation and budget), each timed on its own. */
  async function callEveryKey(): Promise<Array<{ key: InvokeKey; result: any; elapsedMs: number }>> {
    return Promise.all(
      INVOKE_KEYS.map(async (key) => {
        const { as, payload, extension } = CALLS[key];
        const started = performance.now();
        const result = await app.call(as, key, payload, extension);
        return { key, result, elapsedMs: performance.now() - started };
      }),
    );
  }

  function expectInTime(answers: Array<{ key: InvokeKey; elapsedMs: number }>): void {
    const late = answers.filter((a) => a.elapsedMs > BUDGET_MS + ANSWER_MS).map((a) => `${a.key}: ${a.elapsedMs} ms`);
    expect(late).toStrictEqual([]);
  }

  test('every Jira answer taking 30 s: each key ends at its deadline with JIRA_UNAVAILABLE', async () => {
    app.forge.jira.faults.setLatency(HANG_MS);
    const answers = await callEveryKey();
    expectInTime(answers);
    for (const { result } of answers)
      expect(result).toStrictEqual({
        ok: false,
        error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time. Try again in a moment.' },
      });
  });

  test('a 429 storm asking for 2 minutes: each key gives RATE_LIMITED at once, saying when to try again', async () => {
    app.forge.jira.faults.rateLimit(100_000, 120);
    const answers = await callEveryKey();
    expectInTime(answers);
    for (const { result } of answers)
      expect(result).toStrictEqual({
        ok: false,
        error: { code: 'RATE_LIMITED', message: 'Jira is rate limiting requests right now. Try again in 2 minutes.' },
      });
    // No key slept into the void: one request each (the last test's hung-up requests are logged as 499).
    expect(app.forge.jira.stats.requests.filter((r) => r.status === 429)).toHaveLength(INVOKE_KEYS.length);
  });

  test('a 5xx storm: each key retries while the budget allows, then JIRA_UNAVAILABLE', async () => {
    app.forge.jira.faults.serverError(100_000, { status: 503 });
    const answers = await callEveryKey();
    expectInTime(answers);
    for (const { result } of answers) expect(result).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(app.forge.jira.stats.total).toBeGreaterThan(INVOKE_KEYS.length);
  });

  test('a mix of all three: a partial report that says why, typed errors elsewhere, all in time', async () => {
    const { faults } = app.forge.jira;
    faults.setLatency(HANG_MS, { pathPrefix: SEARCH, afterRequests: 1 });
    faults.rateLimit(100_000, 60, { pathPrefix: '/rest/api/3/mypermissions' });
    faults.serverError(100_000, { status: 502, pathPrefix: '/rest/api/3/issue/' });
    const answers = await callEveryKey();
    expectInTime(answers);
    const byKey = Object.fromEntries(answers.map((a) => [a.key, a.result]));
    expect(byKey['report/project']).toMatchObject({
      ok: true,
      data: {
        complete: false,
        incompleteReason:
          'Jira stopped answering after 100 issues were read, so later ones are not counted. Jira did not answer in time. Try again in a moment.',
      },
    });
    expect(byKey['report/issue']).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    for (const key of INVOKE_KEYS.filter((k) => CALLS[k].as === USERS.admin))
      expect(byKey[key]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
