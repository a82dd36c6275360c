/**
 * What a user's last project-page read brought back from Jira (issue 13): the page's evidence
 * issues with their substance, kept per user and page so the next view asks Jira only for what
 * changed. Never shared: the key holds the account id Forge vouches for, and one user's read is
 * only ever given back to them.
 *
 * One entry is a small head (`evidence-read:<page>:<account>`) and its issues' JSON, deflated
 * (about a thirteenth of the size: fewer KVS reads, which Forge meters in 10 KB units), in base64
 * chunks of at most CHUNK_CHARS under the head's generation (`<head>#<generation>:<index>`). Chunks are
 * written first and the head last, so a write that stops half way leaves the old entry whole (its
 * orphaned chunks expire). Everything expires when unused for ENTRY_TTL_DAYS; a head whose settings
 * fingerprint, format or shape is not this version's, or whose chunks are missing or damaged, is
 * discarded and read afresh.
 *
 * Every KVS call counts against the invocation's budget (budgeted-kvs.ts), and a stored read is only
 * worth part of it (STORE_SHARE): a slow store costs the view its stored read, never its answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { canonicalJson } from '../core/canonical-json';
import { isJiraId } from '../core/jira-ids';
import { checked, flag, listOf, optional, recordOf, text, tryParse, valuesOf } from '../core/shape';
import type { EvidenceIssue } from '../core/types';
import type { ScopeProject } from '../contract/invoke';
import type { Budget } from '../jira/budget';
import type { CreatePermission } from '../jira/create-issue';
import { mapLimit } from '../concurrency';
import { BudgetedKvs } from './budgeted-kvs';
import { storedEvidenceIssue } from './evidence-shape';

/**
 * Bumped whenever what is stored, or what the reads put in it, changes: older entries then start afresh.
 * 2: chunk keys separate the account id with `#` (issue 19).
 * 3: issues carry their attachments and creation instant, and their histories the attachment, description
 *    and approver-field items (spec 12); a read stored before has none of them, and is read afresh once.
 */
export const READ_FORMAT = 3;
/** Unused this long, an entry is gone (KVS's own TTL). */
export const ENTRY_TTL_DAYS = 30;
/** Chunks are rewritten at least this often while used, so they never expire before their head. */
const CHUNK_REFRESH_MS = 7 * 86_400_000;
/** Characters of base64 per chunk: under Forge's 240 KiB per value. */
export const CHUNK_CHARS = 200 * 1024;
/** At most this many chunks (8 MB deflated, several hundred thousand issues): a larger read is not stored. */
export const MAX_CHUNKS = 40;
/** The issues' JSON is kept only up to this size (about 150,000 issues), so a stored read always fits in memory. */
const MAX_RAW_BYTES = 64 * 1024 * 1024;
/** People whose top-management membership is kept; more are read again each time. */
const MAX_MEMBERSHIP = 2_000;
const PARALLEL_KVS = 10;
/**
 * The part of what is left of the invocation's budget that loading, saving or discarding a stored read
 * may take: the rest stays for reading Jira in full, which a view can always fall back on.
 */
export const STORE_SHARE = 0.25;
const TTL = { ttl: { value: ENTRY_TTL_DAYS, unit: 'DAYS' as const } };

/** One stored read, as the resolvers use it. Instants are ISO strings from the app's clock. */
export interface StoredRead {
  /** The settings and reads this was made with (see readFingerprint). */
  fingerprint: string;
  project: { id: string; key: string; name: string };
  projects: ScopeProject[];
  /** When the newest read began: the next asks Jira for what changed since then. */
  readAt: string;
  /** When every issue was last read (a full read). */
  fullReadAt: string;
  /** When the issues that left the evidence were last looked for (a keys-only listing, or a full read). */
  sweptAt: string;
  /** Whether the user may create issues in the page's project, as Jira said at `sweptAt`. */
  permission?: CreatePermission;
  /** Top-management membership by account id, as read at `sweptAt`. */
  membership: Record<string, boolean>;
  /** What the read could not check (spec 8), said again when the read is served as stored. */
  notChecked: string[];
  issues: EvidenceIssue[];
}

interface Chunks {
  generation: string;
  count: number;
  /** Of the issues' JSON: the same issues are not written again. */
  hash: string;
  writtenAt: string;
}

interface Head extends Omit<StoredRead, 'issues'> {
  format: number;
  chunks: Chunks;
}

