/**
 * The unmodified @forge/kvs against the local runtime, once per store implementation, plus the file store's
 * persistence and corruption handling.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForgeKvsAPIError, kvs, MetadataField, WhereConditions } from '@forge/kvs';
import {
  FileKvsStore,
  installForgeRuntime,
  KvsFaults,
  KvsStoreFileError,
  MemoryKvsStore,
  runInvocation,
  uninstallForgeRuntime,
  type KvsStore,
} from '../../dev/runtime';

const JIRA_UNUSED = 'http://127.0.0.1:9';
const START_MS = Date.UTC(2025, 5, 1, 12, 0, 0);

let clockMs = START_MS;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-kvs-'));
});

afterAll(() => {
  uninstallForgeRuntime();
  rmSync(dir, { recursive: true, force: true });
});

function useStore(store: KvsStore): void {
  installForgeRuntime({ jiraBaseUrl: JIRA_UNUSED, kvs: store, now: () => clockMs });
}

/** The KVS error code a call fails with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return `${error.responseDetails.status} ${error.code}`;
    throw error;
  }
  throw new Error('expected the KVS call to fail');
}

const stores: Array<[string, () => KvsStore]> = [
  ['MemoryKvsStore', () => new MemoryKvsStore()],
  ['FileKvsStore', () => new FileKvsStore(join(mkdtempSync(join(dir, 'case-')), 'kvs.json'))],
];

describe.each(stores)('@forge/kvs on %s', (_name, makeStore) => {
  beforeEach(() => {
    clockMs = START_MS;
    useStore(makeStore());
  });

  it('sets, gets and deletes; missing keys are undefined', async () => {
    await runInvocation('acc-1', async () => {
      await kvs.set('config:site', { weights: [1, 2], enabled: true });
      expect(await kvs.get('config:site')).toStrictEqual({ weights: [1, 2], enabled: true });
      await kvs.delete('config:site');
      expect(await kvs.get('config:site')).toBeUndefined();
      await expect(kvs.delete('config:site')).resolves.toBeUndefined();
    });
  });

  it('reports metadata in epoch seconds; updates keep createdAt', async () => {
    await kvs.set('k', 1);
    clockMs += 90_000;
    await kvs.set('k', 2);
    expect(await kvs.get('k', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] })).toStrictEqual({
      key: 'k',
      value: 2,
      createdAt: START_MS / 1000,
      updatedAt: START_MS / 1000 + 90,
    });
  });

  it('queries by key prefix in key order, 20 per page at most, following cursors', async () => {
    for (let i = 0; i < 45; i += 1) await kvs.set(`item:${String(i).padStart(2, '0')}`, i);
    await kvs.set('other:1', 'x');
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('item:')).limit(20);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<number>();
      pageSizes.push(page.results.length);
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pageSizes).toStrictEqual([20, 20, 5]);
    expect(seen).toStrictEqual(Array.from({ length: 45 }, (_, i) => `item:${String(i).padStart(2, '0')}`));
  });

  it('returns a cursor on a full page even when nothing is left (stop on a missing cursor)', async () => {
    for (let i = 0; i < 20; i += 1) await kvs.set(`p:${String(i).padStart(2, '0')}`, i);
    const first = await kvs.query().where('key', WhereConditions.beginsWith('p:')).limit(20).getMany();
    expect(first.results).toHaveLength(20);
    const cursor = first.nextCursor;
    if (!cursor) throw new Error('expected a cursor');
    const second = await kvs.query().where('key', WhereConditions.beginsWith('p:')).limit(20).cursor(cursor).getMany();
    expect(second).toStrictEqual({ results: [], nextCursor: undefined });
  });

  it('pages 10 by default and getOne returns the first key', async () => {
    for (let i = 0; i < 12; i += 1) await kvs.set(`d:${String(i).padStart(2, '0')}`, i);
    expect((await kvs.query().getMany()).results).toHaveLength(10);
    expect(await kvs.query().where('key', WhereConditions.beginsWith('d:')).getOne()).toStrictEqual({
      key: 'd:00',
      value: 0,
    });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['query limit above 20', () => kvs.query().limit(21).getMany(), '400 LIST_QUERY_LIMIT_EXCEEDED'],
    ['a 501-character key', () => kvs.set('k'.repeat(501), 1), '400 KEY_TOO_LONG'],
    ['an empty key', () => kvs.get(''), '400 KEY_TOO_SHORT'],
    ['a key with a slash', () => kvs.set('a/b', 1), '400 INVALID_KEY'],
    ['a blank key', () => kvs.set('   ', 1), '400 INVALID_KEY'],
    ['a value over 240 KiB', () => kvs.set('big', 'x'.repeat(240 * 1024)), '400 MAX_SIZE'],
    // Counted in UTF-8 bytes as stored, not in characters: 90,000 CJK characters are 270,000 bytes.
    ['a value over 240 KiB in UTF-8', () => kvs.set('big', '中'.repeat(90_000)), '400 MAX_SIZE'],
    [
      'a value over 240 KiB in a transaction',
      () =>
        kvs
          .transact()
          .set('big', 'x'.repeat(240 * 1024))
          .execute(),
      '400 MAX_SIZE',
    ],
    [
      'a value nested too deep',
      () => kvs.set('deep', JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown),
      '400 MAX_DEPTH',
    ],
    [
      'unknown metadata fields',
      () => kvs.get('k', { metadataFields: ['NOPE' as unknown as MetadataField] }),
      '400 BAD_REQUEST',
    ],
  ])('rejects %s', async (_label, action, expected) => {
    expect(await codeOf(action())).toBe(expected);
  });

  it('accepts a 500-character key and a value just under the size limit', async () => {
    await kvs.set('k'.repeat(500), 'x'.repeat(240 * 1024 - 2));
    expect(await kvs.get<string>('k'.repeat(500))).toHaveLength(240 * 1024 - 2);
  });

  it('supports keyPolicy and returnValue', async () => {
    await kvs.set('once', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await codeOf(kvs.set('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' }))).toBe('409 KEY_ALREADY_EXISTS');
    expect(await kvs.set('once', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toStrictEqual({
      key: 'once',
      value: 1,
    });
    expect(await kvs.set('once', 4, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toStrictEqual({
      key: 'once',
      value: 4,
    });
    expect(await kvs.set('fresh', 5, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
  });

  it('expires entries after their TTL', async () => {
    await kvs.set('ttl:a', 'soon gone', { ttl: { value: 1, unit: 'MINUTES' } });
    expect(await kvs.get('ttl:a', { metadataFields: [MetadataField.EXPIRE_TIME] })).toStrictEqual({
      key: 'ttl:a',
      value: 'soon gone',
      expireTime: '2025-06-01T12:01:00.000Z',
    });
    clockMs += 61_000;
    expect(await kvs.get('ttl:a')).toBeUndefined();
    expect((await kvs.query().where('key', WhereConditions.beginsWith('ttl:')).getMany()).results).toStrictEqual([]);
  });

  it('keeps secrets apart from plain keys and queries', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBeUndefined();
    expect((await kvs.query().getMany()).results).toStrictEqual([]);
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });

  it('applies transactions all or nothing', async () => {
    await kvs.set('t:old', 0);
    await kvs.transact().set('t:1', 1).set('t:2', 2).delete('t:old').execute();
    expect([await kvs.get('t:1'), await kvs.get('t:2'), await kvs.get('t:old')]).toStrictEqual([1, 2, undefined]);
    expect(await codeOf(kvs.transact().set('t:3', 3).set('bad/key', 4).execute())).toBe('400 INVALID_KEY');
    expect(await kvs.get('t:3')).toBeUndefined();
    expect(await codeOf(kvs.transact().set('t:4', 1).delete('t:4').execute())).toBe('400 BAD_REQUEST');
  });

  it('batches sets, gets and deletes with per-key results', async () => {
    const set = await kvs.batchSet([
      { key: 'b:1', value: 1 },
      { key: 'b/2', value: 2 },
      { key: 'b:3', value: 3 },
    ]);
    expect(set.successfulKeys).toStrictEqual([{ key: 'b:1' }, { key: 'b:3' }]);
    expect(set.failedKeys).toMatchObject([{ key: 'b/2', error: { code: 'INVALID_KEY' } }]);
    const got = await kvs.batchGet([{ key: 'b:1' }, { key: 'b:9' }]);
    expect(got).toStrictEqual({
      successfulKeys: [{ key: 'b:1', value: 1 }],
      failedKeys: [{ key: 'b:9', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }],
    });
    const deleted = await kvs.batchDelete([{ key: 'b:1' }, { key: 'b:3' }]);
    expect(deleted.successfulKeys).toStrictEqual([{ key: 'b:1' }, { key: 'b:3' }]);
  });

  it('says clearly that custom entities and transaction checks are not available locally', async () => {
    expect(await codeOf(kvs.entity('employee').get('e1'))).toBe('501 NOT_SUPPORTED_BY_LOCAL_RUNTIME');
    expect(await codeOf(kvs.batchSet([{ key: 'x', value: 1, entityName: 'employee' }]))).toBe(
      '501 NOT_SUPPORTED_BY_LOCAL_RUNTIME',
    );
  });
});

describe('FileKvsStore persistence', () => {
  let file: string;
  beforeEach(() => {
    clockMs = START_MS;
    file = join(mkdtempSync(join(dir, 'file-')), 'kvs.json');
  });

  it('starts empty without a file and keeps data across instances', async () => {
    useStore(new FileKvsStore(file));
    expect(await kvs.get('a')).toBeUndefined();
    await kvs.set('a', { n: 1 });
    await kvs.setSecret('s', 'hidden');

    useStore(new FileKvsStore(file));
    expect(await kvs.get('a')).toStrictEqual({ n: 1 });
    expect(await kvs.getSecret('s')).toBe('hidden');
    await kvs.delete('a');
    expect(new FileKvsStore(file).get('kvs', 'a')).toBeUndefined();
  });

  it('writes through a temp file and leaves no temp files behind', async () => {
    useStore(new FileKvsStore(file));
    for (let i = 0; i < 5; i += 1) await kvs.set(`k${i}`, i);
    const folder = join(file, '..');
    expect(readdirSync(folder)).toStrictEqual(['kvs.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'forge-local-kvs', version: 1 });
  });

  it.each([
    ['not JSON', '{"format": "forge-local-kvs", "vers'],
    ['another format', '{"hello": "world"}'],
    ['a malformed entry', '{"format":"forge-local-kvs","version":1,"namespaces":{"kvs":{"a":{"value":1}}}}'],
    ['an unknown namespace', '{"format":"forge-local-kvs","version":1,"namespaces":{"cache":{}}}'],
  ])('refuses a file with %s and leaves it untouched', (_label, content) => {
    writeFileSync(file, content);
    expect(() => new FileKvsStore(file)).toThrow(KvsStoreFileError);
    expect(() => new FileKvsStore(file)).toThrow(/was left untouched/);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('KVS faults: a slow or failing store for tests', () => {
  let faults: KvsFaults;
  let store: MemoryKvsStore;

  beforeEach(() => {
    faults = new KvsFaults();
    store = new MemoryKvsStore();
    installForgeRuntime({ jiraBaseUrl: JIRA_UNUSED, kvs: store, kvsFaults: faults });
  });

  /** How long a call took, in ms, and what it gave. */
  async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> {
    const started = performance.now();
    const value = await call();
    return { ms: performance.now() - started, value };
  }

  it('delays the matching calls alone, then carries them out', async () => {
    faults.setLatency(150, { operation: 'set', keyPrefix: 'slow:' });
    const slow = await timed(() => kvs.set('slow:a', 1));
    expect(slow.ms).toBeGreaterThanOrEqual(140);
    expect(store.get('kvs', 'slow:a')?.value).toBe(1);
    expect((await timed(() => kvs.set('quick:a', 2))).ms).toBeLessThan(100);
    expect((await timed(() => kvs.get('slow:a'))).ms).toBeLessThan(100);
  });

  it('matches a query by its prefix, and lets the first N through with afterCalls', async () => {
    await kvs.set('p:1', 1);
    faults.setLatency(150, { keyPrefix: 'p:', afterCalls: 1 });
    expect((await timed(() => kvs.get('p:1'))).ms).toBeLessThan(100);
    const query = await timed(() => kvs.query().where('key', WhereConditions.beginsWith('p:')).getMany());
    expect(query.ms).toBeGreaterThanOrEqual(140);
    expect(query.value.results.map((r) => r.key)).toStrictEqual(['p:1']);
  });

  it('fails the next N matching calls as an outage, changing nothing, then recovers', async () => {
    faults.fail(2, { operation: 'set' });
    expect(await codeOf(kvs.set('a', 1))).toBe('503 SERVICE_UNAVAILABLE');
    expect(await codeOf(kvs.set('a', 1))).toBe('503 SERVICE_UNAVAILABLE');
    expect(store.get('kvs', 'a')).toBeUndefined();
    await kvs.set('a', 1);
    expect(await kvs.get('a')).toBe(1);
  });

  it('reset() removes every fault, and bad arguments are refused', async () => {
    faults.setLatency(10_000);
    faults.fail(5);
    faults.reset();
    expect((await timed(() => kvs.set('a', 1))).ms).toBeLessThan(100);
    expect(() => faults.setLatency(-1)).toThrow(RangeError);
    expect(() => faults.fail(0)).toThrow(RangeError);
    expect(() => faults.setLatency(1, { afterCalls: -1 })).toThrow(RangeError);
  });
});
