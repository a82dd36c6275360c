/**
 * Forge kills a resolver at 25 s with no answer the screen can show. Under any mix of slow Jira
 * answers, 429s and 5xx, every invoke key answers before its budget runs out: with a report that
 * says `complete: false` and why, or a typed RATE_LIMITED / JIRA_UNAVAILABLE, never INTERNAL,
 * never a hang. A slow store (KVS) is held to the same budget (issue 19): the project page then
 * does without the user's stored read, and what cannot do without the settings says the app's
 * storage did not answer in time. The budget is shortened here; the deadline it sets is what is
 * asserted.
 */
import { INVOKE_KEYS, type InvokeKey } from '../../src/contract/invoke';
import { defaultConfig } from '../../src/core/config';
import { ANSWER_RESERVE_MS } from '../../src/jira/budget';
import { READ_KEY_PREFIX } from '../../src/storage/evidence-store';
import {
  USERS,
  adminPage,
  demoSite,
  demoSiteWithWorkshops,
  issuePanel,
  projectPage,
  useApp,
  type App,
} from '../support/app-harness';

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

/** Every key at once (each its own invocation and budget), each timed on its own. */
async function everyKey(app: App): Promise<Array<{ key: InvokeKey; result: any; elapsedMs: number }>> {
  return Promise.all(
    INVOKE_KEYS.map(async (key) => {
      const { as, payload, extension } = CALLS[key];
      const started = performance.now();
      const result = await app.call(as, key, payload, extension);
      return { key, result, elapsedMs: performance.now() - started };
    }),
  );
}

function expectWithin(budgetMs: number, answers: Array<{ key: InvokeKey; elapsedMs: number }>): void {
  const late = answers.filter((a) => a.elapsedMs > budgetMs + ANSWER_MS).map((a) => `${a.key}: ${a.elapsedMs} ms`);
  expect(late).toStrictEqual([]);
}

describe('every resolver answers inside its budget', () => {
  const app = useApp(demoSiteWithWorkshops, { budgetMs: BUDGET_MS });
  const callEveryKey = () => everyKey(app);
  const expectInTime = (answers: Array<{ key: InvokeKey; elapsedMs: number }>) => expectWithin(BUDGET_MS, answers);

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

describe('a slow store is held to the same budget (issue 19)', () => {
  /** Room for a whole read of the demo company from the simulator, a quarter of it kept for the stored read. */
  const STORE_BUDGET_MS = 3_000;
  const app = useApp(demoSite, { budgetMs: STORE_BUDGET_MS });
  const STORAGE_LATE = "The app's storage did not answer in time. Try again in a moment.";

  test('every KVS call taking 30 s: each key answers in time, and what needs the settings says the storage was late', async () => {
    app.forge.kvsFaults.setLatency(HANG_MS);
    const answers = await everyKey(app);
    expectWithin(STORE_BUDGET_MS, answers);
    const byKey = Object.fromEntries(answers.map((a) => [a.key, a.result]));
    // Each of these reads the settings first: without them there is nothing true to show.
    for (const key of ['report/project', 'report/issue', 'report/gadget', 'issue/fix-preview', 'config/get'] as const)
      expect(byKey[key]).toStrictEqual({ ok: false, error: { code: 'INTERNAL', message: STORAGE_LATE } });
    expect(byKey['config/history']).toStrictEqual({ ok: false, error: { code: 'INTERNAL', message: STORAGE_LATE } });
    for (const key of ['config/save', 'config/reset'] as const)
      expect(byKey[key]).toStrictEqual({
        ok: false,
        error: {
          code: 'INTERNAL',
          message: "The settings were not saved: the app's storage did not answer in time. Try again in a moment.",
        },
      });
    // The Jira-only keys are untouched by the store.
    for (const key of ['jira/labels', 'jira/projects', 'jira/date-fields'] as const) expect(byKey[key]?.ok).toBe(true);
  });

  test('the stored reads alone slow: the project page is read in full from Jira instead, in time', async () => {
    // A stored read to load, first.
    expect((await app.call(USERS.lead, 'report/project', {}, projectPage())).ok).toBe(true);
    app.forge.kvsFaults.setLatency(HANG_MS, { keyPrefix: READ_KEY_PREFIX });
    const started = performance.now();
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(performance.now() - started).toBeLessThan(STORE_BUDGET_MS + ANSWER_MS);
    expect(result).toMatchObject({ ok: true, data: { complete: true, read: { kind: 'full' } } });
  });

  test('the claims of Create issue slow: an honest error in time, and nothing created', async () => {
    const before = app.forge.jira.site().issues.length;
    app.forge.kvsFaults.setLatency(HANG_MS, { keyPrefix: 'fix-claim:' });
    const started = performance.now();
    const result = await app.call(
      USERS.lead,
      'issue/create-fix',
      { categoryId: 'strategy-alignment', origin: 'finding' },
      projectPage(),
    );
    expect(performance.now() - started).toBeLessThan(STORE_BUDGET_MS + ANSWER_MS);
    expect(result).toStrictEqual({ ok: false, error: { code: 'INTERNAL', message: STORAGE_LATE } });
    expect(app.forge.jira.site().issues.length).toBe(before);
  });

  test('the record of a created issue not confirmed in time: the issue is named, and said not to be remembered', async () => {
    const before = app.forge.jira.site().issues.length;
    // The claim itself goes through (the first write); recording the created issue (the second) hangs.
    app.forge.kvsFaults.setLatency(HANG_MS, { keyPrefix: 'fix-claim:', operation: 'set', afterCalls: 1 });
    const started = performance.now();
    const result = await app.call(
      USERS.lead,
      'issue/create-fix',
      { categoryId: 'strategy-alignment', origin: 'finding' },
      projectPage(),
    );
    expect(performance.now() - started).toBeLessThan(STORE_BUDGET_MS + ANSWER_MS);
    expect(result).toMatchObject({ ok: true, data: { created: true, notRecorded: true } });
    expect(app.forge.jira.site().issues.length).toBe(before + 1);
  });

  test('a settings save the store does not confirm in time: the admin is told it may or may not have been saved', async () => {
    const current = await app.call(USERS.admin, 'config/get', {}, adminPage());
    app.forge.kvsFaults.setLatency(HANG_MS, { operation: 'set', keyPrefix: 'config:version:' });
    const started = performance.now();
    const result = await app.call(
      USERS.admin,
      'config/save',
      { config: defaultConfig(), expectedVersion: current.data.version },
      adminPage(),
    );
    expect(performance.now() - started).toBeLessThan(STORE_BUDGET_MS + ANSWER_MS);
    expect(result).toStrictEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          "The app's storage did not confirm the save in time, so the settings may or may not have been saved. Reload them to see which before saving again.",
      },
    });
  });
});
