/**
 * Every setting of CoverageConfig, once: its default, its parser, how a config file that gives it
 * in part is completed, its name in the admin's words, and where the admin page shows its
 * problems. validateConfig, defaultConfig and withDefaults (core/config.ts), and the admin page's
 * form, section list and field names, all derive from SETTINGS, so a new setting is one entry here
 * (and its field in CoverageConfig, which makes the entry compulsory).
 *
 * The parsers follow core/shape.ts: a Parser reads one untrusted value, says what is wrong at its
 * dotted path, and returns a stand-in so every problem is told at once.
 */
import { CATEGORIES } from './categories';
import { invisibleCharacter, quoted, shown } from './config-text';
import { isRecord } from './guards';
import { isJiraId, type JiraIdKind } from './jira-ids';
import {
  DEFAULT_REQUIREMENTS,
  isRequirementId,
  isRequirementMode,
  requirementsOf,
  type RequirementModes,
} from './requirements';
import { parseFields, pathOf, unknownKeys, type FieldError, type Fields, type Parser } from './shape';
import {
  CATEGORY_IDS,
  type CategoryConfig,
  type CategoryId,
  type CoverageConfig,
  type TopManagementConfig,
} from './types';

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
/** Spec 11: a page's scope holds at most this many projects. */
export const MAX_SCOPE_PROJECTS = 20;
/** Pages with a scope of their own; more would be a site-wide setting nobody can read. */
export const MAX_SCOPED_PAGES = 100;
/** Jira caps issue type names at 60 characters. */
export const MAX_ISSUE_TYPE_NAME = 60;

/** The admin page's section that shows a setting; `categories`: each category in a section of its own. */
export type SettingSection = 'general' | 'scopes' | 'top-management' | 'categories';

export interface Setting<T> {
  /** The value a new site starts with: a fresh copy each call. */
  default: () => T;
  parse: Parser<T>;
  /**
   * A config file's value completed from the default, when a file may give the setting in part
   * (withDefaults). Without it, a value given is used as it is and one left out takes the default.
   */
  fill?(given: unknown, byDefault: T): unknown;
  /** The setting in the admin's words (error summaries, the conflict notice, the history). */
  label: string;
  section: SettingSection;
  /**
   * Which of its paths the admin page shows beside a control, matched against the path after the
   * setting's key ('' for the setting itself, `.groups.0` below it); any other is listed by Save.
   * Without it: the setting itself.
   */
  placed?: RegExp;
}

/** Why a string is not a usable Jira label, or null when it is one. */
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

const days: Parser<number> = (value, at, problems) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_DAYS || value > MAX_DAYS) {
    problems.push({ field: at, message: `must be a whole number of days from ${MIN_DAYS} to ${MAX_DAYS}` });
    return 0;
  }
  return value;
};

/** Problems for the keys of `value` that `known` does not name. */
function refuseUnknown(value: Record<string, unknown>, known: object, at: string, problems: FieldError[]): void {
  // The key is the caller's text: it is part of the field path, so it is cut like any quoted value.
  for (const key of unknownKeys(value, known))
    problems.push({ field: pathOf(at, shown(key)), message: 'is not a known setting' });
}

// ---- Categories ----

const CATEGORY_ID_SET: ReadonlySet<string> = new Set(CATEGORY_IDS);
export const isCategoryId = (value: string): value is CategoryId => CATEGORY_ID_SET.has(value);

/** The fields of a category, each named once: the type makes the list complete. */
const CATEGORY_FIELDS: { readonly [K in keyof CategoryConfig]-?: true } = {
  labels: true,
  enabled: true,
  disabledReason: true,
  windowDays: true,
  requirements: true,
};

const defaultRequirements = (id: CategoryId): RequirementModes => ({ ...DEFAULT_REQUIREMENTS[id] });

function defaultCategories(): Record<CategoryId, CategoryConfig> {
  const categories = {} as Record<CategoryId, CategoryConfig>;
  for (const def of CATEGORIES) {
    categories[def.id] = {
      labels: [def.defaultLabel],
      enabled: true,
      windowDays: DEFAULT_WINDOW_DAYS,
      requirements: defaultRequirements(def.id),
    };
  }
  return categories;
}

/**
 * A category's labels, each checked once against a Set (linear, whatever the list holds). A list
 * over the cap is one error and is not read further: 100,000 labels are one message, not 100,000.
 */
