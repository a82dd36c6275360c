/**
 * The demo company tells the story of spec section 8: read through the simulator as the app reads it (as the
 * user, over HTTP), and judged with the engine's own readings of who signed, who took part and what the issue
 * holds, each new check passes on one issue and fails on another for the reason the demo gives.
 */
import {
  APPROVED_ON_FIELD,
  buildDemoSite,
  DEMO_APPROVER_FIELD,
  DEMO_ATTENDEES_FIELD,
  DEMO_BOARD_GROUP_ID,
  DEMO_PEOPLE,
  DEMO_USERS,
} from '../../dev/demo/demo-site';
import { startJiraSimulator, validateSite, type JiraSimulator } from '../../dev/simulator';
import {
  approvalTime,
  changedAfterApprovalSentence,
  changesAfterApproval,
  newestChange,
  unchangedSinceApprovalSentence,
  type ApprovalSource,
} from '../../src/core/approval-changes';
import { isRecord } from '../../src/core/guards';
import {
  approverOf,
  documentOf,
  grantorOf,
  hasDecisions,
  participantsOf,
  type IssueFacts,
} from '../../src/core/people';
import type { JiraUser } from '../../src/core/substance-types';
import { isDescribed } from '../../src/jira/adf';
import { keptFields, toChangeEntries } from '../../src/jira/changelog';
import { toRemoteLinks } from '../../src/jira/remote-links';
import { toEvidenceIssue } from '../../src/jira/transform';
import { toJiraUser, usersOfField } from '../../src/jira/users';
import { at, call, qs } from './support/sim-client';

const AS_OF = '2026-11-28';
const LEAD = DEMO_USERS.securityLead.accountId;
const MANAGER = DEMO_USERS.manager.accountId;
const FIELDS = [
  'summary',
  'status',
  'labels',
  'assignee',
  'reporter',
  'attachment',
  'comment',
  'issuelinks',
  'description',
  'resolutiondate',
  'created',
  DEMO_APPROVER_FIELD,
  DEMO_ATTENDEES_FIELD,
];

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(buildDemoSite(AS_OF));
});

afterAll(async () => {
  await sim.stop();
});

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

interface ReadIssue {
  key: string;
  facts: IssueFacts;
  raw: Record<string, unknown>;
}

/** The ISMS project as `as` reads it: one search, one bulk changelog fetch, the remote links of each issue. */
async function readIsms(as: string): Promise<Map<string, ReadIssue>> {
  const search = await call(sim.url, as, '/rest/api/3/search/jql', {
    json: { jql: 'project = ISMS ORDER BY key ASC', fields: FIELDS, maxResults: 100 },
  });
  const issues = list(at(search.body, 'issues')).map(record);
  const changelog = await call(sim.url, as, '/rest/api/3/changelog/bulkfetch', {
    json: { issueIdsOrKeys: issues.map((i) => String(i['id'])), fieldIds: ['status', 'labels'] },
  });
  const histories = new Map<string, unknown[]>();
  for (const log of list(at(changelog.body, 'issueChangeLogs')).map(record))
    histories.set(String(log['issueId']), list(log['changeHistories']));

  const read = new Map<string, ReadIssue>();
  for (const raw of issues) {
    const key = String(raw['key']);
    const fields = record(raw['fields']);
    const status = record(fields['status']);
    const assignee = toJiraUser(fields['assignee']);
    const links = await call(sim.url, as, `/rest/api/3/issue/${key}/remotelink`);
    const comments = list(record(fields['comment'])['comments']).map(record);
    read.set(key, {
      key,
      raw,
      facts: {
        done: record(status['statusCategory'])['key'] === 'done',
        statusId: String(status['id']),
        statusName: String(status['name']),
        assignee: assignee ? { ...assignee, active: true } : null,
        reporter: toJiraUser(fields['reporter']),
        approverFieldUsers: usersOfField(fields[DEMO_APPROVER_FIELD]),
        attendeeFieldUsers: usersOfField(fields[DEMO_ATTENDEES_FIELD]),
        changelog: toChangeEntries(histories.get(String(raw['id'])) ?? []),
        attachmentCount: list(fields['attachment']).length,
        remoteLinks: toRemoteLinks(links.body),
        humanCommentCount: comments.filter((c) => toJiraUser(c['author'])?.isApp === false).length,
        issueLinkCount: list(fields['issuelinks']).length,
        described: isDescribed(fields['description']),
      },
    });
  }
  return read;
}

