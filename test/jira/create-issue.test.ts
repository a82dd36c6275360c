/**
 * The Jira edge of spec section 10, run for real: @forge/api's asUser() through the local Forge
 * runtime to the Jira simulator. Creating is sent once: a 5xx or a timeout is not retried, as Jira
 * may have created the issue; a 429 is.
 */
import { runInvocation, startLocalForge, type LocalForge } from '../../dev/runtime';
import { siteProject, siteUser } from '../../dev/simulator/site-builders';
import type { SiteData } from '../../dev/simulator/site-types';
import { Budget } from '../../src/jira/budget';
import { JiraClient, OutcomeUnknown } from '../../src/jira/client';
import {
  canCreateIssues,
  createIssue,
  creatableIssueTypes,
  siteIssueTypes,
  type AdfDoc,
  type NewIssueFields,
} from '../../src/jira/create-issue';
import { AppError } from '../../src/errors';

const ALICE = 'acc-alice';
const BOB = 'acc-bob';
const OUTSIDER = 'acc-outsider';
const CREATE = '/rest/api/3/issue';
const TASK = '1000001';

function site(): SiteData {
  const isms = siteProject('ISMS', '10000', { browsers: [ALICE, BOB], creators: [ALICE] });
  const many = siteProject('MANY', '10001', {
    browsers: [ALICE],
    issueTypes: Array.from({ length: 230 }, (_, i) => ({ id: String(30000 + i), name: `Type ${i}` })),
  });
  return {
    users: [siteUser(ALICE), siteUser(BOB), siteUser(OUTSIDER)],
    projects: [isms, many],
    securityLevels: [],
    fields: [],
    issues: [],
  };
}

const description: AdfDoc = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Renews the approval of ISMS-1.' }] }],
};
const fix = (fields: Partial<NewIssueFields> = {}): NewIssueFields => ({
  projectKey: 'ISMS',
  issueTypeId: TASK,
  summary: 'Renew: security policy approval, lapses 17 Dec 2026',
  labels: ['iso27001-policy'],
  dueDate: '2026-12-17',
  description,
  ...fields,
});

let forge: LocalForge;
beforeAll(async () => {
  forge = await startLocalForge(site());
});
afterAll(() => forge.stop());
beforeEach(() => {
  forge.jira.replaceSite(site());
  forge.jira.faults.reset();
  forge.jira.stats.reset();
});

/** Runs `work` as `accountId` with a client on a budget of `budgetMs`, sleeping no time between retries. */
function as<T>(accountId: string, work: (client: JiraClient) => Promise<T>, budgetMs = 5_000): Promise<T> {
  return runInvocation(accountId, () => work(new JiraClient({ budget: new Budget(budgetMs), sleep: async () => {} })));
}

