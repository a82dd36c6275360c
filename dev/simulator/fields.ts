/**
 * Jira's field catalogue (GET /field) and the `fields` parameter: which fields an issue response carries.
 * Search defaults to `id` only and issue GET to `*all`, as in Jira, so code that forgets to ask for a field
 * gets nothing here too.
 */
import { expandedChangelogJson } from './changelog';
import { isPlainObject, type JsonValue } from './json';
import { canSeeIssue, type Caller } from './permissions';
import type { IndexedIssue, SiteIndex } from './site-index';
import type { SiteFieldSchema } from './site-types';

export interface FieldDetails {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: SiteFieldSchema;
}

function system(
  id: string,
  name: string,
  type: string,
  clauseNames: string[],
  extra: { orderable?: boolean; navigable?: boolean; items?: string } = {},
): FieldDetails {
  return {
    id,
    key: id,
    name,
    custom: false,
    orderable: extra.orderable ?? false,
    navigable: extra.navigable ?? true,
    searchable: true,
    clauseNames,
    schema: { type, system: id, ...(extra.items ? { items: extra.items } : {}) },
  };
}

/** The system fields the simulator's issues can carry; ids, types and clause names as in Jira Cloud. */
export const SYSTEM_FIELDS: readonly FieldDetails[] = [
  {
    id: 'issuekey',
    key: 'issuekey',
    name: 'Key',
    custom: false,
    orderable: false,
    navigable: true,
    searchable: false,
    clauseNames: ['id', 'issue', 'issuekey', 'key'],
  },
  system('summary', 'Summary', 'string', ['summary'], { orderable: true }),
  system('description', 'Description', 'string', ['description'], { orderable: true }),
  system('project', 'Project', 'project', ['project']),
  system('issuetype', 'Issue Type', 'issuetype', ['issuetype', 'type'], { orderable: true }),
  system('status', 'Status', 'status', ['status']),
  {
    id: 'statusCategory',
    key: 'statusCategory',
    name: 'Status Category',
    custom: false,
    orderable: false,
    navigable: false,
    searchable: true,
    clauseNames: ['statusCategory'],
  },
  system('resolution', 'Resolution', 'resolution', ['resolution'], { orderable: true }),
  system('priority', 'Priority', 'priority', ['priority'], { orderable: true }),
  system('labels', 'Labels', 'array', ['labels'], { orderable: true, items: 'string' }),
  system('assignee', 'Assignee', 'user', ['assignee'], { orderable: true }),
  system('reporter', 'Reporter', 'user', ['reporter'], { orderable: true }),
  system('attachment', 'Attachment', 'array', ['attachments'], {
    orderable: true,
    navigable: false,
    items: 'attachment',
  }),
  system('comment', 'Comment', 'comments-page', ['comment'], { orderable: true, navigable: false }),
  system('issuelinks', 'Linked Issues', 'array', ['issueLink'], { orderable: true, items: 'issuelinks' }),
  system('creator', 'Creator', 'user', ['creator']),
  system('created', 'Created', 'datetime', ['created', 'createdDate']),
  system('updated', 'Updated', 'datetime', ['updated', 'updatedDate']),
  system('resolutiondate', 'Resolved', 'datetime', ['resolutiondate', 'resolved']),
  system('statuscategorychangedate', 'Status Category Changed', 'datetime', ['statusCategoryChangedDate']),
  system('duedate', 'Due date', 'date', ['due', 'duedate'], { orderable: true }),
  system('security', 'Security Level', 'securitylevel', ['level'], { orderable: true }),
];

const SYSTEM_FIELD_IDS = new Set(SYSTEM_FIELDS.map((f) => f.id));

export function allFieldDetails(site: SiteIndex): FieldDetails[] {
  const custom = site.data.fields.map((f): FieldDetails => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [...(f.schema.customId !== undefined ? [`cf[${f.schema.customId}]`] : []), f.name],
    schema: f.schema,
  }));
  return [...SYSTEM_FIELDS.map((f) => ({ ...f, clauseNames: [...f.clauseNames] })), ...custom];
}

export interface FieldSelection {
  all: boolean;
  include: ReadonlySet<string>;
  exclude: ReadonlySet<string>;
}

