/**
 * The whole config: its defaults, its validation and what a config file may leave out, each
 * derived from the settings table (core/settings.ts), and the rules that span several settings.
 */
import { quoted, shown } from './config-text';
import { isRecord } from './guards';
import { parseFields, unknownKeys, type FieldError, type Fields } from './shape';
import { MAX_LABELS_TOTAL, SETTING_KEYS, SETTINGS, settingOf, type SettingKey } from './settings';
import { CATEGORY_IDS, type CategoryConfig, type CategoryId, type CoverageConfig } from './types';

export type { FieldError } from './shape';
export {
  DEFAULT_WINDOW_DAYS,
  labelProblem,
  MAX_DAYS,
  MAX_ISSUE_TYPE_NAME,
  MAX_LABEL_LENGTH,
  MAX_LABELS_PER_CATEGORY,
  MAX_LABELS_TOTAL,
  MAX_REASON_LENGTH,
  MAX_SCOPE_PROJECTS,
  MAX_SCOPED_PAGES,
  MAX_TOP_GROUPS,
  MAX_TOP_PEOPLE,
  MIN_DAYS,
} from './settings';

/** At most this many problems are reported; the rest are counted, so a flood of bad input stays a short answer. */
export const MAX_REPORTED_ERRORS = 50;

export function defaultConfig(): CoverageConfig {
  const config: Partial<Record<SettingKey, unknown>> = {};
  for (const key of SETTING_KEYS) config[key] = SETTINGS[key].default();
  return config as CoverageConfig;
}

/** On failure, `errors` holds at most MAX_REPORTED_ERRORS problems and `total` counts them all. */
export type ConfigResult = { ok: true; config: CoverageConfig } | { ok: false; errors: FieldError[]; total: number };

/** Each setting's parser, as core/shape.ts reads a record. */
const PARSERS = Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTINGS[key].parse])) as Fields<CoverageConfig>;

/** The labels of the enabled categories: what makes an issue evidence for the searches. */
export function enabledLabels(config: CoverageConfig): string[] {
  return Object.values(config.categories).flatMap((c) => (c.enabled ? c.labels : []));
}

/**
 * The rules that span settings, after each setting is read: one category per label, the approval
 * label is never evidence, at most MAX_LABELS_TOTAL labels, at least one category on.
 */
function crossFieldProblems(
  categories: Partial<Record<CategoryId, CategoryConfig>>,
  approvalLabel: string,
  errors: FieldError[],
): void {
  const owner = new Map<string, CategoryId>();
  for (const id of CATEGORY_IDS) {
    const category = categories[id];
    if (!category) continue;
    category.labels.forEach((label, index) => {
      const field = `categories.${id}.labels.${index}`;
      const other = owner.get(label);
      if (other)
        errors.push({
          field,
          message: `${quoted(label)} already maps to ${other}: a label maps to one category at most`,
        });
      else owner.set(label, id);
      if (label === approvalLabel)
        errors.push({ field, message: `${quoted(label)} is the approval label and cannot also be evidence` });
    });
  }
  const total = owner.size;
  if (total > MAX_LABELS_TOTAL)
    errors.push({
      field: 'categories',
      message: `hold ${total} labels in all; at most ${MAX_LABELS_TOTAL} are allowed`,
    });
  const parsed = CATEGORY_IDS.flatMap((id) => categories[id] ?? []);
  if (parsed.length === CATEGORY_IDS.length && parsed.every((category) => !category.enabled)) {
    errors.push({ field: 'categories', message: 'at least one category must be enabled' });
  }
}

/**
 * Validates an untrusted config (an admin's save, a config file) and returns it typed, or every
 * problem with the dotted path of the setting it concerns: unknown settings first, then each
 * setting in the table's order, then the rules that span settings.
 */
export function validateConfig(input: unknown): ConfigResult {
  const errors: FieldError[] = [];
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'the configuration must be an object' }], total: 1 };
  // The key is the caller's text: it is the field path, so it is cut like any quoted value.
  for (const key of unknownKeys(input, SETTINGS)) errors.push({ field: shown(key), message: 'is not a known setting' });
  const config = parseFields(input, PARSERS, '', errors);
  // The categories read so far, complete whenever no problem was told (see parseCategories).
  crossFieldProblems(config.categories, config.approvalLabel, errors);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS), total: errors.length };
  return { ok: true, config };
}

/**
 * Fills what a config file leaves out from the defaults, category by category, so a team can
 * write only what it changes. The result still goes through validateConfig.
 */
export function withDefaults(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const defaults = defaultConfig();
  const filled: Record<string, unknown> = { ...defaults, ...input };
  for (const key of SETTING_KEYS) {
    const setting = settingOf(key);
    if (setting?.fill) filled[key] = setting.fill(input[key], defaults[key]);
  }
  return filled;
}

/** Shown in one sentence: the first few problems; the field-level list carries the rest. */
export const SUMMARISED_ERRORS = 5;

/** The problems in one sentence; `total` counts those left out of `errors` too (see ConfigResult). */
export function formatFieldErrors(errors: FieldError[], total = errors.length): string {
  const listed = errors
    .slice(0, SUMMARISED_ERRORS)
    .map((e) => (e.field ? `${e.field} ${e.message}` : e.message))
    .join('; ');
  const more = Math.max(total, errors.length) - Math.min(errors.length, SUMMARISED_ERRORS);
  return more > 0 ? `${listed}; and ${more} more` : listed;
}
