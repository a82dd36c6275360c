/**
 * The transformer on what Jira really sends: answers that public projects captured from real sites
 * (shared/reference/real-jira/, see its README for where each comes from). Built fixtures say what
 * we think Jira sends; these say what it did send, with its quirks: +0800 offsets, status names
 * that disagree with their category, trimmed answers, Jira Server issues with no status category.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { addDaysTo } from '../../src/core/dates';
import { buildReport } from '../../src/core/report';
import { buildTimeline } from '../../src/core/timeline';
import { projectKeyOf, toEvidenceIssue } from '../../src/jira/transform';

const REAL_JIRA = resolve(__dirname, '../../../shared/reference/real-jira');
const AVAILABLE = existsSync(REAL_JIRA);
if (!AVAILABLE) {
  // Visible in the run output; CI always has shared/, so a skip there means a broken checkout.
  console.warn(`Real Jira answer tests SKIPPED: ${REAL_JIRA} not found`);
}
const describeReal = AVAILABLE ? describe : describe.skip;

interface RawIssue {
  key: string;
  fields: {
    status?: { name?: string; statusCategory?: { key?: string } };
    created?: string;
    resolutiondate?: string | null;
    assignee?: { active?: boolean } | null;
  };
}

const read = (file: string): unknown => JSON.parse(readFileSync(resolve(REAL_JIRA, file), 'utf8'));
const issuesOf = (file: string): RawIssue[] => {
  const body = read(file);
  return (Array.isArray(body) ? body : (body as { issues: RawIssue[] }).issues) as RawIssue[];
};

/** The UTC calendar day of a Jira datetime, computed apart from the app's own date code. */
const utcDay = (jiraDateTime: string): string =>
  new Date(jiraDateTime.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).toISOString().slice(0, 10);

describeReal('the transformer on real Jira answers', () => {
  test('33 Cloud issues with changelogs: every one reads, done follows the status category, days are UTC', () => {
    const raws = issuesOf('devlake-cloud-agile-board-issues.json');
    expect(raws).toHaveLength(33);
    for (const raw of raws) {
      const issue = toEvidenceIssue(raw);
      expect(issue.key).toBe(raw.key);
      // The status name may say "done" in any language; only the category decides.
      expect(issue.done).toBe(raw.fields.status?.statusCategory?.key === 'done');
      if (raw.fields.created) expect(issue.created).toBe(utcDay(raw.fields.created));
      if (raw.fields.resolutiondate) expect(issue.resolutionDate).toBe(utcDay(raw.fields.resolutiondate));
      if (raw.fields.assignee) expect(issue.assignee?.active).toBe(raw.fields.assignee.active !== false);
      else expect(issue.assignee).toBeNull();
    }
    // The capture holds both kinds, so the loop above checked each branch.
    expect(raws.some((r) => r.fields.status?.statusCategory?.key === 'done')).toBe(true);
    expect(raws.some((r) => r.fields.assignee?.active === false)).toBe(true);
  });

  test('a Cloud issue resolved at 19:15 -0800 took effect on the next UTC day', () => {
    const raw = (read('mattermost-cloud-webhook-resolved.json') as { issue: RawIssue }).issue;
    const issue = toEvidenceIssue(raw);
    expect(raw.fields.resolutiondate).toBe('2019-02-15T19:15:40.470-0800');
    expect(issue.done).toBe(true);
    expect(issue.resolutionDate).toBe('2019-02-16');
  });

  test('a Jira Server issue without statuscategorychangedate still reads', () => {
    const raw = (read('mattermost-server-webhook-resolved.json') as { issue: RawIssue }).issue;
    const issue = toEvidenceIssue(raw);
    expect(issue.statusCategoryChangeDate).toBeUndefined();
    expect(issue.resolutionDate).toBe(utcDay(raw.fields.resolutiondate ?? ''));
  });

  test('a Jira 5 server issue has no status category, so it is not done', () => {
    const raw = read('jira-ruby-server-issue-10002.json') as RawIssue;
    const issue = toEvidenceIssue(raw);
    expect(raw.fields.status?.statusCategory).toBeUndefined();
    expect(issue.done).toBe(false);
    expect(issue.created).toBe('2011-12-13'); // 10:26 at +1300 is the day before in UTC
  });

  test('a trimmed search page (no status category, no project) reads, and the project comes from the key', () => {
    for (const raw of issuesOf('jira-cli-search.json')) {
      const issue = toEvidenceIssue(raw);
      expect(issue.done).toBe(false);
      expect(projectKeyOf(raw)).toBe(raw.key.replace(/-\d+$/, ''));
    }
  });

  test('an issue with an ADF description, a done epic issue, sprint issues and a many-fields issue all read', () => {
    expect(toEvidenceIssue(read('jira-cli-issue-adf.json')).key).toBe(
      (read('jira-cli-issue-adf.json') as RawIssue).key,
    );
    const [epicIssue] = issuesOf('atlassian-python-api-cloud-epic-issues.json');
    expect(toEvidenceIssue(epicIssue)).toMatchObject({ key: 'BAR-111', done: true, resolutionDate: '2022-02-03' });
    const sprint = issuesOf('go-jira-sprint-issues-changelog.json');
    expect(sprint.map((raw) => toEvidenceIssue(raw).key)).toEqual(sprint.map((raw) => raw.key));
    const manyFields = (read('mattermost-cloud-webhook-many-fields.json') as { issue: RawIssue }).issue;
    expect(toEvidenceIssue(manyFields).key).toBe(manyFields.key);
  });

  test("the timeline on real issues' dates and offsets: each point is the report on its day", () => {
    // The real board issues read as workshop outcomes, graded around their own newest resolution.
    const issues = issuesOf('devlake-cloud-agile-board-issues.json').map((raw) => ({
      ...toEvidenceIssue(raw),
      labels: ['iso27001-workshop-outcome'],
    }));
    const newest =
      issues
        .map((i) => i.resolutionDate ?? '')
        .sort()
        .pop() ?? '';
    const asOf = addDaysTo(newest, 200);
    const config = defaultConfig();
    const { timeline } = buildTimeline(issues, config, asOf);
    for (const point of timeline) {
      const report = buildReport('REAL', issues, config, point.day);
      expect(point).toEqual({ day: point.day, coverage: report.coverage, verdict: report.verdict });
    }
    // The record changes over the year, so the points above are not all one value.
    expect(new Set(timeline.map((p) => p.coverage)).size).toBeGreaterThan(1);
  });
});