let asLead: Map<string, ReadIssue>;
const board = new Set<string>();

beforeAll(async () => {
  asLead = await readIsms(LEAD);
  // Top management is the Board group: who is in it, as the app learns it, once per person.
  for (const person of Object.values(DEMO_PEOPLE)) {
    const groups = await call(sim.url, LEAD, '/rest/api/3/user/groups' + qs({ accountId: person.accountId }));
    if (list(groups.body).some((g) => record(g)['groupId'] === DEMO_BOARD_GROUP_ID)) board.add(person.accountId);
  }
});

const issue = (key: string): IssueFacts => {
  const found = asLead.get(key);
  if (!found) throw new Error(`the security lead cannot read ${key}`);
  return found.facts;
};
const names = (users: JiraUser[]) => users.map((u) => u.displayName);
const signers = (s: ReturnType<typeof approverOf>) => (s.kind === 'known' ? names(s.users) : s.kind);
const anyTop = (users: JiraUser[]) => users.some((u) => board.has(u.accountId));

describe('the demo site', () => {
  it('is a valid site whose Board group is the CEO and the CFO', () => {
    expect(() => validateSite(buildDemoSite(AS_OF))).not.toThrow();
    expect([...board].sort()).toStrictEqual([DEMO_PEOPLE.ceo.accountId, DEMO_PEOPLE.cfo.accountId]);
  });

  it('declares the approver and attendees fields as user pickers', async () => {
    const res = await call(sim.url, LEAD, '/rest/api/3/field');
    const schemaOf = (id: string) =>
      record(
        list(res.body)
          .map(record)
          .find((f) => f['id'] === id)?.['schema'],
      );
    expect(schemaOf(DEMO_APPROVER_FIELD)).toMatchObject({ type: 'user' });
    expect(schemaOf(DEMO_ATTENDEES_FIELD)).toMatchObject({ type: 'array', items: 'user' });
    expect(schemaOf(APPROVED_ON_FIELD)).toMatchObject({ type: 'date' });
  });

  it('approved by top management: v4 of the policy by the CEO passes, v5 by the CISO fails', () => {
    expect(signers(approverOf(issue('ISMS-9')))).toStrictEqual(['Dana Whitfield']);
    expect(signers(approverOf(issue('ISMS-19')))).toStrictEqual(['Priya Natarajan']);
    expect(board.has(DEMO_PEOPLE.ciso.accountId)).toBe(false);
  });

  it('the budget is approved in the Approved by field, though the security lead closed it', () => {
    expect(approverOf(issue('ISMS-10'))).toMatchObject({ kind: 'known', how: 'named in the approver field' });
    expect(signers(approverOf(issue('ISMS-10')))).toStrictEqual(['Rahul Mehta']);
    expect(signers(approverOf({ ...issue('ISMS-10'), approverFieldUsers: [] }))).toStrictEqual([
      'Sam Rivera (Security lead)',
    ]);
  });

  it('a workshop signed off by the CEO, whose newest status change is the admin’s workflow migration', () => {
    const workshop = issue('ISMS-1');
    const newest = [...(workshop.changelog ?? [])].sort((a, b) => b.at.localeCompare(a.at))[0];
    expect(newest?.author?.accountId).toBe(DEMO_USERS.admin.accountId);
    expect(newest?.items.map((i) => i.field)).toStrictEqual(['status', 'Workflow']);
    const approver = approverOf(workshop);
    expect(signers(approver)).toStrictEqual(['Dana Whitfield']);
    expect(anyTop(participantsOf(workshop, approver))).toBe(true);
    // Every ISMS issue that existed 10 days ago went through the migration.
    const migrated = [...asLead.values()].filter((i) =>
      (i.facts.changelog ?? []).some((e) => e.items.some((item) => item.field === 'Workflow')),
    );
    expect(migrated.length).toBeGreaterThan(15);
  });

  it('document attached: the Q2 review links its minutes in Confluence, the Q3 review only a merge request', () => {
    expect(documentOf(issue('ISMS-15'))).toStrictEqual({ kind: 'linked' });
    expect(documentOf(issue('ISMS-20'))).toStrictEqual({ kind: 'none' });
    expect(issue('ISMS-20').remoteLinks).toStrictEqual([
      { url: 'https://gitlab.com/brightwater/isms-dashboards/-/merge_requests/42', relationship: 'mentioned on' },
    ]);
    expect(documentOf(issue('ISMS-9'))).toStrictEqual({ kind: 'attached' });
    expect(documentOf(issue('ISMS-19'))).toStrictEqual({ kind: 'attached' });
  });

  it('top management took part in both reviews (the Attendees field), and in the drill', () => {
    for (const key of ['ISMS-15', 'ISMS-20', 'ISMS-13']) {
      const facts = issue(key);
      expect({ key, took: anyTop(participantsOf(facts, approverOf(facts))) }).toStrictEqual({ key, took: true });
    }
  });

  it('decisions recorded: in the Q2 review by the CEO; the Q3 review has only an automation’s comment', () => {
    expect(hasDecisions(issue('ISMS-15'))).toBe(true);
    expect(issue('ISMS-20')).toMatchObject({ humanCommentCount: 0, issueLinkCount: 0 });
    expect(hasDecisions(issue('ISMS-20'))).toBe(false);
    expect(hasDecisions(issue('ISMS-1'))).toBe(true);
  });

  it('board-approved corrective actions: by the CFO, by the CISO herself, and by an automation', () => {
    const grantor = (key: string) => grantorOf(issue(key), 'board-approved');
    expect(signers(grantor('ISMS-6'))).toStrictEqual(['Rahul Mehta']);
    expect(signers(grantor('ISMS-7'))).toStrictEqual(['Dana Whitfield']);
    expect(signers(grantor('ISMS-21'))).toStrictEqual(['Priya Natarajan']);
    // Automation for Jira added the label: skipped, so the reporter, the CEO, stands behind it.
    expect(grantor('ISMS-22')).toMatchObject({ kind: 'known', how: 'raised it with board-approved' });
    expect(signers(grantor('ISMS-22'))).toStrictEqual(['Dana Whitfield']);
    const automated = issue('ISMS-22').changelog?.find((e) => e.items.some((i) => i.field === 'labels'));
    expect(automated?.author).toMatchObject({ displayName: 'Automation for Jira', isApp: true });
  });

  it('duties described: the CISO role is, the security champion role is an empty document', () => {
    expect(issue('ISMS-3').described).toBe(true);
    expect(issue('ISMS-5').described).toBe(false);
    expect(asLead.get('ISMS-5')?.raw).toMatchObject({ fields: { description: { type: 'doc' } } });
  });

  it('the manager cannot browse users and groups, nor see the Board-only issues', async () => {
    const permission = await call(sim.url, MANAGER, '/rest/api/3/mypermissions' + qs({ permissions: 'USER_PICKER' }));
    expect(at(permission.body, 'permissions', 'USER_PICKER', 'havePermission')).toBe(false);
    const groups = await call(
      sim.url,
      MANAGER,
      '/rest/api/3/user/groups' + qs({ accountId: DEMO_PEOPLE.ceo.accountId }),
    );
    expect(groups.status).toBe(403);
    for (const as of [LEAD, DEMO_USERS.admin.accountId]) {
      const res = await call(sim.url, as, '/rest/api/3/mypermissions' + qs({ permissions: 'USER_PICKER' }));
      expect(at(res.body, 'permissions', 'USER_PICKER', 'havePermission')).toBe(true);
    }
    const asManager = await readIsms(MANAGER);
    expect([...asManager.keys()].every((k) => asLead.has(k))).toBe(true);
    expect([...asLead.keys()].filter((k) => !asManager.has(k))).toStrictEqual(['ISMS-10', 'ISMS-15', 'ISMS-16']);
    // The link from the Board-only review to ISMS-7 is not shown to the manager.
    expect(asManager.get('ISMS-7')?.facts.issueLinkCount).toBe(0);
    expect(issue('ISMS-7').issueLinkCount).toBe(1);
  });

  describe('changed after approval (spec 12)', () => {
    /** The issue as the engine reads it, with the history of spec 12.2 from the bulk fetch. */
    async function withHistory(key: string) {
      const raw = asLead.get(key)?.raw ?? {};
      const res = await call(sim.url, LEAD, '/rest/api/3/changelog/bulkfetch', {
        json: { issueIdsOrKeys: [key], fieldIds: ['status', 'attachment', 'description', DEMO_APPROVER_FIELD] },
      });
      const log = list(at(res.body, 'issueChangeLogs')).map(record)[0] ?? {};
      const evidence = toEvidenceIssue(raw, { effectiveDateField: null, approverField: DEMO_APPROVER_FIELD });
      const changelog = toChangeEntries(log['changeHistories'], keptFields([DEMO_APPROVER_FIELD]));
      return { ...evidence, changelog, attachments: evidence.attachments ?? [] };
    }

    async function judged(key: string, source: ApprovalSource, approvers: JiraUser[]) {
      const read = await withHistory(key);
      const time = approvalTime({ ...source, created: read.createdAt, changelog: read.changelog });
      if (!time.known) throw new Error(`${key}: ${time.why}`);
      const changes = changesAfterApproval(time.at, read.changelog, read.attachments);
      const newest = newestChange(changes);
      const approval = { at: time.at, approvers };
      return {
        time: time.at,
        changes,
        files: read.attachments.map((a) => a.filename),
        sentence: newest
          ? changedAfterApprovalSentence(newest, approval)
          : unchangedSinceApprovalSentence(approval, read.attachments.length > 0),
      };
    }

    it('policy v4: the CISO replaced the PDF the CEO signed a week after the approval', async () => {
      const approver = approverOf(issue('ISMS-9'));
      if (approver.kind !== 'known') throw new Error('ISMS-9: no approver');
      // The approval: the CEO's move to Done (the admin's later migration names no one's decision).
      const entry = (issue('ISMS-9').changelog ?? []).find((e) => e.author?.accountId === DEMO_PEOPLE.ceo.accountId);
      if (!entry) throw new Error('ISMS-9: the CEO did not move it to Done');
      const result = await judged('ISMS-9', { source: 'changelog', entry }, approver.users);
      expect(result.files).toStrictEqual(['Information-Security-Policy-v4.1.pdf']);
      expect(result.changes.map((c) => [c.kind, c.filename, c.by?.displayName])).toStrictEqual([
        ['attachment-removed', 'Information-Security-Policy-v4-signed.pdf', 'Priya Natarajan'],
        ['attachment-added', 'Information-Security-Policy-v4.1.pdf', 'Priya Natarajan'],
      ]);
      expect(result.sentence).toBe(
        "Information-Security-Policy-v4.1.pdf was attached by Priya Natarajan on 20 Dec 2025, after Dana Whitfield's approval on 13 Dec 2025: confirm the approval covers the current document.",
      );
    });

    it('the budget: approved with no document yet, the signed copy attached four days later', async () => {
      const approver = approverOf(issue('ISMS-10'));
      if (approver.kind !== 'known') throw new Error('ISMS-10: no approver');
      const result = await judged('ISMS-10', { source: 'field', fieldId: DEMO_APPROVER_FIELD }, approver.users);
      // The approval is when Sam named the CFO in "Approved by" (1 Jun 2026), not the issue's creation.
      expect(result.time.slice(0, 10)).toBe('2026-06-01');
      expect(result.files).toStrictEqual(['ISMS-budget-FY-signed-R-Mehta.pdf']);
      expect(result.changes).toStrictEqual([]);
      expect(result.sentence).toBe("Nothing changed after Rahul Mehta's approval on 1 Jun 2026.");
    });
  });

  it('keeps its dates relative to today', () => {
    const resolved = (today: string, key: string) => {
      const found = buildDemoSite(today).issues.find((i) => i.key === key);
      return String(found?.fields.resolutiondate).slice(0, 10);
    };
    expect(resolved('2026-11-28', 'ISMS-9')).toBe('2025-12-13');
    expect(resolved('2027-03-01', 'ISMS-9')).toBe('2026-03-16');
    const histories = buildDemoSite('2027-03-01').issues.find((i) => i.key === 'ISMS-19')?.histories ?? [];
    expect(histories.map((h) => h.created.slice(0, 10))).toStrictEqual(['2027-01-16', '2027-01-30', '2027-02-19']);
  });
});