/** Reads `fields` values (each may be a comma list, as Jira allows); an empty request means `fallback`. */
export function parseFieldSelection(values: readonly string[], fallback: string): FieldSelection {
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  const effective = names.length > 0 ? names : [fallback];
  const include = new Set<string>();
  const exclude = new Set<string>();
  let all = false;
  for (const name of effective) {
    if (name === '*all' || name === '*navigable') all = true;
    else if (name.startsWith('-')) exclude.add(name.slice(1));
    else include.add(name);
  }
  return { all, include, exclude };
}

/** True when only `id` and/or `key` are asked for: Jira's larger page size applies. */
export function isIdOrKeyOnly(selection: FieldSelection): boolean {
  return !selection.all && [...selection.include].every((f) => f === 'id' || f === 'key');
}

const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

export type IssueResponse =
  | { id: string }
  | {
      expand: string;
      id: string;
      self: string;
      key: string;
      fields: Record<string, JsonValue>;
      changelog?: Record<string, JsonValue>;
    };

export interface ProjectionOptions {
  selection: FieldSelection;
  siteUrl: string;
  /** Search answers a request for `id` alone with `{ id }` only; issue GET always has the full envelope. */
  idOnlyShape: boolean;
  /** Who asks: links to issues they cannot see are left out of `issuelinks`, as Jira does. */
  caller: Caller;
  /** expand=changelog: how many of the most recent entries to send; undefined: no changelog. */
  changelogMax?: number;
}

/** What Jira sends for a field the issue has no value for, when the field is asked for by name. */
function emptyValue(site: SiteIndex, name: string, issueId: string, siteUrl: string): JsonValue | undefined {
  if (name === 'attachment' || name === 'issuelinks') return [];
  if (name === 'comment')
    return {
      comments: [],
      self: `${siteUrl}/rest/api/3/issue/${issueId}/comment`,
      maxResults: 0,
      total: 0,
      startAt: 0,
    };
  return SYSTEM_FIELD_IDS.has(name) || site.customFields.has(name) ? null : undefined;
}

/** The other issue of a link, when it is on this site and the caller cannot see it. */
function linksHiddenIssue(site: SiteIndex, caller: Caller, link: JsonValue): boolean {
  if (!isPlainObject(link)) return false;
  const other = link['inwardIssue'] ?? link['outwardIssue'];
  if (!isPlainObject(other)) return false;
  const ref = typeof other['id'] === 'string' ? other['id'] : typeof other['key'] === 'string' ? other['key'] : '';
  const found = site.findIssue(ref);
  return found !== undefined && !canSeeIssue(caller, found);
}

/** Builds the issue object for a response, carrying only the selected fields. */
export function projectIssue(site: SiteIndex, indexed: IndexedIssue, options: ProjectionOptions): IssueResponse {
  const { selection, siteUrl, caller } = options;
  const { issue } = indexed;
  if (
    options.idOnlyShape &&
    options.changelogMax === undefined &&
    !selection.all &&
    [...selection.include].every((f) => f === 'id')
  )
    return { id: issue.id };
  const source = issue.fields;
  const fields: Record<string, JsonValue> = {};
  if (selection.all) {
    for (const [name, value] of Object.entries(source)) if (value !== undefined) fields[name] = value;
    // `*all` names every field: Jira sends those the issue has no value for empty too (`attachment: []`,
    // `duedate: null`), as the captured answers show, so a reader cannot tell "none" from "not asked".
    for (const name of [...SYSTEM_FIELD_IDS, ...site.customFields.keys()]) {
      if (fields[name] !== undefined) continue;
      const empty = emptyValue(site, name, issue.id, siteUrl);
      if (empty !== undefined) fields[name] = empty;
    }
  }
  for (const name of selection.include) {
    if (name === 'id' || name === 'key') continue;
    // Jira sends an empty value for a known field the issue has no value for, and ignores unknown names.
    const value = source[name] ?? emptyValue(site, name, issue.id, siteUrl);
    if (value !== undefined) fields[name] = value;
  }
  for (const name of selection.exclude) Reflect.deleteProperty(fields, name);
  const links = fields['issuelinks'];
  if (Array.isArray(links)) fields['issuelinks'] = links.filter((link) => !linksHiddenIssue(site, caller, link));
  return {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: `${siteUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
    ...(options.changelogMax !== undefined
      ? { changelog: expandedChangelogJson(site, indexed, siteUrl, options.changelogMax) }
      : {}),
  };
}

/** Reads `expand` values (comma lists, possibly repeated): whether `changelog` is among them. */
export function expandsChangelog(values: readonly string[]): boolean {
  return values.flatMap((v) => v.split(',')).some((v) => v.trim() === 'changelog');
}
