/**
 * The admin form's model, pure: what the admin is typing (day counts stay text so a half-typed
 * value is never lost), its conversion to a config for validateConfig, and the field-level
 * differences used to re-apply a draft on top of someone else's save.
 */
import { validateConfig, type ConfigResult, type FieldError } from '../../../src/core/config';
import {
  isRequirementId,
  isRequirementMode,
  requirementsOf,
  type RequirementModes,
} from '../../../src/core/requirements';
import { isRecord } from '../../../src/core/guards';
import { isSettingKey, SETTING_KEYS, SETTINGS, type SettingKey } from '../../../src/core/settings';
import { CATEGORY_IDS, type CategoryId, type CoverageConfig } from '../../../src/core/types';

export interface CategoryForm {
  labels: string[];
  enabled: boolean;
  /** Kept while the category is enabled again, but only sent when it is disabled. */
  disabledReason: string;
  windowDays: string;
  /** Every requirement of the category with its mode (spec 8.3). */
  requirements: RequirementModes;
}

/** A day count stays text while it is typed; any other setting is edited as it is. */
type Typed<T> = T extends number ? string : T;

/** What the admin is typing: each setting of the settings table (core/settings.ts), as Typed says. */
type SettingsForm = { [K in Exclude<SettingKey, 'categories'>]: Typed<CoverageConfig[K]> };

export interface ConfigForm extends SettingsForm {
  categories: Record<CategoryId, CategoryForm>;
}

/** The settings typed as text and sent as numbers: those whose value is a number. */
const TYPED_AS_TEXT: ReadonlySet<SettingKey> = new Set(
  SETTING_KEYS.filter((key) => typeof SETTINGS[key].default() === 'number'),
);

/** A JSON value's copy, so the form never shares a list with the config it came from. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function typed<T>(value: T): Typed<T> {
  return (typeof value === 'number' ? String(value) : copy(value)) as Typed<T>;
}

export function fromConfig(config: CoverageConfig): ConfigForm {
  const categories = {} as Record<CategoryId, CategoryForm>;
  for (const id of CATEGORY_IDS) {
    const c = config.categories[id];
    categories[id] = {
      labels: [...c.labels],
      enabled: c.enabled,
      disabledReason: c.disabledReason ?? '',
      windowDays: String(c.windowDays),
      requirements: { ...c.requirements },
    };
  }
  const form: Partial<Record<keyof ConfigForm, unknown>> = { categories };
  for (const key of SETTING_KEYS) if (key !== 'categories') form[key] = typed(config[key]);
  return form as ConfigForm;
}

/** Text to a number for validation: "" and "abc" become NaN, which validateConfig refuses. */
function days(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** The config the form describes, unchecked: validateConfig says what is wrong with it. */
export function toCandidate(form: ConfigForm): unknown {
  const categories: Record<string, unknown> = {};
  for (const id of CATEGORY_IDS) {
    const c = form.categories[id];
    categories[id] = {
      labels: c.labels,
      enabled: c.enabled,
      windowDays: days(c.windowDays),
      requirements: c.requirements,
      ...(c.enabled ? {} : { disabledReason: c.disabledReason }),
    };
  }
  const candidate: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = key === 'categories' ? categories : form[key];
    candidate[key] = TYPED_AS_TEXT.has(key) && typeof value === 'string' ? days(value) : value;
  }
  return candidate;
}

export const checkForm = (form: ConfigForm): ConfigResult => validateConfig(toCandidate(form));

/** Field errors by dotted path (`categories.resources.windowDays`); several per field allowed. */
export type ErrorMap = ReadonlyMap<string, string[]>;

export function errorMap(errors: readonly FieldError[]): ErrorMap {
  const map = new Map<string, string[]>();
  for (const e of errors) map.set(e.field, [...(map.get(e.field) ?? []), e.message]);
  return map;
}

/** The back end names fields of the payload (`config.categories...`); the form names them without `config.`. */
export function fromServerFields(fields: readonly FieldError[]): FieldError[] {
  return fields.map((f) => ({
    field: f.field === 'config' ? '' : f.field.replace(/^config\./, ''),
    message: f.message,
  }));
}

/** One setting the admin can change, by the path validateConfig and the history use. */
export type FieldValue = string | boolean | string[] | null;
export interface FormChange {
  field: string;
  from: FieldValue;
  to: FieldValue;
}

/**
 * Every setting the admin can change, by its path: each category's fields, then each setting in
 * the table's order. A setting that is a record (top management, the scopes) is one per entry: the
 * default's entries in their order, then the others sorted, so two forms list them alike.
 */
function fields(form: ConfigForm): [string, FieldValue][] {
  const list: [string, FieldValue][] = [];
  for (const key of SETTING_KEYS) {
    if (key === 'categories') {
      for (const id of CATEGORY_IDS) list.push(...categoryFields(id, form.categories[id]));
      continue;
    }
    const value = form[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      list.push([key, value]);
      continue;
    }
    const record = value as Record<string, FieldValue | undefined>;
    const own = Object.keys(SETTINGS[key].default() ?? {});
    const others = Object.keys(record)
      .filter((entry) => !own.includes(entry))
      .sort();
    for (const entry of [...own, ...others]) list.push([`${key}.${entry}`, record[entry] ?? null]);
  }
  return list;
}

