import { CATEGORIES } from './categories';
import {
  CATEGORY_IDS,
  type CategoryConfig,
  type CategoryId,
  type CoverageConfig,
  type TopManagementConfig,
} from './types';
import { isRecord } from './guards';
import { invisibleCharacter, quoted, shown } from './config-text';
import {
  DEFAULT_REQUIREMENTS,
  isRequirementId,
  isRequirementMode,
  requirementsOf,
  type RequirementModes,
} from './requirements';

export const DEFAULT_WINDOW_DAYS = 365;
export const MIN_DAYS = 1;
export const MAX_DAYS = 3660;
export const MAX_LABEL_LENGTH = 255;
export const MAX_REASON_LENGTH = 500;
/** Caps that keep a config (and so its stored record) small, each refused with its own field error. */
export const MAX_LABELS_PER_CATEGORY = 50;
export const MAX_LABELS_TOTAL = 200;
/** Top management is named by group and by person (spec 8.1): enough for a Board and its executives. */
export const MAX_TOP_GROUPS = 20;
export const MAX_TOP_PEOPLE = 200;
/** At most this many problems are reported; the rest are counted, so a flood of bad input stays a short answer. */
export const MAX_REPORTED_ERRORS = 50;

export function defaultConfig(): CoverageConfig {
  const categories = {} as Record<CategoryId, CategoryConfig>;
  for (const def of CATEGORIES) {
    categories[def.id] = {
      labels: [def.defaultLabel],
      enabled: true,
      windowDays: DEFAULT_WINDOW_DAYS,
      requirements: defaultRequirements(def.id),
    };
  }
  return {
    categories,
    approvalLabel: 'board-approved',
    effectiveDateField: null,
    reviewIntervalDays: 92,
    expiringSoonDays: 30,
    topManagement: { groups: [], accountIds: [] },
    approverField: null,
    attendeesField: null,
    fixIssueType: null,
    scopes: {},
  };
}

function defaultRequirements(id: CategoryId): RequirementModes {
  return { ...DEFAULT_REQUIREMENTS[id] };
}

export interface FieldError {
  /** Dotted path of the offending setting, e.g. `categories.resources.windowDays`. */
  field: string;
  message: string;
}

/** On failure, `errors` holds at most MAX_REPORTED_ERRORS problems and `total` counts them all. */
export type ConfigResult = { ok: true; config: CoverageConfig } | { ok: false; errors: FieldError[]; total: number };

const TOP_LEVEL_KEYS = new Set([
  'categories',
  'approvalLabel',
  'effectiveDateField',
  'reviewIntervalDays',
  'expiringSoonDays',
  'topManagement',
  'approverField',
  'attendeesField',
  'fixIssueType',
  'scopes',
]);
const CATEGORY_KEYS = new Set(['labels', 'enabled', 'disabledReason', 'windowDays', 'requirements']);
const TOP_MANAGEMENT_KEYS = new Set(['groups', 'accountIds']);
// Jira group ids are UUIDs on Cloud; account ids look like 5b10ac8d82e05b22cc7d4ef5 or 557058:f58131cb-....
const GROUP_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const CUSTOM_FIELD_PATTERN = /^customfield_\d{1,12}$/;
const CATEGORY_ID_SET: ReadonlySet<string> = new Set(CATEGORY_IDS);
// Jira field ids: customfield_10042, or a system field such as duedate.
const FIELD_ID_PATTERN = /^(customfield_\d{1,12}|[a-z][a-zA-Z]{0,63})$/;

/** Why a string is not a usable Jira label, or null when it is one. */
/** The labels of the enabled categories: what makes an issue evidence for the searches. */
export function enabledLabels(config: CoverageConfig): string[] {
  return Object.values(config.categories).flatMap((c) => (c.enabled ? c.labels : []));
}

export function labelProblem(label: string): string | null {
  if (label.length === 0) return 'a label cannot be empty';
  if (label.length > MAX_LABEL_LENGTH)
    return `a label is at most ${MAX_LABEL_LENGTH} characters (this one has ${label.length})`;
  // Before the space check: a tab or U+FEFF is also \s, and naming the character says more.
  const invisible = invisibleCharacter(label);
  if (invisible) return `contains ${invisible}: Jira labels are visible words`;
  if (/\s/.test(label)) return `${quoted(label)} contains a space: Jira labels cannot contain spaces`;
  return null;
}

function checkDays(value: unknown, field: string, errors: FieldError[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_DAYS || value > MAX_DAYS) {
    errors.push({ field, message: `must be a whole number of days from ${MIN_DAYS} to ${MAX_DAYS}` });
    return 0;
  }
  return value;
}

