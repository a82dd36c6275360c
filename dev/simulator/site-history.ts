/**
 * Builders for the history spec section 12 reads: an attachment added or removed, a description edited, each at a
 * time and by a person, written the way Jira writes them: the issue's fields change (`fields.attachment`,
 * `fields.description`, `fields.updated`) and the issue gains a changelog entry with one item.
 *
 * The items, as Jira Cloud writes them (ChangeDetails in Atlassian's OpenAPI document, and real captures):
 * - attachment added: `{ field: 'Attachment', fieldtype: 'jira', fieldId: 'attachment', from: null, fromString: null,
 *   to: <attachment id>, toString: <file name> }`;
 * - attachment removed: `{ ..., from: <attachment id>, fromString: <file name>, to: null, toString: null }`;
 * - description edited: `{ field: 'description', fieldtype: 'jira', fieldId: 'description', from: null, fromString:
 *   <old text or null>, to: <a reference to the new version, or null when emptied>, toString: <new text or null> }`.
 *   Real Cloud answers put `{"id":"ari:cloud:jira:<site>:issuefieldvalue/<issue id>/description","version":"1"}` in
 *   `to` (not text) and leave `from` null even when there was an old text (real-jira/devlake-cloud-issue-changelog-
 *   values.json, entries 57278 and 78079); Jira Cloud renders the texts as wiki markup, the simulator as plain text.
 * An attachment that comes with the issue (`fields.attachment` of the site data, or given at creation) has no
 * changelog item, as in Jira: only changes after creation are history.
 *
 * Generic over the issue shape, so both site data (`SiteIssue`) and the demo's issue JSON can use them.
 */
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import type { SiteAccountType, SiteChangeHistory, SiteChangeItem } from './site-types';

/** Who made a change: enough of a site user for the history's author and the attachment's `author`. */
export interface ChangeAuthor {
  accountId: string;
  displayName: string;
  active?: boolean;
  accountType?: SiteAccountType;
}

/** Any issue object with fields and a site changelog: `SiteIssue`, or the demo's issue JSON. */
export interface ChangeableIssue {
  id: string;
  fields: Record<string, unknown>;
  histories?: SiteChangeHistory[];
}

/** The site Jira's description references name; any fixed UUID does. */
export const SIMULATOR_CLOUD_ID = '5e1a7c0d-0000-4000-8000-00000000c105';
const DEFAULT_SITE_URL = 'https://example.atlassian.net';

/** The item of an attachment added after the issue was created. */
export function attachmentAdded(attachment: { id: string; filename: string }): SiteChangeItem {
  return {
    field: 'Attachment',
    fieldtype: 'jira',
    fieldId: 'attachment',
    from: null,
    fromString: null,
    to: attachment.id,
    toString: attachment.filename,
  };
}

/** The item Jira writes when someone sets a user-picker custom field (an approver field) to `user`. */
export function userPickerSet(field: { id: string; name: string }, user: ChangeAuthor): SiteChangeItem {
  return {
    field: field.name,
    fieldtype: 'custom',
    fieldId: field.id,
    from: null,
    fromString: null,
    to: user.accountId,
    toString: user.displayName,
  };
}

/** The item of an attachment deleted from the issue. */
export function attachmentRemoved(attachment: { id: string; filename: string }): SiteChangeItem {
  return {
    field: 'Attachment',
    fieldtype: 'jira',
    fieldId: 'attachment',
    from: attachment.id,
    fromString: attachment.filename,
    to: null,
    toString: null,
  };
}

/** The reference Jira Cloud puts in `to` of a description item (a versioned field value, not the text). */
export function descriptionReference(issueId: string): string {
  return JSON.stringify({
    id: `ari:cloud:jira:${SIMULATOR_CLOUD_ID}:issuefieldvalue/${issueId}/description`,
    version: '1',
  });
}

/** The item of a description edit; texts are what Jira shows (null for an empty description). */
export function descriptionChange(issueId: string, before: string | null, after: string | null): SiteChangeItem {
  return {
    field: 'description',
    fieldtype: 'jira',
    fieldId: 'description',
    from: null,
    fromString: before,
    to: after === null ? null : descriptionReference(issueId),
    toString: after,
  };
}

function textOf(node: JsonValue): string {
  if (!isJsonObject(node)) return '';
  if (node['type'] === 'text' && typeof node['text'] === 'string') return node['text'];
  const content = node['content'];
  return Array.isArray(content) ? content.map(textOf).join('') : '';
}

/**
 * A description as the text a changelog item carries: an Atlassian Document Format document's blocks as plain text
 * separated by blank lines, a (v2) string as it is; null when there is no text.
 */
export function descriptionText(description: unknown): string | null {
  if (typeof description === 'string') return description.trim() === '' ? null : description;
  if (!isJsonObject(description)) return null;
  const content = description['content'];
  const text = Array.isArray(content)
    ? content
        .map(textOf)
        .filter((block) => block.trim() !== '')
        .join('\n\n')
    : '';
  return text === '' ? null : text;
}

