/**
 * The stored settings record, read back from KVS as untrusted data: whatever an older version of
 * the app, a crash or a hand edit left there, reading it never throws, and what comes out is small.
 */
import type { ConfigChange, Person } from '../contract/invoke';
import { cut } from '../core/config-text';
import { readStoredConfig, type CONFIG_SCHEMA } from '../core/config-migrations';
import { isRecord } from '../core/guards';
import type { CoverageConfig } from '../core/types';
import { HISTORY_TEXT_LENGTH, summariseValue } from './config-diff';

/** What is written: the config with who changed it, when, and what changed (values cut short). */
export interface ConfigRecord extends ConfigChange {
  schema: typeof CONFIG_SCHEMA;
  config: CoverageConfig;
}

/** More entries than the config has settings: only a damaged record gets cut here. */
export const MAX_CHANGES_PER_RECORD = 60;
/** A problem message is one paragraph, whatever the record held. */
const MAX_PROBLEM_LENGTH = 1000;

export type ParsedRecord =
  { ok: true; config: CoverageConfig; change?: ConfigChange } | { ok: false; problem: string; change?: ConfigChange };

function kindOf(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'plain text';
  return `a ${typeof value}`;
}

function person(value: unknown): Person | undefined {
  if (!isRecord(value) || typeof value.accountId !== 'string') return undefined;
  const result: Person = { accountId: cut(value.accountId, HISTORY_TEXT_LENGTH) };
  if (typeof value.displayName === 'string') result.displayName = cut(value.displayName, HISTORY_TEXT_LENGTH);
  return result;
}

function changes(value: unknown): ConfigChange['changes'] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_CHANGES_PER_RECORD).flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.field === 'string'
      ? [
          {
            field: cut(entry.field, HISTORY_TEXT_LENGTH),
            from: summariseValue(entry.from, entry.field),
            to: summariseValue(entry.to, entry.field),
          },
        ]
      : [],
  );
}

/** Who changed the settings, when and what, or undefined when the record does not say. */
export function changeOf(version: number, value: unknown): ConfigChange | undefined {
  if (!isRecord(value)) return undefined;
  const by = person(value.by);
  const { action, at } = value;
  if ((action !== 'save' && action !== 'reset') || !by || typeof at !== 'string') return undefined;
  return { version, action, by, at: cut(at, 40), changes: changes(value.changes) };
}

/**
 * The record stored as `version` (the version is the key's, never the value's, so a damaged
 * record still has its place in the chain): its config migrated and validated, or why not.
 */
export function parseRecord(version: number, value: unknown): ParsedRecord {
  const change = changeOf(version, value);
  const withChange = <T extends object>(result: T): T & { change?: ConfigChange } =>
    change ? { ...result, change } : result;
  if (!isRecord(value))
    return withChange({ ok: false as const, problem: `the stored record is ${kindOf(value)}, not settings` });
  const read = readStoredConfig(value.schema, value.config);
  if (!read.ok) return withChange({ ok: false as const, problem: cut(read.problem, MAX_PROBLEM_LENGTH) });
  return withChange({ ok: true as const, config: read.config });
}
