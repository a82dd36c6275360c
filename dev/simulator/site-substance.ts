/**
 * Validation of what the app reads beyond the search fields (spec section 8): groups, changelog histories,
 * remote links, and the shape of the issue fields that carry people, documents and decisions (attachment,
 * comment, issuelinks, description, user-picker custom fields). Problems are reported with their JSON path, as
 * in site.ts; ids Jira would have assigned are filled in by `assignIds`.
 */
import { isJsonObject, isPlainObject, type JsonObject, type JsonValue } from './json';
import { describe, isDateTime, type Problems } from './site-problems';
import type {
  SiteChangeHistory,
  SiteChangeItem,
  SiteCustomField,
  SiteGroup,
  SiteIssue,
  SiteRemoteLink,
} from './site-types';

export const USER_PICKER_TYPE = 'com.atlassian.jira.plugin.system.customfieldtypes:userpicker';
export const MULTI_USER_PICKER_TYPE = 'com.atlassian.jira.plugin.system.customfieldtypes:multiuserpicker';

const NUMERIC_ID = /^[1-9][0-9]*$/;
const ACCOUNT_TYPES = new Set(['atlassian', 'app', 'customer', 'unknown']);
const ITEM_TEXT_KEYS = ['fieldtype', 'fieldId', 'from', 'fromString', 'to', 'toString'] as const;

/** Own properties only: JSON objects inherit `toString` from Object.prototype, and a change item has its own. */
const own = (obj: Record<string, unknown>, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

function knownUsers(p: Problems, ids: readonly string[], path: string, userIds: ReadonlySet<string>): void {
  ids.forEach((accountId, i) => {
    if (!userIds.has(accountId)) p.add(`${path}[${i}]`, `unknown user '${accountId}' (not in users)`);
  });
}

export function readGroup(
  p: Problems,
  raw: unknown,
  path: string,
  userIds: ReadonlySet<string>,
): SiteGroup | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const groupId = p.string(obj, 'groupId', path);
  const name = p.string(obj, 'name', path);
  const members = p.stringArray(obj, 'members', path, true);
  knownUsers(p, members, `${path}.members`, userIds);
  if (groupId === undefined || name === undefined) return undefined;
  return { groupId, name, members };
}

function readChangeItem(p: Problems, raw: unknown, path: string): SiteChangeItem | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  for (const key of Object.keys(obj)) {
    if (key !== 'field' && !(ITEM_TEXT_KEYS as readonly string[]).includes(key))
      p.add(`${path}.${key}`, `not a changelog item property (field, ${ITEM_TEXT_KEYS.join(', ')})`);
  }
  const field = p.string(obj, 'field', path);
  const entries: Array<[string, string | null]> = [];
  for (const key of ITEM_TEXT_KEYS) {
    const value = own(obj, key);
    if (value === undefined) continue;
    if (typeof value === 'string' || (value === null && key !== 'fieldtype' && key !== 'fieldId'))
      entries.push([key, value]);
    else
      p.add(`${path}.${key}`, `expected a string${key.startsWith('field') ? '' : ' or null'}, got ${describe(value)}`);
  }
  return field === undefined ? undefined : { field, ...Object.fromEntries(entries) };
}

export function readHistory(
  p: Problems,
  raw: unknown,
  path: string,
  userIds: ReadonlySet<string>,
): SiteChangeHistory | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const id = p.string(obj, 'id', path, { optional: true, pattern: NUMERIC_ID });
  const author = obj['author'];
  if (author !== null && author !== undefined) {
    if (typeof author !== 'string') p.add(`${path}.author`, `expected an account id or null, got ${describe(author)}`);
    else if (!userIds.has(author)) p.add(`${path}.author`, `unknown user '${author}' (not in users)`);
  }
  const created = obj['created'];
  if (!isDateTime(created)) p.add(`${path}.created`, `expected a Jira date-time string, got ${describe(created)}`);
  const rawItems = p.array(obj['items'], `${path}.items`);
  if (Array.isArray(obj['items']) && rawItems.length === 0)
    p.add(`${path}.items`, 'a changelog entry changes at least one field');
  const items = rawItems.map((item, i) => readChangeItem(p, item, `${path}.items[${i}]`));
  if (!isDateTime(created) || items.some((i) => i === undefined) || rawItems.length === 0) return undefined;
  return {
    ...(id !== undefined ? { id } : {}),
    author: typeof author === 'string' ? author : null,
    created,
    items: items.filter((i): i is SiteChangeItem => i !== undefined),
  };
}

