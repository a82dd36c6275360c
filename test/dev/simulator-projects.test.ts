/** GET /rest/api/3/project/search: the projects the caller browses, filtered, ordered and paged as Jira does. */
import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { siteProject } from '../../dev/simulator/site-builders';
import { fixtureSite, USERS } from './support/fixture-site';
import { at, call, qs } from './support/sim-client';

const SEARCH = '/rest/api/3/project/search';

/** Alice alone browses HR, and the app may not; ZETA's name sorts first though its key sorts last. */
const HR = siteProject('HR', '10010', { name: 'Human Resources', browsers: [USERS.alice], appCanBrowse: false });
const ZETA = siteProject('ZETA', '10011', { name: 'alpha team', browsers: [USERS.alice, USERS.bob] });

let sim: JiraSimulator;

beforeAll(async () => {
  const site = fixtureSite();
  sim = await startJiraSimulator({ ...site, projects: [...site.projects, HR, ZETA] });
});

afterAll(async () => {
  await sim.stop();
});

const search = (who: string, params: Record<string, string | number | string[]> = {}) =>
  call(sim.url, who, SEARCH + (Object.keys(params).length > 0 ? qs(params) : ''));

/** The keys of the page's projects, in order. */
async function keys(who: string, params: Record<string, string | number | string[]> = {}): Promise<unknown[]> {
  const res = await search(who, params);
  expect(res.status).toBe(200);
  const values = at(res.body, 'values');
  return Array.isArray(values) ? values.map((p: unknown) => at(p, 'key')) : [];
}

describe('keys: the projects named, of those the caller browses', () => {
  test('each key once, in key order; one the caller cannot browse, or that does not exist, is simply absent', async () => {
    expect(await keys(USERS.alice, { keys: ['ZETA', 'HR', 'NOPE'] })).toStrictEqual(['HR', 'ZETA']);
    expect(await keys(USERS.bob, { keys: ['HR', 'ISMS'] })).toStrictEqual(['ISMS']);
    expect(await keys(USERS.outsider, { keys: ['HR', 'ISMS'] })).toStrictEqual([]);
  });

  test('a key is matched as written, like a key in GET /project/{key}', async () => {
    expect(await keys(USERS.alice, { keys: ['isms'] })).toStrictEqual([]);
  });

  test('with query and paging: the next page keeps the keys', async () => {
    const res = await search(USERS.alice, { keys: ['HR', 'INT', 'ISMS'], maxResults: 1 });
    const next = at(res.body, 'nextPage');
    expect(typeof next === 'string' ? new URL(next).searchParams.getAll('keys') : []).toStrictEqual([
      'HR',
      'INT',
      'ISMS',
    ]);
    expect(await keys(USERS.alice, { keys: ['HR', 'ISMS'], query: 'human' })).toStrictEqual(['HR']);
  });

  test('more than the 50 keys the document allows is a 400', async () => {
    const res = await search(USERS.alice, { keys: Array.from({ length: 51 }, (_, i) => `K${i}`) });
    expect(res.status).toBe(400);
  });
});

describe('who sees which projects', () => {
  test.each([
    ['a browser of some projects', USERS.alice, ['HR', 'INT', 'ISMS', 'OPS', 'ZETA']],
    ['a browser of fewer', USERS.bob, ['INT', 'ISMS', 'OPS', 'ZETA']],
    ['a project admin, who browses the project they administer', USERS.padmin, ['INT', 'ISMS', 'OPS']],
    ['an outsider, who browses only the open project', USERS.outsider, ['INT']],
    ['a Jira admin, who browses every project', USERS.admin, ['HR', 'INT', 'ISMS', 'OPS', 'ZETA']],
    ['the app, in the projects with appCanBrowse', 'app', ['INT', 'ISMS', 'OPS', 'ZETA']],
  ])('%s', async (_label, who, expected) => {
    expect(await keys(who)).toStrictEqual(expected);
  });

  test('an inactive or unknown user is a 401', async () => {
    expect((await search(USERS.inactive)).status).toBe(401);
    expect((await search('acc-nobody')).status).toBe(401);
  });

  test('each project is exactly what GET project sends the same caller', async () => {
    const res = await search(USERS.alice);
    const values = at(res.body, 'values');
    expect(Array.isArray(values) && values.length).toBe(5);
    for (const project of Array.isArray(values) ? values : []) {
      const single = await call(sim.url, USERS.alice, `/rest/api/3/project/${String(at(project, 'key'))}`);
      expect(project).toStrictEqual(single.body);
    }
    expect(values).toContainEqual(
      expect.objectContaining({
        id: '10000',
        key: 'ISMS',
        name: 'Information Security',
        self: `${sim.url}/rest/api/3/project/10000`,
        lead: expect.objectContaining({ accountId: USERS.padmin }),
      }),
    );
  });

  test('the page says what it holds', async () => {
    const res = await search(USERS.bob);
    expect(res.body).toStrictEqual({
      self: `${sim.url}${SEARCH}?orderBy=key&maxResults=50&startAt=0`,
      maxResults: 50,
      startAt: 0,
      total: 4,
      isLast: true,
      values: expect.any(Array),
    });
  });
});