const parseLabels: Parser<string[]> = (value, at, problems) => {
  if (!Array.isArray(value)) {
    problems.push({ field: at, message: 'must be a list of labels' });
    return [];
  }
  if (value.length > MAX_LABELS_PER_CATEGORY) {
    problems.push({
      field: at,
      message: `has ${value.length} labels; a category takes at most ${MAX_LABELS_PER_CATEGORY}`,
    });
    return [];
  }
  const labels: string[] = [];
  const seen = new Set<string>();
  value.forEach((label: unknown, index: number) => {
    const field = pathOf(at, index);
    if (typeof label !== 'string') {
      problems.push({ field, message: 'must be text' });
      return;
    }
    const problem = labelProblem(label);
    if (problem) problems.push({ field, message: problem });
    else if (seen.has(label)) problems.push({ field, message: `${quoted(label)} is listed twice` });
    else {
      seen.add(label);
      labels.push(label);
    }
  });
  return labels;
};

/**
 * A category's requirement modes (spec 8.8): the ones given, the others at their defaults. A
 * requirement the table does not list for the category is refused as unknown.
 */
function parseRequirements(id: CategoryId, value: unknown, at: string, problems: FieldError[]): RequirementModes {
  const modes = defaultRequirements(id);
  if (value === undefined) return modes;
  if (!isRecord(value)) {
    problems.push({ field: at, message: 'must map requirement ids to required, advisory or off' });
    return modes;
  }
  const allowed = requirementsOf(id);
  for (const [key, mode] of Object.entries(value)) {
    const field = pathOf(at, shown(key));
    if (!isRequirementId(key) || !allowed.includes(key)) {
      const known = allowed.length > 0 ? `it has ${allowed.join(', ')}` : 'it has none';
      problems.push({ field, message: `is not a requirement of this category (${known})` });
    } else if (!isRequirementMode(mode)) {
      problems.push({ field, message: 'must be required, advisory or off' });
    } else {
      modes[key] = mode;
    }
  }
  return modes;
}

/** One category. Its own cross-field rules sit between its fields, in the order its problems are told. */
function parseCategory(id: CategoryId, value: unknown, at: string, problems: FieldError[]): CategoryConfig {
  if (!isRecord(value)) {
    problems.push({ field: at, message: 'must be an object with labels, enabled and windowDays' });
    return { labels: [], enabled: false, windowDays: DEFAULT_WINDOW_DAYS, requirements: defaultRequirements(id) };
  }
  refuseUnknown(value, CATEGORY_FIELDS, at, problems);
  const labels = parseLabels(value.labels, pathOf(at, 'labels'), problems);
  const enabled = value.enabled;
  if (typeof enabled !== 'boolean') problems.push({ field: pathOf(at, 'enabled'), message: 'must be true or false' });
  const reason = value.disabledReason;
  const reasonAt = pathOf(at, 'disabledReason');
  let disabledReason: string | undefined;
  if (reason !== undefined && typeof reason !== 'string') {
    problems.push({ field: reasonAt, message: 'must be text' });
  } else if (typeof reason === 'string' && reason.trim() !== '') {
    disabledReason = reason.trim();
    if (disabledReason.length > MAX_REASON_LENGTH)
      problems.push({ field: reasonAt, message: `is at most ${MAX_REASON_LENGTH} characters` });
  }
  if (enabled === false && !disabledReason) {
    problems.push({ field: reasonAt, message: 'say why the category is disabled: auditors ask' });
  }
  if (enabled === true && Array.isArray(value.labels) && value.labels.length === 0) {
    problems.push({ field: pathOf(at, 'labels'), message: 'an enabled category needs at least one label' });
  }
  const windowDays = days(value.windowDays, pathOf(at, 'windowDays'), problems);
  const requirements = parseRequirements(id, value.requirements, pathOf(at, 'requirements'), problems);
  const result: CategoryConfig = { labels, enabled: enabled === true, windowDays, requirements };
  if (enabled === false && disabledReason) result.disabledReason = disabledReason;
  return result;
}

/**
 * Every category, each once. The stand-in holds the categories that could be read, so the
 * cross-field rules (core/config.ts) still check their labels; it is complete whenever no problem
 * was told.
 */
const parseCategories: Parser<Record<CategoryId, CategoryConfig>> = (value, at, problems) => {
  const categories: Partial<Record<CategoryId, CategoryConfig>> = {};
  if (!isRecord(value)) {
    problems.push({ field: at, message: 'must be an object with one entry per category' });
    return categories as Record<CategoryId, CategoryConfig>;
  }
  for (const key of Object.keys(value)) {
    if (!isCategoryId(key)) problems.push({ field: pathOf(at, shown(key)), message: 'is not a Clause 5.1 category' });
  }
  for (const id of CATEGORY_IDS) {
    if (!(id in value)) problems.push({ field: pathOf(at, id), message: 'is missing' });
    else categories[id] = parseCategory(id, value[id], pathOf(at, id), problems);
  }
  return categories as Record<CategoryId, CategoryConfig>;
};

