import { categoryResult } from '../../src/core/report';
import { aConfig, anIssue } from '../support/builders';

const AS_OF = '2026-11-28';
const LABEL = 'iso27001-policy-approval';
const policy = (overrides: Parameters<typeof anIssue>[0]) => anIssue({ labels: [LABEL], ...overrides });
const grade = (issues: ReturnType<typeof anIssue>[], config = aConfig()) =>
  categoryResult('security-policy', issues, config, AS_OF);

describe('dated rule: done and inside the window', () => {
  test.each([
    ['0 days old (resolved on as-of) is current', '2026-11-28', 'met'],
    ['365 days old is current: the edge is inclusive', '2025-11-28', 'met'],
    ['366 days old is not current', '2025-11-27', 'stale'],
    ['a leap year between: 2024-11-28 is 730 days old', '2024-11-28', 'stale'],
  ])('%s', (_name, resolved, status) => {
    expect(grade([policy({ resolved })]).status).toBe(status);
  });

  test('a future-dated issue does not count and the evidence says why', () => {
    const result = grade([policy({ key: 'ISMS-9', resolved: '2026-12-01' })]);
    expect(result.status).toBe('stale');
    expect(result.evidence[0]).toMatchObject({ key: 'ISMS-9', counts: false, effectiveDate: '2026-12-01' });
    expect(result.evidence[0]?.problems).toEqual([expect.stringContaining('after the as-of date 28 Nov 2026')]);
  });

  test('an issue that is not done is missing evidence, whatever its dates', () => {
    const result = grade([policy({ done: false, resolved: '2026-11-01' })]);
    expect(result.status).toBe('missing');
    expect(result.evidence[0]?.problems).toEqual([expect.stringContaining('Not done')]);
  });

  test('no issues at all is missing', () => {
    expect(grade([]).status).toBe('missing');
  });

  test('one current issue among stale ones is met, and the category expires with the newest', () => {
    const result = grade([
      policy({ resolved: '2024-01-01' }),
      policy({ resolved: '2026-02-10' }),
      policy({ resolved: '2026-01-05' }),
    ]);
    expect(result.status).toBe('met');
    expect(result.expiresOn).toBe('2027-02-11');
    expect(result.newestEffectiveDate).toBe('2026-02-10');
    expect(result.evidence.map((e) => e.effectiveDate)).toEqual(['2026-02-10', '2026-01-05', '2024-01-01']);
  });

  test('expires on effective date + window + 1 day, the first day it no longer counts', () => {
    const result = grade([policy({ resolved: '2026-03-01' })]);
    expect(result.evidence[0]?.expiresOn).toBe('2027-03-02');
  });

  test('the window is per category and configurable', () => {
    const config = aConfig({ 'security-policy': { windowDays: 30 } });
    expect(grade([policy({ resolved: '2026-10-29' })], config).status).toBe('met');
    expect(grade([policy({ resolved: '2026-10-28' })], config).status).toBe('stale');
  });

  test('label match is exact, as Jira matches labels', () => {
    expect(grade([anIssue({ labels: ['ISO27001-policy-approval'], resolved: AS_OF })]).status).toBe('missing');
    expect(grade([anIssue({ labels: ['other', LABEL], resolved: AS_OF })]).status).toBe('met');
  });
});

describe('dated rule: effective date falls back from the admin field to Jira dates', () => {
  test('resolutiondate first', () => {
    const result = grade([
      policy({ resolved: '2026-05-01', statusCategoryChangeDate: '2026-06-01', updated: '2026-07-01' }),
    ]);
    expect(result.evidence[0]?.effectiveDate).toBe('2026-05-01');
  });

  test('without resolutiondate, the status category change date', () => {
    const result = grade([policy({ statusCategoryChangeDate: '2026-06-01', updated: '2026-07-01' })]);
    expect(result.evidence[0]?.effectiveDate).toBe('2026-06-01');
  });

  test('without either, the updated date', () => {
    const result = grade([policy({ updated: '2026-07-01' })]);
    expect(result.evidence[0]?.effectiveDate).toBe('2026-07-01');
  });

  test('without any date, a done issue does not count and says so', () => {
    const result = grade([policy({ updated: undefined })]);
    expect(result.status).toBe('stale');
    expect(result.evidence[0]?.problems).toEqual(['Has no date to tell when it took effect.']);
  });

  test("the admin's date field comes before Jira's dates", () => {
    const config = aConfig({}, { effectiveDateField: 'customfield_10042' });
    const issue = policy({ resolved: '2026-11-01', customDates: { customfield_10042: '2024-02-01' } });
    const result = grade([issue], config);
    expect(result.evidence[0]?.effectiveDate).toBe('2024-02-01');
    expect(result.status).toBe('stale');
  });

  test('an issue without the admin field falls back to resolutiondate', () => {
    const config = aConfig({}, { effectiveDateField: 'customfield_10042' });
    expect(grade([policy({ resolved: '2026-11-01' })], config).evidence[0]?.effectiveDate).toBe('2026-11-01');
  });
});
