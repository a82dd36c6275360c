/**
 * The one way the app declares the shape of data it does not trust (a payload from the browser, a
 * config from an admin or a file, a record read back from storage): a parser per field, in a mapped
 * type over the TypeScript type it produces, so a field added to the type without a parser does
 * not compile, and nothing is loaded unchecked.
 *
 * A parser reads one value and returns it typed. What is wrong it says in `problems`, at the dotted
 * path `at`, and returns a stand-in so the rest can still be checked and every problem told at
 * once; a caller that stops at the first problem (a payload) may throw instead.
 *
 * A parser that only checks (made by `checked`, or by `optional`, `orNull`, `listOf`, `valuesOf` and
 * `recordOf` from such parsers) also has a guard: the same check without paths or problems, for data
 * read in bulk (`guardOf`). Paths are built only when something is wrong.
 */
import { isRecord } from './guards';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `categories.resources.windowDays`; '' for the whole value. */
  field: string;
  message: string;
}

export type Parser<T> = (value: unknown, at: string, problems: FieldError[]) => T;

/** A parser for every field of T, optional ones included (theirs return undefined when absent). */
export type Fields<T> = { readonly [K in keyof T]-?: Parser<T[K]> };

type Guard = (value: unknown) => boolean;

/** The guard of each parser that only checks: it accepts exactly what the parser accepts without a problem. */
const guards = new WeakMap<Parser<unknown>, Guard>();

function withGuard<T>(parse: Parser<T>, guard: Guard | undefined): Parser<T> {
  if (guard) guards.set(parse, guard);
  return parse;
}

/** `key` below `at`: the dotted path a problem names. */
export const pathOf = (at: string, key: string | number): string => (at === '' ? String(key) : `${at}.${key}`);

/** Each field of `record` through its parser, in the table's order; a field whose value is undefined is left out. */
export function parseFields<T>(
  record: Record<string, unknown>,
  fields: Fields<T>,
  at: string,
  problems: FieldError[],
): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    const parse = fields[key] as Parser<unknown>;
    const value = parse(record[key], pathOf(at, key), problems);
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/** The keys of `record` the table does not name, in the record's order. */
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- any table: Fields<unknown> is `{}` on purpose
export function unknownKeys(record: Record<string, unknown>, fields: Fields<unknown> | object): string[] {
  return Object.keys(record).filter((key) => !Object.hasOwn(fields, key));
}

/**
 * A parser that accepts only what `guard` accepts, with one message for everything else, and
 * `fallback` as the stand-in. For stored data whose problems are counted, not shown.
 */
export function checked<T>(guard: (value: unknown) => value is T, message: string, fallback: T): Parser<T> {
  const parse: Parser<T> = (value, at, problems) => {
    if (guard(value)) return value;
    problems.push({ field: at, message });
    return fallback;
  };
  return withGuard(parse, guard);
}

/** The parser, or undefined when the value is absent. */
export function optional<T>(parse: Parser<T>): Parser<T | undefined> {
  const guard = guards.get(parse);
  return withGuard(
    (value, at, problems) => (value === undefined ? undefined : parse(value, at, problems)),
    guard && ((value) => value === undefined || guard(value)),
  );
}

/** The parser, or null. */
export function orNull<T>(parse: Parser<T>): Parser<T | null> {
  const guard = guards.get(parse);
  return withGuard(
    (value, at, problems) => (value === null ? null : parse(value, at, problems)),
    guard && ((value) => value === null || guard(value)),
  );
}

/** A list whose every item passes `parse`. */
export function listOf<T>(parse: Parser<T>, message = 'must be a list'): Parser<T[]> {
  const guard = guards.get(parse);
  return withGuard(
    (value, at, problems) => {
      if (!Array.isArray(value)) {
        problems.push({ field: at, message });
        return [];
      }
      return value.map((item: unknown, index) => parse(item, pathOf(at, index), problems));
    },
    guard && ((value) => Array.isArray(value) && value.every(guard)),
  );
}

/** An object used as a dictionary (ids to values): every value passes `parse`, whatever its key. */
export function valuesOf<T>(parse: Parser<T>, message = 'must be an object'): Parser<Record<string, T>> {
  const guard = guards.get(parse);
  return withGuard(
    (value, at, problems) => {
      if (!isRecord(value)) {
        problems.push({ field: at, message });
        return {};
      }
      // fromEntries defines each key as its own field: a stored `__proto__` stays a field.
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, parse(item, pathOf(at, key), problems)]),
      );
    },
    guard && ((value) => isRecord(value) && Object.values(value).every(guard)),
  );
}

/** An object with exactly the table's fields: an unknown field is a problem named `unknownMessage`. */
export function recordOf<T>(fields: Fields<T>, message = 'must be an object', unknownMessage?: string): Parser<T> {
  const guard = fieldsGuard(fields);
  return withGuard(
    (value, at, problems) => {
      if (!isRecord(value)) {
        problems.push({ field: at, message });
        return {} as T;
      }
      if (unknownMessage !== undefined)
        for (const key of unknownKeys(value, fields))
          problems.push({ field: pathOf(at, key), message: unknownMessage });
      return parseFields(value, fields, at, problems);
    },
    guard &&
      (unknownMessage === undefined ? guard : (value) => guard(value) && unknownKeys(value, fields).length === 0),
  );
}

/** The guard of a table whose every parser has one; undefined otherwise. */
function fieldsGuard<T>(fields: Fields<T>): ((value: unknown) => value is Record<string, unknown>) | undefined {
  const keys = Object.keys(fields);
  const checks: Guard[] = [];
  for (const key of keys) {
    const guard = guards.get(fields[key as keyof T]);
    if (!guard) return undefined;
    checks.push(guard);
  }
  return (value): value is Record<string, unknown> => {
    if (!isRecord(value)) return false;
    for (let i = 0; i < keys.length; i += 1) if (!(checks[i] as Guard)(value[keys[i] as string])) return false;
    return true;
  };
}

/**
 * Whether `value` has the table's shape, without building a path or a problem: for data read in
 * bulk, where a value that fails is thrown away (or parsed again for its problems). Fields the table
 * does not name are let be, as `recordOf` lets them be. Every parser of the table must only check
 * (see the top of this file): a table with any other is a programming error, thrown at once.
 */
export function guardOf<T>(fields: Fields<T>): (value: unknown) => value is T {
  const guard = fieldsGuard(fields);
  if (!guard) {
    const without = Object.keys(fields).filter((key) => !guards.has(fields[key as keyof T]));
    throw new Error(`guardOf: the parsers of ${without.join(', ')} do more than check, so they have no guard.`);
  }
  return guard as (value: unknown) => value is T;
}

/** Whether `value` is one of `options`: for a parser of a closed list of words. */
export const isOneOf =
  <T extends string>(options: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (options as readonly string[]).includes(value);

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export const text: Parser<string> = checked(isString, 'must be text', '');
export const flag: Parser<boolean> = checked(isBoolean, 'must be true or false', false);
export const count: Parser<number> = checked(isCount, 'must be a whole number from 0', 0);

/** Parses `value`, or undefined with the problems when it does not have the shape. */
export function tryParse<T>(parse: Parser<T>, value: unknown): { value: T } | { problems: FieldError[] } {
  const problems: FieldError[] = [];
  const parsed = parse(value, '', problems);
  return problems.length === 0 ? { value: parsed } : { problems };
}
