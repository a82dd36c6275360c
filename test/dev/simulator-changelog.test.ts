import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { at, call, qs } from './support/sim-client';
import { PEOPLE, substanceSite, USERS } from './support/substance-site';

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(substanceSite(), { changelogExpandMax: 10 });
});

afterAll(async () => {
  await sim.stop();
});

const BULK = '/rest/api/3/changelog/bulkfetch';
const ISSUE_IDS = { 'ISMS-1': '10000001', 'ISMS-2': '10000002', 'ISMS-3': '10000003', 'OPS-1': '10001001' };

const bulk = (as: string, body: unknown) => call(sim.url, as, BULK, { json: body });

/** Each issueChangeLogs entry as [issueId, [history id, author accountId or null, created]...]. */
function summary(body: unknown): Array<[string, Array<[string, string | null, unknown]>]> {
  const logs = at(body, 'issueChangeLogs');
  if (!Array.isArray(logs)) throw new Error('no issueChangeLogs');
  return logs.map((log: unknown) => {
    const histories = at(log, 'changeHistories');
    if (!Array.isArray(histories)) throw new Error('no changeHistories');
    return [
      String(at(log, 'issueId')),
      histories.map((h: unknown): [string, string | null, unknown] => {
        const author = at(h, 'author');
        return [String(at(h, 'id')), author === undefined ? null : String(at(author, 'accountId')), at(h, 'created')];
      }),
    ];
  });
}

const ms = (iso: string) => Date.parse(iso);

