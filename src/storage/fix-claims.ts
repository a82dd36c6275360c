/**
 * One fixing issue per project and category at a time (spec 10: a double click or a second tab
 * never creates two). Jira's search may lag a new issue by seconds, so the search for an open
 * issue is not enough: a create first claims the key here with FAIL_IF_EXISTS, which only one
 * request can win, then records the issue it created.
 */
import { kvs } from '@forge/kvs';
import { isRecord } from '../core/guards';
import type { CategoryId } from '../core/types';
import { AppError } from '../resolvers/app-error';
import { isKeyConflict } from './kvs-errors';

/** A claim without an issue older than this is taken over: its create failed or never answered. */
export const CLAIM_TIMEOUT_MS = 60_000;

export interface FixClaim {
  /** When the claim was made (epoch ms). */
  at: number;
  /** The issue created under it, once Jira answered. */
  issueKey?: string;
}

const claimKey = (projectKey: string, categoryId: CategoryId): string => `fix-claim:${projectKey}:${categoryId}`;

function claimOf(value: unknown): FixClaim | undefined {
  if (!isRecord(value) || typeof value.at !== 'number') return undefined;
  return typeof value.issueKey === 'string' ? { at: value.at, issueKey: value.issueKey } : { at: value.at };
}

export async function readClaim(projectKey: string, categoryId: CategoryId): Promise<FixClaim | undefined> {
  return claimOf(await kvs.get(claimKey(projectKey, categoryId)));
}

const inProgress = () =>
  new AppError(
    'CONFLICT',
    'This issue is being created from another tab or click. Reload the page in a moment to see it.',
  );

/**
 * Claims the right to create; refuses with CONFLICT while another create is under way. A claim
 * that is finished (`issueKey`) or timed out is released by the caller first (`releaseClaim`).
 */
export async function claimFix(projectKey: string, categoryId: CategoryId, now: number): Promise<void> {
  try {
    await kvs.set(claimKey(projectKey, categoryId), { at: now } satisfies FixClaim, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if (isKeyConflict(error)) throw inProgress();
    throw error;
  }
}

export async function recordFix(
  projectKey: string,
  categoryId: CategoryId,
  now: number,
  issueKey: string,
): Promise<void> {
  await kvs.set(claimKey(projectKey, categoryId), { at: now, issueKey } satisfies FixClaim);
}

export async function releaseClaim(projectKey: string, categoryId: CategoryId): Promise<void> {
  await kvs.delete(claimKey(projectKey, categoryId));
}

/** A claim still under way: another request is creating the issue right now. */
export function isUnderWay(claim: FixClaim, now: number): boolean {
  return claim.issueKey === undefined && now - claim.at < CLAIM_TIMEOUT_MS;
}

export { inProgress as claimInProgress };