function checkUnknownKeys(
  value: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  prefix: string,
  errors: FieldError[],
): void {
  for (const key of Object.keys(value)) {
    // The key is the caller's text: it is part of the field path, so it is cut like any quoted value.
    if (!allowed.has(key)) errors.push({ field: prefix + shown(key), message: 'is not a known setting' });
  }
}

function isCategoryId(value: string): value is CategoryId {
  return CATEGORY_ID_SET.has(value);
}

/**
 * A category's labels, each checked once against a Set (linear, whatever the list holds). A list
 * over the cap is one error and is not read further: 100,000 labels are one message, not 100,000.
 */
function parseLabels(at: string, value: unknown, errors: FieldError[]): string[] {
  if (!Array.isArray(value)) {
    errors.push({ field: `${at}.labels`, message: 'must be a list of labels' });
    return [];
  }
  if (value.length > MAX_LABELS_PER_CATEGORY) {
    errors.push({
      field: `${at}.labels`,
      message: `has ${value.length} labels; a category takes at most ${MAX_LABELS_PER_CATEGORY}`,
    });
    return [];
  }
  const labels: string[] = [];
  const seen = new Set<string>();
  value.forEach((label: unknown, index: number) => {
    const field = `${at}.labels.${index}`;
    if (typeof label !== 'string') {
      errors.push({ field, message: 'must be text' });
      return;
    }
    const problem = labelProblem(label);
    if (problem) errors.push({ field, message: problem });
    else if (seen.has(label)) errors.push({ field, message: `${quoted(label)} is listed twice` });
    else {
      seen.add(label);
      labels.push(label);
    }
  });
  return labels;
}

function parseCategory(id: CategoryId, value: unknown, errors: FieldError[]): CategoryConfig {
  const at = `categories.${id}`;
  if (!isRecord(value)) {
    errors.push({ field: at, message: 'must be an object with labels, enabled and windowDays' });
    return { labels: [], enabled: false, windowDays: DEFAULT_WINDOW_DAYS, requirements: defaultRequirements(id) };
  }
  checkUnknownKeys(value, CATEGORY_KEYS, `${at}.`, errors);
  const labels = parseLabels(at, value.labels, errors);
  const enabled = value.enabled;
  if (typeof enabled !== 'boolean') errors.push({ field: `${at}.enabled`, message: 'must be true or false' });
  const reason = value.disabledReason;
  let disabledReason: string | undefined;
  if (reason !== undefined && typeof reason !== 'string') {
    errors.push({ field: `${at}.disabledReason`, message: 'must be text' });
  } else if (typeof reason === 'string' && reason.trim() !== '') {
    disabledReason = reason.trim();
    if (disabledReason.length > MAX_REASON_LENGTH)
      errors.push({ field: `${at}.disabledReason`, message: `is at most ${MAX_REASON_LENGTH} characters` });
  }
  if (enabled === false && !disabledReason) {
    errors.push({ field: `${at}.disabledReason`, message: 'say why the category is disabled: auditors ask' });
  }
  if (enabled === true && Array.isArray(value.labels) && value.labels.length === 0) {
    errors.push({ field: `${at}.labels`, message: 'an enabled category needs at least one label' });
  }
  const windowDays = checkDays(value.windowDays, `${at}.windowDays`, errors);
  const requirements = parseRequirements(id, value.requirements, errors);
  const result: CategoryConfig = { labels, enabled: enabled === true, windowDays, requirements };
  if (enabled === false && disabledReason) result.disabledReason = disabledReason;
  return result;
}

/**
 * A category's requirement modes (spec 8.8): the ones given, the others at their defaults. A
 * requirement the table does not list for the category is refused as unknown.
 */
function parseRequirements(id: CategoryId, value: unknown, errors: FieldError[]): RequirementModes {
  const at = `categories.${id}.requirements`;
  const modes = defaultRequirements(id);
  if (value === undefined) return modes;
  if (!isRecord(value)) {
    errors.push({ field: at, message: 'must map requirement ids to required, advisory or off' });
    return modes;
  }
  const allowed = requirementsOf(id);
  for (const [key, mode] of Object.entries(value)) {
    const field = `${at}.${shown(key)}`;
    if (!isRequirementId(key) || !allowed.includes(key)) {
      const known = allowed.length > 0 ? `it has ${allowed.join(', ')}` : 'it has none';
      errors.push({ field, message: `is not a requirement of this category (${known})` });
    } else if (!isRequirementMode(mode)) {
      errors.push({ field, message: 'must be required, advisory or off' });
    } else {
      modes[key] = mode;
    }
  }
  return modes;
}

