import { kvs, WhereConditions } from '@forge/kvs';
import { defaultConfig } from '../core/config';
import { CONFIG_SCHEMA } from '../core/config-migrations';
import { cut } from '../core/config-text';
import { isRecord } from '../core/guards';
import type { CoverageConfig } from '../core/types';
import type { ConfigChange, Person, StoredSettingsProblem } from '../contract/invoke';
import { AppError } from '../resolvers/app-error';
import { configChanges, HISTORY_TEXT_LENGTH } from './config-diff';
import { changeOf, parseRecord, type ConfigRecord } from './config-record';
import { errorCode, isKeyConflict } from './kvs-errors';

/**
 * The site's config, versioned. Each save writes a new record `config:version:<n>` with KVS's
 * FAIL_IF_EXISTS policy, so of two admins saving from the same version exactly one wins and the
 * other gets CONFLICT with nothing written. `config:head` only speeds up finding the newest
 * record; readers step past it if a save stopped between the two writes. The records double as
 * the change history: the newest HISTORY_LENGTH are kept, older ones are deleted after each save.
 *
 * A record that cannot be read or migrated never locks anyone out: the app grades with the
 * defaults and says why (`problem`), and the next save or reset is written after it.
 */
const HEAD_KEY = 'config:head';
const VERSION_PREFIX = 'config:version:';
const versionKey = (version: number) => `${VERSION_PREFIX}${String(version).padStart(10, '0')}`;
export const HISTORY_LENGTH = 50;
/** Forge's limit on one stored value (the local store enforces the same). */
export const STORED_VALUE_LIMIT_BYTES = 240 * 1024;
/** Deletes per save: the one that fell out, plus what a crash or an older version left behind. */
const PRUNE_PER_SAVE = 20;

export interface StoredConfig {
  /** The config to grade with: the defaults while the stored one cannot be used. */
  config: CoverageConfig;
  version: number;
  /** Who wrote the newest record, and when (absent before any save, or when it does not say). */
  change?: ConfigChange;
  problem?: StoredSettingsProblem;
}

const isVersion = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** The oldest record kept, from the key order (keys are zero-padded, so they sort by version). */
async function oldestVersion(): Promise<number> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith(VERSION_PREFIX)).limit(1).getMany();
  const key = page.results[0]?.key;
  const version = key === undefined ? Number.NaN : Number(key.slice(VERSION_PREFIX.length));
  return isVersion(version) ? version : 0;
}

/**
 * Where to start looking for the newest record. A missing or damaged head costs one query for
 * the oldest record kept, never the settings (the first record may be long deleted).
 */
async function startVersion(): Promise<number> {
  const head = await kvs.get<unknown>(HEAD_KEY);
  return isRecord(head) && isVersion(head.version) ? head.version : oldestVersion();
}

const readValue = (version: number): Promise<unknown> => kvs.get<unknown>(versionKey(version));

const problemMessage = (version: number, problem: string) =>
  `The saved settings (version ${version}) cannot be used: ${problem}. Every project is graded with the default settings until a Jira admin saves or resets them.`;

export async function loadConfig(): Promise<StoredConfig> {
  let version = await startVersion();
  let value = version > 0 ? await readValue(version) : undefined;
  for (let next = await readValue(version + 1); next !== undefined; next = await readValue(version + 1)) {
    version += 1;
    value = next;
  }
  if (version === 0) return { config: defaultConfig(), version: 0 };
  // The head names a record that is gone: keep its version, so the next save still goes forward.
  const parsed =
    value === undefined ? { ok: false as const, problem: 'the record is missing' } : parseRecord(version, value);
  const change = parsed.change ? { change: parsed.change } : {};
  if (parsed.ok) return { config: parsed.config, version, ...change };
  return {
    config: defaultConfig(),
    version,
    ...change,
    problem: { version, message: problemMessage(version, parsed.problem) },
  };
}

const conflict = (currentVersion: number) =>
  new AppError(
    'CONFLICT',
    'Someone else saved the settings since you opened them. Reload to see their changes; what you typed is kept.',
    { currentVersion },
  );

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;

const tooLarge = (bytes: number | undefined) =>
  AppError.invalid(
    `The settings were not saved: ${bytes === undefined ? 'they are' : `stored, they would take ${kib(bytes)}, which is`} over the ${kib(STORED_VALUE_LIMIT_BYTES)} Forge allows for one stored value. Use fewer or shorter labels.`,
    [{ field: 'config', message: `is over the ${kib(STORED_VALUE_LIMIT_BYTES)} storage limit` }],
  );

/** Bytes of the value as KVS stores it (its JSON, in UTF-8). */
const storedBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** Deletes what fell out of the history. The save is already done: a failure here waits for the next save. */
async function pruneHistory(newest: number): Promise<void> {
  const last = newest - HISTORY_LENGTH;
  try {
    const oldest = await oldestVersion();
    if (oldest === 0 || oldest > last) return;
    const versions = Array.from({ length: Math.min(last - oldest + 1, PRUNE_PER_SAVE) }, (_, i) => oldest + i);
    await Promise.all(versions.map((v) => kvs.delete(versionKey(v))));
  } catch (error) {
    console.warn(
      `[config] old settings records not deleted yet: ${error instanceof Error ? error.name : typeof error}`,
    );
  }
}

/** Stores `config` as the version after `expectedVersion`, or refuses with CONFLICT. */
export async function storeConfig(
  config: CoverageConfig,
  expectedVersion: number,
  action: ConfigRecord['action'],
  by: Person,
  at: string,
): Promise<StoredConfig> {
  const current = await loadConfig();
  if (current.version !== expectedVersion) throw conflict(current.version);
  const version = expectedVersion + 1;
  const author: Person = { accountId: by.accountId };
  if (by.displayName !== undefined) author.displayName = cut(by.displayName, HISTORY_TEXT_LENGTH);
  const change: ConfigChange = { version, action, by: author, at, changes: configChanges(current.config, config) };
  const record: ConfigRecord = { schema: CONFIG_SCHEMA, ...change, config };
  const bytes = storedBytes(record);
  if (bytes > STORED_VALUE_LIMIT_BYTES) throw tooLarge(bytes);
  try {
    await kvs.set(versionKey(version), record, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if (isKeyConflict(error)) throw conflict(version);
    // Our count and the store's may differ by a few bytes: its verdict is the same refusal.
    if (errorCode(error).code === 'MAX_SIZE') throw tooLarge(undefined);
    throw error;
  }
  await kvs.set(HEAD_KEY, { version });
  await pruneHistory(version);
  return { config, version, change };
}

/** The newest changes first, at most HISTORY_LENGTH, each small whatever its record held. */
export async function loadHistory(): Promise<ConfigChange[]> {
  const { version } = await loadConfig();
  const versions = Array.from({ length: Math.min(version, HISTORY_LENGTH) }, (_, i) => version - i);
  const values = await Promise.all(versions.map(readValue));
  return values.flatMap((value, i) => {
    const change = value === undefined ? undefined : changeOf(versions[i] ?? 0, value);
    return change ? [change] : [];
  });
}