describe('POST /changelog/bulkfetch', () => {
  it('lists every entry oldest first, then by issue id, grouped by issue, with created in epoch ms', async () => {
    const res = await bulk(USERS.alice, { issueIdsOrKeys: ['OPS-1', 'ISMS-2', ISSUE_IDS['ISMS-1'], 'ISMS-3'] });
    expect(res.status).toBe(200);
    expect(summary(res.body)).toStrictEqual([
      [
        ISSUE_IDS['ISMS-1'],
        [
          ['10001', USERS.alice, ms('2025-01-02T10:00:00Z')],
          ['10004', PEOPLE.bot, ms('2025-01-04T10:00:00Z')],
          ['10003', PEOPLE.ceo, ms('2025-01-05T09:00:00Z')],
          ['10005', null, ms('2025-01-06T10:00:00Z')],
          ['10002', USERS.admin, ms('2025-03-01T09:00:00Z')],
        ],
      ],
      [ISSUE_IDS['ISMS-2'], [['10006', PEOPLE.cfo, ms('2025-01-02T10:00:00Z')]]],
      [ISSUE_IDS['ISMS-3'], [['10007', USERS.alice, ms('2025-01-02T11:00:00Z')]]],
      [ISSUE_IDS['OPS-1'], [['10008', USERS.bob, ms('2025-01-01T08:00:00Z')]]],
    ]);
    expect(at(res.body, 'nextPageToken')).toBeUndefined();
  });

  it('keeps only the items of fieldIds, and the Workflow item of an entry that has one of them', async () => {
    const res = await bulk(USERS.alice, { issueIdsOrKeys: ['ISMS-1'], fieldIds: ['status', 'labels'] });
    const histories = at(res.body, 'issueChangeLogs', 0, 'changeHistories');
    if (!Array.isArray(histories)) throw new Error('no histories');
    // The summary-only entry is gone; the first entry loses its assignee item; the migration keeps its Workflow item.
    expect(histories.map((h: unknown) => at(h, 'items'))).toStrictEqual([
      [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: '1',
          fromString: 'To Do',
          to: '3',
          toString: 'In Progress',
        },
      ],
      [{ field: 'labels', fieldtype: 'jira', fieldId: 'labels', fromString: '', toString: 'clause-5.1 policy' }],
      [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: '3',
          fromString: 'In Progress',
          to: '10001',
          toString: 'Done',
        },
      ],
      [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: '10001',
          fromString: 'Done',
          to: '10001',
          toString: 'Done',
        },
        {
          field: 'Workflow',
          fieldtype: 'jira',
          from: '10000',
          fromString: 'ISMS workflow v1',
          to: '10001',
          toString: 'ISMS workflow v2',
        },
      ],
    ]);
  });

  it('names authors as UserDetails, app accounts with accountType app', async () => {
    const res = await bulk(USERS.alice, { issueIdsOrKeys: ['ISMS-1'], fieldIds: ['labels'] });
    expect(at(res.body, 'issueChangeLogs', 0, 'changeHistories', 0, 'author')).toMatchObject({
      accountId: PEOPLE.bot,
      accountType: 'app',
      displayName: 'Automation for Jira',
      active: true,
    });
  });

  it('leaves out issues the caller cannot see and ids or keys that name nothing', async () => {
    const asBob = await bulk(USERS.bob, { issueIdsOrKeys: ['ISMS-3', 'OPS-1', 'NOPE-1', '99999999'] });
    expect(summary(asBob.body).map(([id]) => id)).toStrictEqual([ISSUE_IDS['OPS-1']]);
    const asOutsider = await bulk(USERS.outsider, { issueIdsOrKeys: ['ISMS-1', 'OPS-1'] });
    expect(asOutsider).toMatchObject({ status: 200, body: { issueChangeLogs: [] } });
  });

  it('accepts the same issue by id and key once, and issues without entries send no log', async () => {
    const res = await bulk(USERS.alice, { issueIdsOrKeys: ['ISMS-2', ISSUE_IDS['ISMS-2'], 'isms-2', 'INT-1'] });
    expect(summary(res.body)).toStrictEqual([
      [ISSUE_IDS['ISMS-2'], [['10006', PEOPLE.cfo, ms('2025-01-02T10:00:00Z')]]],
    ]);
  });

  it('pages by entries across issues, with a token that belongs to the request', async () => {
    const request = { issueIdsOrKeys: ['ISMS-20', 'ISMS-1', 'OPS-1'], fieldIds: ['status'], maxResults: 7 };
    const seen: string[] = [];
    let token: unknown;
    let pages = 0;
    do {
      const res = await bulk(USERS.alice, token === undefined ? request : { ...request, nextPageToken: token });
      expect(res.status).toBe(200);
      const entries = summary(res.body).flatMap(([, hs]) => hs);
      expect(entries.length).toBeLessThanOrEqual(7);
      seen.push(...entries.map(([id]) => id));
      token = at(res.body, 'nextPageToken');
      pages += 1;
    } while (token !== undefined && pages < 10);
    // OPS-1 1 + ISMS-1 3 status entries + ISMS-20 25 = 29 entries, 5 pages, none twice.
    expect(pages).toBe(5);
    expect(seen).toHaveLength(29);
    expect(new Set(seen).size).toBe(29);

    // The oldest 7 entries (OPS-1's, ISMS-1's three, ISMS-20's first three), grouped by issue id.
    const first = await bulk(USERS.alice, request);
    expect(summary(first.body).map(([id, hs]) => [id, hs.map(([historyId]) => historyId)])).toStrictEqual([
      [ISSUE_IDS['ISMS-1'], ['10001', '10003', '10002']],
      ['10000020', ['10009', '10010', '10011']],
      [ISSUE_IDS['OPS-1'], ['10008']],
    ]);
    const replayed = await bulk(USERS.alice, {
      ...request,
      fieldIds: ['labels'],
      nextPageToken: at(first.body, 'nextPageToken'),
    });
    expect(replayed).toMatchObject({
      status: 400,
      body: { errorMessages: ['The provided next page token is invalid or expired.'] },
    });
  });

  it('caps a page at the simulator limit, whatever maxResults asks', async () => {
    sim.limits.maxChangelogEntries = 10;
    try {
      const res = await bulk(USERS.alice, { issueIdsOrKeys: ['ISMS-20'], maxResults: 10000 });
      expect(summary(res.body)[0]?.[1]).toHaveLength(10);
      expect(typeof at(res.body, 'nextPageToken')).toBe('string');
    } finally {
      sim.limits.maxChangelogEntries = 1000;
    }
  });

  it.each<[string, unknown, Record<string, string>]>([
    [
      'no issues',
      { issueIdsOrKeys: [] },
      { issueIdsOrKeys: 'issueIdsOrKeys must name between 1 and 1000 issues; it names 0.' },
    ],
    [
      '1001 issues',
      { issueIdsOrKeys: Array.from({ length: 1001 }, (_, i) => `ISMS-${i + 1}`) },
      { issueIdsOrKeys: 'issueIdsOrKeys must name between 1 and 1000 issues; it names 1001.' },
    ],
    ['issueIdsOrKeys missing', { fieldIds: ['status'] }, { issueIdsOrKeys: 'Required.' }],
    [
      '11 field ids',
      { issueIdsOrKeys: ['ISMS-1'], fieldIds: Array.from({ length: 11 }, (_, i) => `customfield_${10000 + i}`) },
      { fieldIds: 'fieldIds may name at most 10 fields; it names 11.' },
    ],
    [
      'a field id twice',
      { issueIdsOrKeys: ['ISMS-1'], fieldIds: ['status', 'status'] },
      { fieldIds: 'fieldIds must not name a field twice.' },
    ],
    [
      'maxResults 0',
      { issueIdsOrKeys: ['ISMS-1'], maxResults: 0 },
      { maxResults: "The maxResults value '0' is not valid: it must be between 1 and 10000." },
    ],
    [
      'maxResults 10001',
      { issueIdsOrKeys: ['ISMS-1'], maxResults: 10001 },
      { maxResults: "The maxResults value '10001' is not valid: it must be between 1 and 10000." },
    ],
    [
      'maxResults not whole',
      { issueIdsOrKeys: ['ISMS-1'], maxResults: 2.5 },
      { maxResults: 'The value of "maxResults" has the wrong type.' },
    ],
    ['an unknown property', { issueIdsOrKeys: ['ISMS-1'], expand: 'x' }, { expand: 'Unrecognized field "expand".' }],
    [
      'ids that are not strings',
      { issueIdsOrKeys: [10000001] },
      { issueIdsOrKeys: 'The value of "issueIdsOrKeys" has the wrong type.' },
    ],
  ])('400 for %s, in the ErrorCollection shape', async (_label, body, errors) => {
    const res = await bulk(USERS.alice, body);
    expect(res.status).toBe(400);
    expect(at(res.body, 'errors')).toStrictEqual(errors);
    expect(at(res.body, 'errorMessages')).toHaveLength(1);
  });

  it('is a POST only, and 401 without a known caller', async () => {
    expect((await call(sim.url, USERS.alice, BULK)).status).toBe(405);
    expect((await bulk('acc-nobody', { issueIdsOrKeys: ['ISMS-1'] })).status).toBe(401);
  });
});

