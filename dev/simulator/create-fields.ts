/**
 * The field values POST /issue accepts, each checked as Jira Cloud checks it and turned into what the issue then
 * holds. Messages are Jira's where known (see the README's choices); each goes under the field's id in `errors`.
 */
import { isJsonValue, isPlainObject, type JsonValue } from './json';
import { canBrowseProject } from './permissions';
import { fieldUser } from './site-builders';
import type { SiteIndex } from './site-index';
import { isDateTime } from './site-problems';
import type { SiteCustomField, SiteProject } from './site-types';

export type FieldCheck = { ok: true; value: JsonValue } | { ok: false; message: string };

const SUMMARY_MAX = 255;
const LABEL_MAX = 255;
export const NO_SUMMARY = 'You must specify a summary of the issue.';
export const NOT_A_DOCUMENT = 'Operation value must be an Atlassian Document';

const valid = (value: JsonValue): FieldCheck => ({ ok: true, value });
const invalid = (message: string): FieldCheck => ({ ok: false, message });

/** A value Jira counts as not given, for a required field. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function checkSummary(value: unknown): FieldCheck {
  if (typeof value !== 'string' || value.trim() === '') return invalid(NO_SUMMARY);
  if (value.length > SUMMARY_MAX) return invalid('Summary must be less than 255 characters.');
  if (/[\r\n]/.test(value)) return invalid('The summary is invalid because it contains newline characters.');
  return valid(value);
}

/** Labels as Jira stores them: without repeats, in the order given. */
export function checkLabels(value: unknown): FieldCheck {
  if (value === null) return valid([]);
  if (!Array.isArray(value)) return invalid('data was not an array');
  const labels: string[] = [];
  for (const label of value) {
    if (typeof label !== 'string') return invalid('data was not an array of strings');
    // The simulator's own text: Jira drops or refuses empty labels, undocumented which.
    if (label === '') return invalid('A label cannot be empty.');
    if (/\s/.test(label)) return invalid(`The label '${label}' contains spaces which is invalid.`);
    if (label.length > LABEL_MAX)
      return invalid(`The label '${label}' exceeds the maximum length for a single label of ${LABEL_MAX} characters.`);
    if (!labels.includes(label)) labels.push(label);
  }
  return valid(labels);
}

/** A date field (duedate, date pickers): YYYY-MM-DD naming a real day, or null. */
export function checkDate(value: unknown): FieldCheck {
  if (value === null) return valid(null);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day)
      return valid(text);
  }
  return invalid(`Error parsing date string: ${text}`);
}

function checkDateTime(value: unknown): FieldCheck {
  if (value === null || isDateTime(value)) return valid(value);
  return invalid(`Error parsing date string: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

/** Nodes all the way down: each an object with a type, content an array of nodes, text nodes with text. */
function isAdfNode(node: unknown, depth: number): boolean {
  if (depth > 100 || !isPlainObject(node) || typeof node['type'] !== 'string') return false;
  if (node['type'] === 'text' && typeof node['text'] !== 'string') return false;
  const content = node['content'];
  if (content === undefined) return true;
  return Array.isArray(content) && content.every((child) => isAdfNode(child, depth + 1));
}

/** description and multi-line text fields: an Atlassian Document Format document (REST v3), or null. */
export function checkDocument(value: unknown): FieldCheck {
  if (value === null) return valid(null);
  if (!isPlainObject(value) || value['type'] !== 'doc' || value['version'] !== 1 || !Array.isArray(value['content']))
    return invalid(NOT_A_DOCUMENT);
  return isAdfNode(value, 0) && isJsonValue(value) ? valid(value) : invalid(NOT_A_DOCUMENT);
}

/**
 * `{ accountId }` of an active site user, or null; stored as the user object issues carry. `assignableIn`: the
 * user must also browse that project, the simulator's stand-in for Jira's "Assignable user" permission.
 */
export function checkUser(site: SiteIndex, value: unknown, assignableIn?: SiteProject): FieldCheck {
  if (value === null) return valid(null);
  const accountId = isPlainObject(value) ? value['accountId'] : undefined;
  if (typeof accountId !== 'string') return invalid('Specify the user by accountId.');
  const user = site.users.get(accountId);
  if (!user?.active) return invalid(`User '${accountId}' does not exist.`);
  if (assignableIn && !canBrowseProject({ kind: 'user', user }, assignableIn))
    return invalid(`User '${accountId}' cannot be assigned issues.`);
  return valid(fieldUser(user));
}

const TEXTAREA = 'com.atlassian.jira.plugin.system.customfieldtypes:textarea';

/** A custom field's value by its schema; types the simulator does not know are stored as given. */
export function checkCustomField(site: SiteIndex, field: SiteCustomField, value: unknown): FieldCheck {
  const { type, items, custom } = field.schema;
  if (type === 'date') return checkDate(value);
  if (type === 'datetime') return checkDateTime(value);
  if (type === 'user') return checkUser(site, value);
  if (type === 'number')
    return value === null || typeof value === 'number' ? valid(value) : invalid('Operation value must be a number');
  if (type === 'string' && custom === TEXTAREA) return checkDocument(value);
  if (type === 'string')
    return value === null || typeof value === 'string' ? valid(value) : invalid('Operation value must be a string');
  if (type === 'array' && items === 'user') {
    if (value === null) return valid(null);
    if (!Array.isArray(value)) return invalid('data was not an array');
    const users: JsonValue[] = [];
    for (const entry of value) {
      const check = checkUser(site, entry);
      if (!check.ok) return check;
      users.push(check.value);
    }
    return valid(users);
  }
  // A parsed request body is JSON all through; the guard only tells the compiler so.
  return isJsonValue(value) ? valid(value) : invalid('Operation value must be JSON');
}
