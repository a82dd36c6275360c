import { kvs } from '@forge/kvs';
import { defaultConfig, formatFieldErrors, validateConfig, withDefaults } from '../core/config';
import type { CoverageConfig } from '../core/types';
import type { ConfigChange, Person } from '../contract/invoke';
import { AppError } from '../resolvers/app-error';
import { configChanges } from './config-diff';

/**
 * The site's config, versioned. Each save writes a new record `config:version:<n>` with KVS's
 * FAIL_IF_EXISTS policy, so of two admins saving from the same version exactly one wins and the
 * other gets CONFLICT with nothing written. `config:head` only speeds up finding the newest
 * record; readers step past it if a save stopped between the two writes. The records double as
 * the change history.
 */
const HEAD_KEY = 'config:head';
const versionKey = (version: number) => `config:version:${String(version).padStart(10, '0')}`;
export const HISTORY_LENGTH = 50;

export interface ConfigRecord extends ConfigChange {
  config: CoverageConfig;
}

export interface StoredConfig {
  config: CoverageConfig;
  version: number;
  record?: ConfigRecord;
}

function isRecordValue(value: unknown): value is ConfigRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    typeof value.version === 'number' &&
    'config' in value
  );
}

async function readRecord(version: number): Promise<ConfigRecord | undefined> {
  const value = await kvs.get<unknown>(versionKey(version));
  if (value === undefined) return undefined;
  if (!isRecordValue(value))
    throw new AppError(
      'INTERNAL',
      `The saved settings (version ${version}) are damaged. A Jira admin can reset them to the defaults.`,
    );
  return value;
}

/** A stored config read back through validation, so an old or damaged one can never grade. */
function checkedConfig(record: ConfigRecord): CoverageConfig {
  const result = validateConfig(withDefaults(record.config));
  if (!result.ok)
    throw new AppError(
      'INTERNAL',
      `The saved settings (version ${record.version}) are no longer valid: ${formatFieldErrors(result.errors)}. A Jira admin can reset them.`,
    );
  return result.config;
}

export async function loadConfig(): Promise<StoredConfig> {
  const head = await kvs.get<unknown>(HEAD_KEY);
  let version =
    typeof head === 'object' && head !== null && 'version' in head && typeof head.version === 'number'
      ? head.version
      : 0;
  let record = version > 0 ? await readRecord(version) : undefined;
  for (let next = await readRecord(version + 1); next; next = await readRecord(version + 1)) {
    version += 1;
    record = next;
  }
  if (!record) return { config: defaultConfig(), version: 0 };
  return { config: checkedConfig(record), version, record };
}

function isKeyConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status =
    'responseDetails' in error &&
    typeof error.responseDetails === 'object' &&
    error.responseDetails !== null &&
    'status' in error.responseDetails
      ? error.responseDetails.status
      : undefined;
  return status === 409 || ('code' in error && error.code === 'KEY_CONFLICT');
}

const conflict = (currentVersion: number) =>
  new AppError(
    'CONFLICT',
    'Someone else saved the settings since you opened them. Reload to see their changes; what you typed is kept.',
    { currentVersion },
  );

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
  const record: ConfigRecord = { version, action, by, at, changes: configChanges(current.config, config), config };
  try {
    await kvs.set(versionKey(version), record, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if (isKeyConflict(error)) throw conflict(version);
    throw error;
  }
  await kvs.set(HEAD_KEY, { version });
  return { config, version, record };
}

/** The newest changes first, at most HISTORY_LENGTH. */
export async function loadHistory(): Promise<ConfigChange[]> {
  const { version } = await loadConfig();
  const versions = Array.from({ length: Math.min(version, HISTORY_LENGTH) }, (_, i) => version - i);
  const records = await Promise.all(versions.map(readRecord));
  return records
    .filter((r): r is ConfigRecord => r !== undefined)
    .map(({ version: v, action, by, at, changes }) => ({ version: v, action, by, at, changes }));
}