function categoryFields(id: CategoryId, c: CategoryForm): [string, FieldValue][] {
  return [
    [`categories.${id}.labels`, c.labels],
    [`categories.${id}.enabled`, c.enabled],
    [`categories.${id}.disabledReason`, c.disabledReason],
    [`categories.${id}.windowDays`, c.windowDays],
    ...requirementsOf(id).map((r): [string, FieldValue] => [
      `categories.${id}.requirements.${r}`,
      c.requirements[r] ?? null,
    ]),
  ];
}

/** A page's scope as it is graded: its own project first and once, then the others listed. */
export function scopeOf(page: string, listed: readonly string[] | undefined): string[] {
  return [page, ...new Set((listed ?? []).filter((key) => key !== page))];
}

/** `scopes` with `page`'s list set to `keys`, or without the page when `keys` is null. */
export function withScope(
  scopes: Readonly<Record<string, string[]>>,
  page: string,
  keys: readonly string[] | null,
): Record<string, string[]> {
  const next = Object.fromEntries(Object.entries(scopes).filter(([key]) => key !== page));
  if (keys === null) return next;
  // A page already listed keeps its place; a new one comes last.
  return Object.hasOwn(scopes, page)
    ? Object.fromEntries(Object.entries(scopes).map(([key, list]) => [key, key === page ? [...keys] : list]))
    : { ...next, [page]: [...keys] };
}

/** `scopes.ISMS` -> "ISMS"; null for any other path. */
export function scopePage(field: string): string | null {
  return /^scopes\.([^.]+)$/.exec(field)?.[1] ?? null;
}

const same = (a: FieldValue, b: FieldValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What differs from `base` in `draft`, setting by setting. A page's scope only one of them has is
 * a change from or to null (its own project alone).
 */
export function formChanges(base: ConfigForm, draft: ConfigForm): FormChange[] {
  const before = new Map(fields(base));
  const after = fields(draft);
  const dropped = [...before].filter(([field]) => !after.some(([f]) => f === field));
  return [...after, ...dropped.map(([field]): [string, FieldValue] => [field, null])]
    .filter(([field, to]) => !same(before.get(field) ?? null, to))
    .map(([field, to]) => ({ field, from: before.get(field) ?? null, to }));
}

export const sameForm = (a: ConfigForm, b: ConfigForm): boolean => formChanges(a, b).length === 0;

/**
 * Whether `to` can stand where the setting's default is `byDefault`: text for text and day counts,
 * text or null where the default is null, a list for a list.
 */
function fits(to: FieldValue, byDefault: unknown): boolean {
  if (byDefault === null) return typeof to === 'string' || to === null;
  if (typeof byDefault === 'string' || typeof byDefault === 'number') return typeof to === 'string';
  if (typeof byDefault === 'boolean') return typeof to === 'boolean';
  return Array.isArray(byDefault) && Array.isArray(to);
}

/** `form` with each change's `to` value set (re-applying an admin's own edits on another version). */
export function applyChanges(form: ConfigForm, changes: readonly FormChange[]): ConfigForm {
  const next: ConfigForm = { ...form, categories: { ...form.categories } };
  for (const { field, to } of changes) {
    const id = CATEGORY_IDS.find((c) => field.startsWith(`categories.${c}.`));
    if (id) {
      const current = next.categories[id];
      const key = field.slice(`categories.${id}.`.length);
      const requirement = /^requirements\.(.+)$/.exec(key)?.[1];
      if (key === 'labels' && Array.isArray(to)) next.categories[id] = { ...current, labels: [...to] };
      else if (key === 'enabled' && typeof to === 'boolean') next.categories[id] = { ...current, enabled: to };
      else if (key === 'disabledReason' && typeof to === 'string')
        next.categories[id] = { ...current, disabledReason: to };
      else if (key === 'windowDays' && typeof to === 'string') next.categories[id] = { ...current, windowDays: to };
      else if (requirement !== undefined && isRequirementId(requirement) && isRequirementMode(to))
        next.categories[id] = { ...current, requirements: { ...current.requirements, [requirement]: to } };
      continue;
    }
    const [key = '', entry, ...deeper] = field.split('.');
    if (!isSettingKey(key) || key === 'categories' || deeper.length > 0) continue;
    const byDefault: unknown = SETTINGS[key].default();
    const settings: Partial<Record<SettingKey, unknown>> = next;
    if (entry === undefined) {
      if (fits(to, byDefault)) settings[key] = to;
    } else if (isRecord(byDefault) && isRecord(settings[key])) {
      const record = settings[key] as Record<string, string[]>;
      // A record with entries by default (top management's lists) has those alone, each keeping
      // its kind; one empty by default (the scopes) has entries that come and go: a page's list is
      // set, or removed with null.
      if (Object.hasOwn(byDefault, entry)) {
        if (fits(to, byDefault[entry])) settings[key] = { ...record, [entry]: copy(to) };
      } else if (Object.keys(byDefault).length === 0 && (Array.isArray(to) || to === null))
        settings[key] = withScope(record, entry, to);
    }
  }
  return next;
}
