/**
 * Exports made for spec section 8 load into the simulator with their history and remote links: the demo's own
 * export round trips, and a real Cloud export with expand=changelog (Apache DevLake's fixture) is served by the
 * bulk changelog fetch as Jira would serve it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDemoExport } from '../../dev/demo/demo-export';
import { buildDemoSite, DEMO_APPROVER_FIELD, DEMO_ATTENDEES_FIELD, DEMO_USERS } from '../../dev/demo/demo-site';
import { siteFromExport } from '../../dev/host/site-from-export';
import { startJiraSimulator, validateSite } from '../../dev/simulator';
import { isRecord } from '../../src/core/guards';
import { at, call } from './support/sim-client';

const AS_OF = '2026-11-28';
const REAL_JIRA = resolve(__dirname, '../../../shared/reference/real-jira');
const describeReal = existsSync(REAL_JIRA) ? describe : describe.skip;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

describe('the demo as an export with expand=changelog and remotelinks', () => {
  const exported = buildDemoExport(AS_OF);

  it('carries each issue’s whole changelog, newest first, and its remote links', () => {
    const byKey = (key: string) => exported.find((i) => isRecord(i) && i['key'] === key);
    const workshop = byKey('ISMS-1');
    expect(at(workshop, 'changelog', 'total')).toBe(3);
    expect(at(workshop, 'changelog', 'histories', 0, 'author', 'accountId')).toBe(DEMO_USERS.admin.accountId);
    expect(at(workshop, 'changelog', 'histories', 0, 'created')).toMatch(/^\d{4}-\d{2}-\d{2}T07:30/);
    expect(list(at(byKey('ISMS-15'), 'remotelinks'))).toHaveLength(1);
    expect(at(byKey('ISMS-20'), 'remotelinks', 0, 'relationship')).toBe('mentioned on');
    expect(at(byKey('ISMS-10'), 'fields', DEMO_APPROVER_FIELD, 'displayName')).toBe('Rahul Mehta');
  });

  it('loads back into a site with the same histories, remote links and user-picker fields', () => {
    const site = validateSite(siteFromExport(structuredClone(exported)), 'demo export');
    const original = validateSite(buildDemoSite(AS_OF), 'demo');
    const historiesOf = (issues: typeof site.issues) =>
      issues.map((i) => [i.key, (i.histories ?? []).map((h) => [h.author, h.created, h.items.length]).sort()]);
    expect(historiesOf(site.issues)).toStrictEqual(historiesOf(original.issues));
    expect(site.issues.flatMap((i) => (i.remoteLinks ?? []).map((l) => l.object.url))).toStrictEqual(
      original.issues.flatMap((i) => (i.remoteLinks ?? []).map((l) => l.object.url)),
    );
    const schemaOf = (id: string) => site.fields.find((f) => f.id === id)?.schema;
    expect(schemaOf(DEMO_APPROVER_FIELD)).toMatchObject({ type: 'user' });
    expect(schemaOf(DEMO_ATTENDEES_FIELD)).toMatchObject({ type: 'array', items: 'user' });
    // The authors of the history are site users now, the app account among them.
    expect(site.users.find((u) => u.displayName === 'Automation for Jira')).toMatchObject({ accountType: 'app' });
  });
});

describeReal('a real Cloud export with expand=changelog', () => {
  const read = (name: string): unknown => JSON.parse(readFileSync(resolve(REAL_JIRA, name), 'utf8'));

  it('is served back by the bulk fetch, workflow migrations and inactive authors included', async () => {
    const issues = list(read('devlake-cloud-agile-board-issues.json'));
    const site = siteFromExport(structuredClone(issues));
    const sim = await startJiraSimulator(site);
    try {
      const first = issues.find(isRecord);
      const id = String(first?.['id']);
      const histories = list(at(first, 'changelog', 'histories'));
      const res = await call(sim.url, DEMO_USERS.securityLead.accountId, '/rest/api/3/changelog/bulkfetch', {
        json: { issueIdsOrKeys: [id], fieldIds: ['status'] },
      });
      const served = list(at(res.body, 'issueChangeLogs', 0, 'changeHistories'));
      const withStatus = histories.filter((h) =>
        list(at(h, 'items')).some((item) => isRecord(item) && item['fieldId'] === 'status'),
      );
      expect(served).toHaveLength(withStatus.length);
      // Oldest first, in epoch ms, where the export listed them newest first as date-time strings.
      const times = served.map((h) => Number(at(h, 'created')));
      expect(times).toStrictEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(Math.min(...withStatus.map((h) => Date.parse(String(at(h, 'created'))))));
      expect(
        served.some((h) => list(at(h, 'items')).some((item) => isRecord(item) && item['field'] === 'Workflow')),
      ).toBe(true);
    } finally {
      await sim.stop();
    }
  });

  it('keeps remote links an export carries as remotelinks', async () => {
    const links = list(read('go-jira-remotelinks.json'));
    const issue = {
      key: 'MKY-1',
      fields: { summary: 'Remote links', labels: [], created: '2026-01-01T00:00:00.000+0000' },
      remotelinks: links,
    };
    const sim = await startJiraSimulator(siteFromExport([issue]));
    try {
      const res = await call(sim.url, DEMO_USERS.securityLead.accountId, '/rest/api/3/issue/MKY-1/remotelink');
      expect(list(res.body).map((l) => at(l, 'object', 'url'))).toStrictEqual(links.map((l) => at(l, 'object', 'url')));
      expect(list(res.body).map((l) => at(l, 'id'))).toStrictEqual([10000, 10001]);
    } finally {
      await sim.stop();
    }
  });
});
