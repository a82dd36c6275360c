import { CATEGORIES } from '../../src/core/categories';
import { addDaysTo } from '../../src/core/dates';
import { change, lifecycle } from '../demo/demo-records';
import { DEMO_PEOPLE, buildDemoSite } from '../demo/demo-site';
import { jiraIssue, type JiraUserJson } from '../demo/jira-issue';

const OWNER: JiraUserJson = { accountId: 'demo-security-lead', displayName: 'Sam Rivera', active: true };
/** Who signs the extra issues off: the Board (CEO, CFO), the CISO and the security lead, in turn. */
const SIGNERS: JiraUserJson[] = [DEMO_PEOPLE.ceo, DEMO_PEOPLE.cfo, DEMO_PEOPLE.ciso, OWNER];

/**
 * The demo site with `extra` more evidence issues in ISMS, spread over every category with a
 * deterministic mix of done, open, old and new, approved and not: a large project for benchmarks
 * and for the large-project tests.
 */
export function largeSite(today: string, extra: number, options: { substance?: boolean } = {}) {
  const site = buildDemoSite(today);
  for (let i = 0; i < extra; i += 1) {
    const def = CATEGORIES[i % CATEGORIES.length];
    if (!def) throw new Error('no category definitions');
    const age = (i * 37) % 700;
    const done = i % 5 !== 0;
    const labels = [def.defaultLabel];
    if (def.rule === 'corrective' && i % 3 !== 0) labels.push('board-approved');
    const created = addDaysTo(today, -age - 10);
    const resolved = done ? addDaysTo(today, -age) : undefined;
    // With `substance`, what spec 8 reads: who moved it to done and who added the approval label
    // (the history), and the signed record attached to nine issues in ten.
    const signer = SIGNERS[i % SIGNERS.length] ?? OWNER;
    const substance = options.substance
      ? {
          histories: [
            ...lifecycle({ created, startedBy: OWNER, startedOn: created, doneBy: signer, doneOn: resolved }),
            ...(labels.includes('board-approved')
              ? [
                  change(signer, created, 12, [
                    {
                      field: 'labels',
                      fieldtype: 'jira',
                      fieldId: 'labels',
                      fromString: def.defaultLabel,
                      toString: `${def.defaultLabel} board-approved`,
                    },
                  ]),
                ]
              : []),
          ],
          attachments:
            done && i % 10 !== 0
              ? [
                  {
                    filename: 'signed-record.pdf',
                    mimeType: 'application/pdf',
                    size: 48_213,
                    created: resolved ?? created,
                    author: signer,
                  },
                ]
              : undefined,
        }
      : {};
    site.issues.push(
      jiraIssue({
        key: `ISMS-${1000 + i}`,
        id: String(200000 + i),
        summary: `${def.name} record ${i}`,
        labels,
        status: done ? 'done' : 'indeterminate',
        created,
        resolved,
        duedate: done ? undefined : addDaysTo(today, (i % 60) - 20),
        assignee: def.rule === 'role' && i % 7 === 0 ? null : OWNER,
        projectName: 'Information Security Management',
        projectId: '10000',
        ...(substance.attachments ? { attachments: substance.attachments } : {}),
      }),
    );
    if (substance.histories)
      Object.assign(site.issues[site.issues.length - 1] ?? {}, { histories: substance.histories });
  }
  return site;
}
