/**
 * Jira's fields as the settings need them (spec 8.8): every field with the kind of user picker it
 * is, for the save's checks and the names the admin page shows, and the user-picker fields for
 * the approver and attendees pickers.
 */
import { route } from '@forge/api';
import { isRecord } from '../core/guards';
import type { UserField } from '../contract/invoke';
import type { JiraClient } from './client';
import { failureOf, unreadableAnswer } from './errors';

/** A field as the checks need it: its name, and which kind of user picker it is, if any. */
export interface FieldInfo {
  name: string;
  users: 'single' | 'multi' | null;
}

/** A single user (`user`) or a list of users (`array` of `user`), as Jira's field schema says. */
function usersKind(schema: unknown): FieldInfo['users'] {
  if (!isRecord(schema)) return null;
  if (schema.type === 'user') return 'single';
  return schema.type === 'array' && schema.items === 'user' ? 'multi' : null;
}

/** Every field Jira has, by id. */
export async function readFields(client: JiraClient): Promise<Map<string, FieldInfo>> {
  const response = await client.get(route`/rest/api/3/field`);
  if (response.status !== 200) throw failureOf(response, 'the fields');
  if (!Array.isArray(response.body)) throw unreadableAnswer('field list');
  const fields = new Map<string, FieldInfo>();
  for (const field of response.body as unknown[]) {
    if (isRecord(field) && typeof field.id === 'string' && typeof field.name === 'string')
      fields.set(field.id, { name: field.name, users: usersKind(field.schema) });
  }
  return fields;
}

/** The user-picker custom fields (system ones such as the assignee are the app's own facts already). */
export async function userFields(client: JiraClient): Promise<UserField[]> {
  const fields: UserField[] = [];
  for (const [id, field] of await readFields(client)) {
    if (id.startsWith('customfield_') && field.users !== null)
      fields.push({ id, name: field.name, multi: field.users === 'multi' });
  }
  return fields.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
