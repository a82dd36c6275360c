import { defaultConfig } from '../../src/core/config';
import { addDaysTo, daysBetween } from '../../src/core/dates';
import { buildReport, categoryResult } from '../../src/core/report';
import { RULES } from '../../src/core/rules';
import { buildTimeline, timelineDays } from '../../src/core/timeline';
import { CATEGORIES, categoryDefinition } from '../../src/core/categories';
import type { TopManagement } from '../../src/core/substance-types';
import type { CategoryId, CoverageConfig, EvidenceIssue } from '../../src/core/types';
import { seededRandom } from '../support/seeded-random';
import {
  activeUser,
  aConfig,
  allMetIssues,
  anIssue,
  inactiveUser,
  label,
  withoutTopManagementChecks,
} from '../support/builders';

const AS_OF = '2026-12-02';
const CEO = { accountId: 'acc-ceo', displayName: 'Chris CEO', isApp: false };
const CISO = { accountId: 'acc-ciso', displayName: 'Sam CISO', isApp: false };
const TOP: TopManagement = { accountIds: [CEO.accountId], groupsNamed: false, inNamedGroup: {} };

/** What spec 9 defines a point as: the engine's own report with as-of D, run once per day. */
function naivePoint(issues: EvidenceIssue[], config: CoverageConfig, day: string, top?: TopManagement) {
  const report = buildReport('ISMS', issues, config, day, { top });
  return { day, coverage: report.coverage, verdict: report.verdict };
}

function randomIssues(seed: number, count: number): EvidenceIssue[] {
  const next = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const dayAround = () => addDaysTo(AS_OF, Math.floor(next() * 900) - 700);
  const config = defaultConfig();
  return Array.from({ length: count }, () => {
    const ids = [pick(CATEGORIES).id, ...(next() < 0.2 ? [pick(CATEGORIES).id] : [])];
    const done = next() < 0.7;
    const created = next() < 0.1 ? undefined : dayAround();
    const resolved = done && next() < 0.9 ? dayAround() : undefined;
    const signer = pick([CEO, CISO, null]);
    return anIssue({
      labels: [...ids.map((id) => label(id, config)), ...(next() < 0.6 ? ['board-approved'] : [])],
      done,
      created,
      updated: next() < 0.9 ? dayAround() : undefined,
      ...(resolved ? { resolved } : {}),
      // Half the due dates fall on a point's day, where "due on the day is not overdue" decides.
      dueDate: next() < 0.5 ? addDaysTo(AS_OF, 7 * (Math.floor(next() * 30) - 15) + (next() < 0.5 ? 0 : 1)) : undefined,
      assignee: pick([activeUser, inactiveUser, null]),
      approverFieldUsers: signer ? [signer] : [],
      attendeeFieldUsers: signer ? [signer] : [],
      attachmentCount: next() < 0.7 ? 1 : 0,
      remoteLinks: [],
    });
  });
}

