import { largeSite } from '../../dev/bench/large-site';
import { defaultConfig } from '../../src/core/config';
import { buildReport } from '../../src/core/report';
import { buildTimeline } from '../../src/core/timeline';
import { toRemoteLinks } from '../../src/jira/remote-links';
import { toEvidenceIssue } from '../../src/jira/transform';
import { AS_OF, USERS, projectPage, startApp, type App } from '../support/app-harness';

const SEARCH = '/rest/api/3/search/jql';
const EXTRA = 3000;
/** The demo company's own evidence issues, which the large site keeps. */
const DEMO_EVIDENCE = 20;
let app: App;
const site = largeSite(AS_OF, EXTRA);

beforeAll(async () => {
  app = await startApp(site);
  app.forge.jira.faults.setLatency(20, { pathPrefix: SEARCH });
});
afterAll(() => app.stop());
beforeEach(() => app.forge.jira.stats.reset());

/** The report the engine gives on the same issues, read straight from the site: the direct path. */
function directReport(visible: (issue: { fields: Record<string, unknown> }) => boolean) {
  const issues = site.issues
    .filter((i) => i.key.startsWith('ISMS-') && visible(i))
    // The resolver reads remote links for the issues that still need a document; the site holds them.
    .map((i) => ({ ...toEvidenceIssue(i), remoteLinks: toRemoteLinks(i.remoteLinks ?? []) }));
  return { ...buildReport('ISMS', issues, defaultConfig(), AS_OF), ...buildTimeline(issues, defaultConfig(), AS_OF) };
}

describe('a large project, read in parallel with latency on every search', () => {
  test('the security lead gets the same complete report as the direct path', async () => {
    const result = await app.call(USERS.lead, 'report/project', {}, projectPage());
    expect(result.ok).toBe(true);
    const {
      projectName: _projectName,
      scope: _scope,
      generatedAt: _generatedAt,
      fixes: _fixes,
      projects: _projects,
      read: _read,
      ...report
    } = result.data;
    expect(report).toEqual(directReport(() => true));
    expect(report.complete).toBe(true);
    expect(report.evidenceIssueCount).toBe(EXTRA + DEMO_EVIDENCE);
  });

  test('Jira requests: the first page, the keys, and one page of 100 per remaining hundred; nothing per issue', async () => {
    await app.call(USERS.lead, 'report/project', { fullRead: true }, projectPage());
    expect(app.forge.jira.stats.count(SEARCH)).toBe(1 + 1 + Math.ceil((EXTRA + DEMO_EVIDENCE - 100) / 100));
    expect(app.forge.jira.stats.count('/rest/api/3/issue')).toBe(0);
  });

  test("the manager's permissions still decide: Board-only issues are left out", async () => {
    const result = await app.call(USERS.manager, 'report/project', {}, projectPage());
    const {
      projectName: _projectName,
      scope: _scope,
      generatedAt: _generatedAt,
      fixes: _fixes,
      projects: _projects,
      read: _read,
      ...report
    } = result.data;
    expect(report).toEqual(directReport((i) => !i.fields.security));
    expect(report.evidenceIssueCount).toBe(EXTRA + DEMO_EVIDENCE - 3);
  });
});