describe('query', () => {
  test.each([
    ['part of a key', 'ism', ['ISMS']],
    ['a key in another case', 'ops', ['OPS']],
    ['part of a name', 'resour', ['HR']],
    ['a name in another case', 'ALPHA TEAM', ['ZETA']],
    ['a key of one project and the name of another', 'in', ['INT', 'ISMS']],
    ['nothing: an empty page', 'zzz', []],
    ['empty: every project', '', ['HR', 'INT', 'ISMS', 'OPS', 'ZETA']],
  ])('%s', async (_label, query, expected) => {
    expect(await keys(USERS.alice, { query })).toStrictEqual(expected);
  });

  test('never finds a project the caller cannot browse', async () => {
    expect(await keys(USERS.bob, { query: 'HR' })).toStrictEqual([]);
    expect(await keys('app', { query: 'human' })).toStrictEqual([]);
    const empty = await search(USERS.bob, { query: 'HR' });
    expect(empty.body).toMatchObject({ total: 0, isLast: true, values: [] });
  });

  test('counts the matches in total, and carries the query in its links', async () => {
    const res = await search(USERS.alice, { query: 'in', maxResults: 1 });
    expect(res.body).toMatchObject({
      total: 2,
      isLast: false,
      self: `${sim.url}${SEARCH}?query=in&orderBy=key&maxResults=1&startAt=0`,
      nextPage: `${sim.url}${SEARCH}?query=in&orderBy=key&maxResults=1&startAt=1`,
    });
  });
});

describe('orderBy', () => {
  test.each([
    ['key by default', {}, ['HR', 'INT', 'ISMS', 'OPS', 'ZETA']],
    ['key', { orderBy: 'key' }, ['HR', 'INT', 'ISMS', 'OPS', 'ZETA']],
    ['+key', { orderBy: '+key' }, ['HR', 'INT', 'ISMS', 'OPS', 'ZETA']],
    ['-key', { orderBy: '-key' }, ['ZETA', 'OPS', 'ISMS', 'INT', 'HR']],
    ['name, ignoring case', { orderBy: 'name' }, ['ZETA', 'HR', 'ISMS', 'INT', 'OPS']],
    ['-name', { orderBy: '-name' }, ['OPS', 'INT', 'ISMS', 'HR', 'ZETA']],
  ])('%s', async (_label, params, expected) => {
    expect(await keys(USERS.alice, params)).toStrictEqual(expected);
  });
});

describe('paging', () => {
  test('pages of maxResults follow nextPage to the last, each project once', async () => {
    const seen: unknown[] = [];
    let path: string | undefined = SEARCH + qs({ maxResults: 2, orderBy: 'name' });
    const pages: unknown[] = [];
    while (path !== undefined) {
      const res = await call(sim.url, USERS.alice, path);
      expect(res.status).toBe(200);
      pages.push({ startAt: at(res.body, 'startAt'), isLast: at(res.body, 'isLast'), total: at(res.body, 'total') });
      const values = at(res.body, 'values');
      for (const p of Array.isArray(values) ? values : []) seen.push(at(p, 'key'));
      const next = at(res.body, 'nextPage');
      path = typeof next === 'string' ? next.slice(sim.url.length) : undefined;
    }
    expect(pages).toStrictEqual([
      { startAt: 0, isLast: false, total: 5 },
      { startAt: 2, isLast: false, total: 5 },
      { startAt: 4, isLast: true, total: 5 },
    ]);
    expect(seen).toStrictEqual(['ZETA', 'HR', 'ISMS', 'INT', 'OPS']);
  });

  test('startAt picks up anywhere; past the end is an empty last page', async () => {
    expect(await keys(USERS.alice, { startAt: 3 })).toStrictEqual(['OPS', 'ZETA']);
    const past = await search(USERS.alice, { startAt: 9 });
    expect(past.body).toMatchObject({ startAt: 9, total: 5, isLast: true, values: [] });
    expect(past.body).not.toHaveProperty('nextPage');
  });

  test('maxResults over 100 is 100, as the document says', async () => {
    expect(at((await search(USERS.alice, { maxResults: 500 })).body, 'maxResults')).toBe(100);
    expect(at((await search(USERS.alice, { maxResults: 100 })).body, 'maxResults')).toBe(100);
  });

  test('expand is accepted and changes nothing; action view and browse agree', async () => {
    const plain = await search(USERS.bob);
    expect((await search(USERS.bob, { expand: 'description,lead' })).body).toStrictEqual(plain.body);
    expect(await keys(USERS.bob, { action: 'browse' })).toStrictEqual(await keys(USERS.bob, { action: 'view' }));
  });
});

describe('bad parameters are a 400 with the error collection', () => {
  test.each([
    [
      'maxResults 0',
      { maxResults: 0 },
      "The maxResults value '0' is not valid: it must be a whole number of at least 1.",
    ],
    ['maxResults not a number', { maxResults: 'ten' }, "The maxResults value 'ten' is not valid"],
    [
      'a negative startAt',
      { startAt: -1 },
      "The startAt value '-1' is not valid: it must be a whole number of at least 0.",
    ],
    ['a startAt that is not whole', { startAt: '1.5' }, "The startAt value '1.5' is not valid"],
    ['an orderBy Jira does not know', { orderBy: 'colour' }, "The orderBy value 'colour' is not valid."],
    ['an orderBy the simulator does not model', { orderBy: '-owner' }, "does not model the orderBy value '-owner'"],
    ['a filter the simulator does not model', { typeKey: 'software' }, 'does not model the typeKey parameter'],
    ['an action the simulator does not model', { action: 'edit' }, "does not model the action 'edit'"],
  ])('%s', async (_label, params, message) => {
    const res = await search(USERS.alice, params);
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({ errorMessages: [expect.stringContaining(message)], errors: {} });
  });

  test('POST is a 405', async () => {
    const res = await call(sim.url, USERS.alice, SEARCH, { json: {} });
    expect(res.status).toBe(405);
  });
});
