import { MAX_REPORTED_ERRORS, type FieldError } from '../core/config';
import { shown } from '../core/config-text';
import type { FixOrigin, FixRequest, PayloadOf } from '../contract/invoke';
import { CATEGORY_IDS, type CategoryId } from '../core/types';
import { AppError } from './app-error';

/** The sentence names this many unexpected fields; the field list holds up to MAX_REPORTED_ERRORS. */
const NAMED_FIELDS = 5;

/**
 * Payloads come from the browser: each is checked field by field, and anything unknown or
 * malformed is INVALID_INPUT naming the field, before any handler runs.
 */
function objectWith(payload: unknown, allowed: string[]): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw AppError.invalid('The request is not an object.', [{ field: '', message: 'must be an object' }]);
  }
  const expected = new Set(allowed);
  // Field names are the caller's text: cut short, and only so many, so the answer stays small.
  const unknown: FieldError[] = Object.keys(payload)
    .filter((key) => !expected.has(key))
    .map((field) => ({ field: shown(field), message: 'is not expected here' }));
  if (unknown.length > 0) {
    const named = unknown.slice(0, NAMED_FIELDS).map((u) => u.field);
    const more = unknown.length > NAMED_FIELDS ? ` and ${unknown.length - NAMED_FIELDS} more` : '';
    throw AppError.invalid(
      `The request has fields it should not: ${named.join(', ')}${more}.`,
      unknown.slice(0, MAX_REPORTED_ERRORS),
    );
  }
  return { ...payload };
}

function version(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw AppError.invalid('expectedVersion must be the version you started from.', [
      { field: 'expectedVersion', message: 'must be a whole number from 0' },
    ]);
  }
  return value;
}

export function emptyPayload(payload: unknown): Record<string, never> {
  objectWith(payload, []);
  return {};
}

/** The project report: `fullRead` (the Reload button) asks for every issue instead of what changed. */
export function reportPayload(payload: unknown): PayloadOf<'report/project'> {
  const body = objectWith(payload, ['fullRead']);
  if (body.fullRead === undefined) return {};
  if (typeof body.fullRead !== 'boolean')
    throw AppError.invalid('fullRead must be true or false.', [{ field: 'fullRead', message: 'must be a boolean' }]);
  return { fullRead: body.fullRead };
}

/** The config itself is validated by the engine's validateConfig, with its field-level messages. */
export function savePayload(payload: unknown): { config: unknown; expectedVersion: number } {
  const body = objectWith(payload, ['config', 'expectedVersion']);
  if (!('config' in body))
    throw AppError.invalid('The request has no config to save.', [{ field: 'config', message: 'is required' }]);
  return { config: body.config, expectedVersion: version(body.expectedVersion) };
}

export function resetPayload(payload: unknown): PayloadOf<'config/reset'> {
  const body = objectWith(payload, ['expectedVersion']);
  return { expectedVersion: version(body.expectedVersion) };
}

export const MAX_QUERY_LENGTH = 255;

export function labelsPayload(payload: unknown): PayloadOf<'jira/labels'> {
  const body = objectWith(payload, ['query']);
  if (body.query === undefined) return {};
  if (typeof body.query !== 'string' || body.query.length > MAX_QUERY_LENGTH) {
    throw AppError.invalid('The label search must be text.', [
      { field: 'query', message: `must be text of at most ${MAX_QUERY_LENGTH} characters` },
    ]);
  }
  return { query: body.query };
}

/** A picker's search: optional text, as short as a label search. */
function searchPayload(payload: unknown, what: string): { query?: string } {
  const body = objectWith(payload, ['query']);
  if (body.query === undefined) return {};
  if (typeof body.query !== 'string' || body.query.length > MAX_QUERY_LENGTH) {
    throw AppError.invalid(`The ${what} search must be text.`, [
      { field: 'query', message: `must be text of at most ${MAX_QUERY_LENGTH} characters` },
    ]);
  }
  return { query: body.query };
}

export const groupsPayload = (payload: unknown): PayloadOf<'jira/groups'> => searchPayload(payload, 'group');
export const usersPayload = (payload: unknown): PayloadOf<'jira/users'> => searchPayload(payload, 'people');
export const projectsPayload = (payload: unknown): PayloadOf<'jira/projects'> => searchPayload(payload, 'project');

const FIX_ORIGINS: readonly FixOrigin[] = ['finding', 'upcoming', 'panel'];

/** Which fix to build: a category and where the action was offered; the fix itself is recomputed on the server. */
export function fixPayload(payload: unknown): FixRequest {
  const body = objectWith(payload, ['categoryId', 'origin']);
  const { categoryId, origin } = body;
  if (typeof categoryId !== 'string' || !(CATEGORY_IDS as readonly string[]).includes(categoryId))
    throw AppError.invalid('categoryId must be one of the Clause 5.1 categories.', [
      { field: 'categoryId', message: 'is not a Clause 5.1 category' },
    ]);
  if (typeof origin !== 'string' || !(FIX_ORIGINS as readonly string[]).includes(origin))
    throw AppError.invalid(`origin must be one of ${FIX_ORIGINS.join(', ')}.`, [
      { field: 'origin', message: `must be one of ${FIX_ORIGINS.join(', ')}` },
    ]);
  return { categoryId: categoryId as CategoryId, origin: origin as FixOrigin };
}