export interface LoadedRead {
  read: StoredRead;
  chunks: Chunks;
}

/** Every key of a stored read (head and chunks) starts so. */
export const READ_KEY_PREFIX = 'evidence-read:';
/**
 * The account id (core/jira-ids.ts) holds `:` ("557058:f58131cb-...") and may hold `.`, but neither
 * it nor a project key holds `#`. So a key's `<page>:<account>` ends at its first `#`, and no account
 * id, however made, names another user's head or chunk (with `:` after the account, the id
 * `<id>:<generation>:0` named that user's first chunk). Every character is one Forge KVS allows in a
 * key (`[a-zA-Z0-9:._\s-#]`), and the longest key, about 440 characters, is under its 500.
 */
const CHUNKS_AFTER = '#';

/** The head's key, or undefined for an account id or page key that cannot be a KVS key (never stored). */
function headKey(pageKey: string, accountId: string): string | undefined {
  return isJiraId('projectKey', pageKey) && isJiraId('accountId', accountId)
    ? `${READ_KEY_PREFIX}${pageKey}:${accountId}`
    : undefined;
}
const chunkKey = (head: string, generation: string, index: number) => `${head}${CHUNKS_AFTER}${generation}:${index}`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a stored read depends on: the settings, the fields read, and this format. Any change starts afresh. */
export function readFingerprint(config: unknown, fields: readonly string[]): string {
  return sha256(canonicalJson({ format: READ_FORMAT, config, fields }));
}

const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const instant = checked(isInstant, 'must be an ISO instant', '');
const isGeneration = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9]{1,40}$/.test(v);
const isChunkCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_CHUNKS;

/** A stored head: one of another format, or with any field not as written, is of no use. */
const HEAD = recordOf<Head>({
  format: checked((v): v is number => v === READ_FORMAT, `must be ${READ_FORMAT}`, READ_FORMAT),
  fingerprint: text,
  project: recordOf<StoredRead['project']>({ id: text, key: text, name: text }),
  projects: listOf(recordOf<ScopeProject>({ key: text, name: text, visible: flag })),
  readAt: instant,
  fullReadAt: instant,
  sweptAt: instant,
  permission: optional(recordOf<CreatePermission>({ canCreate: flag, problem: optional(text) })),
  membership: valuesOf(flag),
  notChecked: listOf(text),
  chunks: recordOf<Chunks>({
    generation: checked(isGeneration, 'must be letters and digits', ''),
    count: checked(isChunkCount, `must be a whole number from 0 to ${MAX_CHUNKS}`, 0),
    hash: text,
    writtenAt: instant,
  }),
});

/** The head as stored (only the fields it names), or undefined when it is not one. */
function headOf(value: unknown): Head | undefined {
  const parsed = tryParse(HEAD, value);
  return 'value' in parsed ? parsed.value : undefined;
}

async function deleteQuietly(store: BudgetedKvs, keys: readonly string[]): Promise<void> {
  // A delete that fails (or is too slow) leaves an entry that expires on its own; it must never fail the report.
  await mapLimit(keys, PARALLEL_KVS, async (key) => {
    try {
      await store.delete(key);
    } catch {
      /* expires on its own */
    }
  });
}

/**
 * The user's stored read of the page, when it was made with these settings and is whole. A head
 * or chunk that cannot be used is deleted (it would only fail again) and nothing is returned, so
 * the caller reads Jira in full. A KVS failure, or a store slower than STORE_SHARE of the budget,
 * is the same as no stored read.
 */
export async function loadRead(
  pageKey: string,
  accountId: string,
  fingerprint: string,
  budget: Budget,
): Promise<LoadedRead | undefined> {
  const key = headKey(pageKey, accountId);
  if (key === undefined) return undefined;
  const store = new BudgetedKvs(budget).share(STORE_SHARE);
  let raw: unknown;
  try {
    raw = await store.get(key);
  } catch {
    return undefined;
  }
  if (raw === undefined) return undefined;
  const head = headOf(raw);
  if (!head) {
    await deleteQuietly(store, [key]);
    return undefined;
  }
  const keys = Array.from({ length: head.chunks.count }, (_, i) => chunkKey(key, head.chunks.generation, i));
  // Made with other settings or reads (or damaged): of no use to any later view either.
  if (head.fingerprint !== fingerprint) {
    await deleteQuietly(store, [key, ...keys]);
    return undefined;
  }
  let values: unknown[];
  try {
    values = await mapLimit(keys, PARALLEL_KVS, (k) => store.get(k));
  } catch {
    return undefined;
  }
  const issues = unpack(values);
  if (!issues) {
    await deleteQuietly(store, [key, ...keys]);
    return undefined;
  }
  const { format: _format, chunks, ...read } = head;
  return { read: { ...read, issues }, chunks };
}