/** A config file's categories: each given in part keeps the rest, requirements included (spec 8.8), at its default. */
function fillCategories(given: unknown, byDefault: Record<CategoryId, CategoryConfig>): unknown {
  if (given === undefined) return byDefault;
  if (!isRecord(given)) return given;
  const categories: Record<string, unknown> = { ...byDefault };
  for (const [id, value] of Object.entries(given)) {
    const base = isCategoryId(id) ? byDefault[id] : undefined;
    if (!isRecord(value) || !base) categories[id] = value;
    else
      categories[id] = {
        ...base,
        ...value,
        requirements: isRecord(value.requirements)
          ? { ...base.requirements, ...value.requirements }
          : (value.requirements ?? base.requirements),
      };
  }
  return categories;
}

// ---- Top management and the user fields ----

/** A list of Jira ids (groups or people), at most `max`, each well formed and listed once. */
function idList(kind: JiraIdKind, max: number): Parser<string[]> {
  return (value, at, problems) => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push({ field: at, message: 'must be a list of ids' });
      return [];
    }
    if (value.length > max) {
      // Not read further: a flood of ids is one error, not one per id.
      problems.push({ field: at, message: `holds ${value.length} ids; at most ${max} are allowed` });
      return [];
    }
    const ids = new Set<string>();
    value.forEach((id: unknown, index) => {
      const field = pathOf(at, index);
      if (!isJiraId(kind, id))
        problems.push({ field, message: `${typeof id === 'string' ? quoted(id) : 'this'} is not a Jira id` });
      else if (ids.has(id)) problems.push({ field, message: `${quoted(id)} is listed twice` });
      else ids.add(id);
    });
    return [...ids];
  };
}

const TOP_MANAGEMENT_FIELDS: Fields<TopManagementConfig> = {
  groups: idList('groupId', MAX_TOP_GROUPS),
  accountIds: idList('accountId', MAX_TOP_PEOPLE),
};

const parseTopManagement: Parser<TopManagementConfig> = (value, at, problems) => {
  if (value === undefined) return { groups: [], accountIds: [] };
  if (!isRecord(value)) {
    problems.push({ field: at, message: 'must be an object with groups and accountIds' });
    return { groups: [], accountIds: [] };
  }
  refuseUnknown(value, TOP_MANAGEMENT_FIELDS, at, problems);
  return parseFields(value, TOP_MANAGEMENT_FIELDS, at, problems);
};

/** A user-picker custom field id, or null; whether Jira has it, and of which type, is checked with Jira on save. */
const userField: Parser<string | null> = (value, at, problems) => {
  if (value === undefined || value === null || value === '') return null;
  if (isJiraId('customFieldId', value)) return value;
  problems.push({ field: at, message: 'must be a custom field id such as customfield_10050, or empty' });
  return null;
};

// ---- General ----

const parseApprovalLabel: Parser<string> = (value, at, problems) => {
  if (typeof value !== 'string') {
    problems.push({ field: at, message: 'must be a label' });
    return '';
  }
  const problem = labelProblem(value);
  if (problem) problems.push({ field: at, message: problem });
  return value;
};

const parseDateField: Parser<string | null> = (value, at, problems) => {
  if (value === undefined || value === null) return null;
  if (isJiraId('fieldId', value)) return value;
  problems.push({ field: at, message: 'must be a Jira field id such as customfield_10042, or empty' });
  return null;
};

/** The issue type "Create issue" makes, by name (spec 10); null for the default (Task, else the first). */
const parseIssueTypeName: Parser<string | null> = (value, at, problems) => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim().length === 0) {
    problems.push({ field: at, message: 'must be the name of an issue type, or empty for the default' });
    return null;
  }
  if (value.length > MAX_ISSUE_TYPE_NAME) {
    problems.push({
      field: at,
      message: `is at most ${MAX_ISSUE_TYPE_NAME} characters (this one has ${value.length})`,
    });
    return null;
  }
  const invisible = invisibleCharacter(value);
  if (invisible) {
    problems.push({ field: at, message: `contains ${invisible}: an issue type name is visible text` });
    return null;
  }
  return value.trim();
};

