import { largeSite } from '../../dev/bench/large-site';
import { parseFieldSelection, projectIssue } from '../../dev/simulator/fields';
import { validateSite } from '../../dev/simulator/site';
import { SiteIndex } from '../../dev/simulator/site-index';
import { defaultConfig } from '../../src/core/config';
import { readsNeeded } from '../../src/core/reads-needed';
import { buildReport } from '../../src/core/report';
import { buildTimeline } from '../../src/core/timeline';
import { toRemoteLinks } from '../../src/jira/remote-links';
import { fieldsToRead, toEvidenceIssue } from '../../src/jira/transform';
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

/** The site as the simulator answers from it: each issue with its fields as read, and its whole history. */
const index = new SiteIndex(validateSite(site, 'large site'));
const lead = index.users.get(USERS.lead);
if (!lead) throw new Error('large site: no security lead');
const rawByKey = new Map(site.issues.map((i) => [i.key, i]));
const selection = parseFieldSelection(fieldsToRead(defaultConfig()), '*all');
const withHistory = new Map(
  index.issues.map((indexed) => [
    indexed.issue.key,
    projectIssue(index, indexed, {
      selection,
      siteUrl: 'https://example.atlassian.net',
      idOnlyShape: false,
      caller: { kind: 'user', user: lead },
      changelogMax: Number.MAX_SAFE_INTEGER,
    }),
  ]),
);

/**
 * The report the engine gives on the same issues, read straight from the site: the direct path. The
 * history comes with the issues the engine's plan reads it for (spec 8.2, 12), as the resolver's bulk
 * fetch brings it; the rest carry none.
 */
function directReport(visible: (issue: { fields: Record<string, unknown> }) => boolean) {
  const config = defaultConfig();
  const searched = site.issues
    .filter((i) => i.key.startsWith('ISMS-') && visible(i))
    .map((i) => withHistory.get(i.key))
    .map((raw) => {
      const { changelog: _changelog, ...issue } = toEvidenceIssue(raw, config);
      return issue;
    });
  const historyOf = new Set(readsNeeded(searched, config, AS_OF).changelogIds);
  const issues = searched.map((issue) => ({
    ...(issue.id !== undefined && historyOf.has(issue.id)
      ? toEvidenceIssue(withHistory.get(issue.key), config)
      : issue),
    // The resolver reads remote links for the issues that still need a document; the site holds them.
    remoteLinks: toRemoteLinks(rawByKey.get(issue.key)?.remoteLinks ?? []),
  }));
  return { ...buildReport('ISMS', issues, config, AS_OF), ...buildTimeline(issues, config, AS_OF) };
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
