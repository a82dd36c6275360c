/**
 * Spec section 12's history in the simulator: attachments added and removed and description edits, written as
 * Jira writes them (changelog items and `fields.attachment`), served by the bulk changelog fetch (with `fieldIds`)
 * and by expand=changelog, checked against Atlassian's OpenAPI document, and read by the app's changelog reader.
 */
import { startJiraSimulator, validateSite, type JiraSimulator } from '../../dev/simulator';
import {
  emptySite,
  siteHistory,
  siteIssue,
  siteProject,
  siteUser,
  statusChange,
} from '../../dev/simulator/site-builders';
import {
  descriptionReference,
  descriptionText,
  nextAttachmentId,
  siteAttachment,
  withAttachmentAdded,
  withAttachmentRemoved,
  withDescriptionChanged,
} from '../../dev/simulator/site-history';
import type { SiteData } from '../../dev/simulator/site-types';
import { toChangeEntries } from '../../src/jira/changelog';
import { epochCreatedAsDateTime, openApi, OPENAPI_PATH } from './support/openapi';
import { at, call, qs } from './support/sim-client';

const PRIYA = siteUser('acc-priya', { displayName: 'Priya Natarajan' });
const MORGAN = siteUser('acc-morgan', { displayName: 'Morgan Hale' });
const BOT = siteUser('acc-bot', { displayName: 'Automation for Jira', accountType: 'app' });
const ISMS = siteProject('ISMS', '10000');
const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/**
 * ISMS-1: created with policy-v3.pdf (no history for it), approved by Morgan on 4 Mar, then policy-v4.pdf attached
 * by Priya, policy-v3.pdf removed by Morgan, and the description edited by an app.
 */
function site(): SiteData {
  const created = '2026-03-01T09:00:00.000+0000';
  let issue = siteIssue({
    key: 'ISMS-1',
    project: ISMS,
    created,
    status: { name: 'Done', category: 'done', id: '10001' },
    fields: {
      description: doc('Board signs the policy.'),
      attachment: [siteAttachment({ id: '1000000101', filename: 'policy-v3.pdf' }, created, PRIYA)],
    },
    histories: [
      siteHistory(MORGAN.accountId, '2026-03-04T10:00:00.000+0000', [
        statusChange({ id: '3', name: 'In Progress' }, { id: '10001', name: 'Done' }),
      ]),
    ],
  });
  issue = withAttachmentAdded(issue, { filename: 'policy-v4.pdf', at: '2026-03-12T11:30:00.000+0100', by: PRIYA });
  issue = withAttachmentRemoved(issue, { id: '1000000101', at: '2026-03-13T08:00:00.000+0000', by: MORGAN });
  issue = withDescriptionChanged(issue, {
    description: doc('Board signs the policy.', 'Version 4.'),
    at: '2026-03-14T08:00:00.000+0000',
    by: BOT,
  });
  const plain = siteIssue({ key: 'ISMS-2', project: ISMS });
  return { ...emptySite(), users: [PRIYA, MORGAN, BOT], projects: [ISMS], issues: [issue, plain] };
}

const ADDED = {
  field: 'Attachment',
  fieldtype: 'jira',
  fieldId: 'attachment',
  to: '1000000102',
  toString: 'policy-v4.pdf',
};
const REMOVED = {
  field: 'Attachment',
  fieldtype: 'jira',
  fieldId: 'attachment',
  from: '1000000101',
  fromString: 'policy-v3.pdf',
};
const EDITED = {
  field: 'description',
  fieldtype: 'jira',
  fieldId: 'description',
  fromString: 'Board signs the policy.',
  to: descriptionReference('10000001'),
  toString: 'Board signs the policy.\n\nVersion 4.',
};

const BULK = '/rest/api/3/changelog/bulkfetch';
let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(site(), { now: () => Date.parse('2026-04-01T12:00:00Z') });
});

afterAll(async () => {
  await sim.stop();
});

const bulk = (body: unknown) => call(sim.url, PRIYA.accountId, BULK, { json: body });
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const entriesOf = (body: unknown) => list(at(body, 'issueChangeLogs')).flatMap((l) => list(at(l, 'changeHistories')));

