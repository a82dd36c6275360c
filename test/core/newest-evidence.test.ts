/** "Newest evidence" is the newest that counts; newer evidence that does not count is named beside it (issue 20). */
import { buildReport } from '../../src/core/report';
import { aConfig, allMetIssues, anIssue, label } from '../support/builders';

const AS_OF = '2026-11-28';
const CEO = { accountId: 'acc-ceo', displayName: 'Dana Whitfield', isApp: false };
const CISO = { accountId: 'acc-ciso', displayName: 'Priya Natarajan', isApp: false };
const config = aConfig({}, { topManagement: { groups: [], accountIds: [CEO.accountId] } });
const policy = label('security-policy');
const grade = (issues: ReturnType<typeof anIssue>[]) =>
  buildReport('ISMS', issues, config, AS_OF, {
    top: { accountIds: [CEO.accountId], groupsNamed: false, inNamedGroup: {} },
  }).categories.find((c) => c.id === 'security-policy');
const others = allMetIssues(AS_OF).filter((i) => !i.labels.includes(policy));

test('a newer policy signed by the CISO is not the newest evidence: the CEO-signed one is, and the newer one is named', () => {
  const signed = anIssue({ key: 'ISMS-9', labels: [policy], resolved: '2025-12-13', approverFieldUsers: [CEO] });
  const byCiso = anIssue({ key: 'ISMS-19', labels: [policy], resolved: '2026-11-07', approverFieldUsers: [CISO] });
  const category = grade([...others, signed, byCiso]);
  expect(category).toMatchObject({
    status: 'met',
    newestCountingDate: '2025-12-13',
    newestEffectiveDate: '2026-11-07',
    newerNotCounting: { day: '2026-11-07', issueKeys: ['ISMS-19'] },
    expiresOn: '2026-12-14',
  });
});

test('the newest evidence counts: nothing newer to name', () => {
  const signed = anIssue({ key: 'ISMS-9', labels: [policy], resolved: '2026-11-07', approverFieldUsers: [CEO] });
  const older = anIssue({ key: 'ISMS-8', labels: [policy], resolved: '2025-02-01', approverFieldUsers: [CISO] });
  const category = grade([...others, signed, older]);
  expect(category?.newestCountingDate).toBe('2026-11-07');
  expect(category?.newerNotCounting).toBeUndefined();
});

test('nothing counts: no newest counting date, and the newest done evidence is named as not counting', () => {
  const old = anIssue({ key: 'ISMS-9', labels: [policy], resolved: '2025-01-01', approverFieldUsers: [CEO] });
  const category = grade([...others, old]);
  expect(category?.status).toBe('stale');
  expect(category?.newestCountingDate).toBeUndefined();
  expect(category?.newerNotCounting).toEqual({ day: '2025-01-01', issueKeys: ['ISMS-9'] });
});
