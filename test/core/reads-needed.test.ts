/**
 * The planner of spec 8's reads: what the edge reads beyond the search, decided without grading.
 * Its remote-link set is held to the one the report itself gives (issues whose document check
 * fails when graded without links), on the demo company and on random issues, over several days.
 */
import { buildDemoSite } from '../../dev/demo/demo-site';
import { demoSettings } from '../../dev/demo/demo-settings';
import { defaultConfig } from '../../src/core/config';
import { addDaysTo } from '../../src/core/dates';
import { linksNeeded, peopleToLookUp, readsNeeded } from '../../src/core/reads-needed';
import { buildReport } from '../../src/core/report';
import { REQUIREMENT_MODES, type RequirementMode } from '../../src/core/requirements';
import type { ChangeEntry, JiraUser } from '../../src/core/substance-types';
import type { CategoryId, CoverageConfig, Day, EvidenceIssue } from '../../src/core/types';
import { toEvidenceIssue } from '../../src/jira/transform';
import { aConfig, anIssue, label } from '../support/builders';

const AS_OF = '2026-11-28';
const DONE_ID = '10001';
const CEO: JiraUser = { accountId: 'acc-ceo', displayName: 'Dana Chief', isApp: false };
const CISO: JiraUser = { accountId: 'acc-ciso', displayName: 'Priya Natarajan', isApp: false };
const LEAD: JiraUser = { accountId: 'acc-lead', displayName: 'Sam Rivera', isApp: false };
const BOARD = { topManagement: { groups: ['board'], accountIds: [] } };

/** The keys the report names with a failed document check, graded without any remote links. */
function linkKeysByGrading(issues: EvidenceIssue[], config: CoverageConfig, asOf: Day): string[] {
  const withoutLinks = issues.map(({ remoteLinks: _links, ...rest }) => rest);
  const report = buildReport('', withoutLinks, config, asOf);
  const keys = report.categories.flatMap((c) =>
    c.evidence.filter((e) => e.failedChecks?.some((f) => f.id === 'document-attached')).map((e) => e.key),
  );
  return [...new Set(keys)].sort();
}

const planned = (issues: EvidenceIssue[], config: CoverageConfig, asOf: Day): string[] =>
  [...linksNeeded(issues, config, asOf)].sort();

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const chance = (p: number): boolean => next() < p;
  const day = (from: Day, span: number): Day => addDaysTo(from, Math.floor(next() * span));
  return { next, pick, chance, day };
}

const CATEGORY_IDS = Object.keys(defaultConfig().categories) as CategoryId[];

function randomConfig(r: ReturnType<typeof random>): CoverageConfig {
  const config = defaultConfig();
  config.effectiveDateField = r.chance(0.3) ? 'customfield_10050' : null;
  if (r.chance(0.5)) config.topManagement = { groups: ['board'], accountIds: r.chance(0.5) ? [CEO.accountId] : [] };
  for (const id of CATEGORY_IDS) {
    const category = config.categories[id];
    category.windowDays = r.pick([30, 90, 365, 400]);
    if (r.chance(0.1)) {
      category.enabled = false;
      category.disabledReason = 'Not used here.';
    }
    for (const requirement of Object.keys(category.requirements) as (keyof typeof category.requirements)[])
      category.requirements[requirement] = r.pick(REQUIREMENT_MODES);
  }
  return config;
}

