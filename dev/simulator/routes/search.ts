/**
 * GET|POST /rest/api/3/search/jql and POST /rest/api/3/search/approximate-count.
 * Token paging with `isLast` and no `total`, Jira's page caps, `fields` defaulting to `id`; injected page faults
 * (keys dropped, a token that does not advance) are applied to the page that would have been sent.
 */
import { expandsChangelog, isIdOrKeyOnly, parseFieldSelection, projectIssue } from '../fields';
import { searchJql } from '../jql-search';
import { decodePageToken, encodePageToken } from '../page-token';
import { jiraError, ok, type RouteContext, type SimRequest, type SimResponse } from '../http-types';
import { checkBody } from './body';

const DEFAULT_MAX_RESULTS = 50;
const INVALID_TOKEN = 'The provided next page token is invalid or expired.';

interface SearchParams {
  jql: string;
  fields: string[];
  maxResults: number;
  nextPageToken: string | undefined;
  /** expand=changelog asked for. */
  changelog: boolean;
}

function runSearch(ctx: RouteContext, req: SimRequest, params: SearchParams): SimResponse {
  if (!Number.isInteger(params.maxResults) || params.maxResults < 1) {
    return jiraError(400, [
      `The maxResults value '${params.maxResults}' is not valid: it must be a whole number greater than 0.`,
    ]);
  }
  let offset = 0;
  if (params.nextPageToken !== undefined) {
    const decoded = decodePageToken(params.nextPageToken, params.jql);
    if (decoded === undefined) return jiraError(400, [INVALID_TOKEN]);
    offset = decoded;
  }
  const result = searchJql(ctx.site, req.caller, params.jql, ctx.now());
  if (!result.ok) return jiraError(400, result.errors);

  const selection = parseFieldSelection(params.fields, 'id');
  // A page that carries changelogs is a page with fields: Jira's smaller cap applies.
  const cap =
    isIdOrKeyOnly(selection) && !params.changelog ? ctx.limits.maxResultsIdsOnly : ctx.limits.maxResultsWithFields;
  const page = result.issues.slice(offset, offset + Math.min(params.maxResults, cap));
  const isLast = offset + page.length >= result.issues.length;
  const dropKeys = ctx.pageFault?.kind === 'drop-keys' ? ctx.pageFault.entries : 0;
  const issues = page.map((issue, i) => {
    const json = projectIssue(ctx.site, issue, {
      selection,
      siteUrl: ctx.siteUrl,
      idOnlyShape: true,
      caller: req.caller,
      ...(params.changelog ? { changelogMax: ctx.limits.changelogExpandMax } : {}),
    });
    if (i >= dropKeys || !('key' in json)) return json;
    const { key: _key, ...keyless } = json;
    return keyless;
  });
  if (ctx.pageFault?.kind === 'repeat-page')
    return ok({ issues, nextPageToken: encodePageToken(offset, params.jql), isLast: false });
  return ok({
    issues,
    ...(isLast ? {} : { nextPageToken: encodePageToken(offset + page.length, params.jql) }),
    isLast,
  });
}

export function searchJqlGet(ctx: RouteContext, req: SimRequest): SimResponse {
  const rawMax = req.query.get('maxResults');
  if (rawMax !== null && !/^-?[0-9]+$/.test(rawMax))
    return jiraError(400, [`The maxResults value '${rawMax}' is not a number.`]);
  return runSearch(ctx, req, {
    jql: req.query.get('jql') ?? '',
    fields: req.query.getAll('fields'),
    maxResults: rawMax === null ? DEFAULT_MAX_RESULTS : Number(rawMax),
    nextPageToken: req.query.get('nextPageToken') ?? undefined,
    changelog: expandsChangelog(req.query.getAll('expand')),
  });
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Property checks for SearchAndReconcileRequestBean; Jira rejects unknown or mistyped properties. */
const SEARCH_BODY_PROPERTIES: Record<string, (v: unknown) => boolean> = {
  jql: (v) => typeof v === 'string',
  nextPageToken: (v) => typeof v === 'string' || v === null,
  maxResults: (v) => typeof v === 'number' && Number.isInteger(v),
  fields: isStringArray,
  expand: (v) => typeof v === 'string',
  properties: isStringArray,
  fieldsByKeys: (v) => typeof v === 'boolean',
  failFast: (v) => typeof v === 'boolean',
  reconcileIssues: (v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x)),
};

export function searchJqlPost(ctx: RouteContext, req: SimRequest): SimResponse {
  const checked = checkBody(req.body, SEARCH_BODY_PROPERTIES);
  if (!checked.ok) return checked.response;
  const { jql, fields, maxResults, nextPageToken, expand } = checked.body;
  return runSearch(ctx, req, {
    jql: typeof jql === 'string' ? jql : '',
    fields: isStringArray(fields) ? fields : [],
    maxResults: typeof maxResults === 'number' ? maxResults : DEFAULT_MAX_RESULTS,
    nextPageToken: typeof nextPageToken === 'string' ? nextPageToken : undefined,
    changelog: typeof expand === 'string' && expandsChangelog([expand]),
  });
}

export function approximateCount(ctx: RouteContext, req: SimRequest): SimResponse {
  const checked = checkBody(req.body, { jql: (v) => typeof v === 'string' });
  if (!checked.ok) return checked.response;
  const jql = checked.body['jql'];
  const result = searchJql(ctx.site, req.caller, typeof jql === 'string' ? jql : '', ctx.now());
  if (!result.ok) return jiraError(400, result.errors);
  return ok({ count: result.issues.length });
}
