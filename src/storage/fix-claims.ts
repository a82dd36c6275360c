/**
 * One fixing issue per project and category at a time (spec 10: a double click or a second tab
 * never creates two). Jira's search may lag a new issue by seconds, so the search for an open
 * issue is not enough: a create first claims the right to create here, which only one request
 * can win, then records the issue it created.
 *
 * Claims come in generations (issue 19), because KVS offers no compare-and-set on a value, only a
 * key that can be written once (FAIL_IF_EXISTS). The record of a project and category is the
 * first claim (generation 0) and, later, a copy of the newest one. When its issue is done or gone,
 * or its create was abandoned, the next create claims the next generation under a key of its
 * own: every request that saw the same finished claim contends for that same key, and only one
 * wins. (Deleting the record and claiming it anew let two requests each delete and then win.)
 * The winner points the record at its generation and issue once Jira created it. Every call draws
 * on the invocation's budget (budgeted-kvs.ts), like the rest of the app's storage.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { isRecord } from '../core/guards';
import type { CategoryId } from '../core/types';
import { AppError } from '../errors';
import type { BudgetedKvs } from './budgeted-kvs';
import { isKeyConflict } from './kvs-errors';

/** A claim without an issue older than this is taken over: its create failed or never answered. */
export const CLAIM_TIMEOUT_MS = 60_000;

/**
 * How long a generation's own key is kept. It matters only while the record still points at the
 * generation before: during its create, and for the requests that read the record before it moved
 * on, each within one invocation (25 s). Once it expires, taking it again is the same as taking the
 * next: the record has moved past it, or its create was abandoned. So superseded claims go away.
 */
const GENERATION_TTL = { value: 1, unit: 'DAYS' } as const;

export interface FixClaim {
  /** When the claim was made (epoch ms). */
  at: number;
  /** Which claim of the project and category: 0 for the first, and for claims stored before generations. */
  generation: number;
  /** The issue created under it, once Jira answered. */
  issueKey?: string;
}

/** A claim this request won: the right to create, and where to record what it created. */
export interface ClaimTicket {
  projectKey: string;
  categoryId: CategoryId;
  generation: number;
  at: number;
}

const recordKey = (projectKey: string, categoryId: CategoryId): string => `fix-claim:${projectKey}:${categoryId}`;

/** Generation 0 is the record itself; each later one has a key naming its number. */
const generationKey = (projectKey: string, categoryId: CategoryId, generation: number): string =>
  generation === 0 ? recordKey(projectKey, categoryId) : `${recordKey(projectKey, categoryId)}:${generation}`;

const ticketKey = (ticket: ClaimTicket): string =>
  generationKey(ticket.projectKey, ticket.categoryId, ticket.generation);

function claimOf(value: unknown): FixClaim | undefined {
  if (!isRecord(value) || typeof value.at !== 'number') return undefined;
  const generation =
    typeof value.generation === 'number' && Number.isInteger(value.generation) && value.generation >= 0
      ? value.generation
      : 0;
  const claim: FixClaim = { at: value.at, generation };
  if (typeof value.issueKey === 'string') claim.issueKey = value.issueKey;
  return claim;
}

/** The record: the newest claim known for the project and category. */
export async function readClaim(
  store: BudgetedKvs,
  projectKey: string,
  categoryId: CategoryId,
): Promise<FixClaim | undefined> {
  return claimOf(await store.get(recordKey(projectKey, categoryId)));
}

const inProgress = () =>
  new AppError(
    'CONFLICT',
    'This issue is being created from another tab or click. Reload the page in a moment to see it.',
  );

export type TakeResult = { won: true } | { won: false; holder: FixClaim | undefined };

/**
 * Claims the ticket's generation, which only one request can do. When another holds it, the
 * claim it holds: under way, finished (with its issue) or abandoned; undefined when it went away
 * between the two calls (its create was refused, or it expired).
 */
export async function takeClaim(store: BudgetedKvs, ticket: ClaimTicket): Promise<TakeResult> {
  const key = ticketKey(ticket);
  const claim: FixClaim = { at: ticket.at, generation: ticket.generation };
  try {
    await store.set(key, claim, {
      keyPolicy: 'FAIL_IF_EXISTS',
      ...(ticket.generation === 0 ? {} : { ttl: GENERATION_TTL }),
    });
    return { won: true };
  } catch (error) {
    if (!isKeyConflict(error)) throw error;
  }
  return { won: false, holder: claimOf(await store.get(key)) };
}

/**
 * Records the issue created under the ticket. A later generation writes its own key and the
 * record in one transaction, so the record only ever moves forward: a newer generation exists
 * only once this one's claim timed out, long after this invocation ended.
 */
export async function recordFix(store: BudgetedKvs, ticket: ClaimTicket, issueKey: string): Promise<void> {
  const claim: FixClaim = { at: ticket.at, generation: ticket.generation, issueKey };
  const record = recordKey(ticket.projectKey, ticket.categoryId);
  if (ticket.generation === 0) {
    await store.set(record, claim);
    return;
  }
  await store.run(() =>
    kvs.transact().set(ticketKey(ticket), claim, undefined, { ttl: GENERATION_TTL }).set(record, claim).execute(),
  );
}

/** Gives the ticket's generation back, when the create was refused: the next request takes it. */
export async function releaseClaim(store: BudgetedKvs, ticket: ClaimTicket): Promise<void> {
  await store.delete(ticketKey(ticket));
}

/** Pages of claims read for a project: ten categories and their recent generations fit in one or two. */
const MAX_CLAIM_PAGES = 5;
const CLAIM_PAGE = 20;

/**
 * The issues Create issue made in the project, from its claims: each is the fix of its category,
 * whatever the evidence around it says (see openFixIssues). One query, paged.
 */
export async function createdIssueKeys(store: BudgetedKvs, projectKey: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_CLAIM_PAGES; page += 1) {
    const query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(`fix-claim:${projectKey}:`))
      .limit(CLAIM_PAGE);
    const found = await store.run(() => (cursor ? query.cursor(cursor) : query).getMany());
    for (const { value } of found.results) {
      const claim = claimOf(value);
      if (claim?.issueKey) keys.add(claim.issueKey);
    }
    cursor = found.nextCursor;
    if (!cursor) break;
  }
  return keys;
}

/** A claim still under way: another request is creating the issue right now. */
export function isUnderWay(claim: FixClaim, now: number): boolean {
  return claim.issueKey === undefined && now - claim.at < CLAIM_TIMEOUT_MS;
}

export { inProgress as claimInProgress };