function randomIssue(r: ReturnType<typeof random>, config: CoverageConfig, n: number): EvidenceIssue {
  const labels = CATEGORY_IDS.filter(() => r.chance(0.15)).map((id) => label(id));
  if (labels.length === 0) labels.push(label(r.pick(CATEGORY_IDS)));
  if (r.chance(0.5)) labels.push(config.approvalLabel);
  const done = r.chance(0.7);
  const created = r.chance(0.9) ? r.day('2025-01-01', 700) : undefined;
  const resolved = done && r.chance(0.7) ? r.day('2025-01-01', 700) : undefined;
  const issue = anIssue({
    key: `RND-${n}`,
    id: String(n),
    labels,
    done,
    created,
    updated: r.chance(0.8) ? r.day('2025-01-01', 700) : undefined,
    statusCategoryChangeDate: r.chance(0.3) ? r.day('2025-01-01', 700) : undefined,
    customDates: r.chance(0.3) ? { customfield_10050: r.day('2025-01-01', 700) } : {},
    attachmentCount: r.pick([0, 0, 1, undefined]),
    assignee: r.chance(0.5) ? { ...r.pick([CEO, CISO, LEAD]), active: true } : null,
    statusId: DONE_ID,
  });
  if (resolved) issue.resolutionDate = resolved;
  if (r.chance(0.3)) issue.remoteLinks = r.chance(0.5) ? [{ url: 'https://docs.example.com/minutes' }] : [];
  if (r.chance(0.3)) issue.approverFieldUsers = r.chance(0.7) ? [r.pick([CEO, CISO, LEAD])] : [];
  if (r.chance(0.3)) issue.attendeeFieldUsers = [r.pick([CEO, CISO, LEAD])];
  if (r.chance(0.3)) issue.reporter = r.pick([CEO, CISO, LEAD]);
  return issue;
}

/** What a bulk read of the history could give the issue: who moved it to done, who added the label. */
function historyOf(r: ReturnType<typeof random>, issue: EvidenceIssue, config: CoverageConfig): ChangeEntry[] {
  const at = `${issue.resolutionDate ?? '2026-01-01'}T10:00:00.000Z`;
  const entries: ChangeEntry[] = [];
  if (r.chance(0.8)) entries.push({ author: r.pick([CEO, CISO, LEAD]), at, items: [{ field: 'status', to: DONE_ID }] });
  if (r.chance(0.5))
    entries.push({
      author: r.pick([CEO, CISO, LEAD, null]),
      at,
      items: [{ field: 'labels', fromText: '', toText: config.approvalLabel }],
    });
  return entries;
}

const DAYS: Day[] = ['2025-06-01', '2026-02-14', AS_OF, '2027-05-30'];

