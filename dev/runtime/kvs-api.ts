/**
 * The Forge KVS HTTP API as @forge/kvs 1.x calls it (POST /api/v1/<op> with a JSON body), over a KvsStore.
 * Errors use the service's `{ code, message }` shape and documented codes (KEY_TOO_LONG, MAX_SIZE, ...); a
 * missing key is 404 KEY_NOT_FOUND, which the package turns into `undefined`.
 * Custom entities are not implemented: they need the manifest's entity definitions to behave like production,
 * so they fail with a clear NOT_SUPPORTED_BY_LOCAL_RUNTIME error instead of accepting anything.
 */
import { isJsonValue, isPlainObject, parseJson, type JsonValue } from '../simulator/json';
import type { KvsEntry, KvsNamespace, KvsStore, KvsWrite } from './kvs-store';

export interface KvsApiOptions {
  /** Largest `limit` accepted by query. Forge documents 20 (newer docs mention 100); default 20, the safe side. */
  maxQueryLimit?: number;
  /** Clock in epoch ms, for timestamps and TTL expiry. */
  now?: () => number;
}

export interface KvsHttpResult {
  status: number;
  body?: unknown;
}

export const KVS_LIMITS = {
  keyLength: 500,
  valueBytes: 240 * 1024,
  secretValueBytes: 128 * 1024,
  objectDepth: 31,
  defaultQueryLimit: 10,
} as const;

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const METADATA_FIELDS = new Set(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
const TTL_UNITS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

class KvsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message = 'Provided request body is invalid'): KvsApiError =>
  new KvsApiError(400, 'BAD_REQUEST', message);
const notSupported = (what: string): KvsApiError =>
  new KvsApiError(
    501,
    'NOT_SUPPORTED_BY_LOCAL_RUNTIME',
    `Not supported by the local Forge runtime (dev/runtime): ${what}.`,
  );

/** Nesting depth: a scalar is 0, `{ a: 1 }` is 1. */
function depth(value: unknown): number {
  let children: unknown[];
  if (Array.isArray(value)) children = value;
  else if (isPlainObject(value)) children = Object.values(value);
  else return 0;
  let deepest = 0;
  for (const child of children) deepest = Math.max(deepest, depth(child));
  return 1 + deepest;
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string') throw badRequest('The key must be a string.');
  if (key.length === 0)
    throw new KvsApiError(400, 'KEY_TOO_SHORT', 'The provided key needs to be at least one character.');
  if (key.length > KVS_LIMITS.keyLength)
    throw new KvsApiError(
      400,
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${KVS_LIMITS.keyLength} characters.`,
    );
  if (!KEY_PATTERN.test(key))
    throw new KvsApiError(400, 'INVALID_KEY', `The provided key does not match the regex: ${String(KEY_PATTERN)}`);
  return key;
}

function checkValue(value: unknown, namespace: KvsNamespace): JsonValue {
  if (value === undefined || !isJsonValue(value)) throw badRequest('The value must be JSON.');
  const maxBytes = namespace === 'secret' ? KVS_LIMITS.secretValueBytes : KVS_LIMITS.valueBytes;
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > maxBytes) {
    throw new KvsApiError(
      400,
      'MAX_SIZE',
      `The provided value has exceeded the maximum size limit (${maxBytes / 1024} KiB).`,
    );
  }
  if (depth(value) > KVS_LIMITS.objectDepth) {
    throw new KvsApiError(
      400,
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${KVS_LIMITS.objectDepth}) limit.`,
    );
  }
  return value;
}

function checkMetadataFields(raw: unknown): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((f): f is string => typeof f === 'string' && METADATA_FIELDS.has(f)))
    throw badRequest();
  return raw;
}

function readOptions(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (!isPlainObject(raw)) throw badRequest();
  return raw;
}

function withMetadata(key: string, entry: KvsEntry, fields: readonly string[]): Record<string, unknown> {
  return {
    key,
    value: entry.value,
    ...(fields.includes('CREATED_AT') ? { createdAt: entry.createdAt } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: entry.updatedAt } : {}),
    ...(fields.includes('EXPIRE_TIME') && entry.expireTime !== undefined ? { expireTime: entry.expireTime } : {}),
  };
}

