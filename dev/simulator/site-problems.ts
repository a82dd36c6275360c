/**
 * The problem collector site validation reports through: every problem with its JSON path, so a broken
 * fixture says where it is broken, and all of them at once.
 */

import { isPlainObject } from './json';

/** Collects problems instead of stopping at the first one. */
export class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
  string(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    opts: { optional?: boolean; pattern?: RegExp } = {},
  ): string | undefined {
    const value = obj[key];
    if (value === undefined && opts.optional) return undefined;
    if (typeof value !== 'string' || value.length === 0) {
      this.add(`${path}.${key}`, `expected a non-empty string, got ${describe(value)}`);
      return undefined;
    }
    if (opts.pattern && !opts.pattern.test(value)) {
      this.add(`${path}.${key}`, `'${value}' does not match ${String(opts.pattern)}`);
      return undefined;
    }
    return value;
  }
  boolean(obj: Record<string, unknown>, key: string, path: string, fallback?: boolean): boolean {
    const value = obj[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.add(`${path}.${key}`, `expected true or false, got ${describe(value)}`);
      return false;
    }
    return value;
  }
  stringArray(obj: Record<string, unknown>, key: string, path: string, optional = false): string[] {
    const value = obj[key];
    if (value === undefined && optional) return [];
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string' && v.length > 0)) {
      this.add(`${path}.${key}`, `expected an array of non-empty strings, got ${describe(value)}`);
      return [];
    }
    return value;
  }
  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (!isPlainObject(value)) {
      this.add(path, `expected an object, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }
  array(value: unknown, path: string, optional = false): unknown[] {
    if (value === undefined && optional) return [];
    if (!Array.isArray(value)) {
      this.add(path, `expected an array, got ${describe(value)}`);
      return [];
    }
    return value;
  }
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  return typeof value;
}

export function checkUnique(
  problems: Problems,
  values: Array<string | undefined>,
  path: string,
  what: string,
  normalise = (s: string) => s,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (value === undefined) return;
    const norm = normalise(value);
    if (seen.has(norm)) problems.add(`${path}[${index}]`, `duplicate ${what} '${value}'`);
    seen.add(norm);
  });
}

/** A Jira date-time string, e.g. 2026-03-04T10:15:30.000+0100. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}
