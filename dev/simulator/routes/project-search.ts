/**
 * GET /rest/api/3/project/search: a page (PageBeanProject) of the projects the caller can browse, as the document
 * says ("Browse projects", "Administer projects" or "Administer Jira": canBrowseProject), the app user those with
 * `appCanBrowse`. `query` keeps projects whose key or name contains it, ignoring case; `keys` (repeated, up to 50 as
 * documented) keeps the projects with those keys, exactly as written; `orderBy` is `key` (the
 * default) or `name`, either with `+` or `-`; `startAt` and `maxResults` (default 50; over 100 is 100, as
 * documented) page the answer. Each project is the one GET /project/{key} sends, so the two always agree.
 *
 * The simulator's choices: no match is an empty page (`total` 0), not the 404 the document lists; `maxResults`
 * below 1 is a 400, as on every paged route here, so a client can never page forever; `expand` is accepted and
 * ignored (every project comes as GET /project sends it); more than 50 `keys` is a 400 (the document only says "up
 * to 50"); the other filters, the other orderBy fields and `action`
 * other than `view` / `browse` are a 400 ("does not model"), so no test passes on a made-up answer.
 */
import { jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import { canBrowseProject } from '../permissions';
import { compareText } from '../site-index';
import type { SiteProject } from '../site-types';
import { pageBean } from './page-bean';
import { intParam } from './params';
import { getProject } from './resources';

const DEFAULT_MAX_RESULTS = 50;
/** The document: "If a value greater than 100 is provided, the maxResults parameter will default to 100." */
const MAX_RESULTS_LIMIT = 100;

/** The document: "Up to 50 project keys can be provided." */
const MAX_KEYS = 50;

/** Filters the document names that the site format cannot answer. */
const UNMODELLED_PARAMETERS = ['id', 'typeKey', 'categoryId', 'status', 'properties', 'propertyQuery'];
/** orderBy fields of the document the site format has no data for. */
const UNMODELLED_ORDER = new Set([
  'category',
  'owner',
  'issueCount',
  'lastIssueUpdatedDate',
  'archivedDate',
  'deletedDate',
]);

type Order = (a: SiteProject, b: SiteProject) => number;

const ORDERS: Readonly<Record<string, Order>> = {
  key: (a, b) => compareText(a.key, b.key),
  name: (a, b) => compareText(a.name, b.name) || compareText(a.key, b.key),
};

/** `orderBy` as the document spells it (`key`, `+key`, `-key`, ...): a comparator, or the 400 naming the gap. */
function orderParam(req: SimRequest): { ok: true; order: Order } | { ok: false; response: SimResponse } {
  const raw = req.query.get('orderBy') ?? 'key';
  const descending = raw.startsWith('-');
  const field = raw.startsWith('-') || raw.startsWith('+') ? raw.slice(1) : raw;
  const order = Object.hasOwn(ORDERS, field) ? ORDERS[field] : undefined;
  if (order) return { ok: true, order: descending ? (a, b) => order(b, a) : order };
  const message = UNMODELLED_ORDER.has(field)
    ? `The local Jira simulator does not model the orderBy value '${raw}'.`
    : `The orderBy value '${raw}' is not valid.`;
  return { ok: false, response: jiraError(400, [message]) };
}

/** The project exactly as GET /rest/api/3/project/{projectIdOrKey} sends it to this caller. */
function projectJson(ctx: RouteContext, req: SimRequest, project: SiteProject): unknown {
  return getProject(ctx, { ...req, params: { projectIdOrKey: project.id } }).body;
}

export function getProjectSearch(ctx: RouteContext, req: SimRequest): SimResponse {
  for (const unmodelled of UNMODELLED_PARAMETERS)
    if (req.query.has(unmodelled))
      return jiraError(400, [`The local Jira simulator does not model the ${unmodelled} parameter.`]);
  const action = req.query.get('action') ?? 'view';
  if (action !== 'view' && action !== 'browse')
    return jiraError(400, [`The local Jira simulator does not model the action '${action}'.`]);
  const startAt = intParam(req, 'startAt', 0, 0);
  if (!startAt.ok) return startAt.response;
  const max = intParam(req, 'maxResults', DEFAULT_MAX_RESULTS, 1);
  if (!max.ok) return max.response;
  const orderBy = orderParam(req);
  if (!orderBy.ok) return orderBy.response;

  const keys = req.query.getAll('keys');
  if (keys.length > MAX_KEYS)
    return jiraError(400, [`Up to ${MAX_KEYS} project keys can be provided; the request has ${keys.length}.`]);
  const wanted = keys.length > 0 ? new Set(keys) : undefined;
  const query = req.query.get('query') ?? '';
  const needle = query.toLowerCase();
  const matches = ctx.site.data.projects
    .filter(
      (p) =>
        canBrowseProject(req.caller, p) &&
        (wanted === undefined || wanted.has(p.key)) &&
        (p.key.toLowerCase().includes(needle) || p.name.toLowerCase().includes(needle)),
    )
    .sort(orderBy.order);
  const maxResults = Math.min(max.value, MAX_RESULTS_LIMIT);
  const pageUrl = (start: number): string => {
    const params = new URLSearchParams();
    if (req.query.has('query')) params.set('query', query);
    for (const key of keys) params.append('keys', key);
    params.set('orderBy', req.query.get('orderBy') ?? 'key');
    params.set('maxResults', String(maxResults));
    params.set('startAt', String(start));
    return `${ctx.siteUrl}/rest/api/3/project/search?${params.toString()}`;
  };
  return ok(pageBean(matches, startAt.value, maxResults, pageUrl, (p) => projectJson(ctx, req, p)));
}
