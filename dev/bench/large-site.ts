import { CATEGORIES } from '../../src/core/categories';
import { addDaysTo } from '../../src/core/dates';
import { buildDemoSite } from '../demo/demo-site';
import { jiraIssue, type JiraUserJson } from '../demo/jira-issue';

const OWNER: JiraUserJson = { accountId: 'demo-security-lead', displayName: 'Sam Rivera', active: true };

/**
 * The demo site with `extra` more evidence issues in ISMS, spread over every category with a
 * deterministic mix of done, open, old and new, approved and not: a large project for benchmarks
 * and for the large-project tests.
 */
export function largeSite(today: string, extra: number) {
  const site = buildDemoSite(today);
  for (let i = 0; i < extra; i += 1) {
    const def = CATEGORIES[i % CATEGORIES.length];
    if (!def) throw new Error('no category definitions');
    const age = (i * 37) % 700;
    const done = i % 5 !== 0;
    const labels = [def.defaultLabel];
    if (def.rule === 'corrective' && i % 3 !== 0) labels.push('board-approved');
    site.issues.push(
      jiraIssue({
        key: `ISMS-${1000 + i}`,
        id: String(200000 + i),
        summary: `${def.name} record ${i}`,
        labels,
        status: done ? 'done' : 'indeterminate',
        created: addDaysTo(today, -age - 10),
        resolved: done ? addDaysTo(today, -age) : undefined,
        duedate: done ? undefined : addDaysTo(today, (i % 60) - 20),
        assignee: def.rule === 'role' && i % 7 === 0 ? null : OWNER,
        projectName: 'Information Security Management',
        projectId: '10000',
      }),
    );
  }
  return site;
}