function rejectEntity(item: Record<string, unknown>): void {
  if (item['entityName'] !== undefined) throw notSupported('custom entities');
  if (item['conditions'] !== undefined) throw notSupported('conditional transaction operations');
}

class KvsApi {
  private readonly maxQueryLimit: number;
  private readonly now: () => number;

  constructor(
    private readonly store: KvsStore,
    options: KvsApiOptions,
  ) {
    this.maxQueryLimit = options.maxQueryLimit ?? 20;
    this.now = options.now ?? Date.now;
  }

  /** The live entry, treating expired ones as absent. */
  private live(namespace: KvsNamespace, key: string): KvsEntry | undefined {
    const entry = this.store.get(namespace, key);
    if (entry?.expireTime !== undefined && Date.parse(entry.expireTime) <= this.now()) return undefined;
    return entry;
  }

  /** Builds the entry a set would store (validating key, value and options) without writing it. */
  private prepareSet(
    namespace: KvsNamespace,
    item: Record<string, unknown>,
  ): { write: KvsWrite; previous: KvsEntry | undefined; options: Record<string, unknown> } {
    const key = checkKey(item['key']);
    const value = checkValue(item['value'], namespace);
    const options = readOptions(item['options']);
    let expireTime: string | undefined;
    if (options['ttl'] !== undefined) {
      const ttl = options['ttl'];
      const unit = isPlainObject(ttl) && typeof ttl['unit'] === 'string' ? TTL_UNITS[ttl['unit']] : undefined;
      const amount = isPlainObject(ttl) ? ttl['value'] : undefined;
      if (unit === undefined || typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) {
        throw badRequest('ttl must be { value: positive integer, unit: SECONDS | MINUTES | HOURS | DAYS }.');
      }
      expireTime = new Date(this.now() + amount * unit).toISOString();
    }
    const policy = options['keyPolicy'];
    if (policy !== undefined && policy !== 'OVERRIDE' && policy !== 'FAIL_IF_EXISTS')
      throw badRequest('keyPolicy must be OVERRIDE or FAIL_IF_EXISTS.');
    const returnValue = options['returnValue'];
    if (
      returnValue !== undefined &&
      (policy !== 'OVERRIDE' || (returnValue !== 'PREVIOUS' && returnValue !== 'LATEST'))
    ) {
      throw badRequest("returnValue must be PREVIOUS or LATEST and needs keyPolicy 'OVERRIDE'.");
    }
    checkMetadataFields(options['returnMetadataFields']);
    const previous = this.live(namespace, key);
    if (policy === 'FAIL_IF_EXISTS' && previous)
      throw new KvsApiError(409, 'KEY_ALREADY_EXISTS', `The key '${key}' already exists.`);
    const nowSeconds = Math.floor(this.now() / 1000);
    const entry: KvsEntry = {
      value,
      createdAt: previous?.createdAt ?? nowSeconds,
      updatedAt: nowSeconds,
      ...(expireTime !== undefined ? { expireTime } : {}),
    };
    return { write: { namespace, key, entry }, previous, options };
  }

