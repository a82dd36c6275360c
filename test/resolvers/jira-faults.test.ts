import { jiraIssue } from '../../dev/demo/jira-issue';
import { defaultConfig } from '../../src/core/config';
import type { ProjectReport } from '../../src/contract/invoke';
import { USERS, demoSite, demoSiteWithWorkshops, projectPage, useApp } from '../support/app-harness';

const SEARCH = '/rest/api/3/search/jql';

describe('Jira rate limits and failures', () => {
  const app = useApp();

  test('a burst of 429s is retried after Retry-After and the report is complete', async () => {
    app.forge.jira.faults.rateLimit(2, 1, { pathPrefix: SEARCH });
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result).toMatchObject({ ok: true, data: { complete: true, coverage: 70 } });
    expect(app.forge.jira.stats.count(SEARCH)).toBe(3);
  });

  test('500s are retried with backoff and the report is complete', async () => {
    app.forge.jira.faults.serverError(2, { pathPrefix: SEARCH });
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result).toMatchObject({ ok: true, data: { complete: true } });
    expect(app.forge.jira.stats.count(SEARCH)).toBe(3);
  });

  test('a 503 on the issue read is retried too', async () => {
    app.forge.jira.faults.serverError(1, { status: 503, pathPrefix: '/rest/api/3/issue/' });
    expect(
      await app.call(USERS.lead, 'report/issue', {}, { type: 'jira:issuePanel', issue: { key: 'ISMS-1' } }),
    ).toMatchObject({ ok: true });
  });
});

describe('when the invocation budget runs out', () => {
  const app = useApp(demoSite, { budgetMs: 1500 });

  test('a Retry-After longer than the budget gives RATE_LIMITED at once, saying when to try again', async () => {
    app.forge.jira.faults.rateLimit(100, 5, { pathPrefix: SEARCH });
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Jira is rate limiting requests right now. Try again in 5 seconds.' },
    });
    expect(app.forge.jira.stats.count(SEARCH)).toBe(1);
  });

  test('a Retry-After that leaves no time for the request itself is not slept on either', async () => {
    // 1 s of the 1.5 s budget fits, but then less than a request's time would be left.
    app.forge.jira.faults.rateLimit(1, 1, { pathPrefix: SEARCH });
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Jira is rate limiting requests right now. Try again in 1 second.' },
    });
    expect(app.forge.jira.stats.count(SEARCH)).toBe(1);
  });

  test('Jira failing for the whole budget gives JIRA_UNAVAILABLE', async () => {
    app.forge.jira.faults.serverError(1000, { pathPrefix: SEARCH });
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(app.forge.jira.stats.count(SEARCH)).toBeGreaterThan(1);
  });
});

describe('a search that stops part way', () => {
  const app = useApp(demoSiteWithWorkshops, { budgetMs: 1500 });
  test('a large project is read in full: one page, the keys, then the rest by key in parallel', async () => {
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result.data).toMatchObject({ complete: true, evidenceIssueCount: 520 });
    // 1 first page of 100 + 1 page of keys + 5 pages of the remaining 416 by key
    expect(app.forge.jira.stats.count(SEARCH)).toBe(7);
  });

  test('Jira failing after some pages gives a report marked incomplete that says what is missing', async () => {
    app.forge.jira.faults.serverError(1000, { pathPrefix: SEARCH, afterRequests: 3 });
    // A full read (Reload): a view after the first would read only what changed.
    const result = await app.call(USERS.lead, 'report/project', { fullRead: true }, projectPage());
    expect(result.ok).toBe(true);
    expect(result.data.complete).toBe(false);
    expect(result.data.incompleteReason).toMatch(
      /^Jira stopped answering after \d+ of 520 issues were read, so the rest are not counted\. Jira is not answering/,
    );
  });

  test('Jira failing right after the first page says so too', async () => {
    app.forge.jira.faults.rateLimit(1000, 10, { pathPrefix: SEARCH, afterRequests: 1 });
    const result = await app.call(USERS.lead, 'report/project', { fullRead: true }, projectPage());
    expect(result.data).toMatchObject({
      complete: false,
      incompleteReason: expect.stringContaining('after 100 issues were read'),
    });
  });
});

describe('JQL injection through labels', () => {
  const tricky = 'a"b\\c';
  const escape = 'x")OR(project!="ISMS';
  const app = useApp(() => {
    const site = demoSite();
    site.issues.push(
      jiraIssue({
        key: 'ISMS-50',
        summary: 'Odd label but right project',
        labels: [tricky],
        created: '2026-05-01',
        resolved: '2026-05-02',
        projectName: 'Information Security Management',
        projectId: '10000',
      }),
    );
    site.issues.push(
      jiraIssue({
        key: 'ITOPS-50',
        summary: 'Other project, same odd label',
        labels: [tricky, escape],
        created: '2026-05-01',
        resolved: '2026-05-02',
        projectName: 'IT Operations',
        projectId: '10001',
      }),
    );
    return site;
  });

  test('labels with quotes and backslashes are quoted: they match exactly and never widen the query', async () => {
    const config = defaultConfig();
    config.categories['strategy-alignment'].labels = [tricky, escape];
    expect((await app.call(USERS.admin, 'config/save', { config, expectedVersion: 0 })).ok).toBe(true);
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result.ok).toBe(true);
    const report: ProjectReport = result.data;
    const strategy = report.categories.find((c) => c.id === 'strategy-alignment');
    expect(strategy?.evidence.map((e) => e.key)).toEqual(['ISMS-50']);
    expect(strategy?.status).toBe('met');
    const keys = report.categories.flatMap((c) => c.evidence.map((e) => e.key));
    expect(keys.some((k) => k.startsWith('ITOPS'))).toBe(false);
  });
});
