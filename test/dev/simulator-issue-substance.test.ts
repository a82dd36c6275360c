import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { at, call, qs } from './support/sim-client';
import { APPROVER, ATTENDEES, PEOPLE, substanceSite, USERS } from './support/substance-site';

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startJiraSimulator(substanceSite());
});

afterAll(async () => {
  await sim.stop();
});

const links = (as: string, key: string, params: Record<string, string> = {}) =>
  call(sim.url, as, `/rest/api/3/issue/${key}/remotelink` + (Object.keys(params).length > 0 ? qs(params) : ''));

describe('GET /issue/{key}/remotelink', () => {
  it('lists the remote links, oldest first, as RemoteIssueLink objects', async () => {
    const res = await links(USERS.alice, 'ISMS-1');
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual([
      {
        id: 20001,
        self: `${sim.url}/rest/api/3/issue/ISMS-1/remotelink/20001`,
        globalId: 'appId=5e7e9d1c&pageId=1001',
        application: { name: 'System Confluence', type: 'com.atlassian.confluence' },
        relationship: 'Wiki Page',
        object: { url: 'https://example.atlassian.net/wiki/spaces/ISMS/pages/1001', title: 'Policy v4 (signed)' },
      },
      {
        id: 20002,
        self: `${sim.url}/rest/api/3/issue/ISMS-1/remotelink/20002`,
        application: {},
        relationship: 'mentioned on',
        object: { url: 'https://gitlab.example.com/isms/-/merge_requests/42', title: 'Merge request - policy export' },
      },
    ]);
  });

  it('by issue id too; an issue without links has an empty list; links without an id are numbered', async () => {
    expect(at((await links(USERS.alice, '10000001')).body, 'length')).toBe(2);
    expect((await links(USERS.alice, 'ISMS-2')).body).toStrictEqual([]);
    expect(at((await links(USERS.alice, 'ISMS-3')).body, 0, 'id')).toBe(20003);
  });

  it('returns the one link with a globalId, and 404 for a globalId the issue has not', async () => {
    const one = await links(USERS.alice, 'ISMS-1', { globalId: 'appId=5e7e9d1c&pageId=1001' });
    expect(one.body).toMatchObject({ id: 20001, relationship: 'Wiki Page' });
    expect((await links(USERS.alice, 'ISMS-1', { globalId: 'nope' })).status).toBe(404);
  });

  it('404 for an issue the caller cannot see, or that does not exist', async () => {
    for (const [as, key] of [
      [USERS.bob, 'ISMS-3'],
      [USERS.outsider, 'ISMS-1'],
      [USERS.alice, 'ISMS-404'],
    ] as const) {
      const res = await links(as, key);
      expect({ as, key, status: res.status, body: res.body }).toStrictEqual({
        as,
        key,
        status: 404,
        body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
      });
    }
  });

  it('403 while issue linking is switched off on the site', async () => {
    sim.setIssueLinking(false);
    try {
      expect(await links(USERS.alice, 'ISMS-1')).toMatchObject({
        status: 403,
        body: { errorMessages: ['Issue linking is currently deactivated.'], errors: {} },
      });
    } finally {
      sim.setIssueLinking(true);
    }
    expect((await links(USERS.alice, 'ISMS-1')).status).toBe(200);
  });
});

describe('issue fields spec 8 reads', () => {
  const FIELDS = ['attachment', 'comment', 'issuelinks', 'description', 'reporter', APPROVER.id, ATTENDEES.id].join(
    ',',
  );

  it('are sent as stored, user pickers as User and User[]', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-2' + qs({ fields: FIELDS }));
    const fields = at(res.body, 'fields');
    expect(at(fields, APPROVER.id)).toMatchObject({ accountId: PEOPLE.ceo });
    expect(at(fields, ATTENDEES.id)).toMatchObject([{ accountId: PEOPLE.ceo }, { accountId: PEOPLE.cfo }]);
    expect(at(fields, 'comment')).toMatchObject({ total: 2, comments: [{ author: { accountType: 'app' } }, {}] });
    expect(at(fields, 'attachment')).toMatchObject([{ filename: 'policy-v4-signed.pdf' }]);
    expect(at(fields, 'description', 'type')).toBe('doc');
    expect(at(fields, 'reporter', 'accountId')).toBe(USERS.alice);
  });

  it('leave out links to issues the caller cannot see', async () => {
    const linked = async (as: string) => {
      const res = await call(
        sim.url,
        as,
        '/rest/api/3/search/jql' + qs({ jql: 'project = ISMS AND key = ISMS-2', fields: 'issuelinks' }),
      );
      const list = at(res.body, 'issues', 0, 'fields', 'issuelinks');
      if (!Array.isArray(list)) throw new Error('no issuelinks');
      return list.map((l: unknown) => at(l, 'id'));
    };
    expect(await linked(USERS.alice)).toStrictEqual(['50001', '50002']);
    // Bob is not in the Board-only level of ISMS-3.
    expect(await linked(USERS.bob)).toStrictEqual(['50002']);
  });

  it('are empty, in the shape Jira sends, when asked for on an issue without them', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/issue/ISMS-10' + qs({ fields: FIELDS }));
    expect(at(res.body, 'fields')).toStrictEqual({
      attachment: [],
      comment: {
        comments: [],
        self: `${sim.url}/rest/api/3/issue/10000010/comment`,
        maxResults: 0,
        total: 0,
        startAt: 0,
      },
      issuelinks: [],
      description: null,
      reporter: null,
      [APPROVER.id]: null,
      [ATTENDEES.id]: null,
    });
  });

  it('are listed by GET /field, the user pickers with the schema Jira gives them', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/field');
    const fields = Array.isArray(res.body) ? res.body : [];
    const byId = (id: string): unknown => fields.find((f: unknown) => at(f, 'id') === id);
    expect(byId(APPROVER.id)).toMatchObject({
      name: 'Approved by',
      custom: true,
      clauseNames: ['cf[10100]', 'Approved by'],
      schema: { type: 'user', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:userpicker', customId: 10100 },
    });
    expect(byId(ATTENDEES.id)).toMatchObject({
      schema: {
        type: 'array',
        items: 'user',
        custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multiuserpicker',
        customId: 10101,
      },
    });
    expect(byId('attachment')).toMatchObject({ schema: { type: 'array', items: 'attachment', system: 'attachment' } });
    expect(byId('comment')).toMatchObject({ schema: { type: 'comments-page', system: 'comment' } });
    expect(byId('issuelinks')).toMatchObject({ schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' } });
  });
});
