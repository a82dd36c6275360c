import { defaultConfig } from '../../src/core/config';
import { explainIssue } from '../../src/core/explain';
import { fixForFinding, fixForIssue, fixForUpcoming, openFixIssues } from '../../src/core/fix-plan';
import { isLapse } from '../../src/core/status-order';
import { buildReport } from '../../src/core/report';
import { buildTimeline } from '../../src/core/timeline';
import type { CategoryId } from '../../src/core/types';
import { aConfig, allMetIssues, anIssue, label, withoutTopManagementChecks } from '../support/builders';

const AS_OF = '2026-12-02';
const config = withoutTopManagementChecks(defaultConfig());

function reportOf(issues = allMetIssues('2026-06-01')) {
  return buildReport('ISMS', issues, config, AS_OF);
}

describe('the issue that fixes a finding (spec 10)', () => {
  it('missing evidence: record it, due 30 days after as-of, with the category label', () => {
    const issues = allMetIssues('2026-06-01').filter((i) => !i.labels.includes(label('resources')));
    const draft = fixForFinding(reportOf(issues), 'resources', config);
    expect(draft).toMatchObject({
      summary: 'Record: ISMS budget and staffing',
      label: 'iso27001-budget-approval',
      dueDate: '2027-01-01',
      renews: [],
    });
    expect(draft?.description.join(' ')).toContain('approval of the ISMS budget and staffing');
    expect(draft?.description.join(' ')).toContain('item (c)');
  });

  it('stale evidence: renew it, naming the day it lapsed and the issue it renews', () => {
    const issues = allMetIssues('2026-06-01').filter((i) => !i.labels.includes(label('security-policy')));
    const old = anIssue({ labels: [label('security-policy')], resolved: '2025-11-01' });
    const draft = fixForFinding(reportOf([...issues, old]), 'security-policy', config);
    expect(draft).toMatchObject({
      summary: 'Renew: security policy approval, lapsed on 2 Nov 2026',
      dueDate: '2027-01-01',
      renews: [old.key],
    });
    expect(draft?.description).toContain(`It renews the evidence in ${old.key}.`);
  });

  it('evidence lapsing soon: renew it by the lapse day, as the spec words it', () => {
    const issues = allMetIssues('2026-06-01').filter((i) => !i.labels.includes(label('security-policy')));
    const policy = anIssue({ labels: [label('security-policy')], resolved: '2025-12-16' });
    const draft = fixForFinding(reportOf([...issues, policy]), 'security-policy', config);
    expect(draft).toMatchObject({
      summary: 'Renew: security policy approval, lapses 17 Dec 2026',
      dueDate: '2026-12-17',
    });
  });

  it('a category without a finding has nothing to fix, and a disabled one neither', () => {
    expect(fixForFinding(reportOf(), 'workshop-outcome', config)).toBeUndefined();
    const off = aConfig({ resources: { enabled: false, disabledReason: 'Budget is elsewhere' } });
    const report = buildReport('ISMS', [], off, AS_OF);
    expect(fixForFinding(report, 'resources', off)).toBeUndefined();
  });

  it("uses the admin's first label for the category", () => {
    const custom = withoutTopManagementChecks(aConfig({ resources: { labels: ['budget-ok', 'budget-2'] } }));
    const report = buildReport('ISMS', [], custom, AS_OF);
    expect(fixForFinding(report, 'resources', custom)?.label).toBe('budget-ok');
  });
});

describe('the issue that renews an upcoming lapse', () => {
  it('is due on the lapse day and renews the issues that lapse', () => {
    const issues = allMetIssues('2026-01-10');
    const timeline = buildTimeline(issues, config, AS_OF);
    const policy = issues.find((i) => i.labels.includes(label('security-policy')));
    expect(fixForUpcoming(AS_OF, timeline, 'security-policy', config)).toMatchObject({
      summary: 'Renew: security policy approval, lapses 11 Jan 2027',
      dueDate: '2027-01-11',
      renews: [policy?.key],
    });
  });

  it('a change for the better needs no issue', () => {
    const review = anIssue({ labels: [label('strategy-alignment')], created: '2026-11-20', resolved: '2026-12-15' });
    const timeline = buildTimeline([review], config, AS_OF);
    expect(timeline.upcoming).toHaveLength(1);
    expect(fixForUpcoming(AS_OF, timeline, 'strategy-alignment', config)).toBeUndefined();
    expect(isLapse('stale', 'met')).toBe(false);
    expect(isLapse('met', 'partial')).toBe(true);
  });
});

describe("the issue panel's renewal", () => {
  it('a lapsed issue is renewed, due 30 days after as-of; one that counts long enough is not', () => {
    const old = anIssue({ labels: [label('workshop-outcome')], resolved: '2025-10-01' });
    const explained = explainIssue(old, config, AS_OF).categories[0]!;
    expect(fixForIssue(old.key, explained, config, AS_OF)).toMatchObject({
      summary: 'Renew: executive workshop outcomes, lapsed on 2 Oct 2026',
      dueDate: '2027-01-01',
      renews: [old.key],
    });
    const fresh = anIssue({ labels: [label('workshop-outcome')], resolved: '2026-11-01' });
    expect(fixForIssue(fresh.key, explainIssue(fresh, config, AS_OF).categories[0]!, config, AS_OF)).toBeUndefined();
  });

  it('an issue lapsing within the expiring-soon days is renewed by its lapse day', () => {
    const soon = anIssue({ labels: [label('workshop-outcome')], resolved: '2025-12-20' });
    const explained = explainIssue(soon, config, AS_OF).categories[0]!;
    expect(fixForIssue(soon.key, explained, config, AS_OF)).toMatchObject({
      summary: 'Renew: executive workshop outcomes, lapses 21 Dec 2026',
      dueDate: '2026-12-21',
    });
  });
});

describe('open issues that already are the fix', () => {
  it('the newest open issue carrying one of the labels, by category; done ones and disabled categories are not', () => {
    const older = anIssue({ labels: [label('security-policy')], done: false, created: '2026-10-01' });
    const newer = anIssue({ labels: [label('security-policy')], done: false, created: '2026-11-01' });
    const done = anIssue({ labels: [label('resources')], created: '2026-11-15' });
    const off = aConfig({ 'workshop-outcome': { enabled: false, disabledReason: 'Not run here' } });
    const workshop = anIssue({ labels: [label('workshop-outcome')], done: false });
    const open = openFixIssues([older, newer, done, workshop], off);
    expect(open).toEqual({ 'security-policy': { key: newer.key, summary: newer.summary } });
    expect(Object.keys(open) as CategoryId[]).not.toContain('resources');
  });
});