/** The issues as stored: their JSON, deflated, in base64 slices of CHUNK_CHARS; undefined when too large to keep. */
function pack(issues: readonly EvidenceIssue[]): { chunks: string[]; hash: string } | undefined {
  const text = JSON.stringify(issues);
  if (Buffer.byteLength(text, 'utf8') > MAX_RAW_BYTES) return undefined;
  const packed = deflateRawSync(text, { level: 6 }).toString('base64');
  const chunks: string[] = [];
  for (let i = 0; i < packed.length; i += CHUNK_CHARS) chunks.push(packed.slice(i, i + CHUNK_CHARS));
  return chunks.length > MAX_CHUNKS ? undefined : { chunks, hash: sha256(text) };
}

/** The stored issues, or undefined when the chunks are not what pack wrote (cut, edited, another format). */
function unpack(values: readonly unknown[]): EvidenceIssue[] | undefined {
  if (!values.every((v): v is string => typeof v === 'string')) return undefined;
  let parsed: unknown;
  try {
    const text = inflateRawSync(Buffer.from(values.join(''), 'base64'), { maxOutputLength: MAX_RAW_BYTES });
    parsed = JSON.parse(text.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const issues = parsed.map(storedEvidenceIssue);
  return issues.every((i) => i !== undefined) ? issues : undefined;
}

export type SaveOutcome = 'saved' | 'too-large' | 'failed' | 'not-storable';

/**
 * Stores `read` as the user's read of the page. The chunks are written again only when the issues
 * changed or the chunks are old (see CHUNK_REFRESH_MS); otherwise only the head, which renews the
 * entry's expiry. A read too large to store, or a KVS failure or slowness (STORE_SHARE of the
 * budget), leaves the previous entry as it was (or none) and is said in the outcome: the report
 * itself is never failed by storage. A head write given up on may still land later: it names
 * chunks already written, so the entry is whole either way.
 */
export async function saveRead(
  pageKey: string,
  accountId: string,
  read: StoredRead,
  now: Date,
  budget: Budget,
  previous?: Chunks,
): Promise<SaveOutcome> {
  const key = headKey(pageKey, accountId);
  if (key === undefined) return 'not-storable';
  const store = new BudgetedKvs(budget).share(STORE_SHARE);
  const packed = pack(read.issues);
  if (!packed) return 'too-large';
  const { hash } = packed;
  const fresh = previous !== undefined && now.getTime() - Date.parse(previous.writtenAt) < CHUNK_REFRESH_MS;
  const reuse = previous !== undefined && fresh && previous.hash === hash && previous.count === packed.chunks.length;
  const chunks: Chunks = reuse
    ? previous
    : {
        generation: `${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`,
        count: packed.chunks.length,
        hash,
        writtenAt: now.toISOString(),
      };
  const membership =
    Object.keys(read.membership).length <= MAX_MEMBERSHIP ? read.membership : ({} as Record<string, boolean>);
  const { issues: _issues, ...rest } = read;
  const head: Head = { ...rest, membership, format: READ_FORMAT, chunks };
  try {
    if (!reuse)
      await mapLimit([...packed.chunks.keys()], PARALLEL_KVS, (index) =>
        store.set(chunkKey(key, chunks.generation, index), packed.chunks[index], TTL),
      );
    await store.set(key, head, TTL);
  } catch {
    return 'failed';
  }
  // The replaced chunks, once the new head points past them.
  if (!reuse && previous)
    await deleteQuietly(
      store,
      Array.from({ length: previous.count }, (_, i) => chunkKey(key, previous.generation, i)),
    );
  return 'saved';
}

/** Forgets the user's read of the page (a stored read that turned out unusable). */
export async function discardRead(pageKey: string, accountId: string, budget: Budget, chunks?: Chunks): Promise<void> {
  const key = headKey(pageKey, accountId);
  if (key === undefined) return;
  const keys = chunks ? Array.from({ length: chunks.count }, (_, i) => chunkKey(key, chunks.generation, i)) : [];
  await deleteQuietly(new BudgetedKvs(budget).share(STORE_SHARE), [key, ...keys]);
}
