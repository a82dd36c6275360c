/**
 * Storage behind the local KVS: plain entries per namespace, nothing about the HTTP API (that is kvs-api.ts).
 * Two implementations: MemoryKvsStore for tests, FileKvsStore for `npm start` and benchmarks.
 * All writes go through `write`, which applies a batch all-or-nothing (KVS transactions rely on it).
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isJsonValue, isPlainObject, parseJson, type JsonValue } from '../simulator/json';

/** 'kvs' for kvs.get/set/query, 'secret' for kvs.getSecret/setSecret (never returned by query). */
export type KvsNamespace = 'kvs' | 'secret';
export const KVS_NAMESPACES: readonly KvsNamespace[] = ['kvs', 'secret'];

export interface KvsEntry {
  value: JsonValue;
  /** Epoch seconds. */
  createdAt: number;
  /** Epoch seconds. */
  updatedAt: number;
  /** ISO date-time after which the entry no longer exists (TTL). */
  expireTime?: string;
}

export interface KvsWrite {
  namespace: KvsNamespace;
  key: string;
  /** undefined deletes the key. */
  entry: KvsEntry | undefined;
}

export interface KvsStore {
  get(namespace: KvsNamespace, key: string): KvsEntry | undefined;
  /** Keys of a namespace in ascending code-unit order (the order KVS queries page in). */
  keys(namespace: KvsNamespace): string[];
  /** Applies every write or none. */
  write(writes: readonly KvsWrite[]): void;
}

type Namespaces = Record<KvsNamespace, Map<string, KvsEntry>>;

function emptyNamespaces(): Namespaces {
  return { kvs: new Map(), secret: new Map() };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class MemoryKvsStore implements KvsStore {
  protected data: Namespaces = emptyNamespaces();

  get(namespace: KvsNamespace, key: string): KvsEntry | undefined {
    const entry = this.data[namespace].get(key);
    return entry === undefined ? undefined : structuredClone(entry);
  }

  keys(namespace: KvsNamespace): string[] {
    return [...this.data[namespace].keys()].sort(compareKeys);
  }

  write(writes: readonly KvsWrite[]): void {
    // Apply to copies so a failure part-way (e.g. persisting) leaves the store as it was.
    const next: Namespaces = { kvs: new Map(this.data.kvs), secret: new Map(this.data.secret) };
    for (const w of writes) {
      if (w.entry === undefined) next[w.namespace].delete(w.key);
      else next[w.namespace].set(w.key, structuredClone(w.entry));
    }
    this.commit(next);
    this.data = next;
  }

  /** Removes everything (tests). */
  clear(): void {
    this.commit(emptyNamespaces());
    this.data = emptyNamespaces();
  }

  /** Hook for persistence; throws to abort the write. */
  protected commit(_next: Namespaces): void {}
}

export class KvsStoreFileError extends Error {
  constructor(path: string, detail: string) {
    super(
      `Local KVS file ${path} cannot be used: ${detail}. The file was left untouched; fix or move it to start with an empty store.`,
    );
    this.name = 'KvsStoreFileError';
  }
}

const FILE_FORMAT = 'forge-local-kvs';
const FILE_VERSION = 1;

function readEntry(raw: unknown): KvsEntry | undefined {
  if (!isPlainObject(raw)) return undefined;
  const { value, createdAt, updatedAt, expireTime } = raw;
  if (!isJsonValue(value) || typeof createdAt !== 'number' || typeof updatedAt !== 'number') return undefined;
  if (expireTime !== undefined && typeof expireTime !== 'string') return undefined;
  return { value, createdAt, updatedAt, ...(expireTime !== undefined ? { expireTime } : {}) };
}

/** Node's errno code; checked structurally because errors may come from another realm (e.g. under jest). */
function errnoCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
    ? error.message
    : String(error);
}

function decodeFile(path: string, text: string): Namespaces {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new KvsStoreFileError(path, 'it is not valid JSON');
  const root = parsed.value;
  if (
    !isPlainObject(root) ||
    root['format'] !== FILE_FORMAT ||
    root['version'] !== FILE_VERSION ||
    !isPlainObject(root['namespaces'])
  ) {
    throw new KvsStoreFileError(path, `it is not a version ${FILE_VERSION} '${FILE_FORMAT}' file`);
  }
  const out = emptyNamespaces();
  for (const [name, entries] of Object.entries(root['namespaces'])) {
    const namespace = KVS_NAMESPACES.find((n) => n === name);
    if (!namespace) throw new KvsStoreFileError(path, `unknown namespace '${name}'`);
    if (!isPlainObject(entries)) throw new KvsStoreFileError(path, `namespace '${name}' is not an object`);
    for (const [key, raw] of Object.entries(entries)) {
      const entry = readEntry(raw);
      if (!entry) throw new KvsStoreFileError(path, `entry '${key}' in namespace '${name}' is malformed`);
      out[namespace].set(key, entry);
    }
  }
  return out;
}

/**
 * Persists to one JSON file. Each write replaces the file atomically (temp file, fsync, rename), so a crash
 * leaves either the old or the new content. A missing file is an empty store; an unreadable or corrupt one
 * is an error, never silently replaced.
 */
export class FileKvsStore extends MemoryKvsStore {
  readonly path: string;

  constructor(path: string) {
    super();
    this.path = path;
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw new KvsStoreFileError(path, errorMessage(error));
    }
    if (text !== undefined) this.data = decodeFile(path, text);
  }

  protected override commit(next: Namespaces): void {
    const namespaces: Record<string, Record<string, KvsEntry>> = {};
    for (const name of KVS_NAMESPACES) namespaces[name] = Object.fromEntries(next[name]);
    const text = `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, namespaces }, null, 1)}\n`;
    const temp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // the temp file may not exist; nothing else to clean up
      }
      throw error;
    }
  }
}