/** An attachment as `fields.attachment` lists it (Attachment in the OpenAPI document). */
export function siteAttachment(
  spec: { id: string; filename: string; mimeType?: string; size?: number },
  created: string,
  author: ChangeAuthor,
  siteUrl = DEFAULT_SITE_URL,
): JsonObject {
  return {
    self: `${siteUrl}/rest/api/3/attachment/${spec.id}`,
    id: spec.id,
    filename: spec.filename,
    author: {
      accountId: author.accountId,
      accountType: author.accountType ?? 'atlassian',
      displayName: author.displayName,
      active: author.active ?? true,
    },
    created,
    size: spec.size ?? 48_213,
    mimeType: spec.mimeType ?? 'application/pdf',
    content: `${siteUrl}/rest/api/3/attachment/content/${spec.id}`,
  };
}

const attachmentsOf = (issue: ChangeableIssue): JsonObject[] => {
  const list = issue.fields['attachment'];
  return Array.isArray(list) ? list.filter(isJsonObject) : [];
};

/**
 * The next attachment id for an issue: after every id it has or had (its attachments and its changelog's
 * attachment items), starting at `<issue id>01` as the demo's issues number theirs.
 */
export function nextAttachmentId(issue: ChangeableIssue): string {
  const ids = [
    ...attachmentsOf(issue).map((a) => a['id']),
    ...(issue.histories ?? []).flatMap((h) =>
      h.items.filter((item) => item['fieldId'] === 'attachment').flatMap((item) => [item['from'], item['to']]),
    ),
  ].flatMap((id) => (typeof id === 'string' && /^\d+$/.test(id) ? [Number(id)] : []));
  const first = Number(`${issue.id}01`);
  return String(ids.reduce((max, id) => Math.max(max, id + 1), first));
}

/** `updated` moves to the change's time when it is later, as any edit moves it in Jira. */
function updatedAfter(fields: Record<string, unknown>, at: string): string {
  const updated = fields['updated'];
  return typeof updated === 'string' && Date.parse(updated) >= Date.parse(at) ? updated : at;
}

export interface AttachmentAddition {
  /** Default: the next free id on the issue (`nextAttachmentId`). */
  id?: string;
  filename: string;
  mimeType?: string;
  size?: number;
  /** A Jira date-time string: the attachment's `created` and the changelog entry's. */
  at: string;
  by: ChangeAuthor;
  siteUrl?: string;
}

/** "Attachment X added at T by P": the attachment in `fields.attachment`, and its changelog item. */
export function withAttachmentAdded<T extends ChangeableIssue>(issue: T, addition: AttachmentAddition): T {
  const id = addition.id ?? nextAttachmentId(issue);
  const attachment = siteAttachment({ ...addition, id }, addition.at, addition.by, addition.siteUrl);
  const history: SiteChangeHistory = {
    author: addition.by.accountId,
    created: addition.at,
    items: [attachmentAdded({ id, filename: addition.filename })],
  };
  return {
    ...issue,
    fields: {
      ...issue.fields,
      attachment: [...attachmentsOf(issue), attachment],
      updated: updatedAfter(issue.fields, addition.at),
    },
    histories: [...(issue.histories ?? []), history],
  };
}

/** "Attachment X removed at T by P": gone from `fields.attachment`, with the changelog item that says so. */
export function withAttachmentRemoved<T extends ChangeableIssue>(
  issue: T,
  removal: { id: string; at: string; by: ChangeAuthor },
): T {
  const attachments = attachmentsOf(issue);
  const removed = attachments.find((a) => a['id'] === removal.id);
  const filename = removed?.['filename'];
  if (typeof filename !== 'string') throw new Error(`no attachment '${removal.id}' on issue ${issue.id}`);
  const history: SiteChangeHistory = {
    author: removal.by.accountId,
    created: removal.at,
    items: [attachmentRemoved({ id: removal.id, filename })],
  };
  return {
    ...issue,
    fields: {
      ...issue.fields,
      attachment: attachments.filter((a) => a !== removed),
      updated: updatedAfter(issue.fields, removal.at),
    },
    histories: [...(issue.histories ?? []), history],
  };
}

/**
 * "Description changed at T by P": `fields.description` becomes `description` (an Atlassian Document Format
 * document, or null), with the changelog item that carries the old and new text.
 */
export function withDescriptionChanged<T extends ChangeableIssue>(
  issue: T,
  change: { description: Record<string, unknown> | null; at: string; by: ChangeAuthor },
): T {
  const history: SiteChangeHistory = {
    author: change.by.accountId,
    created: change.at,
    items: [
      descriptionChange(issue.id, descriptionText(issue.fields['description']), descriptionText(change.description)),
    ],
  };
  return {
    ...issue,
    fields: { ...issue.fields, description: change.description, updated: updatedAfter(issue.fields, change.at) },
    histories: [...(issue.histories ?? []), history],
  };
}