/** The AppError `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const posts = () => forge.jira.stats.requests.filter((r) => r.method === 'POST' && r.path === CREATE);
const issueKeys = () => forge.jira.site().issues.map((i) => i.key);

describe('canCreateIssues', () => {
  test.each([
    ['a creator', ALICE, true],
    ['a browser who is no creator', BOB, false],
  ])('%s', async (_label, who, expected) => {
    expect(await as(who, (client) => canCreateIssues(client, 'ISMS'))).toBe(expected);
  });

  test('a project the user cannot see is NOT_FOUND, as Jira says', async () => {
    const error = await failure(as(OUTSIDER, (client) => canCreateIssues(client, 'ISMS')));
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('creatableIssueTypes', () => {
  test("the project's types in Jira's order, sub-task types marked", async () => {
    expect(await as(ALICE, (client) => creatableIssueTypes(client, 'ISMS'))).toStrictEqual([
      { id: '1000001', name: 'Task', subtask: false },
      { id: '1000002', name: 'Bug', subtask: false },
      { id: '1000003', name: 'Story', subtask: false },
      { id: '1000004', name: 'Epic', subtask: false },
      { id: '1000005', name: 'Subtask', subtask: true },
    ]);
  });

  test('none for a user Jira does not let create there', async () => {
    expect(await as(BOB, (client) => creatableIssueTypes(client, 'ISMS'))).toStrictEqual([]);
  });

  test('every page of a project with more types than a page holds', async () => {
    const types = await as(ALICE, (client) => creatableIssueTypes(client, 'MANY'));
    expect(types).toHaveLength(230);
    expect(types[229]).toStrictEqual({ id: '30229', name: 'Type 229', subtask: false });
    expect(forge.jira.stats.count('/rest/api/3/issue/createmeta/MANY/issuetypes')).toBe(2);
  });
});

describe('siteIssueTypes', () => {
  test('the standard type names the user sees anywhere, once each, by name', async () => {
    const names = await as(ALICE, (client) => siteIssueTypes(client));
    expect(names.slice(0, 4)).toStrictEqual(['Bug', 'Epic', 'Story', 'Task']);
    expect(names).toHaveLength(4 + 230);
    expect(names).not.toContain('Subtask');
    expect(await as(BOB, (client) => siteIssueTypes(client))).toStrictEqual(['Bug', 'Epic', 'Story', 'Task']);
    expect(await as(OUTSIDER, (client) => siteIssueTypes(client))).toStrictEqual([]);
  });
});

describe('createIssue', () => {
  test('creates the issue and returns its id and key', async () => {
    const created = await as(ALICE, (client) => createIssue(client, fix()));
    expect(created).toStrictEqual({ id: expect.stringMatching(/^\d+$/), key: 'ISMS-1' });
    const issue = forge.jira.site().issues.find((i) => i.key === 'ISMS-1');
    expect(issue?.fields).toMatchObject({
      summary: 'Renew: security policy approval, lapses 17 Dec 2026',
      labels: ['iso27001-policy'],
      duedate: '2026-12-17',
      description,
      issuetype: { id: TASK, name: 'Task' },
      reporter: { accountId: ALICE },
    });
  });

  test("Jira's field errors become FieldErrors, and the message says all of them in Jira's words", async () => {
    const error = await failure(
      as(ALICE, (client) => createIssue(client, fix({ summary: ' ', labels: ['two words'], dueDate: '17/12/2026' }))),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      "Jira did not create the issue: Summary: You must specify a summary of the issue. Labels: The label 'two words' contains spaces which is invalid. Due date: Error parsing date string: 17/12/2026.",
    );
    expect(error.details).toStrictEqual({
      fields: [
        { field: 'summary', message: 'You must specify a summary of the issue.' },
        { field: 'labels', message: "The label 'two words' contains spaces which is invalid." },
        { field: 'duedate', message: 'Error parsing date string: 17/12/2026' },
      ],
    });
    expect(issueKeys()).toStrictEqual([]);
  });

  test("a general error message is part of the message, and an unknown type Jira's field error", async () => {
    const subtask = await failure(as(ALICE, (client) => createIssue(client, fix({ issueTypeId: '1000005' }))));
    expect(subtask).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Jira did not create the issue: Issue type is a sub-task but parent issue key or id not specified.',
      details: { fields: [] },
    });
    const unknown = await failure(as(ALICE, (client) => createIssue(client, fix({ issueTypeId: '999' }))));
    expect(unknown).toMatchObject({
      message: 'Jira did not create the issue: Issue type: Specify a valid issue type.',
      details: { fields: [{ field: 'issuetype', message: 'Specify a valid issue type' }] },
    });
  });

  test("a user Jira does not let create there is FORBIDDEN, in Jira's words", async () => {
    const error = await failure(as(BOB, (client) => createIssue(client, fix())));
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message:
        'Jira does not let you create issues in ISMS: You do not have permission to create issues in this project.',
    });
    const hidden = await failure(as(OUTSIDER, (client) => createIssue(client, fix())));
    expect(hidden).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('valid project is required') });
    expect(issueKeys()).toStrictEqual([]);
  });

  test.each([500, 502, 503, 504] as const)(
    'a %i is not retried: one POST, and the user is told to check the project first',
    async (status) => {
      forge.jira.faults.serverError(5, { pathPrefix: CREATE, method: 'POST', status });
      const error = await failure(as(ALICE, (client) => createIssue(client, fix())));
      expect(error).not.toBeInstanceOf(OutcomeUnknown);
      expect(error).toMatchObject({
        code: 'JIRA_UNAVAILABLE',
        message:
          'Jira did not confirm the new issue, so it may or may not have been created. Check ISMS in Jira before trying again.',
      });
      expect(posts().map((r) => r.status)).toStrictEqual([status]);
    },
  );

  test('a timeout is not retried either', async () => {
    forge.jira.faults.setLatency(2_000, { pathPrefix: CREATE, method: 'POST' });
    const error = await failure(as(ALICE, (client) => createIssue(client, fix()), 300));
    expect(error).toMatchObject({ code: 'JIRA_UNAVAILABLE', message: expect.stringContaining('may or may not') });
    // The simulator logs the request once it sees the client hang up: "client closed request".
    for (let waited = 0; posts().length === 0 && waited < 2_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(posts().map((r) => r.status)).toStrictEqual([499]);
  });

  test('a 429 is retried, Jira having done nothing, and the issue is created once', async () => {
    forge.jira.faults.rateLimit(2, 0, { pathPrefix: CREATE, method: 'POST' });
    expect(await as(ALICE, (client) => createIssue(client, fix()))).toMatchObject({ key: 'ISMS-1' });
    expect(posts().map((r) => r.status)).toStrictEqual([429, 429, 201]);
    expect(issueKeys()).toStrictEqual(['ISMS-1']);
  });

  test('reads still retry a 5xx: the option is the create path only', async () => {
    forge.jira.faults.serverError(1, { pathPrefix: '/rest/api/3/mypermissions' });
    expect(await as(ALICE, (client) => canCreateIssues(client, 'ISMS'))).toBe(true);
    expect(forge.jira.stats.count('/rest/api/3/mypermissions')).toBe(2);
  });
});
