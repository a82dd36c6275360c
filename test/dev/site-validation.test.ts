import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSite, SiteValidationError, validateSite } from '../../dev/simulator/site';
import { fixtureSite } from './support/fixture-site';

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
