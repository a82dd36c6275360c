import { buildDemoSite, DEMO_USERS } from '../../dev/demo/demo-site';
import { siteFromExport } from '../../dev/host/site-from-export';
import { validateSite } from '../../dev/simulator';

describe("npm start -- --data: a site around a team's own export", () => {
  const exported = buildDemoSite('2026-11-28').issues.map((issue) => JSON.parse(JSON.stringify(issue)) as unknown);
  const site = siteFromExport(exported);

  test('is a valid simulator site with the projects and security levels the issues name', () => {
    expect(() => validateSite(site, 'test')).not.toThrow();
    expect(site.projects.map((p) => p.key)).toEqual(['ISMS', 'BOARD', 'ITOPS']);
    expect(site.securityLevels).toEqual([
      { id: '10100', name: 'Board only', members: [DEMO_USERS.admin.accountId, DEMO_USERS.securityLead.accountId] },
    ]);
    expect(site.issues).toHaveLength(exported.length);
  });

  test('the outsider browses nothing; assignees become users, inactive where Jira said so', () => {
    expect(
      site.projects.every(
        (p) => Array.isArray(p.browsers) && !p.browsers.some((id: string) => id === DEMO_USERS.outsider.accountId),
      ),
    ).toBe(true);
    expect(site.users.find((u) => u.accountId === 'demo-former-dpo')).toMatchObject({
      active: false,
      jiraAdmin: false,
    });
  });

  test('issues missing what the simulator needs are completed, and non-issues are dropped', () => {
    const sparse = siteFromExport([
      {
        key: 'HR-3',
        fields: {
          summary: 'Policy signed',
          labels: ['iso27001-policy-approval'],
          updated: '2026-05-01T10:00:00.000+0000',
        },
      },
      'not an issue',
      { fields: {} },
    ]);
    expect(sparse.projects).toEqual([expect.objectContaining({ key: 'HR', name: 'HR' })]);
    expect(sparse.issues).toHaveLength(1);
    expect(() => validateSite(sparse, 'test')).not.toThrow();
  });
});

test('custom fields in the export are declared, date pickers as dates, user pickers as users', () => {
  const site = siteFromExport(
    buildDemoSite('2026-11-28').issues.map((issue) => JSON.parse(JSON.stringify(issue)) as unknown),
  );
  expect(site.fields).toEqual([
    { id: 'customfield_10042', name: 'customfield_10042', custom: true, schema: { type: 'date', customId: 10042 } },
    {
      id: 'customfield_10060',
      name: 'customfield_10060',
      custom: true,
      schema: { type: 'user', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:userpicker', customId: 10060 },
    },
    {
      id: 'customfield_10061',
      name: 'customfield_10061',
      custom: true,
      schema: {
        type: 'array',
        items: 'user',
        custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multiuserpicker',
        customId: 10061,
      },
    },
  ]);
});
