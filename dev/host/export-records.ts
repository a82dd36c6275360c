/**
 * What an export made for spec section 8 carries beyond the fields, turned into the simulator's site format:
 * `changelog.histories` (a search with expand=changelog; authors as user objects) become `histories` (authors by
 * account id, each author becoming a site user), `remotelinks` (what GET /issue/{key}/remotelink returns) become
 * `remoteLinks`, and a plain-text description (a REST v2 export) becomes an Atlassian Document Format document.
 */
import { isRecord } from '../../src/core/guards';

export interface ExportUser {
  accountId: string;
  displayName: string;
  active: boolean;
  jiraAdmin: boolean;
  accountType?: 'atlassian' | 'app';
}

const ITEM_KEYS = ['fieldtype', 'fieldId', 'from', 'fromString', 'to', 'toString'] as const;

/** The user an export names, or undefined for one without an account id (a deleted or anonymous user). */
export function exportUser(value: unknown): ExportUser | undefined {
  if (!isRecord(value) || typeof value.accountId !== 'string' || value.accountId === '') return undefined;
  return {
    accountId: value.accountId,
    displayName: typeof value.displayName === 'string' && value.displayName ? value.displayName : value.accountId,
    active: value.active !== false,
    jiraAdmin: false,
    ...(value.accountType === 'app' ? { accountType: 'app' as const } : {}),
  };
}

function changeItem(value: unknown): Record<string, string | null> | undefined {
  if (!isRecord(value) || typeof value.field !== 'string' || value.field === '') return undefined;
  const item: Record<string, string | null> = { field: value.field };
  // Own entries only: an item without `toString` would otherwise yield Object's method.
  for (const [key, v] of Object.entries(value)) {
    if (!(ITEM_KEYS as readonly string[]).includes(key)) continue;
    if (typeof v === 'string') item[key] = v;
    else if (v === null && key !== 'fieldtype' && key !== 'fieldId') item[key] = null;
  }
  return item;
}

/**
 * Site histories from an exported issue: `changelog.histories` in Jira's shape, or `histories` already in the
 * site's. `addUser` is called for every author, so the site knows them. Entries without a time or a field are
 * dropped, as the simulator could not serve them.
 */
export function exportHistories(
  issue: Record<string, unknown>,
  addUser: (user: ExportUser) => void,
): unknown[] | undefined {
  const changelog = issue.changelog;
  if (isRecord(changelog) && Array.isArray(changelog.histories)) {
    return changelog.histories.flatMap((entry: unknown) => {
      if (!isRecord(entry) || typeof entry.created !== 'string' || !Array.isArray(entry.items)) return [];
      const items: Array<Record<string, string | null>> = [];
      for (const raw of entry.items) {
        const item = changeItem(raw);
        if (item) items.push(item);
      }
      if (items.length === 0) return [];
      const author = exportUser(entry.author);
      if (author) addUser(author);
      return [{ author: author?.accountId ?? null, created: entry.created, items }];
    });
  }
  if (!Array.isArray(issue.histories)) return undefined;
  const histories: unknown[] = issue.histories;
  for (const entry of histories) {
    if (isRecord(entry) && typeof entry.author === 'string')
      addUser({ accountId: entry.author, displayName: entry.author, active: true, jiraAdmin: false });
  }
  return histories;
}

/** Site remote links from an exported issue's `remotelinks` (Jira's answer) or `remoteLinks` (the site's). */
export function exportRemoteLinks(issue: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(issue.remoteLinks)) {
    const links: unknown[] = issue.remoteLinks;
    return links;
  }
  if (!Array.isArray(issue.remotelinks)) return undefined;
  const exported: unknown[] = issue.remotelinks;
  return exported.flatMap((link) => {
    if (!isRecord(link) || !isRecord(link.object)) return [];
    const { url, title } = link.object;
    if (typeof url !== 'string' || url === '') return [];
    return [
      {
        ...(typeof link.id === 'number' && Number.isSafeInteger(link.id) && link.id > 0 ? { id: link.id } : {}),
        ...(typeof link.globalId === 'string' && link.globalId ? { globalId: link.globalId } : {}),
        ...(isRecord(link.application) ? { application: link.application } : {}),
        ...(typeof link.relationship === 'string' && link.relationship ? { relationship: link.relationship } : {}),
        object: { ...link.object, url, title: typeof title === 'string' && title ? title : url },
      },
    ];
  });
}

/** A REST v2 (plain or wiki text) description as an ADF document, one paragraph a line; ADF and null unchanged. */
export function adfDescription(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lines = value.split(/\r?\n/).filter((line) => line.trim() !== '');
  return {
    type: 'doc',
    version: 1,
    content:
      lines.length === 0
        ? [{ type: 'paragraph', content: [] }]
        : lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

export type ExportFieldType = 'date' | 'datetime' | 'user' | 'users' | 'any';

/** A custom field's type as its value shows it: dates, a single-user picker or a multi-user picker. */
export function fieldTypeOf(value: unknown): ExportFieldType {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return 'datetime';
  if (exportUser(value)) return 'user';
  if (Array.isArray(value) && value.length > 0 && value.every((v) => exportUser(v) !== undefined)) return 'users';
  return 'any';
}

/** The schema Jira gives a custom field of that type. */
export function fieldSchema(type: ExportFieldType, customId: number): Record<string, unknown> {
  if (type === 'user')
    return { type: 'user', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:userpicker', customId };
  if (type === 'users')
    return {
      type: 'array',
      items: 'user',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multiuserpicker',
      customId,
    };
  return { type, customId };
}
