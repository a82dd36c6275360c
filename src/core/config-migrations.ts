import { formatFieldErrors, validateConfig, withDefaults } from './config';
import type { CoverageConfig } from './types';

/**
 * Stored settings carry the schema they were written in; this module reads any schema the app
 * ever wrote into today's CoverageConfig. Records without a schema field are schema 1: what the
 * app wrote before settings were versioned.
 *
 * Adding a setting: its entry in SETTINGS (core/settings.ts) gives its default; add
 * `N: (config) => withDefaults(config)` to MIGRATIONS, which fills it in, and raise CONFIG_SCHEMA
 * to N + 1. Every step runs in turn, so a schema-1 record reaches today too.
 */
export const CONFIG_SCHEMA = 5;

/** `MIGRATIONS[n]` turns a config stored in schema n into schema n + 1. Pure, and never throws. */
export const MIGRATIONS: Readonly<Record<number, (config: unknown) => unknown>> = {
  // Schema 1 has today's shape; the earliest versions of the app may have left settings out,
  // which take their defaults (as reading did before schemas).
  1: (config) => withDefaults(config),
  // Schema 3 adds what an auditor checks beyond the label (spec 8.8): top management, the approver
  // and attendees fields, and each category's requirement modes, all at their defaults.
  2: (config) => withDefaults(config),
  // Schema 4 adds the issue type "Create issue" makes (spec 10), at its default.
  3: (config) => withDefaults(config),
  // Schema 5 adds each project page's scope (spec 11): none, so every page grades its own project.
  4: (config) => withDefaults(config),
};

export type StoredConfigResult = { ok: true; config: CoverageConfig } | { ok: false; problem: string };

function schemaOf(value: unknown): number | null {
  if (value === undefined) return 1;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : null;
}

/**
 * A stored config migrated to CONFIG_SCHEMA and validated as a save is, or why it cannot be used,
 * in words an admin can act on (the setting at fault, values cut short).
 */
export function readStoredConfig(schema: unknown, config: unknown): StoredConfigResult {
  const from = schemaOf(schema);
  if (from === null) return { ok: false, problem: 'the record does not say which schema it was written in' };
  if (from > CONFIG_SCHEMA)
    return {
      ok: false,
      problem: `they were written by a newer version of the app (schema ${from}; this version reads up to ${CONFIG_SCHEMA})`,
    };
  let migrated = config;
  for (let step = from; step < CONFIG_SCHEMA; step += 1) {
    const migrate = MIGRATIONS[step];
    if (!migrate) return { ok: false, problem: `the app cannot read settings of schema ${step}` };
    migrated = migrate(migrated);
  }
  const result = validateConfig(migrated);
  return result.ok ? result : { ok: false, problem: formatFieldErrors(result.errors, result.total) };
}
