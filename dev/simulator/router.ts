/** The endpoint table. Anything not listed is a 404 (unknown path) or 405 (known path, wrong method). */
import type { RouteContext, SimRequest, SimResponse } from './http-types';
import { bulkFetchChangelogs } from './routes/changelog';
import { createIssue } from './routes/create-issue';
import { getCreateMetaIssueTypes, getIssueTypes } from './routes/issue-types';
import { getGroupMembers } from './routes/group-members';
import { getMyPermissions } from './routes/mypermissions';
import { getGroupBulk, getGroupsPicker, getUser, getUserGroups, getUserPicker } from './routes/people';
import { getProjectSearch } from './routes/project-search';
import { getRemoteLinks } from './routes/remote-links';
import { getFields, getIssue, getLabels, getMyself, getProject } from './routes/resources';
import { approximateCount, searchJqlGet, searchJqlPost } from './routes/search';

export type Handler = (ctx: RouteContext, req: SimRequest) => SimResponse;

interface Route {
  method: 'GET' | 'POST';
  /** Path as written in Atlassian's OpenAPI document, e.g. /rest/api/3/issue/{issueIdOrKey}. */
  template: string;
  pattern: RegExp;
  paramNames: string[];
  handler: Handler;
}

function route(method: 'GET' | 'POST', template: string, handler: Handler): Route {
  const paramNames: string[] = [];
  const source = template
    .split('/')
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part);
      if (!param?.[1]) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  return { method, template, pattern: new RegExp(`^${source}$`), paramNames, handler };
}

const ROUTES: readonly Route[] = [
  route('GET', '/rest/api/3/search/jql', searchJqlGet),
  route('POST', '/rest/api/3/search/jql', searchJqlPost),
  route('POST', '/rest/api/3/search/approximate-count', approximateCount),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}', getIssue),
  route('POST', '/rest/api/3/issue', createIssue),
  route('GET', '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes', getCreateMetaIssueTypes),
  route('GET', '/rest/api/3/issuetype', getIssueTypes),
  // Before project/{projectIdOrKey}, which would take `search` for a project key.
  route('GET', '/rest/api/3/project/search', getProjectSearch),
  route('GET', '/rest/api/3/project/{projectIdOrKey}', getProject),
  route('GET', '/rest/api/3/mypermissions', getMyPermissions),
  route('GET', '/rest/api/3/label', getLabels),
  route('GET', '/rest/api/3/field', getFields),
  route('GET', '/rest/api/3/myself', getMyself),
  route('POST', '/rest/api/3/changelog/bulkfetch', bulkFetchChangelogs),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}/remotelink', getRemoteLinks),
  route('GET', '/rest/api/3/user', getUser),
  route('GET', '/rest/api/3/user/groups', getUserGroups),
  route('GET', '/rest/api/3/user/picker', getUserPicker),
  route('GET', '/rest/api/3/groups/picker', getGroupsPicker),
  route('GET', '/rest/api/3/group/bulk', getGroupBulk),
  route('GET', '/rest/api/3/group/member', getGroupMembers),
];

/** The implemented operations, for checking them against the OpenAPI document. */
export const IMPLEMENTED_OPERATIONS: ReadonlyArray<{ method: 'GET' | 'POST'; template: string }> = ROUTES.map(
  ({ method, template }) => ({ method, template }),
);

export type RouteMatch =
  | { kind: 'found'; method: 'GET' | 'POST'; template: string; handler: Handler; params: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allowed: string[] };

export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    if (r.method !== method) {
      allowed.push(r.method);
      continue;
    }
    const params: Record<string, string> = {};
    try {
      r.paramNames.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
    } catch {
      // A malformed percent-escape names no resource.
      return { kind: 'not-found' };
    }
    return { kind: 'found', method: r.method, template: r.template, handler: r.handler, params };
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