describe('expand=changelog', () => {
  const SEARCH = '/rest/api/3/search/jql';

  it('adds the changelog to issue GET, newest first, with date-time created', async () => {
    const res = await call(
      sim.url,
      USERS.alice,
      '/rest/api/3/issue/ISMS-1' + qs({ fields: 'summary', expand: 'changelog' }),
    );
    const changelog = at(res.body, 'changelog');
    expect(changelog).toMatchObject({ startAt: 0, maxResults: 5, total: 5 });
    const histories = at(changelog, 'histories');
    if (!Array.isArray(histories)) throw new Error('no histories');
    expect(histories.map((h: unknown) => [at(h, 'id'), at(h, 'created')])).toStrictEqual([
      ['10002', '2025-03-01T09:00:00.000+0000'],
      ['10005', '2025-01-06T10:00:00.000+0000'],
      ['10003', '2025-01-05T10:00:00.000+0100'],
      ['10004', '2025-01-04T10:00:00.000+0000'],
      ['10001', '2025-01-02T10:00:00.000+0000'],
    ]);
    // Every item, not only some fields.
    expect(at(histories[4], 'items')).toHaveLength(2);
    expect(at(histories[1], 'author')).toBeUndefined();
  });

  it('sends no changelog unless asked', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-1' + qs({ fields: 'summary' }));
    expect(res.body).not.toHaveProperty('changelog');
  });

  it('on search, GET and POST, sends only the most recent entries up to the cap, with the full total', async () => {
    const get = await call(
      sim.url,
      USERS.alice,
      SEARCH + qs({ jql: 'project = ISMS AND key = ISMS-20', fields: 'summary', expand: 'renderedFields,changelog' }),
    );
    const post = await call(sim.url, USERS.alice, SEARCH, {
      json: { jql: 'project = ISMS AND key = ISMS-20', fields: ['summary'], expand: 'changelog' },
    });
    for (const res of [get, post]) {
      const changelog = at(res.body, 'issues', 0, 'changelog');
      expect(changelog).toMatchObject({ startAt: 0, maxResults: 10, total: 25 });
      expect(at(changelog, 'histories', 0, 'created')).toBe('2025-06-25T09:00:00.000Z');
    }
  });

  it('makes an id-only search page a page with fields: the smaller cap applies', async () => {
    sim.limits.maxResultsWithFields = 2;
    try {
      const res = await call(sim.url, USERS.alice, SEARCH, {
        json: { jql: 'project = ISMS', fields: ['id'], expand: 'changelog', maxResults: 50 },
      });
      expect(at(res.body, 'issues')).toHaveLength(2);
      expect(at(res.body, 'issues', 0, 'changelog', 'total')).toEqual(expect.any(Number));
    } finally {
      sim.limits.maxResultsWithFields = 100;
    }
  });
});
