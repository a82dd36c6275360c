/**
 * The bulk changelog read asks for spec 12.2's fields as well (attachment, description, the approver
 * field), in the same requests: one per batch of at most 1,000 issues, as many as before. Run for real
 * through @forge/api's asUser() and the local runtime against the simulator.
 */
import { largeSite } from '../../dev/bench/large-site';
import { DEMO_APPROVER_FIELD, DEMO_PEOPLE } from '../../dev/demo/demo-site';
import { runInvocation, startLocalForge, type LocalForge } from '../../dev/runtime';
import { withAttachmentAdded, withDescriptionChanged } from '../../dev/simulator/site-history';
import type { Route } from '@forge/api';
import { Budget } from '../../src/jira/budget';
import { JiraClient, type SendOptions } from '../../src/jira/client';
import { bulkChangelogs, CHANGELOG_FIELDS, changelogBatches, changelogFields } from '../../src/jira/substance-reads';
import { AS_OF } from '../support/app-harness';

const LEAD = 'demo-security-lead';
const EXTRA = 2500;
const { ceo: CEO, ciso: CISO } = DEMO_PEOPLE;

/** The large site, each extra issue with an attachment added and its description edited after it was done. */
function siteWithEdits() {
  const site = largeSite(AS_OF, EXTRA, { substance: true });
  site.issues = site.issues.map((issue, n) => {
    if (!/^ISMS-\d{4}$/.test(issue.key)) return issue;
    const added = withAttachmentAdded(issue, {
      filename: `record-${n}-v2.pdf`,
      at: '2026-11-20T10:00:00.000+0000',
      by: CISO,
    });
    return withDescriptionChanged(added, { description: null, at: '2026-11-21T10:00:00.000+0000', by: CEO });
  });
  return site;
}

/** A client that keeps each POST's body, and may rewrite it first (to ask as the app asked before). */
class RecordingClient extends JiraClient {
  readonly bodies: { fieldIds?: unknown; issueIdsOrKeys?: unknown }[] = [];
  constructor(private readonly rewrite: (body: Record<string, unknown>) => Record<string, unknown> = (b) => b) {
    super({ budget: new Budget(60_000), sleep: async () => {} });
  }
  override async post(path: Route, body: unknown, options?: SendOptions) {
    const sent = this.rewrite(body as Record<string, unknown>);
    this.bodies.push(sent);
    return super.post(path, sent, options);
  }
}

let forge: LocalForge;
let ids: string[];
beforeAll(async () => {
  const site = siteWithEdits();
  forge = await startLocalForge(site);
  ids = site.issues.filter((i) => i.key.startsWith('ISMS-')).map((i) => i.id);
});
afterAll(() => forge.stop());

const read = (client: JiraClient, approverField?: string | null) =>
  runInvocation(LEAD, () => bulkChangelogs(client, ids, approverField));

describe("the bulk fetch's fields", () => {
  test('status, labels, attachment and description; the approver field when one is set, once', () => {
    expect(CHANGELOG_FIELDS).toEqual(['status', 'labels', 'attachment', 'description']);
    expect(changelogFields(null).fieldIds).toEqual(['status', 'labels', 'attachment', 'description']);
    expect(changelogFields(DEMO_APPROVER_FIELD).fieldIds).toEqual([
      'status',
      'labels',
      'attachment',
      'description',
      DEMO_APPROVER_FIELD,
    ]);
    expect(changelogFields('status').fieldIds).toEqual(CHANGELOG_FIELDS);
  });

  test('every request carries them, and the approver field items are kept', async () => {
    const client = new RecordingClient();
    const result = await read(client, DEMO_APPROVER_FIELD);
    expect(result.gap).toBeUndefined();
    expect(client.bodies.length).toBeGreaterThan(0);
    for (const body of client.bodies)
      expect(body.fieldIds).toEqual(['status', 'labels', 'attachment', 'description', DEMO_APPROVER_FIELD]);
    const entries = [...result.value.values()].flat();
    const fields = new Set(entries.flatMap((e) => e.items.map((i) => i.fieldId ?? i.field)));
    expect([...fields].sort()).toEqual(expect.arrayContaining(['attachment', 'description', 'status']));
    // A description item says that it changed and when, never what it said (spec 8.2).
    for (const item of entries.flatMap((e) => e.items).filter((i) => i.fieldId === 'description'))
      expect(item).toEqual({
        field: 'description',
        fieldId: 'description',
        from: null,
        to: null,
        fromText: null,
        toText: null,
      });
  });

  test(`${EXTRA + 20} issues: as many requests as before the wider fields, one per batch`, async () => {
    const before = new RecordingClient((body) => ({ ...body, fieldIds: ['status', 'labels'] }));
    await read(before);
    const after = new RecordingClient();
    await read(after, DEMO_APPROVER_FIELD);
    expect(after.bodies.length).toBe(before.bodies.length);
    expect(after.bodies.length).toBe(changelogBatches(ids).length);
  });
});
