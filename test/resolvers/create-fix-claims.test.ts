/**
 * Issue 19: one double click (or twenty) makes one fixing issue, whatever the claim of the last
 * one says. Each state of the claim, under 2, 5 and 20 concurrent `issue/create-fix` requests
 * through the real resolvers, @forge/kvs and the Jira simulator, counting the issues Jira holds.
 */
import { CLAIM_TIMEOUT_MS } from '../../src/storage/fix-claims';
import { isRecord } from '../../src/core/guards';
import { NOW, USERS, projectPage, startApp, type App } from '../support/app-harness';

const CREATE = { categoryId: 'strategy-alignment', origin: 'finding' } as const;
const CLAIM = 'fix-claim:ISMS:strategy-alignment';
const CROWDS = [2, 5, 20];

const issueCount = (app: App): number => app.forge.jira.site().issues.length;

async function createOne(app: App, accountId: string): Promise<string> {
  const answer = await app.call(accountId, 'issue/create-fix', CREATE, projectPage());
  if (!answer.ok || !answer.data.created) throw new Error(`setup: no issue created: ${JSON.stringify(answer)}`);
  const key: string = answer.data.issue.key;
  return key;
}

/** The issue closed without recording the evidence (done, its label taken off): the finding stays. */
function closeWithoutEvidence(app: App, key: string): void {
  const done = app.forge.jira.site().issues.find((i) => i.key === 'ISMS-1')?.fields.status;
  if (!done) throw new Error('setup: the demo has no ISMS-1');
  app.forge.jira.updateIssue(key, { status: done, labels: [] });
}

/** Before the crowd clicks: the claim each state leaves, and the issue it names (if any). */
const STATES: Record<string, (app: App) => Promise<string> | undefined> = {
  'no claim': () => undefined,
  'a claim whose issue is done': async (app) => {
    const key = await createOne(app, USERS.admin);
    closeWithoutEvidence(app, key);
    return key;
  },
  'a claim whose issue was deleted': async (app) => {
    const key = await createOne(app, USERS.admin);
    app.forge.jira.removeIssue(key);
    return key;
  },
  'a claim abandoned without an issue (timed out)': (app) => {
    const at = NOW.getTime() - 2 * CLAIM_TIMEOUT_MS;
    app.forge.kvs.write([{ namespace: 'kvs', key: CLAIM, entry: { value: { at }, createdAt: 0, updatedAt: 0 } }]);
    return undefined;
  },
};

const crowd = (app: App, size: number, accountId: string) =>
  Promise.all(Array.from({ length: size }, () => app.call(accountId, 'issue/create-fix', CREATE, projectPage())));

/**
 * Exactly one issue more in Jira; one answer says it created it, the others link that same issue
 * or say it is being created; and the next click links it.
 */
async function expectOneIssue(app: App, answers: any[], before: number, old?: string): Promise<string> {
  expect(issueCount(app) - before).toBe(1);
  const created = answers.filter((a) => a.ok && a.data.created);
  expect(created).toHaveLength(1);
  const issue: { key: string; summary: string } = created[0].data.issue;
  expect(issue.key).not.toBe(old);
  for (const answer of answers) {
    if (answer.ok) expect(answer.data.issue).toEqual(issue);
    else expect(answer.error.code).toBe('CONFLICT');
  }
  const next = await app.call(USERS.lead, 'issue/create-fix', CREATE, projectPage());
  expect(next).toEqual({ ok: true, data: { created: false, issue } });
  expect(issueCount(app) - before).toBe(1);
  return issue.key;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const claimUnderWay = (app: App): boolean => {
  const value = app.forge.kvs.get('kvs', CLAIM)?.value;
  return isRecord(value) && value.issueKey === undefined;
};

describe('one issue, however many click at once (issue 19)', () => {
  let app: App;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.stop();
  });

  const cases = Object.keys(STATES).flatMap((state) => CROWDS.map((size) => [state, size] as const));
  test.each(cases)(
    '%s, %i requests at once: one issue',
    async (state, size) => {
      const old = await STATES[state]!(app);
      const before = issueCount(app);
      const answers = await crowd(app, size, USERS.lead);
      await expectOneIssue(app, answers, before, old);
    },
    60_000,
  );

  test.each(CROWDS)(
    'a create under way, %i more requests at once: still one issue',
    async (size) => {
      // Jira takes its time over the first create; the crowd arrives while it is under way.
      app.forge.jira.faults.setLatency(3000, { pathPrefix: '/rest/api/3/issue', method: 'POST' });
      const before = issueCount(app);
      const first = app.call(USERS.admin, 'issue/create-fix', CREATE, projectPage());
      await until(() => claimUnderWay(app), 'the first request to claim the create');
      const answers = await crowd(app, size, USERS.lead);
      await expectOneIssue(app, [await first, ...answers], before);
    },
    60_000,
  );

  test('renewal after renewal: one issue each time, and only one claim per category is kept for good', async () => {
    let previous = await createOne(app, USERS.admin);
    for (const accountId of [USERS.lead, USERS.manager]) {
      closeWithoutEvidence(app, previous);
      const before = issueCount(app);
      previous = await expectOneIssue(app, await crowd(app, 5, accountId), before, previous);
    }
    // The claims that stood for a generation expire; the one record of the project and category stays.
    const claims = app.forge.kvs.keys('kvs').filter((k) => k.startsWith('fix-claim:'));
    const lasting = claims.filter((k) => app.forge.kvs.get('kvs', k)?.expireTime === undefined);
    expect(lasting).toEqual([CLAIM]);
    expect(claims.length).toBeGreaterThan(1);
  }, 60_000);
});