/** A list of Jira ids (groups or people), at most `max`, each well formed and listed once. */
function parseIds(value: unknown, field: string, max: number, pattern: RegExp, errors: FieldError[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push({ field, message: 'must be a list of ids' });
    return [];
  }
  if (value.length > max) {
    // Not read further: a flood of ids is one error, not one per id.
    errors.push({ field, message: `holds ${value.length} ids; at most ${max} are allowed` });
    return [];
  }
  const ids = new Set<string>();
  value.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || !pattern.test(id))
      errors.push({
        field: `${field}.${index}`,
        message: `${typeof id === 'string' ? quoted(id) : 'this'} is not a Jira id`,
      });
    else if (ids.has(id)) errors.push({ field: `${field}.${index}`, message: `${quoted(id)} is listed twice` });
    else ids.add(id);
  });
  return [...ids];
}

function parseTopManagement(value: unknown, errors: FieldError[]): TopManagementConfig {
  if (value === undefined) return { groups: [], accountIds: [] };
  if (!isRecord(value)) {
    errors.push({ field: 'topManagement', message: 'must be an object with groups and accountIds' });
    return { groups: [], accountIds: [] };
  }
  checkUnknownKeys(value, TOP_MANAGEMENT_KEYS, 'topManagement.', errors);
  return {
    groups: parseIds(value.groups, 'topManagement.groups', MAX_TOP_GROUPS, GROUP_ID_PATTERN, errors),
    accountIds: parseIds(value.accountIds, 'topManagement.accountIds', MAX_TOP_PEOPLE, ACCOUNT_ID_PATTERN, errors),
  };
}

/** A user-picker custom field id, or null; whether Jira has it, and of which type, is checked with Jira on save. */
function parseUserField(value: unknown, field: string, errors: FieldError[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && CUSTOM_FIELD_PATTERN.test(value)) return value;
  errors.push({ field, message: 'must be a custom field id such as customfield_10050, or empty' });
  return null;
}

function completeCategories(
  parsed: Partial<Record<CategoryId, CategoryConfig>>,
): Record<CategoryId, CategoryConfig> | null {
  const complete = {} as Record<CategoryId, CategoryConfig>;
  for (const id of CATEGORY_IDS) {
    const category = parsed[id];
    if (!category) return null;
    complete[id] = category;
  }
  return complete;
}

/**
 * Validates an untrusted config (an admin's save, a config file) and returns it typed, or every
 * problem with the dotted path of the setting it concerns.
 */
export function validateConfig(input: unknown): ConfigResult {
  const errors: FieldError[] = [];
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'the configuration must be an object' }], total: 1 };
  checkUnknownKeys(input, TOP_LEVEL_KEYS, '', errors);

  // Filled as the categories parse; complete whenever no error was recorded.
  const categories: Partial<Record<CategoryId, CategoryConfig>> = {};
  if (!isRecord(input.categories)) {
    errors.push({ field: 'categories', message: 'must be an object with one entry per category' });
  } else {
    for (const key of Object.keys(input.categories)) {
      if (!isCategoryId(key))
        errors.push({ field: `categories.${shown(key)}`, message: 'is not a Clause 5.1 category' });
    }
    for (const id of CATEGORY_IDS) {
      if (!(id in input.categories)) errors.push({ field: `categories.${id}`, message: 'is missing' });
      else categories[id] = parseCategory(id, input.categories[id], errors);
    }
  }

  let approvalLabel = '';
  if (typeof input.approvalLabel !== 'string') {
    errors.push({ field: 'approvalLabel', message: 'must be a label' });
  } else {
    approvalLabel = input.approvalLabel;
    const problem = labelProblem(approvalLabel);
    if (problem) errors.push({ field: 'approvalLabel', message: problem });
  }

  let effectiveDateField: string | null = null;
  if (input.effectiveDateField !== undefined && input.effectiveDateField !== null) {
    if (typeof input.effectiveDateField !== 'string' || !FIELD_ID_PATTERN.test(input.effectiveDateField)) {
      errors.push({
        field: 'effectiveDateField',
        message: 'must be a Jira field id such as customfield_10042, or empty',
      });
    } else {
      effectiveDateField = input.effectiveDateField;
    }
  }
  const reviewIntervalDays = checkDays(input.reviewIntervalDays, 'reviewIntervalDays', errors);
  const expiringSoonDays = checkDays(input.expiringSoonDays, 'expiringSoonDays', errors);
  const topManagement = parseTopManagement(input.topManagement, errors);
  const approverField = parseUserField(input.approverField, 'approverField', errors);
  const attendeesField = parseUserField(input.attendeesField, 'attendeesField', errors);
  const fixIssueType = parseIssueTypeName(input.fixIssueType, errors);
  const scopes = parseScopes(input.scopes, errors);

  // Cross-field rules: one category per label, the approval label is never evidence, one category on.
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

  const complete = completeCategories(categories);
  if (errors.length > 0 || !complete)
    return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS), total: errors.length };
  return {
    ok: true,
    config: {
      categories: complete,
      approvalLabel,
      effectiveDateField,
      reviewIntervalDays,
      expiringSoonDays,
      topManagement,
      approverField,
      attendeesField,
      fixIssueType,
      scopes,
    },
  };
}

