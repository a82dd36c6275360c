import { kvs, WhereConditions } from '@forge/kvs';
import { defaultConfig } from '../core/config';
import { CONFIG_SCHEMA } from '../core/config-migrations';
import { cut } from '../core/config-text';
import { isRecord } from '../core/guards';
import type { CoverageConfig } from '../core/types';
import type { ConfigChange, Person, StoredSettingsProblem } from '../contract/invoke';
import type { Budget } from '../jira/budget';
import { AppError } from '../errors';
import { BudgetedKvs, StoreTooSlow } from './budgeted-kvs';
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
 *
 * Every KVS call counts against the invocation's budget (budgeted-kvs.ts): settings the store
 * does not give in time are an error that says so (StoreTooSlow), never the defaults in disguise.
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
async function oldestVersion(store: BudgetedKvs): Promise<number> {
  const page = await store.run(() =>
    kvs.query().where('key', WhereConditions.beginsWith(VERSION_PREFIX)).limit(1).getMany(),
  );
  const key = page.results[0]?.key;
  const version = key === undefined ? Number.NaN : Number(key.slice(VERSION_PREFIX.length));
  return isVersion(version) ? version : 0;
}

/**
 * Where to start looking for the newest record. A missing or damaged head costs one query for
 * the oldest record kept, never the settings (the first record may be long deleted).
 */
async function startVersion(store: BudgetedKvs): Promise<number> {
  const head = await store.get(HEAD_KEY);
  return isRecord(head) && isVersion(head.version) ? head.version : oldestVersion(store);
}

const readValue = (store: BudgetedKvs, version: number): Promise<unknown> => store.get(versionKey(version));

const problemMessage = (version: number, problem: string) =>
  `The saved settings (version ${version}) cannot be used: ${problem}. Every project is graded with the default settings until a Jira admin saves or resets them.`;

/** The settings to grade with; StoreTooSlow when the store does not give them inside `budget`. */
export async function loadConfig(budget: Budget): Promise<StoredConfig> {
  const store = new BudgetedKvs(budget);
  let version = await startVersion(store);
  let value = version > 0 ? await readValue(store, version) : undefined;
  for (let next = await readValue(store, version + 1); next !== undefined; next = await readValue(store, version + 1)) {
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
async function pruneHistory(store: BudgetedKvs, newest: number): Promise<void> {
  const last = newest - HISTORY_LENGTH;
  try {
    const oldest = await oldestVersion(store);
    if (oldest === 0 || oldest > last) return;
    const versions = Array.from({ length: Math.min(last - oldest + 1, PRUNE_PER_SAVE) }, (_, i) => oldest + i);
    await Promise.all(versions.map((v) => store.delete(versionKey(v))));
  } catch (error) {
    console.warn(
      `[config] old settings records not deleted yet: ${error instanceof Error ? error.name : typeof error}`,
    );
  }
}

const notSavedInTime = () =>
  new StoreTooSlow("The settings were not saved: the app's storage did not answer in time. Try again in a moment.");
const saveUnconfirmed = () =>
  new StoreTooSlow(
    "The app's storage did not confirm the save in time, so the settings may or may not have been saved. Reload them to see which before saving again.",
  );

/** Stores `config` as the version after `expectedVersion`, or refuses with CONFLICT. */
export async function storeConfig(
  config: CoverageConfig,
  expectedVersion: number,
  action: ConfigRecord['action'],
  by: Person,
  at: string,
  budget: Budget,
): Promise<StoredConfig> {
  const store = new BudgetedKvs(budget);
  let current: StoredConfig;
  try {
    current = await loadConfig(budget);
  } catch (error) {
    throw error instanceof StoreTooSlow ? notSavedInTime() : error;
  }
  if (current.version !== expectedVersion) throw conflict(current.version);
  const version = expectedVersion + 1;
  const author: Person = { accountId: by.accountId };
  if (by.displayName !== undefined) author.displayName = cut(by.displayName, HISTORY_TEXT_LENGTH);
  const change: ConfigChange = { version, action, by: author, at, changes: configChanges(current.config, config) };
  const record: ConfigRecord = { schema: CONFIG_SCHEMA, ...change, config };
  const bytes = storedBytes(record);
  if (bytes > STORED_VALUE_LIMIT_BYTES) throw tooLarge(bytes);
  try {
    await store.set(versionKey(version), record, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    // Given up on, the write may still land: the user is told it may or may not have happened.
    if (error instanceof StoreTooSlow) throw saveUnconfirmed();
    if (isKeyConflict(error)) throw conflict(version);
    // Our count and the store's may differ by a few bytes: its verdict is the same refusal.
    if (errorCode(error).code === 'MAX_SIZE') throw tooLarge(undefined);
    throw error;
  }
  try {
    await store.set(HEAD_KEY, { version });
  } catch (error) {
    // The record is saved; a head left behind only costs readers a step past it.
    if (!(error instanceof StoreTooSlow)) throw error;
  }
  await pruneHistory(store, version);
  return { config, version, change };
}

/** The newest changes first, at most HISTORY_LENGTH, each small whatever its record held. */
export async function loadHistory(budget: Budget): Promise<ConfigChange[]> {
  const { version } = await loadConfig(budget);
  const store = new BudgetedKvs(budget);
  const versions = Array.from({ length: Math.min(version, HISTORY_LENGTH) }, (_, i) => version - i);
  const values = await Promise.all(versions.map((v) => readValue(store, v)));
  return values.flatMap((value, i) => {
    const change = value === undefined ? undefined : changeOf(versions[i] ?? 0, value);
    return change ? [change] : [];
  });
}