// ---- Scopes ----

/** The projects whose issues are each project page's evidence (spec 11), keyed by the page's project. */
const parseScopes: Parser<Record<string, string[]>> = (value, at, problems) => {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    problems.push({ field: at, message: 'must be an object with a list of project keys per project page' });
    return {};
  }
  const pages = Object.keys(value);
  if (pages.length > MAX_SCOPED_PAGES)
    problems.push({
      field: at,
      message: `names ${pages.length} project pages; at most ${MAX_SCOPED_PAGES} are allowed`,
    });
  const scopes: Record<string, string[]> = {};
  for (const page of pages.slice(0, MAX_SCOPED_PAGES)) {
    const field = pathOf(at, shown(page));
    if (!isJiraId('projectKey', page)) {
      problems.push({ field, message: 'is not a Jira project key (upper-case letters, digits, underscores)' });
      continue;
    }
    const keys = value[page];
    if (!Array.isArray(keys) || keys.length === 0) {
      problems.push({ field, message: 'must list at least one project' });
      continue;
    }
    if (keys.length > MAX_SCOPE_PROJECTS) {
      problems.push({ field, message: `lists ${keys.length} projects; at most ${MAX_SCOPE_PROJECTS} are allowed` });
      continue;
    }
    const seen = new Set<string>();
    keys.forEach((key: unknown, index) => {
      const keyAt = pathOf(field, index);
      if (!isJiraId('projectKey', key))
        problems.push({
          field: keyAt,
          message: `${typeof key === 'string' ? quoted(key) : 'this'} is not a Jira project key`,
        });
      else if (seen.has(key)) problems.push({ field: keyAt, message: `${quoted(key)} is listed twice` });
      else seen.add(key);
    });
    scopes[page] = [...seen];
  }
  return scopes;
};

// ---- The table ----

/**
 * Every setting, in the order validateConfig checks them and the admin page lists their changes.
 * The mapped type makes an entry compulsory for each field of CoverageConfig, and allows no other.
 */
export const SETTINGS: { readonly [K in keyof Required<CoverageConfig>]: Setting<CoverageConfig[K]> } = {
  categories: {
    default: defaultCategories,
    parse: parseCategories,
    fill: fillCategories,
    label: 'Categories',
    section: 'categories',
    placed: /^\.[a-z-]+\.(labels(\.\d+)?|disabledReason|windowDays|requirements\.[a-z-]+)$/,
  },
  approvalLabel: {
    default: () => 'board-approved',
    parse: parseApprovalLabel,
    label: 'Approval label',
    section: 'general',
  },
  effectiveDateField: {
    default: () => null,
    parse: parseDateField,
    label: 'Effective-date field',
    section: 'general',
  },
  reviewIntervalDays: {
    default: () => 92,
    parse: days,
    label: 'Management review interval (days)',
    section: 'general',
  },
  expiringSoonDays: {
    default: () => 30,
    parse: days,
    label: 'Expiring-soon notice (days)',
    section: 'general',
  },
  topManagement: {
    default: () => ({ groups: [], accountIds: [] }),
    parse: parseTopManagement,
    // A file naming only groups keeps the default people, and the other way round.
    fill: (given, byDefault) => (isRecord(given) ? { ...byDefault, ...given } : (given ?? byDefault)),
    label: 'Top management',
    section: 'top-management',
    placed: /^\.(groups|accountIds)(\.\d+)?$/,
  },
  approverField: {
    default: () => null,
    parse: userField,
    label: 'Approver field',
    section: 'top-management',
  },
  attendeesField: {
    default: () => null,
    parse: userField,
    label: 'Attendees field',
    section: 'top-management',
  },
  fixIssueType: {
    default: () => null,
    parse: parseIssueTypeName,
    label: 'Issue type for new issues',
    section: 'general',
  },
  scopes: {
    default: () => ({}),
    parse: parseScopes,
    label: 'Evidence from several projects',
    section: 'scopes',
    // A page only while its key is a project key: any other is listed by Save.
    placed: /^(\.[A-Z][A-Z0-9_]*(\.\d+)?)?$/,
  },
};

export type SettingKey = keyof CoverageConfig;

/** The settings' keys, in the table's order. */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** Whether `key` names a setting (an own key of the table, never one inherited such as `toString`). */
export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTINGS, key);

/** The setting named `key`, or undefined for a key that is none. */
export function settingOf(key: string): Setting<unknown> | undefined {
  return isSettingKey(key) ? SETTINGS[key] : undefined;
}