export function readRemoteLink(p: Problems, raw: unknown, path: string): SiteRemoteLink | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const known = new Set(['id', 'globalId', 'application', 'relationship', 'object', 'self']);
  for (const key of Object.keys(obj)) {
    if (!known.has(key))
      p.add(`${path}.${key}`, 'not a remote link property (id, globalId, application, relationship, object)');
  }
  const id = obj['id'];
  if (id !== undefined && !(typeof id === 'number' && Number.isSafeInteger(id) && id > 0))
    p.add(`${path}.id`, `expected a positive whole number, got ${describe(id)}`);
  const globalId = p.string(obj, 'globalId', path, { optional: true });
  const relationship = p.string(obj, 'relationship', path, { optional: true });
  const application = obj['application'];
  if (application !== undefined && !isJsonObject(application))
    p.add(`${path}.application`, `expected an object, got ${describe(application)}`);
  const target = p.object(obj['object'], `${path}.object`);
  const url = target ? p.string(target, 'url', `${path}.object`) : undefined;
  const title = target ? p.string(target, 'title', `${path}.object`) : undefined;
  if (target && !isJsonObject(target)) p.add(`${path}.object`, 'contains values that are not JSON');
  if (!target || !isJsonObject(target) || url === undefined || title === undefined) return undefined;
  return {
    ...(typeof id === 'number' ? { id } : {}),
    ...(globalId !== undefined ? { globalId } : {}),
    ...(isJsonObject(application) ? { application } : {}),
    ...(relationship !== undefined ? { relationship } : {}),
    object: { ...target, url, title },
  };
}

function checkUserObject(p: Problems, value: JsonValue, path: string): void {
  if (!isPlainObject(value)) {
    p.add(path, `expected a user object, got ${describe(value)}`);
    return;
  }
  p.string(value, 'accountId', path);
  const accountType = value['accountType'];
  if (accountType !== undefined && !(typeof accountType === 'string' && ACCOUNT_TYPES.has(accountType)))
    p.add(`${path}.accountType`, `expected atlassian, app, customer or unknown, got ${describe(accountType)}`);
}

function checkObjectList(
  p: Problems,
  value: JsonValue | undefined,
  path: string,
  check: (item: JsonObject, itemPath: string) => void,
): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    p.add(path, `expected an array, got ${describe(value)}`);
    return;
  }
  value.forEach((item, i) => {
    if (isJsonObject(item)) check(item, `${path}[${i}]`);
    else p.add(`${path}[${i}]`, `expected an object, got ${describe(item)}`);
  });
}

function checkAuthor(p: Problems, item: JsonObject, path: string): void {
  const author = item['author'];
  if (author !== undefined && author !== null) checkUserObject(p, author, `${path}.author`);
}

