import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSite, SiteValidationError, validateSite } from '../../dev/simulator/site';
import { fixtureSite } from './support/fixture-site';
import { APPROVER, ATTENDEES, PEOPLE, substanceSite } from './support/substance-site';

function problemsOf(input: unknown): readonly string[] {
  try {
    validateSite(input);
  } catch (error) {
    if (error instanceof SiteValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the site to be rejected');
}

describe('site validation', () => {
  it('accepts the fixture site and fills defaults', () => {
    const site = validateSite(fixtureSite());
    expect(site.issues).toHaveLength(fixtureSite().issues.length);
    expect(site.projects.every((p) => p.appCanBrowse === true)).toBe(true);
  });

  it('accepts issues given as a Jira search response', () => {
    const site = fixtureSite();
    const fromSearch = validateSite({ ...site, issues: { issues: site.issues, isLast: true } });
    expect(fromSearch.issues.map((i) => i.key)).toStrictEqual(site.issues.map((i) => i.key));
  });

  it('names every broken path and cross reference', () => {
    const site = fixtureSite();
    const [first, second, ...rest] = site.issues;
    if (!first || !second) throw new Error('fixture needs issues');
    const broken = {
      ...site,
      users: [...site.users, { accountId: 'acc-alice', displayName: 'Twin' }],
      projects: [...site.projects, { id: '10009', key: 'lower', name: 'Bad key', browsers: ['acc-ghost'] }],
      issues: [
        { ...first, fields: { ...first.fields, project: { id: '99999', key: 'NOPE', name: 'x' } } },
        {
          ...second,
          fields: {
            ...second.fields,
            labels: ['has space'],
            created: 'yesterday',
            security: { id: '1', name: 'x' },
            customfield_999: 1,
          },
        },
        ...rest,
      ],
    };
    const problems = problemsOf(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        "site.users[6]: duplicate accountId 'acc-alice'",
        expect.stringMatching(/^site\.projects\[3\]\.key: 'lower' does not match/),
        "site.projects[3].browsers[0]: unknown user 'acc-ghost' (not in users)",
        "site.issues[0].fields.project.id: unknown project id '99999'",
        "site.issues[1].fields.labels[0]: Jira labels cannot contain spaces: 'has space'",
        "site.issues[1].fields.created: expected a Jira date-time string, got 'yesterday'",
        "site.issues[1].fields.security.id: unknown security level '1'",
        'site.issues[1].fields.customfield_999: custom field is not declared in site.fields',
      ]),
    );
  });

  it('rejects an issue key that does not belong to its project', () => {
    const site = fixtureSite();
    const [first] = site.issues;
    if (!first) throw new Error('fixture needs issues');
    expect(problemsOf({ ...site, issues: [{ ...first, key: 'OPS-99' }] })).toContain(
      "site.issues[0].key: 'OPS-99' is not a key of project 'ISMS'",
    );
  });

  it('rejects things that are not sites at all', () => {
    expect(problemsOf([])).toStrictEqual(['site: expected an object, got an array']);
    expect(problemsOf({})).toEqual(expect.arrayContaining(['site.users: expected an array, got nothing']));
  });
});

describe('loadSite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sim-site-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a valid file', () => {
    const path = join(dir, 'site.json');
    writeFileSync(path, JSON.stringify(fixtureSite()));
    expect(loadSite(path).projects.map((p) => p.key)).toStrictEqual(['ISMS', 'OPS', 'INT']);
  });

  it('names the file when it is not JSON', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "users": [');
    expect(() => loadSite(path)).toThrow(new SiteValidationError(path, ['file is not valid JSON']));
  });

  it('names the file when it is missing', () => {
    expect(() => loadSite(join(dir, 'missing.json'))).toThrow(/Cannot read Jira simulator site file .*missing\.json/);
  });
});

