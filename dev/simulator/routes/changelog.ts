/**
 * POST /rest/api/3/changelog/bulkfetch: the changelogs of up to 1000 issues, optionally only the items of up to
 * 10 fields, as one list "sorted by changelog date and issue IDs, starting from the oldest changelog and smallest
 * issue ID", paged by `maxResults` entries with an opaque `nextPageToken`. Each page groups its entries by issue.
 * Issues the caller cannot see, and ids or keys that name no issue, are left out without an error, as Jira does.
 * `created` is epoch milliseconds, as real sites send it (the document says date-time).
 */
import { historyJson } from '../changelog';
import { INVALID_PAYLOAD, jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import type { JsonValue } from '../json';
import { decodePageToken, encodePageToken } from '../page-token';
import { canSeeIssue } from '../permissions';
import type { IndexedHistory, IndexedIssue } from '../site-index';
import type { SiteChangeItem } from '../site-types';
import { checkBody } from './body';

export const MAX_ISSUES = 1000;
export const MAX_FIELD_IDS = 10;
/** BulkChangelogRequestBean: maxResults 1..10000, default 1000. */
export const MAX_RESULTS_LIMIT = 10000;
const DEFAULT_MAX_RESULTS = 1000;
const INVALID_TOKEN = 'The provided next page token is invalid or expired.';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

const BODY_PROPERTIES: Record<string, (v: unknown) => boolean> = {
  issueIdsOrKeys: isStringArray,
  fieldIds: isStringArray,
  maxResults: (v) => typeof v === 'number' && Number.isInteger(v),
  nextPageToken: (v) => typeof v === 'string' || v === null,
};

interface Entry {
  issue: IndexedIssue;
  history: IndexedHistory;
  items: readonly SiteChangeItem[];
}

/**
 * The items of an entry that `fieldIds` keeps, or undefined when the entry has none of those fields. A workflow
 * migration's `Workflow` item (it has no fieldId) stays with an entry that has a kept item: Jira does not document
 * this, and keeping it lets a client tell a migration from a person's change (see README).
 */
function keptItems(items: readonly SiteChangeItem[], fieldIds: ReadonlySet<string>): SiteChangeItem[] | undefined {
  if (fieldIds.size === 0) return [...items];
  const matching = items.filter((item) => typeof item.fieldId === 'string' && fieldIds.has(item.fieldId));
  if (matching.length === 0) return undefined;
  return items.filter(
    (item) => matching.includes(item) || (typeof item.fieldId !== 'string' && item.field === 'Workflow'),
  );
}

function bad(message: string, field?: string): SimResponse {
  return jiraError(400, [message], field ? { [field]: message } : {});
}

export function bulkFetchChangelogs(ctx: RouteContext, req: SimRequest): SimResponse {
  const checked = checkBody(req.body, BODY_PROPERTIES);
  if (!checked.ok) return checked.response;
  const { issueIdsOrKeys, fieldIds: rawFieldIds, maxResults: rawMax, nextPageToken } = checked.body;
  if (!isStringArray(issueIdsOrKeys)) return jiraError(400, [INVALID_PAYLOAD], { issueIdsOrKeys: 'Required.' });
  if (issueIdsOrKeys.length < 1 || issueIdsOrKeys.length > MAX_ISSUES)
    return bad(
      `issueIdsOrKeys must name between 1 and ${MAX_ISSUES} issues; it names ${issueIdsOrKeys.length}.`,
      'issueIdsOrKeys',
    );
  const fieldIdList = isStringArray(rawFieldIds) ? rawFieldIds : [];
  if (fieldIdList.length > MAX_FIELD_IDS)
    return bad(`fieldIds may name at most ${MAX_FIELD_IDS} fields; it names ${fieldIdList.length}.`, 'fieldIds');
  const fieldIds = new Set(fieldIdList);
  if (fieldIds.size !== fieldIdList.length) return bad('fieldIds must not name a field twice.', 'fieldIds');
  const maxResults = typeof rawMax === 'number' ? rawMax : DEFAULT_MAX_RESULTS;
  if (maxResults < 1 || maxResults > MAX_RESULTS_LIMIT)
    return bad(
      `The maxResults value '${maxResults}' is not valid: it must be between 1 and ${MAX_RESULTS_LIMIT}.`,
      'maxResults',
    );

  // The token belongs to this request: the same issues and fields, in the same order.
  const requestKey = `changelog/bulkfetch ${JSON.stringify([issueIdsOrKeys, fieldIdList])}`;
  let offset = 0;
  if (typeof nextPageToken === 'string') {
    const decoded = decodePageToken(nextPageToken, requestKey);
    if (decoded === undefined) return jiraError(400, [INVALID_TOKEN]);
    offset = decoded;
  }

  const issues = new Map<string, IndexedIssue>();
  for (const ref of issueIdsOrKeys) {
    const issue = ctx.site.findIssue(ref);
    if (issue && canSeeIssue(req.caller, issue)) issues.set(issue.issue.id, issue);
  }
  const entries: Entry[] = [];
  for (const issue of issues.values()) {
    for (const history of issue.histories) {
      const items = keptItems(history.history.items, fieldIds);
      if (items) entries.push({ issue, history, items });
    }
  }
  entries.sort(
    (a, b) =>
      a.history.createdMs - b.history.createdMs ||
      Number(a.issue.issue.id) - Number(b.issue.issue.id) ||
      Number(a.history.history.id) - Number(b.history.history.id),
  );

  const page = entries.slice(offset, offset + Math.min(maxResults, ctx.limits.maxChangelogEntries));
  const byIssue = new Map<string, JsonValue[]>();
  for (const entry of page) {
    const list = byIssue.get(entry.issue.issue.id) ?? [];
    list.push(historyJson(ctx.site, entry.history, ctx.siteUrl, 'epoch-ms', entry.items));
    byIssue.set(entry.issue.issue.id, list);
  }
  const issueChangeLogs = [...byIssue]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([issueId, changeHistories]) => ({ issueId, changeHistories }));
  if (ctx.pageFault?.kind === 'repeat-page')
    return ok({ issueChangeLogs, nextPageToken: encodePageToken(offset, requestKey) });
  const isLast = offset + page.length >= entries.length;
  return ok({
    issueChangeLogs,
    ...(isLast ? {} : { nextPageToken: encodePageToken(offset + page.length, requestKey) }),
  });
}