  get(namespace: KvsNamespace, body: unknown): KvsHttpResult {
    if (!isPlainObject(body)) throw badRequest();
    const key = checkKey(body['key']);
    const fields = checkMetadataFields(readOptions(body['options'])['metadataFields']);
    const entry = this.live(namespace, key);
    if (!entry) return { status: 404, body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } };
    return { status: 200, body: withMetadata(key, entry, fields) };
  }

  set(namespace: KvsNamespace, body: unknown): KvsHttpResult {
    if (!isPlainObject(body)) throw badRequest();
    const { write, previous, options } = this.prepareSet(namespace, body);
    this.store.write([write]);
    const fields = checkMetadataFields(options['returnMetadataFields']);
    if (options['returnValue'] === 'LATEST' && write.entry)
      return { status: 200, body: withMetadata(write.key, write.entry, fields) };
    if (options['returnValue'] === 'PREVIOUS' && previous)
      return { status: 200, body: withMetadata(write.key, previous, fields) };
    return { status: 204 };
  }

  delete(namespace: KvsNamespace, body: unknown): KvsHttpResult {
    if (!isPlainObject(body)) throw badRequest();
    const key = checkKey(body['key']);
    if (!this.live(namespace, key))
      return { status: 404, body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } };
    this.store.write([{ namespace, key, entry: undefined }]);
    return { status: 204 };
  }

  /**
   * Key-ordered paging. Like the DynamoDB-backed service, a full page carries a cursor even when nothing is
   * left, so callers must stop on a missing cursor, not on a short page.
   */
  query(body: unknown): KvsHttpResult {
    if (!isPlainObject(body)) throw badRequest();
    const limit = body['limit'] ?? KVS_LIMITS.defaultQueryLimit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > this.maxQueryLimit) {
      throw new KvsApiError(
        400,
        'LIST_QUERY_LIMIT_EXCEEDED',
        `Limit for list query should be between 1 and ${this.maxQueryLimit}.`,
      );
    }
    let prefix = '';
    const where = body['where'];
    if (where !== undefined) {
      if (!Array.isArray(where) || where.length > 1)
        throw new KvsApiError(400, 'QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.');
      const clause: unknown = where[0];
      if (clause !== undefined) {
        if (!isPlainObject(clause) || clause['property'] !== 'key')
          throw new KvsApiError(400, 'QUERY_WHERE_FIELD_INVALID', 'The specified field is not supported for filters.');
        if (clause['condition'] !== 'BEGINS_WITH')
          throw new KvsApiError(
            400,
            'INVALID_FILTER_CONDITION',
            'The specified condition is not supported for filters.',
          );
        const values = clause['values'];
        const first: unknown = Array.isArray(values) ? values[0] : undefined;
        if (!Array.isArray(values) || values.length !== 1 || (typeof first !== 'string' && typeof first !== 'number')) {
          throw new KvsApiError(
            400,
            'INVALID_FILTER_VALUES',
            'The specified number of values are not supported by the given condition.',
          );
        }
        prefix = String(first);
      }
    }
    let afterKey: string | undefined;
    const after = body['after'];
    if (after !== undefined && after !== null) {
      afterKey = typeof after === 'string' ? decodeCursor(after) : undefined;
      if (afterKey === undefined) throw badRequest('The cursor is not valid.');
    }
    const fields = checkMetadataFields(readOptions(body['options'])['metadataFields']);
    const data: Array<Record<string, unknown>> = [];
    let lastKey: string | undefined;
    for (const key of this.store.keys('kvs')) {
      if (!key.startsWith(prefix) || (afterKey !== undefined && key <= afterKey)) continue;
      const entry = this.live('kvs', key);
      if (!entry) continue;
      data.push(withMetadata(key, entry, fields));
      lastKey = key;
      if (data.length === limit) break;
    }
    return {
      status: 200,
      body: { data, ...(data.length === limit && lastKey !== undefined ? { cursor: encodeCursor(lastKey) } : {}) },
    };
  }

  batchSet(body: unknown): KvsHttpResult {
    const items = batchItems(body);
    const successfulKeys: Array<{ key: string }> = [];
    const failedKeys: Array<{ key: string; error: { code: string; message: string } }> = [];
    const writes: KvsWrite[] = [];
    for (const item of items) {
      try {
        writes.push(this.prepareSet('kvs', item).write);
        successfulKeys.push({ key: String(item['key']) });
      } catch (error) {
        if (!(error instanceof KvsApiError) || error.status === 501) throw error;
        failedKeys.push({ key: String(item['key']), error: { code: error.code, message: error.message } });
      }
    }
    this.store.write(writes);
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  batchGet(body: unknown): KvsHttpResult {
    const items = batchItems(body);
    const successfulKeys: Array<Record<string, unknown>> = [];
    const failedKeys: Array<{ key: string; error: { code: string; message: string } }> = [];
    for (const item of items) {
      const result = this.get('kvs', item);
      if (result.status === 200 && isPlainObject(result.body)) successfulKeys.push(result.body);
      else
        failedKeys.push({ key: String(item['key']), error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } });
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  batchDelete(body: unknown): KvsHttpResult {
    const items = batchItems(body);
    const successfulKeys: Array<{ key: string }> = [];
    const failedKeys: Array<{ key: string; error: { code: string; message: string } }> = [];
    const writes: KvsWrite[] = [];
    for (const item of items) {
      const key = checkKey(item['key']);
      if (this.live('kvs', key)) {
        writes.push({ namespace: 'kvs', key, entry: undefined });
        successfulKeys.push({ key });
      } else {
        failedKeys.push({ key, error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } });
      }
    }
    this.store.write(writes);
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  /** All-or-nothing sets and deletes on plain keys; checks and entity conditions are not supported. */
  transaction(body: unknown): KvsHttpResult {
    if (!isPlainObject(body)) throw badRequest();
    if (body['check'] !== undefined) throw notSupported('transaction checks');
    const sets = body['set'] ?? [];
    const deletes = body['delete'] ?? [];
    if (!Array.isArray(sets) || !Array.isArray(deletes)) throw badRequest();
    const writes: KvsWrite[] = [];
    for (const raw of sets) {
      if (!isPlainObject(raw)) throw badRequest();
      rejectEntity(raw);
      writes.push(this.prepareSet('kvs', raw).write);
    }
    for (const raw of deletes) {
      if (!isPlainObject(raw)) throw badRequest();
      rejectEntity(raw);
      writes.push({ namespace: 'kvs', key: checkKey(raw['key']), entry: undefined });
    }
    if (writes.length === 0) throw badRequest('A transaction needs at least one operation.');
    const keys = new Set<string>();
    for (const w of writes) {
      if (keys.has(w.key))
        throw badRequest(`A transaction cannot contain more than one operation on the key '${w.key}'.`);
      keys.add(w.key);
    }
    this.store.write(writes);
    return { status: 204 };
  }
}

function batchItems(body: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(body) || body.length === 0) throw badRequest('A batch request needs a non-empty array of items.');
  return body.map((item: unknown) => {
    if (!isPlainObject(item)) throw badRequest();
    rejectEntity(item);
    return item;
  });
}

