/**
 * Jira's field catalogue (GET /field) and the `fields` parameter: which fields an issue response carries.
 * Search defaults to `id` only and issue GET to `*all`, as in Jira, so code that forgets to ask for a field
 * gets nothing here too.
 */
import type { JsonValue } from './json';
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
  extra: { orderable?: boolean; items?: string } = {},
): FieldDetails {
  return {
    id,
    key: id,
    name,
    custom: false,
    orderable: extra.orderable ?? false,
    navigable: true,
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
  { id: string } | { expand: string; id: string; self: string; key: string; fields: Record<string, JsonValue> };

/**
 * Builds the issue object for a response, carrying only the selected fields. `idOnlyShape`: search answers
 * a request for `id` alone with `{ id }` only; issue GET always has the full envelope.
 */
export function projectIssue(
  site: SiteIndex,
  indexed: IndexedIssue,
  selection: FieldSelection,
  siteUrl: string,
  idOnlyShape: boolean,
): IssueResponse {
  const { issue } = indexed;
  if (idOnlyShape && !selection.all && [...selection.include].every((f) => f === 'id')) return { id: issue.id };
  const source = issue.fields;
  const fields: Record<string, JsonValue> = {};
  if (selection.all) {
    for (const [name, value] of Object.entries(source)) if (value !== undefined) fields[name] = value;
  }
  for (const name of selection.include) {
    if (name === 'id' || name === 'key') continue;
    const value = source[name];
    if (value !== undefined) fields[name] = value;
    // Jira returns null for a known field the issue has no value for, and ignores unknown names.
    else if (SYSTEM_FIELD_IDS.has(name) || site.customFields.has(name)) fields[name] = null;
  }
  for (const name of selection.exclude) Reflect.deleteProperty(fields, name);
  return {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: `${siteUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
}
