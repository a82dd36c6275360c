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

export interface ConfigForm {
  categories: Record<CategoryId, CategoryForm>;
  approvalLabel: string;
  effectiveDateField: string | null;
  reviewIntervalDays: string;
  expiringSoonDays: string;
  /** Group ids and account ids, in the order the admin added them (spec 8.1). */
  topManagement: { groups: string[]; accountIds: string[] };
  approverField: string | null;
  attendeesField: string | null;
  /** The issue type "Create issue" makes, by name; null for the default (spec 10). */
  fixIssueType: string | null;
  /**
   * Spec 11: for a project page (by its key), the projects whose issues are its evidence, as saved
   * or as the admin left them. A page not listed grades its own project alone.
   */
  scopes: Record<string, string[]>;
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
  return {
    categories,
    approvalLabel: config.approvalLabel,
    effectiveDateField: config.effectiveDateField,
    reviewIntervalDays: String(config.reviewIntervalDays),
    expiringSoonDays: String(config.expiringSoonDays),
    topManagement: { groups: [...config.topManagement.groups], accountIds: [...config.topManagement.accountIds] },
    approverField: config.approverField,
    attendeesField: config.attendeesField,
    fixIssueType: config.fixIssueType,
    scopes: Object.fromEntries(Object.entries(config.scopes).map(([page, keys]) => [page, [...keys]])),
  };
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
  return {
    categories,
    approvalLabel: form.approvalLabel,
    effectiveDateField: form.effectiveDateField,
    reviewIntervalDays: days(form.reviewIntervalDays),
    expiringSoonDays: days(form.expiringSoonDays),
    topManagement: form.topManagement,
    approverField: form.approverField,
    attendeesField: form.attendeesField,
    fixIssueType: form.fixIssueType,
    scopes: form.scopes,
  };
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

function fields(form: ConfigForm): [string, FieldValue][] {
  const list: [string, FieldValue][] = [];
  for (const id of CATEGORY_IDS) {
    const c = form.categories[id];
    list.push(
      [`categories.${id}.labels`, c.labels],
      [`categories.${id}.enabled`, c.enabled],
      [`categories.${id}.disabledReason`, c.disabledReason],
      [`categories.${id}.windowDays`, c.windowDays],
      ...requirementsOf(id).map((r): [string, FieldValue] => [
        `categories.${id}.requirements.${r}`,
        c.requirements[r] ?? null,
      ]),
    );
  }
  list.push(
    ['approvalLabel', form.approvalLabel],
    ['effectiveDateField', form.effectiveDateField],
    ['reviewIntervalDays', form.reviewIntervalDays],
    ['expiringSoonDays', form.expiringSoonDays],
    ['topManagement.groups', form.topManagement.groups],
    ['topManagement.accountIds', form.topManagement.accountIds],
    ['approverField', form.approverField],
    ['attendeesField', form.attendeesField],
    ['fixIssueType', form.fixIssueType],
    // One setting per page, in key order so two forms list them alike.
    ...Object.keys(form.scopes)
      .sort()
      .map((page): [string, FieldValue] => [`scopes.${page}`, form.scopes[page] ?? null]),
  );
  return list;
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

/** `form` with each change's `to` value set (re-applying an admin's own edits on another version). */
export function applyChanges(form: ConfigForm, changes: readonly FormChange[]): ConfigForm {
  const next: ConfigForm = { ...form, categories: { ...form.categories } };
  for (const { field, to } of changes) {
    const page = scopePage(field);
    if (page !== null) {
      if (Array.isArray(to) || to === null) next.scopes = withScope(next.scopes, page, to);
      continue;
    }
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
    } else if (
      (field === 'effectiveDateField' ||
        field === 'approverField' ||
        field === 'attendeesField' ||
        field === 'fixIssueType') &&
      (typeof to === 'string' || to === null)
    ) {
      next[field] = to;
    } else if ((field === 'topManagement.groups' || field === 'topManagement.accountIds') && Array.isArray(to)) {
      const list = field === 'topManagement.groups' ? 'groups' : 'accountIds';
      next.topManagement = { ...next.topManagement, [list]: [...to] };
    } else if (
      (field === 'approvalLabel' || field === 'reviewIntervalDays' || field === 'expiringSoonDays') &&
      typeof to === 'string'
    ) {
      next[field] = to;
    }
  }
  return next;
}