describe('the site builders write attachment and description history as Jira does', () => {
  test('fields change with the history: the attachment list, the description, updated', () => {
    const [issue] = validateSite(site()).issues;
    expect(issue?.fields['attachment']).toMatchObject([
      {
        id: '1000000102',
        filename: 'policy-v4.pdf',
        created: '2026-03-12T11:30:00.000+0100',
        author: { accountId: PRIYA.accountId, displayName: 'Priya Natarajan' },
      },
    ]);
    expect(issue?.fields['description']).toStrictEqual(doc('Board signs the policy.', 'Version 4.'));
    expect(issue?.fields.updated).toBe('2026-03-14T08:00:00.000+0000');
    expect(issue?.histories?.map((h) => [h.author, h.created, h.items])).toStrictEqual([
      [MORGAN.accountId, '2026-03-04T10:00:00.000+0000', [expect.objectContaining({ fieldId: 'status' })]],
      [PRIYA.accountId, '2026-03-12T11:30:00.000+0100', [{ ...ADDED, from: null, fromString: null }]],
      [MORGAN.accountId, '2026-03-13T08:00:00.000+0000', [{ ...REMOVED, to: null, toString: null }]],
      [BOT.accountId, '2026-03-14T08:00:00.000+0000', [{ ...EDITED, from: null }]],
    ]);
  });

  test('an attachment the issue was created with has no history item', () => {
    const [issue] = validateSite(site()).issues;
    const attachmentItems = (issue?.histories ?? []).flatMap((h) =>
      h.items.filter((i) => i['fieldId'] === 'attachment'),
    );
    expect(attachmentItems.map((i) => [i['from'], i['to']])).toStrictEqual([
      [null, '1000000102'],
      ['1000000101', null],
    ]);
  });

  test('new attachment ids follow every id the issue has or had', () => {
    const [issue] = validateSite(site()).issues;
    if (!issue) throw new Error('no issue');
    expect(nextAttachmentId(issue)).toBe('1000000103');
    expect(nextAttachmentId(siteIssue({ key: 'ISMS-7', project: ISMS }))).toBe('1000000701');
  });

  test('removing an attachment the issue does not have is a mistake in the test, said so', () => {
    const issue = siteIssue({ key: 'ISMS-3', project: ISMS });
    expect(() => withAttachmentRemoved(issue, { id: '9', at: '2026-03-01T00:00:00.000+0000', by: PRIYA })).toThrow(
      "no attachment '9'",
    );
  });

  test.each<[string, unknown, string | null]>([
    ['an ADF document', doc('One.', 'Two.'), 'One.\n\nTwo.'],
    ['an empty ADF document', { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [] }] }, null],
    ['null', null, null],
    ['v2 text', 'h1. Duties', 'h1. Duties'],
  ])('the text a description item carries: %s', (_name, description, expected) => {
    expect(descriptionText(description)).toBe(expected);
  });

  test('emptying the description: toString and to are null', () => {
    const issue = withDescriptionChanged(
      siteIssue({ key: 'ISMS-4', project: ISMS, fields: { description: doc('x') } }),
      {
        description: null,
        at: '2026-03-01T00:00:00.000+0000',
        by: PRIYA,
      },
    );
    expect(issue.histories?.[0]?.items).toStrictEqual([
      {
        field: 'description',
        fieldtype: 'jira',
        fieldId: 'description',
        from: null,
        fromString: 'x',
        to: null,
        toString: null,
      },
    ]);
  });

  test('validation: attachments carry a created date-time, and ids are unique on the site', () => {
    const data = site();
    const broken = {
      ...data,
      issues: data.issues.map((issue) =>
        issue.key !== 'ISMS-2'
          ? issue
          : { ...issue, fields: { ...issue.fields, attachment: [{ id: '1000000102', filename: 'copy.pdf' }] } },
      ),
    };
    expect(() => validateSite(broken)).toThrow(
      expect.objectContaining({
        problems: [
          'site.issues[1].fields.attachment[0].created: expected a Jira date-time string, got nothing',
          "site.issues[1].fields.attachment[0].id: duplicate attachment id '1000000102'",
        ],
      }),
    );
  });
});