/** Shapes of the fields spec 8 reads, as Jira REST v3 sends them; `fp` is the path of `fields`. */
export function checkSubstanceFields(
  p: Problems,
  fields: Record<string, JsonValue>,
  fp: string,
  customFields: ReadonlyMap<string, SiteCustomField>,
): void {
  // Attachment, as Jira lists them: spec section 12 compares `created` with the approval time.
  checkObjectList(p, fields['attachment'], `${fp}.attachment`, (item, path) => {
    p.string(item, 'id', path);
    p.string(item, 'filename', path);
    if (!isDateTime(item['created']))
      p.add(`${path}.created`, `expected a Jira date-time string, got ${describe(item['created'])}`);
    checkAuthor(p, item, path);
  });

  const comment = fields['comment'];
  if (comment !== undefined && comment !== null) {
    if (!isJsonObject(comment)) p.add(`${fp}.comment`, `expected an object, got ${describe(comment)}`);
    else {
      const comments = comment['comments'];
      if (!Array.isArray(comments)) p.add(`${fp}.comment.comments`, `expected an array, got ${describe(comments)}`);
      else checkObjectList(p, comments, `${fp}.comment.comments`, (item, path) => checkAuthor(p, item, path));
      for (const count of ['total', 'maxResults', 'startAt']) {
        const n = comment[count];
        if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n >= 0))
          p.add(`${fp}.comment.${count}`, `expected a whole number, got ${describe(n)}`);
      }
    }
  }

  checkObjectList(p, fields['issuelinks'], `${fp}.issuelinks`, (link, path) => {
    p.object(link['type'], `${path}.type`);
    const sides = ['inwardIssue', 'outwardIssue'].filter((side) => link[side] !== undefined);
    // An issue's own field names only the other issue of each link.
    if (sides.length !== 1) p.add(path, 'expected exactly one of inwardIssue and outwardIssue');
    for (const side of sides) {
      const other = p.object(link[side], `${path}.${side}`);
      if (other && typeof other['id'] !== 'string' && typeof other['key'] !== 'string')
        p.add(`${path}.${side}`, 'names the linked issue by neither id nor key');
    }
  });

  const description = fields['description'];
  if (description !== undefined && description !== null) {
    if (!isPlainObject(description) || description['type'] !== 'doc' || !Array.isArray(description['content']))
      p.add(
        `${fp}.description`,
        `expected an Atlassian Document Format document ({ type: 'doc', content: [...] }) or null, got ${describe(description)}`,
      );
  }

  for (const [fieldId, field] of customFields) {
    const value = fields[fieldId];
    if (value === undefined || value === null) continue;
    const { type, items } = field.schema;
    if (type === 'user') checkUserObject(p, value, `${fp}.${fieldId}`);
    else if (type === 'array' && items === 'user') {
      if (!Array.isArray(value))
        p.add(`${fp}.${fieldId}`, `a multi-user picker holds an array, got ${describe(value)}`);
      else value.forEach((user, i) => checkUserObject(p, user, `${fp}.${fieldId}[${i}]`));
    }
  }
}

/**
 * Gives every history and remote link without an id the next free one, as Jira numbers them site-wide, after
 * checking that the ids given (attachment ids too) are unique. Returns the issues with ids filled in.
 */
export function assignIds(p: Problems, issues: readonly SiteIssue[], issuesPath: string): SiteIssue[] {
  const historyIds = new Set<string>();
  const linkIds = new Set<number>();
  issues.forEach((issue, i) => {
    issue.histories?.forEach((h, j) => {
      if (h.id === undefined) return;
      if (historyIds.has(h.id)) p.add(`${issuesPath}[${i}].histories[${j}].id`, `duplicate history id '${h.id}'`);
      historyIds.add(h.id);
    });
    issue.remoteLinks?.forEach((l, j) => {
      if (l.id === undefined) return;
      if (linkIds.has(l.id)) p.add(`${issuesPath}[${i}].remoteLinks[${j}].id`, `duplicate remote link id ${l.id}`);
      linkIds.add(l.id);
    });
  });
  // Attachment ids are unique on a Jira site, as history ids are.
  const attachmentIds = new Set<string>();
  issues.forEach((issue, i) => {
    const attachments = issue.fields['attachment'];
    if (!Array.isArray(attachments)) return;
    attachments.forEach((a, j) => {
      const id = isPlainObject(a) ? a['id'] : undefined;
      if (typeof id !== 'string') return;
      if (attachmentIds.has(id))
        p.add(`${issuesPath}[${i}].fields.attachment[${j}].id`, `duplicate attachment id '${id}'`);
      attachmentIds.add(id);
    });
  });
  let nextHistory = [...historyIds].reduce((max, id) => Math.max(max, Number(id)), 10000) + 1;
  let nextLink = [...linkIds].reduce((max, id) => Math.max(max, id), 10000) + 1;
  return issues.map((issue) => ({
    ...issue,
    ...(issue.histories
      ? { histories: issue.histories.map((h) => (h.id !== undefined ? h : { ...h, id: String(nextHistory++) })) }
      : {}),
    ...(issue.remoteLinks
      ? { remoteLinks: issue.remoteLinks.map((l) => (l.id !== undefined ? l : { ...l, id: nextLink++ })) }
      : {}),
  }));
}
