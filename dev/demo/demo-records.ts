/**
 * The records the demo's issues carry beyond their fields, in the simulator's site format: changelog entries
 * (who moved an issue, who added a label, an admin's workflow migration), remote links (a Confluence page, a
 * GitLab merge request) and links between issues, which Jira shows on both issues.
 */
import { statusChange, workflowChange } from '../simulator/site-builders';
import type { SiteChangeHistory, SiteChangeItem, SiteRemoteLink } from '../simulator/site-types';
import { jiraDateTime, statusRef, type JiraIssueJson, type JiraUserJson } from './jira-issue';

export const TO_DO = statusRef('new');
export const IN_PROGRESS = statusRef('indeterminate');
export const ACTIVE = statusRef('indeterminate', 'Active');
export const DONE = statusRef('done');

/** A changelog entry by `who` on `day` (YYYY-MM-DD) at `hour`. */
export function change(who: JiraUserJson, day: string, hour: number, items: SiteChangeItem[]): SiteChangeHistory {
  return { author: who.accountId, created: jiraDateTime(day, hour), items };
}

/**
 * The usual life of an issue: started the day after it was created, then (when done) moved to Done on its
 * resolution day, at the hour `jiraIssue` gives its resolution date.
 */
export function lifecycle(opts: {
  created: string;
  startedBy: JiraUserJson;
  startedOn: string;
  doneBy?: JiraUserJson;
  doneOn?: string;
  /** The in-progress status' name, e.g. Active for a role. */
  working?: { id: string; name: string };
}): SiteChangeHistory[] {
  const working = opts.working ?? IN_PROGRESS;
  const entries = [change(opts.startedBy, opts.startedOn, 10, [statusChange(TO_DO, working)])];
  if (opts.doneBy && opts.doneOn) entries.push(change(opts.doneBy, opts.doneOn, 11, [statusChange(working, DONE)]));
  return entries;
}

/**
 * An admin's workflow migration: every issue's status is set again (to the same status in the new workflow),
 * with a `Workflow` item, early in the morning. It names no one's decision.
 */
export function migration(admin: JiraUserJson, day: string, current: { id: string; name: string }): SiteChangeHistory {
  return {
    author: admin.accountId,
    created: jiraDateTime(day, 7, 30),
    items: [statusChange(current, current), workflowChange('ISMS workflow (2024)', 'ISMS workflow with sign-off')],
  };
}

export function confluencePage(pageId: number, title: string): SiteRemoteLink {
  return {
    globalId: `appId=8f3a5b2c-1d4e-3f60-a7b8-c9d0e1f2a3b4&pageId=${pageId}`,
    application: { name: 'System Confluence', type: 'com.atlassian.confluence' },
    relationship: 'Wiki Page',
    object: {
      url: `https://brightwater.atlassian.net/wiki/pages/viewpage.action?pageId=${pageId}`,
      title,
      icon: { title: 'Page', url16x16: 'https://brightwater.atlassian.net/wiki/images/icons/contenttypes/page_16.png' },
    },
  };
}

/** What GitLab's Jira integration records: a merge request that mentions the issue (development work, not a document). */
export function gitlabMergeRequest(project: string, iid: number, title: string): SiteRemoteLink {
  return {
    application: {},
    relationship: 'mentioned on',
    object: {
      url: `https://gitlab.com/brightwater/${project}/-/merge_requests/${iid}`,
      title: `Merge request - ${title}`,
      icon: { title: 'GitLab', url16x16: 'https://gitlab.com/favicon.ico' },
      status: { icon: {}, resolved: false },
    },
  };
}

export interface LinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export const RELATES: LinkType = { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' };
export const CAUSES: LinkType = { id: '10004', name: 'Cause', inward: 'is caused by', outward: 'causes' };

function linkedIssue(issue: JiraIssueJson) {
  return {
    id: issue.id,
    key: issue.key,
    self: issue.self,
    fields: { summary: issue.fields.summary, status: issue.fields.status },
  };
}

/** Links `from` to `to` with `type` on both issues, as Jira shows a link on each side. */
export function linkIssues(from: JiraIssueJson, type: LinkType, to: JiraIssueJson, linkId: string): void {
  const base = { id: linkId, self: `https://example.atlassian.net/rest/api/3/issueLink/${linkId}`, type };
  const add = (issue: JiraIssueJson, link: Record<string, unknown>) => {
    const current: unknown[] = Array.isArray(issue.fields.issuelinks) ? issue.fields.issuelinks : [];
    issue.fields.issuelinks = [...current, link];
  };
  add(from, { ...base, outwardIssue: linkedIssue(to) });
  add(to, { ...base, inwardIssue: linkedIssue(from) });
}