describe('the timeline is the engine run on each day (spec 9)', () => {
  const withFields = aConfig({}, { approverField: 'customfield_1', attendeesField: 'customfield_2' });
  const shortWindows = aConfig(
    { 'security-policy': { windowDays: 30 }, 'corrective-action': { windowDays: 60 } },
    { approverField: 'customfield_1', attendeesField: 'customfield_2' },
  );
  const someDisabled = aConfig(
    { 'management-review': { enabled: false, disabledReason: 'Reviews live elsewhere' } },
    { approverField: 'customfield_1' },
  );

  it.each([
    ['default settings, nobody named', 1, defaultConfig(), undefined],
    ['the CEO named as top management', 2, withFields, TOP],
    ['short windows', 3, shortWindows, TOP],
    ['a disabled category', 4, someDisabled, TOP],
    ['a sparse project', 5, withFields, TOP],
  ])('%s: every point is what the report says on that day (seed %i)', (_name, seed, config, top) => {
    const issues = randomIssues(seed, seed === 5 ? 6 : 120);
    const { timeline } = buildTimeline(issues, config, AS_OF, top);
    expect(timeline).toEqual(timelineDays(AS_OF).map((day) => naivePoint(issues, config, day, top)));
  });

  it('has 66 points, a week apart, from as-of minus 364 days to as-of plus 91, as-of among them', () => {
    const days = buildTimeline([], defaultConfig(), AS_OF).timeline.map((p) => p.day);
    expect(days).toHaveLength(66);
    expect(days[0]).toBe('2025-12-03');
    expect(days[52]).toBe(AS_OF);
    expect(days[65]).toBe('2027-03-03');
    expect(days.slice(1).every((d, i) => daysBetween(days[i] ?? '', d) === 7)).toBe(true);
  });

  it('an open action due on a point is not overdue on it, and is the week after', () => {
    const issues = allMetIssues('2026-11-01');
    const config = withoutTopManagementChecks(defaultConfig());
    const due = addDaysTo(AS_OF, -7);
    issues.push(
      anIssue({
        labels: [label('corrective-action'), 'board-approved'],
        done: false,
        created: '2026-10-01',
        dueDate: due,
      }),
    );
    const { timeline } = buildTimeline(issues, config, AS_OF);
    expect(timeline.find((p) => p.day === due)?.coverage).toBe(100);
    expect(timeline.find((p) => p.day === AS_OF)?.coverage).toBe(95);
  });

  it('crosses a leap day a week at a time (29 Feb 2028 is a point)', () => {
    const days = timelineDays('2028-03-07');
    expect(days).toContain('2028-02-29');
    expect(days[52]).toBe('2028-03-07');
    expect(days[0]).toBe('2027-03-09');
  });

  it('leaves out of each past point the issues created after it, and keeps issues without a creation day', () => {
    // Imported on 1 Nov with an effective date of 1 Oct: before 1 Nov it did not exist yet.
    const made = (created: string | undefined) =>
      anIssue({ labels: [label('strategy-alignment')], created, resolved: '2026-10-01' });
    const point = (created: string | undefined, day: string) =>
      buildTimeline([made(created)], defaultConfig(), AS_OF).timeline.find((p) => p.day === day)?.coverage;
    expect(point('2026-11-01', '2026-10-21')).toBe(0);
    expect(point(undefined, '2026-10-21')).toBe(10);
    expect(point('2026-11-01', '2026-11-04')).toBe(10);
  });
});

