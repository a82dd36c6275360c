/**
 * The demo company as a Jira export made for spec section 8 (what the report command and `npm start -- --data`
 * read): the ISMS and IT Operations issues as the security lead's search with `fields=*all` and
 * `expand=changelog` returns them, each with the `remotelinks` that GET /issue/{key}/remotelink returns. Built
 * with the simulator's own answers, so an export and a live read of the demo cannot disagree.
 */
import { parseFieldSelection, projectIssue } from '../simulator/fields';
import { remoteLinksOf } from '../simulator/routes/remote-links';
import { validateSite } from '../simulator/site';
import { SiteIndex } from '../simulator/site-index';
import { buildDemoSite, DEMO_USERS } from './demo-site';

const SITE_URL = 'https://brightwater.atlassian.net';

export function buildDemoExport(today: string): unknown[] {
  const site = new SiteIndex(validateSite(buildDemoSite(today), 'demo site'));
  const lead = site.users.get(DEMO_USERS.securityLead.accountId);
  if (!lead) throw new Error('demo: no security lead');
  const selection = parseFieldSelection(['*all'], '*all');
  return site.issues.map((indexed) => ({
    ...projectIssue(site, indexed, {
      selection,
      siteUrl: SITE_URL,
      idOnlyShape: false,
      caller: { kind: 'user', user: lead },
      // The whole history: an export has no expansion cap to fear.
      changelogMax: Number.MAX_SAFE_INTEGER,
    }),
    remotelinks: remoteLinksOf(indexed.issue, SITE_URL),
  }));
}