describe('site validation: what spec section 8 reads', () => {
  it('accepts groups, histories, remote links and the substance fields, and keeps old sites valid', () => {
    const site = validateSite(substanceSite());
    expect(site.groups?.map((g) => g.name)).toStrictEqual(['board', 'Staff', 'board-advisors']);
    expect(site.issueLinking).toBe(true);
    expect(site.users.find((u) => u.accountId === PEOPLE.bot)).toMatchObject({
      accountType: 'app',
      browseUsersAndGroups: true,
    });
    const old = validateSite(fixtureSite());
    expect(old.groups).toStrictEqual([]);
    expect(old.users.every((u) => u.accountType === 'atlassian' && u.browseUsersAndGroups)).toBe(true);
  });

  it('numbers histories and remote links that have no id after the highest given, and refuses duplicates', () => {
    const site = validateSite(substanceSite());
    const ids = site.issues.flatMap((i) => (i.histories ?? []).map((h) => h.id));
    expect(ids.slice(0, 3)).toStrictEqual(['10001', '10002', '10003']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(site.issues.find((i) => i.key === 'ISMS-3')?.remoteLinks?.[0]?.id).toBe(20003);
    const base = substanceSite();
    const twice = base.issues.map((i) =>
      i.key === 'ISMS-3'
        ? {
            ...i,
            histories: (i.histories ?? []).map((h) => ({ ...h, id: '777' })),
            remoteLinks: [{ id: 20001, object: { url: 'u', title: 't' } }],
          }
        : i.key === 'OPS-1'
          ? { ...i, histories: (i.histories ?? []).map((h) => ({ ...h, id: '777' })) }
          : i,
    );
    expect(problemsOf({ ...base, issues: twice })).toStrictEqual([
      'site.issues[2].remoteLinks[0].id: duplicate remote link id 20001',
      "site.issues[4].histories[0].id: duplicate history id '777'",
    ]);
  });

  it('names every broken group, history, remote link and substance field', () => {
    const site = substanceSite();
    const broken = {
      ...site,
      issueLinking: 'yes',
      users: [...site.users, { accountId: 'acc-x', displayName: 'X', accountType: 'robot', browseUsersAndGroups: 1 }],
      groups: [...(site.groups ?? []), { groupId: 'g-1', name: 'BOARD', members: ['acc-ghost'] }, { name: 'nameless' }],
      issues: site.issues.map((issue) =>
        issue.key !== 'ISMS-10'
          ? issue
          : {
              ...issue,
              fields: {
                ...issue.fields,
                description: 'plain text',
                attachment: [{ filename: 'a.pdf' }],
                comment: { comments: 'none', total: -1 },
                issuelinks: [{ type: {}, inwardIssue: { key: 'ISMS-1' }, outwardIssue: { key: 'ISMS-2' } }],
                reporter: { displayName: 'No id' },
                [APPROVER.id]: [{ accountId: 'acc-ceo' }],
                [ATTENDEES.id]: { accountId: 'acc-ceo' },
              },
              histories: [
                { author: 'acc-ghost', created: 'yesterday', items: [] },
                {
                  author: 7,
                  created: '2025-01-01T00:00:00.000+0000',
                  items: [{ field: 'status', toStr: 'Done', to: 3 }],
                },
              ],
              remoteLinks: [
                { id: -1, object: { url: 'https://x' } },
                { object: { url: 'u', title: 't' }, colour: 'red' },
              ],
            },
      ),
    };
    expect(problemsOf(broken)).toEqual(
      expect.arrayContaining([
        "site.users[9].accountType: expected 'atlassian' or 'app', got 'robot'",
        'site.users[9].browseUsersAndGroups: expected true or false, got number',
        "site.groups[3].members[0]: unknown user 'acc-ghost' (not in users)",
        'site.groups[4].groupId: expected a non-empty string, got nothing',
        "site.groups[3]: duplicate group name 'BOARD'",
        "site.issueLinking: expected true or false, got 'yes'",
        expect.stringMatching(
          /^site\.issues\[3\]\.fields\.description: expected an Atlassian Document Format document/,
        ),
        'site.issues[3].fields.attachment[0].id: expected a non-empty string, got nothing',
        "site.issues[3].fields.comment.comments: expected an array, got 'none'",
        'site.issues[3].fields.comment.total: expected a whole number, got number',
        'site.issues[3].fields.issuelinks[0]: expected exactly one of inwardIssue and outwardIssue',
        'site.issues[3].fields.reporter.accountId: expected a non-empty string, got nothing',
        'site.issues[3].fields.customfield_10100: expected a user object, got an array',
        'site.issues[3].fields.customfield_10101: a multi-user picker holds an array, got object',
        "site.issues[3].histories[0].author: unknown user 'acc-ghost' (not in users)",
        "site.issues[3].histories[0].created: expected a Jira date-time string, got 'yesterday'",
        'site.issues[3].histories[0].items: a changelog entry changes at least one field',
        'site.issues[3].histories[1].author: expected an account id or null, got number',
        expect.stringMatching(/^site\.issues\[3\]\.histories\[1\]\.items\[0\]\.toStr: not a changelog item property/),
        'site.issues[3].histories[1].items[0].to: expected a string or null, got number',
        'site.issues[3].remoteLinks[0].id: expected a positive whole number, got number',
        'site.issues[3].remoteLinks[0].object.title: expected a non-empty string, got nothing',
        expect.stringMatching(/^site\.issues\[3\]\.remoteLinks\[1\]\.colour: not a remote link property/),
      ]),
    );
  });
});