describe('upcoming changes (spec 9)', () => {
  const config = defaultConfig();

  it('a met category lapses on its expiresOn, with the issues behind it', () => {
    const issues = allMetIssues('2026-01-10');
    const policy = issues.find((i) => i.labels.includes(label('security-policy')))!;
    const { upcoming } = buildTimeline(issues, withoutTopManagementChecks(config), '2026-12-02');
    const lapse = upcoming.find((u) => u.categoryId === 'security-policy');
    expect(lapse).toEqual({
      day: '2027-01-11',
      categoryId: 'security-policy',
      statusBefore: 'met',
      statusAfter: 'stale',
      issueKeys: [policy.key],
    });
    const report = buildReport('ISMS', issues, withoutTopManagementChecks(config), '2026-12-02');
    expect(report.categories.find((c) => c.id === 'security-policy')?.expiresOn).toBe(lapse?.day);
  });

  it('nothing lapses beyond 91 days, and a role never lapses', () => {
    const { upcoming } = buildTimeline(allMetIssues('2026-12-01'), withoutTopManagementChecks(config), '2026-12-02');
    expect(upcoming).toEqual([]);
  });

  it('an open approved action becomes overdue the day after its due date, before its window ends', () => {
    const action = anIssue({
      labels: [label('corrective-action'), 'board-approved'],
      done: false,
      created: '2026-11-01',
      dueDate: '2026-12-20',
    });
    const { upcoming } = buildTimeline([action], withoutTopManagementChecks(config), AS_OF);
    expect(upcoming).toEqual([
      {
        day: '2026-12-21',
        categoryId: 'corrective-action',
        statusBefore: 'met',
        statusAfter: 'partial',
        issueKeys: [action.key],
      },
    ]);
  });

  it('an action due on the last forecast day is still on time; due the day before, it is listed', () => {
    const due = (d: string) =>
      anIssue({
        labels: [label('corrective-action'), 'board-approved'],
        done: false,
        created: '2026-11-01',
        dueDate: d,
      });
    expect(buildTimeline([due(addDaysTo(AS_OF, 91))], withoutTopManagementChecks(config), AS_OF).upcoming).toEqual([]);
    expect(buildTimeline([due(addDaysTo(AS_OF, 90))], withoutTopManagementChecks(config), AS_OF).upcoming[0]?.day).toBe(
      addDaysTo(AS_OF, 91),
    );
  });

  it('a change for the better is listed too: evidence dated after as-of comes into force', () => {
    const review = anIssue({ labels: [label('strategy-alignment')], created: '2026-11-20', resolved: '2026-12-15' });
    const { upcoming } = buildTimeline([review], config, AS_OF);
    expect(upcoming).toEqual([
      {
        day: '2026-12-15',
        categoryId: 'strategy-alignment',
        statusBefore: 'stale',
        statusAfter: 'met',
        issueKeys: [review.key],
      },
    ]);
  });

  it('only issues created by as-of take part: a forecast assumes nothing new is recorded', () => {
    const later = anIssue({ labels: [label('strategy-alignment')], created: '2026-12-10', resolved: '2026-12-15' });
    expect(buildTimeline([later], config, AS_OF).upcoming).toEqual([]);
  });

  it('lists changes soonest first, then in category order, and only enabled categories', () => {
    const lapseOn = (id: CategoryId, resolved: string) => anIssue({ labels: [label(id)], resolved });
    const issues = [
      lapseOn('management-targets', '2026-01-01'),
      lapseOn('strategy-alignment', '2026-01-01'),
      lapseOn('security-policy', '2025-12-20'),
    ];
    const disabled = aConfig({ 'management-targets': { enabled: false, disabledReason: 'Not used here' } });
    const { upcoming } = buildTimeline(issues, withoutTopManagementChecks(disabled), AS_OF);
    expect(upcoming.map((u) => [u.day, u.categoryId])).toEqual([
      ['2026-12-21', 'security-policy'],
      ['2027-01-02', 'strategy-alignment'],
    ]);
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'the day, the status after and the issues agree with the engine graded day by day (seed %i)',
    (seed) => {
      const issues = randomIssues(seed * 7, 60).filter((i) => !i.created || i.created <= AS_OF);
      const cfg = aConfig({}, { approverField: 'customfield_1', attendeesField: 'customfield_2' });
      const { upcoming } = buildTimeline(issues, cfg, AS_OF, TOP);
      for (const def of CATEGORIES) {
        const statusOn = (day: string) => categoryResult(def.id, existingOn(issues, day), cfg, day, TOP).status;
        const before = statusOn(AS_OF);
        let expected: { day: string; statusAfter: string; issueKeys: string[] } | undefined;
        for (let d = 1; d <= 91 && !expected; d += 1) {
          const day = addDaysTo(AS_OF, d);
          if (statusOn(day) !== before)
            expected = { day, statusAfter: statusOn(day), issueKeys: changedKeys(def.id, issues, cfg, day) };
        }
        const got = upcoming.find((u) => u.categoryId === def.id);
        expect(got && { day: got.day, statusAfter: got.statusAfter, issueKeys: got.issueKeys }).toEqual(expected);
      }
    },
  );
});

function existingOn(issues: EvidenceIssue[], day: string): EvidenceIssue[] {
  return issues.filter((i) => !i.created || i.created <= day);
}

/** Issues whose counting, or the kinds of check they fail, differ between the day before and the day. */
function changedKeys(id: CategoryId, issues: EvidenceIssue[], config: CoverageConfig, day: string): string[] {
  const def = categoryDefinition(id);
  const category = config.categories[id];
  const rule = RULES[def.rule];
  const grade = (i: EvidenceIssue, asOf: string) => {
    const a = rule.assess(i, { config, id, category, asOf, top: TOP });
    return JSON.stringify([a.counts, a.checks.filter((c) => !c.pass && !c.advisory).map((c) => c.id)]);
  };
  const dayBefore = addDaysTo(day, -1);
  return issues
    .filter((i) => i.labels.some((l) => category.labels.includes(l)))
    .filter((i) => grade(i, dayBefore) !== grade(i, day))
    .map((i) => i.key)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
