/**
 * The reads of spec 8.1 and 8.2 beyond the search, as the user: changelogs in bulk (up to 1,000 issues
 * a request, paged), group membership once per distinct person, remote links only for the issues that
 * still need a document. Nothing here is read per issue but the remote links 8.2 allows.
 */
import { route } from '@forge/api';
import { isRecord } from '../core/guards';
import type { ChangeEntry, RemoteLinkFact } from '../core/substance-types';
import { AppError } from '../errors';
import { keptFields, toChangeEntries, type KeptFields } from './changelog';
import type { JiraClient } from './client';
import { failureOf } from './errors';
import { mapLimit } from '../concurrency';
import { toRemoteLinks } from './remote-links';

export const CHANGELOG_BATCH = 1000;
/** Fewer issues than this are not split further: one more request is worth a round saved, not less. */
export const CHANGELOG_BATCH_MIN = 250;
const CHANGELOG_PAGE_MAX = 10_000;
/**
 * The fields whose history is asked for: who signed (status, labels, spec 8.2) and what changed after
 * (attachments, the description, spec 12.2); the approver field's id is added when one is set. Fewer
 * fields would leave an approval's changes unseen; more only make the pages longer.
 */
export const CHANGELOG_FIELDS: readonly string[] = ['status', 'labels', 'attachment', 'description'];

/** The bulk fetch's `fieldIds`, and the items the reader keeps: CHANGELOG_FIELDS plus the approver field (12.1). */
export function changelogFields(approverField?: string | null): { fieldIds: string[]; kept: KeptFields } {
  const extra = approverField && !CHANGELOG_FIELDS.includes(approverField) ? [approverField] : [];
  return { fieldIds: [...CHANGELOG_FIELDS, ...extra], kept: keptFields(extra) };
}

type ChangelogFields = ReturnType<typeof changelogFields>;
/** Per-person and per-issue reads at once: quick, and gentle on Jira's per-second limits. */
export const PARALLEL_LOOKUPS = 8;
export const PARALLEL_BATCHES = 10;

export interface ReadResult<T> {
  value: T;
  /** Why some of it could not be read; undefined when all of it was. */
  gap?: string;
}

// A read that Jira refuses or fails costs its checks, never the report: they then say they could not be made.
const transient = (error: unknown): error is AppError => error instanceof AppError;

interface ChangelogPage {
  logs: { issueId: string; histories: unknown }[];
  nextPageToken?: string;
}

function changelogPage(body: unknown): ChangelogPage {
  if (!isRecord(body) || !Array.isArray(body.issueChangeLogs))
    throw new AppError(
      'JIRA_UNAVAILABLE',
      'Jira answered the changelog request with something that is not changelogs.',
    );
  const logs = body.issueChangeLogs.flatMap((log) =>
    isRecord(log) && typeof log.issueId === 'string' ? [{ issueId: log.issueId, histories: log.changeHistories }] : [],
  );
  const token = typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : undefined;
  return { logs, nextPageToken: token };
}

/** Every page of one batch of at most 1,000 issues; a token that repeats ends the batch as unread. */
async function changelogBatch(
  client: JiraClient,
  issueIds: string[],
  { fieldIds, kept }: ChangelogFields,
): Promise<Map<string, ChangeEntry[]>> {
  const byIssue = new Map<string, ChangeEntry[]>(issueIds.map((id) => [id, []]));
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const response = await client.post(route`/rest/api/3/changelog/bulkfetch`, {
      issueIdsOrKeys: issueIds,
      fieldIds,
      // The most the document allows: Jira pages at what it will, so this asks for the fewest pages.
      maxResults: CHANGELOG_PAGE_MAX,
      ...(token ? { nextPageToken: token } : {}),
    });
    if (response.status !== 200) throw failureOf(response, 'the issues’ history');
    const page = changelogPage(response.body);
    for (const log of page.logs) byIssue.get(log.issueId)?.push(...toChangeEntries(log.histories, kept));
    token = page.nextPageToken;
    if (token && seen.has(token))
      throw new AppError('JIRA_UNAVAILABLE', 'Jira served the same page of issue history twice.');
    if (token) seen.add(token);
  } while (token);
  return byIssue;
}

/**
 * The issues in batches of at most 1,000, as many as are read at once when there are enough issues:
 * a batch's pages come one after another, so ten batches of 600 take two rounds where six of 1,000
 * take three. A small read stays one request.
 */
