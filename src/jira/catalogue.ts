import { route } from '@forge/api';
import type { DateField } from '../contract/invoke';
import { isRecord } from '../core/guards';
import type { JiraClient } from './client';
import { failureOf } from './errors';

const LABEL_PAGE = 1000;
const MAX_LABEL_PAGES = 5;
export const MAX_SUGGESTIONS = 50;

/**
 * Labels that exist in Jira whose text contains the query (case-insensitive), for the admin
 * page's suggestions. Jira's label list has no search, so a few pages are read and filtered.
 */
export async function suggestLabels(client: JiraClient, query: string): Promise<string[]> {
  const needle = query.toLowerCase();
  const found: string[] = [];
  for (let page = 0; page < MAX_LABEL_PAGES && found.length < MAX_SUGGESTIONS; page += 1) {
    const response = await client.get(route`/rest/api/3/label?startAt=${page * LABEL_PAGE}&maxResults=${LABEL_PAGE}`);
    if (response.status !== 200) throw failureOf(response, 'the labels');
    const body = response.body;
    const values =
      typeof body === 'object' && body !== null && 'values' in body && Array.isArray(body.values) ? body.values : [];
    for (const value of values) {
      if (typeof value === 'string' && value.toLowerCase().includes(needle) && found.length < MAX_SUGGESTIONS)
        found.push(value);
    }
    const isLast = typeof body === 'object' && body !== null && 'isLast' in body ? body.isLast !== false : true;
    if (isLast || values.length === 0) break;
  }
  return found.sort((a, b) => a.localeCompare(b));
}

/** Jira's date and datetime fields, for the effective-date setting. */
export async function dateFields(client: JiraClient): Promise<DateField[]> {
  const response = await client.get(route`/rest/api/3/field`);
  if (response.status !== 200) throw failureOf(response, 'the fields');
  const body: unknown[] = Array.isArray(response.body) ? response.body : [];
  const fields: DateField[] = [];
  for (const field of body) {
    if (!isRecord(field)) continue;
    const { id, name, schema } = field;
    const type = isRecord(schema) ? schema.type : undefined;
    if (typeof id === 'string' && typeof name === 'string' && (type === 'date' || type === 'datetime'))
      fields.push({ id, name, type });
  }
  return fields.sort((a, b) => a.name.localeCompare(b.name));
}
