/**
 * Payloads come from the browser: each is a table over its contract type (core/shape.ts), so a field
 * added to a payload without a check here does not compile. Anything unknown or malformed is
 * INVALID_INPUT naming the field, before any handler runs; the first problem is the answer.
 */
import { MAX_REPORTED_ERRORS } from '../core/config';
import { shown } from '../core/config-text';
import { isRecord } from '../core/guards';
import { isOneOf, optional, parseFields, unknownKeys, type FieldError, type Fields, type Parser } from '../core/shape';
import { FIX_ORIGINS, type FixRequest, type PayloadOf } from '../contract/invoke';
import { CATEGORY_IDS } from '../core/types';
import { AppError } from '../errors';

/** The sentence names this many unexpected fields; the field list holds up to MAX_REPORTED_ERRORS. */
const NAMED_FIELDS = 5;

export const MAX_QUERY_LENGTH = 255;

/** A field `accepts` lets through; anything else is refused with `sentence`, and `message` at the field. */
function refusing<T>(accepts: (value: unknown) => value is T, sentence: string, message: string): Parser<T> {
  return (value, at) => {
    if (accepts(value)) return value;
    throw AppError.invalid(sentence, [{ field: at, message }]);
  };
}

/** The payload as `fields` declares it: an object with no field the table does not name, each field checked. */
function payloadOf<T>(payload: unknown, fields: Fields<T>): T {
  if (!isRecord(payload))
    throw AppError.invalid('The request is not an object.', [{ field: '', message: 'must be an object' }]);
  // Field names are the caller's text: cut short, and only so many, so the answer stays small.
  const unknown: FieldError[] = unknownKeys(payload, fields).map((field) => ({
    field: shown(field),
    message: 'is not expected here',
  }));
  if (unknown.length > 0) {
    const named = unknown.slice(0, NAMED_FIELDS).map((u) => u.field);
    const more = unknown.length > NAMED_FIELDS ? ` and ${unknown.length - NAMED_FIELDS} more` : '';
    throw AppError.invalid(
      `The request has fields it should not: ${named.join(', ')}${more}.`,
      unknown.slice(0, MAX_REPORTED_ERRORS),
    );
  }
  // The parsers throw at the first problem, so nothing is ever collected here.
  return parseFields(payload, fields, '', []);
}

const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isQuery = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_QUERY_LENGTH;

const expectedVersion = refusing(
  isVersion,
  'expectedVersion must be the version you started from.',
  'must be a whole number from 0',
);

/** A picker's search: optional text, at most MAX_QUERY_LENGTH characters. */
const searchFields = (what: string): Fields<{ query?: string }> => ({
  query: optional(
    refusing(isQuery, `The ${what} search must be text.`, `must be text of at most ${MAX_QUERY_LENGTH} characters`),
  ),
});

const EMPTY: Fields<Record<string, never>> = {};

export function emptyPayload(payload: unknown): Record<string, never> {
  return payloadOf(payload, EMPTY);
}

const REPORT: Fields<PayloadOf<'report/project'>> = {
  fullRead: optional(refusing(isBoolean, 'fullRead must be true or false.', 'must be a boolean')),
};

/** The project report: `fullRead` (the Reload button) asks for every issue instead of what changed. */
export function reportPayload(payload: unknown): PayloadOf<'report/project'> {
  return payloadOf(payload, REPORT);
}

/** config/save's payload before its config is validated. */
type SaveRequest = Omit<PayloadOf<'config/save'>, 'config'> & { config: unknown };

const SAVE: Fields<SaveRequest> = {
  config: refusing((v): v is unknown => v !== undefined, 'The request has no config to save.', 'is required'),
  expectedVersion,
};

/** The config itself is validated by the engine's validateConfig, with its field-level messages. */
export function savePayload(payload: unknown): SaveRequest {
  return payloadOf(payload, SAVE);
}

const RESET: Fields<PayloadOf<'config/reset'>> = { expectedVersion };

export function resetPayload(payload: unknown): PayloadOf<'config/reset'> {
  return payloadOf(payload, RESET);
}

const LABELS: Fields<PayloadOf<'jira/labels'>> = searchFields('label');
const GROUPS: Fields<PayloadOf<'jira/groups'>> = searchFields('group');
const USERS: Fields<PayloadOf<'jira/users'>> = searchFields('people');
const PROJECTS: Fields<PayloadOf<'jira/projects'>> = searchFields('project');

export const labelsPayload = (payload: unknown): PayloadOf<'jira/labels'> => payloadOf(payload, LABELS);
export const groupsPayload = (payload: unknown): PayloadOf<'jira/groups'> => payloadOf(payload, GROUPS);
export const usersPayload = (payload: unknown): PayloadOf<'jira/users'> => payloadOf(payload, USERS);
export const projectsPayload = (payload: unknown): PayloadOf<'jira/projects'> => payloadOf(payload, PROJECTS);

const FIX: Fields<FixRequest> = {
  categoryId: refusing(
    isOneOf(CATEGORY_IDS),
    'categoryId must be one of the Clause 5.1 categories.',
    'is not a Clause 5.1 category',
  ),
  origin: refusing(
    isOneOf(FIX_ORIGINS),
    `origin must be one of ${FIX_ORIGINS.join(', ')}.`,
    `must be one of ${FIX_ORIGINS.join(', ')}`,
  ),
};

/** Which fix to build: a category and where the action was offered; the fix itself is recomputed on the server. */
export function fixPayload(payload: unknown): FixRequest {
  return payloadOf(payload, FIX);
}
