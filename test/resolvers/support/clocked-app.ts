/**
 * The app against the simulator with one clock for all three (the handler, Jira's relative JQL
 * and KVS expiry), so a test can let an hour pass; and a KVS that can be swapped for a scratch
 * copy, so a reference full read leaves the user's stored read untouched.
 */
import {
  invokeResolver,
  MemoryKvsStore,
  startLocalForge,
  type LocalForge,
  type ResolverHandler,
} from '../../../dev/runtime';
import type { KvsEntry, KvsNamespace, KvsStore, KvsWrite } from '../../../dev/runtime/kvs-store';
import type { SiteIssueFields } from '../../../dev/simulator';
import { buildHandler } from '../../../src/index';
import { READ_KEY_PREFIX } from '../../../src/storage/evidence-store';
import type { InvokeKey, ProjectReport } from '../../../src/contract/invoke';
import { NOW, projectPage } from '../../support/app-harness';

/** Delegates to `target`, which a test may replace. */
export class SwitchableKvs implements KvsStore {
  constructor(public target: KvsStore) {}
  get(namespace: KvsNamespace, key: string): KvsEntry | undefined {
    return this.target.get(namespace, key);
  }
  keys(namespace: KvsNamespace): string[] {
    return this.target.keys(namespace);
  }
  write(writes: readonly KvsWrite[]): void {
    this.target.write(writes);
  }
}

export const READ_PREFIX = READ_KEY_PREFIX;

export interface ClockedApp {
  forge: LocalForge;
  kvs: SwitchableKvs;
  nowMs(): number;
  /** Lets time pass for everyone. */
  advance(minutes: number): void;
  /** Sets the app's clock `minutes` ahead of Jira's and the store's (0: the same clock again). */
  skewApp(minutes: number): void;
  call(accountId: string, key: InvokeKey, payload?: unknown, extension?: Record<string, unknown>): Promise<any>;
  /** The project page's report, failing the test on an error answer. */
  view(accountId: string, payload?: unknown, page?: string): Promise<ProjectReport>;
  /** A full read against a scratch copy of the settings alone: what the user would see with nothing stored. */
  referenceView(accountId: string, page?: string): Promise<ProjectReport>;
  /** Edits issues as Jira would: the fields, and `updated` set to now. */
  edit(key: string, fields: Partial<SiteIssueFields>): void;
  /** `updated` as Jira sends it, for the clock's now. */
  jiraNow(): string;
  stop(): Promise<void>;
}

export async function startClockedApp(site: unknown, startMs = NOW.getTime()): Promise<ClockedApp> {
  let now = startMs;
  let appSkewMs = 0;
  const kvs = new SwitchableKvs(new MemoryKvsStore());
  const forge = await startLocalForge(site, { kvs, simulator: { now: () => now }, runtime: { now: () => now } });
  const handler = buildHandler({ clock: () => new Date(now + appSkewMs) }) as ResolverHandler;
  const call: ClockedApp['call'] = (accountId, functionKey, payload = {}, extension = projectPage()) =>
    invokeResolver(handler, { functionKey, payload, accountId, context: { extension } });
  const view: ClockedApp['view'] = async (accountId, payload = {}, page = 'ISMS') => {
    const result = (await call(accountId, 'report/project', payload, projectPage(page))) as {
      ok: boolean;
      data: ProjectReport;
      error?: unknown;
    };
    if (!result.ok) throw new Error(`report/project failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  const jiraNow = () => new Date(now).toISOString().replace('Z', '+0000');
  return {
    forge,
    kvs,
    nowMs: () => now,
    advance(minutes) {
      now += minutes * 60_000;
    },
    skewApp(minutes) {
      appSkewMs = minutes * 60_000;
    },
    call,
    view,
    async referenceView(accountId, page = 'ISMS') {
      const real = kvs.target;
      const scratch = new MemoryKvsStore();
      scratch.write(
        real
          .keys('kvs')
          .filter((key) => !key.startsWith(READ_PREFIX))
          .map((key) => ({ namespace: 'kvs' as const, key, entry: real.get('kvs', key) })),
      );
      kvs.target = scratch;
      try {
        return await view(accountId, {}, page);
      } finally {
        kvs.target = real;
      }
    },
    edit(key, fields) {
      forge.jira.updateIssue(key, { ...fields, updated: jiraNow() });
    },
    jiraNow,
    stop: () => forge.stop(),
  };
}

/** A report without what differs between two reads of the same issues: when and how they were read. */
export function graded(report: ProjectReport): Omit<ProjectReport, 'read' | 'generatedAt'> {
  const { read: _read, generatedAt: _generatedAt, ...rest } = report;
  return rest;
}

/** The evidence keys a report lists, sorted. */
export const evidenceKeys = (report: ProjectReport): string[] =>
  [...new Set(report.categories.flatMap((c) => c.evidence.map((e) => e.key)))].sort();