describe('POST /changelog/bulkfetch with fieldIds attachment and description', () => {
  test('only those items, oldest first, entries left without items omitted', async () => {
    const res = await bulk({ issueIdsOrKeys: ['ISMS-1', 'ISMS-2'], fieldIds: ['attachment', 'description'] });
    expect(res.status).toBe(200);
    expect(at(res.body, 'issueChangeLogs')).toHaveLength(1);
    expect(at(res.body, 'issueChangeLogs', 0, 'issueId')).toBe('10000001');
    // Null sides are left out, as the document types every side as a string (changelog.ts).
    expect(
      entriesOf(res.body).map((e) => [at(e, 'author', 'accountId'), at(e, 'created'), at(e, 'items')]),
    ).toStrictEqual([
      [PRIYA.accountId, Date.parse('2026-03-12T10:30:00.000Z'), [ADDED]],
      [MORGAN.accountId, Date.parse('2026-03-13T08:00:00.000Z'), [REMOVED]],
      [BOT.accountId, Date.parse('2026-03-14T08:00:00.000Z'), [EDITED]],
    ]);
  });

  test.each<[string[], string[]]>([
    [['attachment'], ['Attachment', 'Attachment']],
    [['description'], ['description']],
    [
      ['status', 'attachment'],
      ['status', 'Attachment', 'Attachment'],
    ],
    [['labels'], []],
  ])('fieldIds %j keep only their items', async (fieldIds, fields) => {
    const res = await bulk({ issueIdsOrKeys: ['ISMS-1'], fieldIds });
    expect(entriesOf(res.body).flatMap((e) => list(at(e, 'items')).map((i) => at(i, 'field')))).toStrictEqual(fields);
    if (fields.length === 0) expect(at(res.body, 'issueChangeLogs')).toStrictEqual([]);
  });

  test('without fieldIds every entry comes, pages of one entry included', async () => {
    const seen: unknown[] = [];
    let token: unknown;
    let pages = 0;
    do {
      const res = await bulk({ issueIdsOrKeys: ['ISMS-1'], maxResults: 1, ...(token ? { nextPageToken: token } : {}) });
      seen.push(...entriesOf(res.body).map((e) => at(e, 'items', 0, 'field')));
      token = at(res.body, 'nextPageToken');
      pages += 1;
    } while (token !== undefined && pages < 10);
    expect(seen).toStrictEqual(['status', 'Attachment', 'Attachment', 'description']);
  });

  test('expand=changelog on issue GET carries the same items, newest first, created as date-time', async () => {
    const res = await call(
      sim.url,
      PRIYA.accountId,
      '/rest/api/3/issue/ISMS-1' + qs({ fields: 'attachment', expand: 'changelog' }),
    );
    const histories = list(at(res.body, 'changelog', 'histories'));
    expect(histories.map((h) => [at(h, 'created'), at(h, 'items', 0)])).toStrictEqual([
      ['2026-03-14T08:00:00.000+0000', EDITED],
      ['2026-03-13T08:00:00.000+0000', REMOVED],
      ['2026-03-12T11:30:00.000+0100', ADDED],
      ['2026-03-04T10:00:00.000+0000', expect.objectContaining({ fieldId: 'status' })],
    ]);
  });
});

const describeOpenApi = openApi() ? describe : describe.skip;
if (!openApi()) console.warn(`OpenAPI checks of attachment history SKIPPED: ${OPENAPI_PATH} not found`);

describeOpenApi("the answers are inside Atlassian's OpenAPI document", () => {
  const spec = () => {
    const loaded = openApi();
    if (!loaded) throw new Error('no OpenAPI document');
    return loaded;
  };

  test('bulkfetch: BulkChangelogResponseBean (created in epoch ms, the known deviation, aside)', async () => {
    for (const fieldIds of [['attachment', 'description'], []]) {
      const res = await bulk({ issueIdsOrKeys: ['ISMS-1'], fieldIds });
      expect(spec().responseProblems('POST', BULK, epochCreatedAsDateTime(res.body))).toStrictEqual([]);
      for (const item of entriesOf(res.body).flatMap((e) => list(at(e, 'items'))))
        expect(spec().schemaProblems('ChangeDetails', item)).toStrictEqual([]);
    }
  });

  test('an item with a null side is outside the document, which is why the simulator leaves null sides out', () => {
    expect(spec().schemaProblems('ChangeDetails', { ...ADDED, from: null })).not.toStrictEqual([]);
  });

  test('issue GET: the changelog and every attachment (Attachment, with id, filename, created, author)', async () => {
    const res = await call(sim.url, PRIYA.accountId, '/rest/api/3/issue/ISMS-1' + qs({ expand: 'changelog' }));
    expect(spec().responseProblems('GET', '/rest/api/3/issue/{issueIdOrKey}', res.body)).toStrictEqual([]);
    const attachments = list(at(res.body, 'fields', 'attachment'));
    expect(attachments).toHaveLength(1);
    for (const attachment of attachments) {
      expect(spec().schemaProblems('Attachment', attachment)).toStrictEqual([]);
      expect(attachment).toMatchObject({
        id: expect.any(String),
        filename: expect.any(String),
        created: expect.any(String),
        author: expect.objectContaining({ accountId: expect.any(String) }),
      });
    }
  });
});