export function changelogBatches(issueIds: readonly string[]): string[][] {
  const count = Math.max(
    Math.ceil(issueIds.length / CHANGELOG_BATCH),
    Math.min(PARALLEL_BATCHES, Math.ceil(issueIds.length / CHANGELOG_BATCH_MIN)),
  );
  const size = Math.ceil(issueIds.length / Math.max(count, 1));
  const batches: string[][] = [];
  for (let i = 0; i < issueIds.length; i += size) batches.push(issueIds.slice(i, i + size));
  return batches;
}

/**
 * The history of each issue (CHANGELOG_FIELDS and the approver field, `approverField`), by issue id.
 * An issue whose batch could not be read is missing from the map: its approver and its approval time
 * are then unknown, never guessed.
 */
export async function bulkChangelogs(
  client: JiraClient,
  issueIds: string[],
  approverField?: string | null,
): Promise<ReadResult<Map<string, ChangeEntry[]>>> {
  const batches = changelogBatches(issueIds);
  const fields = changelogFields(approverField);
  const value = new Map<string, ChangeEntry[]>();
  let gap: string | undefined;
  // Batches at once, like the search's pages: each is one request per page of 1,000 entries.
  await mapLimit(batches, PARALLEL_BATCHES, async (batch) => {
    try {
      for (const [id, entries] of await changelogBatch(client, batch, fields)) value.set(id, entries);
    } catch (error) {
      if (!transient(error)) throw error;
      gap = `The history of ${batch.length} issues could not be read (${error.message}), so who signed them off is unknown, as is what changed after their approval.`;
    }
  });
  return gap ? { value, gap } : { value };
}

export const NO_BROWSE_USERS = "you lack Jira's Browse users and groups permission";

/**
 * Group ids of each person, read once per person; persons whose groups could not be read are left out.
 * `permitted`: an earlier read already had Jira answer for someone, so the viewer may browse users and
 * nobody is read alone first.
 */
export async function groupsOfPeople(
  client: JiraClient,
  accountIds: string[],
  { permitted = false }: { permitted?: boolean } = {},
): Promise<ReadResult<Map<string, string[]>>> {
  const value = new Map<string, string[]>();
  let gap: string | undefined;
  const lookUp = async (accountId: string): Promise<void> => {
    // One refusal answers for everyone: the viewer lacks the permission, so stop asking.
    if (gap === NO_BROWSE_USERS) return;
    try {
      const response = await client.get(route`/rest/api/3/user/groups?accountId=${accountId}`);
      if (response.status === 401 || response.status === 403) gap = NO_BROWSE_USERS;
      // A person Jira no longer knows (a deleted account) is in no group.
      else if (response.status === 404) value.set(accountId, []);
      else if (response.status !== 200) throw failureOf(response, 'a person’s groups');
      else
        value.set(
          accountId,
          (Array.isArray(response.body) ? response.body : []).flatMap((g: unknown) =>
            isRecord(g) && typeof g.groupId === 'string' ? [g.groupId] : [],
          ),
        );
    } catch (error) {
      if (!transient(error)) throw error;
      gap ??= `Jira did not say which groups some people are in (${error.message})`;
    }
  };
  // The first person alone: a viewer without the permission is refused once, not once per person.
  const people = [...new Set(accountIds)];
  const alone = permitted ? 0 : 1;
  for (const person of people.slice(0, alone)) await lookUp(person);
  await mapLimit(people.slice(alone), PARALLEL_LOOKUPS, lookUp);
  return gap ? { value, gap } : { value };
}

/** Remote links of each issue, by key; an issue whose links could not be read is left out. */
export async function remoteLinksOf(
  client: JiraClient,
  keys: string[],
): Promise<ReadResult<Map<string, RemoteLinkFact[]>>> {
  const value = new Map<string, RemoteLinkFact[]>();
  let gap: string | undefined;
  await mapLimit(keys, PARALLEL_LOOKUPS, async (key) => {
    try {
      const response = await client.get(route`/rest/api/3/issue/${key}/remotelink`);
      // 403: issue linking is switched off on the site, so there are no remote links to read.
      if (response.status === 200 || response.status === 403)
        value.set(key, response.status === 200 ? toRemoteLinks(response.body) : []);
      else if (response.status !== 404) throw failureOf(response, `the remote links of ${key}`);
    } catch (error) {
      if (!transient(error)) throw error;
      gap ??= `Some remote links could not be read (${error.message}).`;
    }
  });
  return gap ? { value, gap } : { value };
}