/** Spec 11: a page's scope holds at most this many projects. */
export const MAX_SCOPE_PROJECTS = 20;
/** Pages with a scope of their own; more would be a site-wide setting nobody can read. */
export const MAX_SCOPED_PAGES = 100;
// Jira project keys: an upper-case letter, then upper-case letters, digits or underscores.
const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,254}$/;

/** The projects whose issues are each project page's evidence (spec 11), keyed by the page's project. */
function parseScopes(value: unknown, errors: FieldError[]): Record<string, string[]> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    errors.push({ field: 'scopes', message: 'must be an object with a list of project keys per project page' });
    return {};
  }
  const pages = Object.keys(value);
  if (pages.length > MAX_SCOPED_PAGES)
    errors.push({
      field: 'scopes',
      message: `names ${pages.length} project pages; at most ${MAX_SCOPED_PAGES} are allowed`,
    });
  const scopes: Record<string, string[]> = {};
  for (const page of pages.slice(0, MAX_SCOPED_PAGES)) {
    const field = `scopes.${shown(page)}`;
    if (!PROJECT_KEY_PATTERN.test(page)) {
      errors.push({ field, message: 'is not a Jira project key (upper-case letters, digits, underscores)' });
      continue;
    }
    const keys = value[page];
    if (!Array.isArray(keys) || keys.length === 0) {
      errors.push({ field, message: 'must list at least one project' });
      continue;
    }
    if (keys.length > MAX_SCOPE_PROJECTS) {
      errors.push({ field, message: `lists ${keys.length} projects; at most ${MAX_SCOPE_PROJECTS} are allowed` });
      continue;
    }
    const seen = new Set<string>();
    keys.forEach((key: unknown, index) => {
      const at = `${field}.${index}`;
      if (typeof key !== 'string' || !PROJECT_KEY_PATTERN.test(key))
        errors.push({
          field: at,
          message: `${typeof key === 'string' ? quoted(key) : 'this'} is not a Jira project key`,
        });
      else if (seen.has(key)) errors.push({ field: at, message: `${quoted(key)} is listed twice` });
      else seen.add(key);
    });
    scopes[page] = [...seen];
  }
  return scopes;
}

/** Jira caps issue type names at 60 characters. */
export const MAX_ISSUE_TYPE_NAME = 60;

/** The issue type "Create issue" makes, by name (spec 10); null for the default (Task, else the first). */
function parseIssueTypeName(value: unknown, errors: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  const field = 'fixIssueType';
  if (typeof value !== 'string' || value.trim().length === 0) {
    errors.push({ field, message: 'must be the name of an issue type, or empty for the default' });
    return null;
  }
  if (value.length > MAX_ISSUE_TYPE_NAME) {
    errors.push({ field, message: `is at most ${MAX_ISSUE_TYPE_NAME} characters (this one has ${value.length})` });
    return null;
  }
  const invisible = invisibleCharacter(value);
  if (invisible) {
    errors.push({ field, message: `contains ${invisible}: an issue type name is visible text` });
    return null;
  }
  return value.trim();
}

/**
 * Fills what a config file leaves out from the defaults, category by category, so a team can
 * write only what it changes. The result still goes through validateConfig.
 */
export function withDefaults(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const defaults = defaultConfig();
  const categories: Record<string, unknown> = { ...defaults.categories };
  if (isRecord(input.categories)) {
    for (const [id, value] of Object.entries(input.categories)) {
      const base = isCategoryId(id) ? defaults.categories[id] : undefined;
      if (!isRecord(value) || !base) categories[id] = value;
      // Requirements given in part keep the others at their defaults (spec 8.8).
      else
        categories[id] = {
          ...base,
          ...value,
          requirements: isRecord(value.requirements)
            ? { ...base.requirements, ...value.requirements }
            : (value.requirements ?? base.requirements),
        };
    }
  }
  return {
    ...defaults,
    ...input,
    categories: input.categories === undefined || isRecord(input.categories) ? categories : input.categories,
    topManagement: isRecord(input.topManagement)
      ? { ...defaults.topManagement, ...input.topManagement }
      : (input.topManagement ?? defaults.topManagement),
  };
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