describe('changes made while the simulator runs', () => {
  let live: JiraSimulator;
  beforeAll(async () => {
    live = await startJiraSimulator(site(), { now: () => Date.parse('2026-04-01T12:00:00Z') });
  });
  afterAll(async () => {
    await live.stop();
  });

  test('addAttachment, removeAttachment, changeDescription: history at the clock, by the site user', async () => {
    const id = live.addAttachment('ISMS-2', { filename: 'minutes.pdf', by: PRIYA.accountId });
    expect(id).toBe('1000000201');
    live.removeAttachment('ISMS-2', id, MORGAN.accountId, '2026-04-02T09:00:00.000+0000');
    live.changeDescription('ISMS-2', doc('Minutes of the review.'), PRIYA.accountId, '2026-04-03T09:00:00.000+0000');
    const res = await call(live.url, PRIYA.accountId, BULK, {
      json: { issueIdsOrKeys: ['ISMS-2'], fieldIds: ['attachment', 'description'] },
    });
    expect(
      entriesOf(res.body).map((e) => [at(e, 'author', 'accountId'), at(e, 'created'), at(e, 'items', 0)]),
    ).toStrictEqual([
      [PRIYA.accountId, Date.parse('2026-04-01T12:00:00Z'), { ...ADDED, to: id, toString: 'minutes.pdf' }],
      [MORGAN.accountId, Date.parse('2026-04-02T09:00:00Z'), { ...REMOVED, from: id, fromString: 'minutes.pdf' }],
      [
        PRIYA.accountId,
        Date.parse('2026-04-03T09:00:00Z'),
        {
          field: 'description',
          fieldtype: 'jira',
          fieldId: 'description',
          to: descriptionReference('10000002'),
          toString: 'Minutes of the review.',
        },
      ],
    ]);
    const issue = await call(
      live.url,
      PRIYA.accountId,
      '/rest/api/3/issue/ISMS-2' + qs({ fields: 'attachment,updated' }),
    );
    expect(at(issue.body, 'fields')).toStrictEqual({ attachment: [], updated: '2026-04-03T09:00:00.000+0000' });
  });

  test('an unknown person or issue is a mistake in the test, said so', () => {
    expect(() => live.addAttachment('ISMS-2', { filename: 'x.pdf', by: 'acc-nobody' })).toThrow("no user 'acc-nobody'");
    expect(() => live.changeDescription('ISMS-99', null, PRIYA.accountId)).toThrow("no issue 'ISMS-99'");
  });
});

describe("the app's changelog reader on the simulator's answers", () => {
  test('attachment items keep the id and file name; description items keep no text', async () => {
    const res = await bulk({ issueIdsOrKeys: ['ISMS-1'], fieldIds: ['status', 'labels', 'attachment', 'description'] });
    const histories = list(at(res.body, 'issueChangeLogs', 0, 'changeHistories'));
    expect(toChangeEntries(histories).map((e) => [e.author?.displayName, e.at, e.items])).toStrictEqual([
      [
        'Morgan Hale',
        '2026-03-04T10:00:00.000Z',
        [{ field: 'status', fieldId: 'status', from: '3', to: '10001', fromText: 'In Progress', toText: 'Done' }],
      ],
      [
        'Priya Natarajan',
        '2026-03-12T10:30:00.000Z',
        [
          {
            field: 'Attachment',
            fieldId: 'attachment',
            from: null,
            to: '1000000102',
            fromText: null,
            toText: 'policy-v4.pdf',
          },
        ],
      ],
      [
        'Morgan Hale',
        '2026-03-13T08:00:00.000Z',
        [
          {
            field: 'Attachment',
            fieldId: 'attachment',
            from: '1000000101',
            to: null,
            fromText: 'policy-v3.pdf',
            toText: null,
          },
        ],
      ],
      [
        'Automation for Jira',
        '2026-03-14T08:00:00.000Z',
        [{ field: 'description', fieldId: 'description', from: null, to: null, fromText: null, toText: null }],
      ],
    ]);
  });
});

describe('faults part way through the paged fetch', () => {
  test.each<[string, (sim: JiraSimulator) => void, number]>([
    ['a 500', (s) => s.faults.serverError(1, { pathPrefix: BULK, afterRequests: 1 }), 500],
    ['a 429', (s) => s.faults.rateLimit(1, 2, { pathPrefix: BULK, afterRequests: 1 }), 429],
  ])(
    '%s on page 2 leaves the token good: the retry gets page 2, nothing lost or repeated',
    async (_name, inject, status) => {
      const request = { issueIdsOrKeys: ['ISMS-1'], fieldIds: ['attachment', 'description'], maxResults: 2 };
      inject(sim);
      try {
        const first = await bulk(request);
        const token = at(first.body, 'nextPageToken');
        expect(typeof token).toBe('string');
        const failed = await bulk({ ...request, nextPageToken: token });
        expect(failed.status).toBe(status);
        expect(at(failed.body, 'errorMessages')).toHaveLength(1);
        const retried = await bulk({ ...request, nextPageToken: token });
        expect(retried.status).toBe(200);
        expect([...entriesOf(first.body), ...entriesOf(retried.body)].map((e) => at(e, 'items', 0))).toStrictEqual([
          ADDED,
          REMOVED,
          EDITED,
        ]);
        expect(at(retried.body, 'nextPageToken')).toBeUndefined();
      } finally {
        sim.faults.reset();
      }
    },
  );
});