describe('which remote links are read: the current issues whose document check cannot pass without them', () => {
  test.each(DAYS)(
    'the demo company, as-of %s, with its settings and with the defaults: the same keys as grading',
    (day) => {
      const site = buildDemoSite(AS_OF);
      for (const config of [demoSettings(), defaultConfig()]) {
        const issues = site.issues.map((raw) => toEvidenceIssue(raw, config));
        expect(planned(issues, config, day)).toEqual(linkKeysByGrading(issues, config, day));
      }
    },
  );

  test('the demo company as it ships: last quarter’s review, never a policy with its PDF attached', () => {
    const config = demoSettings();
    const issues = buildDemoSite(AS_OF).issues.map((raw) => toEvidenceIssue(raw, config));
    const keys = planned(issues, config, AS_OF);
    expect(keys).toContain('ISMS-20');
    expect(keys).not.toContain('ISMS-9');
    expect(keys).not.toContain('ISMS-16');
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'random issues and settings (seed %i), on several days: the same keys as grading',
    (seed) => {
      const r = random(seed);
      let found = 0;
      for (let round = 0; round < 5; round += 1) {
        const config = randomConfig(r);
        const issues = Array.from({ length: 120 }, (_, n) => randomIssue(r, config, n));
        for (const day of DAYS) {
          const keys = planned(issues, config, day);
          expect(keys).toEqual(linkKeysByGrading(issues, config, day));
          found += keys.length;
        }
      }
      // Not an empty comparison: some issues of each seed need their links.
      expect(found).toBeGreaterThan(0);
    },
  );

  test('no category asks for a document: no link is read', () => {
    const config = aConfig({
      'security-policy': { requirements: { 'approved-by-top-management': 'required', 'document-attached': 'off' } },
      'management-review': {
        requirements: {
          'top-management-took-part': 'required',
          'document-attached': 'off',
          'decisions-recorded': 'off',
        },
      },
    });
    const issue = anIssue({ labels: [label('security-policy')], resolved: '2026-11-01', attachmentCount: 0 });
    expect(readsNeeded([issue], config, AS_OF).linkKeys.size).toBe(0);
  });

  test.each([
    { name: 'no attachment, current', overrides: { attachmentCount: 0 }, read: true },
    { name: 'an attachment', overrides: { attachmentCount: 1 }, read: false },
    { name: 'stored links but no attachment', overrides: { attachmentCount: 0, remoteLinks: [] }, read: true },
    {
      name: 'no attachment, out of the window',
      overrides: { attachmentCount: 0, resolved: '2024-01-01' },
      read: false,
    },
    { name: 'no attachment, not done', overrides: { attachmentCount: 0, done: false }, read: false },
    {
      name: 'no attachment, created after as-of',
      overrides: { attachmentCount: 0, created: '2026-12-01' },
      read: false,
    },
  ])('a policy with $name: its links read $read', ({ overrides, read }) => {
    const issue = anIssue({ labels: [label('security-policy')], resolved: '2026-11-01', ...overrides });
    expect(readsNeeded([issue], defaultConfig(), AS_OF).linkKeys.has(issue.key)).toBe(read);
  });
});

describe('whose history is read, and whose groups', () => {
  const policy = (overrides: Partial<EvidenceIssue> = {}) =>
    anIssue({ id: '7', labels: [label('security-policy')], resolved: '2026-11-01', ...overrides });

  /** Only the top-management checks ask for the history: spec 12's requirement is off (it has its own tests). */
  const withoutVersionCheck = (top: Partial<CoverageConfig>): CoverageConfig => {
    const config = aConfig({}, top);
    for (const id of CATEGORY_IDS) {
      const { requirements } = config.categories[id];
      if (requirements['approval-covers-current-version']) requirements['approval-covers-current-version'] = 'off';
    }
    return config;
  };

  test.each([
    { name: 'top management named, nobody in the approver field', top: BOARD, overrides: {}, ids: ['7'] },
    { name: 'top management not named', top: {}, overrides: {}, ids: [] },
    { name: 'the approver field naming someone', top: BOARD, overrides: { approverFieldUsers: [CEO] }, ids: [] },
    { name: 'its history already read', top: BOARD, overrides: { changelog: [] }, ids: [] },
    { name: 'not done', top: BOARD, overrides: { done: false }, ids: [] },
    { name: 'no id to ask by', top: BOARD, overrides: { id: undefined }, ids: [] },
  ])('a policy, $name: history read for $ids', ({ top, overrides, ids }) => {
    expect(readsNeeded([policy(overrides)], withoutVersionCheck(top), AS_OF).changelogIds).toEqual(ids);
  });

  /** The config with spec 12's requirement in `mode` for the policy (its default is advisory). */
  const versionChecked = (mode: RequirementMode, top: Partial<CoverageConfig> = {}) => {
    const config = aConfig({}, top);
    config.categories['security-policy'].requirements['approval-covers-current-version'] = mode;
    return config;
  };

  // Spec 12: the approval's time and what changed after it are in the history, whoever approved.
  test.each<{ name: string; mode: RequirementMode; overrides: Partial<EvidenceIssue>; ids: string[] }>([
    { name: 'advisory (the default), top management not named', mode: 'advisory', overrides: {}, ids: ['7'] },
    { name: 'required', mode: 'required', overrides: {}, ids: ['7'] },
    {
      name: 'advisory, the approver field naming someone',
      mode: 'advisory',
      overrides: { approverFieldUsers: [CEO] },
      ids: ['7'],
    },
    { name: 'off, the approver field naming someone', mode: 'off', overrides: { approverFieldUsers: [CEO] }, ids: [] },
    { name: 'off, top management not named', mode: 'off', overrides: {}, ids: [] },
    { name: 'advisory, not done (never graded yet)', mode: 'advisory', overrides: { done: false }, ids: [] },
    { name: 'advisory, its history already read', mode: 'advisory', overrides: { changelog: [] }, ids: [] },
    { name: 'advisory, no id to ask by', mode: 'advisory', overrides: { id: undefined }, ids: [] },
  ] as const)(
    'whether the approval covers the current version, $name: history read for $ids',
    ({ mode, overrides, ids }) => {
      expect(readsNeeded([policy(overrides)], versionChecked(mode), AS_OF).changelogIds).toEqual(ids);
    },
  );

  test('the version check asked of a category the issue is not evidence of, or a disabled one: no history', () => {
    const config = versionChecked('advisory');
    const workshop = anIssue({ id: '9', labels: [label('workshop-outcome')], resolved: '2026-11-01' });
    expect(readsNeeded([workshop], config, AS_OF).changelogIds).toEqual([]);
    config.categories['security-policy'] = {
      ...config.categories['security-policy'],
      enabled: false,
      disabledReason: 'Not used here.',
    };
    expect(readsNeeded([policy()], config, AS_OF).changelogIds).toEqual([]);
  });

  test('budget approvals ask it by default; a corrective action only when the admin turns it on', () => {
    const budget = anIssue({ id: '10', labels: [label('resources')], resolved: '2026-11-01' });
    const config = aConfig();
    const action = anIssue({ id: '11', labels: [label('corrective-action'), config.approvalLabel], done: false });
    expect(readsNeeded([budget, action], config, AS_OF).changelogIds).toEqual(['10']);
    config.categories['corrective-action'].requirements['approval-covers-current-version'] = 'advisory';
    expect(readsNeeded([budget, action], config, AS_OF).changelogIds).toEqual(['10', '11']);
  });

  test('a corrective action: its history is read once it carries the approval label, done or not', () => {
    const config = aConfig({}, BOARD);
    const action = (labels: string[]) => anIssue({ id: '8', labels, done: false });
    expect(
      readsNeeded([action([label('corrective-action'), config.approvalLabel])], config, AS_OF).changelogIds,
    ).toEqual(['8']);
    expect(readsNeeded([action([label('corrective-action')])], config, AS_OF).changelogIds).toEqual([]);
  });

  test('people: those the fields name and those the history names, each once, never a person named by account id', () => {
    const config = aConfig({}, { topManagement: { groups: ['board'], accountIds: [CEO.accountId] } });
    const signed = policy({
      changelog: [{ author: CISO, at: '2026-11-01T10:00:00.000Z', items: [{ field: 'status', to: DONE_ID }] }],
      statusId: DONE_ID,
    });
    const workshop = anIssue({ labels: [label('workshop-outcome')], attendeeFieldUsers: [CEO, LEAD, CISO] });
    expect(peopleToLookUp([signed, workshop], config)).toEqual([CISO.accountId, LEAD.accountId]);
    expect(
      peopleToLookUp([signed, workshop], aConfig({}, { topManagement: { groups: [], accountIds: ['x'] } })),
    ).toEqual([]);
  });

  test.each([11, 12, 13, 14])(
    'random issues (seed %i): whoever the fields name before the history is read is among those named after',
    (seed) => {
      const r = random(seed);
      for (let round = 0; round < 5; round += 1) {
        const config = { ...randomConfig(r), topManagement: { groups: ['board'], accountIds: [] } };
        const before = Array.from({ length: 120 }, (_, n) => randomIssue(r, config, n));
        const wanted = new Set(readsNeeded(before, config, AS_OF).changelogIds);
        const after = before.map((issue) =>
          issue.id !== undefined && wanted.has(issue.id) && r.chance(0.9)
            ? { ...issue, changelog: historyOf(r, issue, config) }
            : issue,
        );
        const all = new Set(peopleToLookUp(after, config));
        expect(peopleToLookUp(before, config).filter((person) => !all.has(person))).toEqual([]);
      }
    },
  );
});