function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const parsed = parseJson(Buffer.from(cursor, 'base64url').toString('utf8'));
  return parsed.ok && isPlainObject(parsed.value) && typeof parsed.value['k'] === 'string'
    ? parsed.value['k']
    : undefined;
}

/**
 * Handles one KVS API call. `bodyText` is the request body as the package sends it (a JSON string).
 * Never throws for bad input: every problem becomes an error response, as from the real service.
 */
export function handleKvsRequest(
  store: KvsStore,
  path: string,
  bodyText: string | undefined,
  options: KvsApiOptions = {},
): KvsHttpResult {
  const api = new KvsApi(store, options);
  const parsed = parseJson(bodyText ?? '');
  if (!parsed.ok) return { status: 400, body: { code: 'BAD_REQUEST', message: 'Provided request body is invalid' } };
  const body = parsed.value;
  try {
    switch (path) {
      case '/api/v1/get':
        return api.get('kvs', body);
      case '/api/v1/set':
        return api.set('kvs', body);
      case '/api/v1/delete':
        return api.delete('kvs', body);
      case '/api/v1/query':
        return api.query(body);
      case '/api/v1/secret/get':
        return api.get('secret', body);
      case '/api/v1/secret/set':
        return api.set('secret', body);
      case '/api/v1/secret/delete':
        return api.delete('secret', body);
      case '/api/v1/batch/set':
        return api.batchSet(body);
      case '/api/v1/batch/get':
        return api.batchGet(body);
      case '/api/v1/batch/delete':
        return api.batchDelete(body);
      case '/api/v1/transaction':
        return api.transaction(body);
      default:
        if (path.startsWith('/api/v1/entity/')) throw notSupported('custom entities');
        return { status: 404, body: { code: 'NOT_FOUND', message: `Unknown KVS operation ${path}` } };
    }
  } catch (error) {
    if (error instanceof KvsApiError)
      return { status: error.status, body: { code: error.code, message: error.message } };
    throw error;
  }
}
