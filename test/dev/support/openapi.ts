/**
 * Validation against Atlassian's OpenAPI document (shared/reference/jira-platform-rest-v3.openapi.json), for tests
 * that check one read's answers closely (jira-contract.test.ts checks every route). `openApi()` is undefined when
 * the document is missing: callers skip, loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isPlainObject } from '../../../dev/simulator/json';

export const OPENAPI_PATH = resolve(__dirname, '../../../../shared/reference/jira-platform-rest-v3.openapi.json');
const SPEC_ID = 'jira-platform-rest-v3';

const pointer = (...segments: string[]): string =>
  `${SPEC_ID}#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

export interface OpenApi {
  /** The problems of `body` against the 200 answer of an operation (empty: valid). */
  responseProblems(method: string, path: string, body: unknown): string[];
  /** The problems of `value` against a schema of `components.schemas`. */
  schemaProblems(name: string, value: unknown): string[];
}

let loaded: OpenApi | undefined;

/**
 * A copy whose objects have no prototype. Ajv reads a property as `data.toString`, which finds Object.prototype's
 * method on a change item without its own `toString` (an attachment removed): without this, a body that is inside
 * the document would fail as "toString must be string".
 */
function withoutPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypes);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) copy[key] = withoutPrototypes(item);
  return copy;
}

export function openApi(): OpenApi | undefined {
  if (loaded || !existsSync(OPENAPI_PATH)) return loaded;
  const spec: unknown = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
  if (!isPlainObject(spec)) throw new Error(`${OPENAPI_PATH} is not a JSON object`);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addSchema(spec, SPEC_ID);
  const validators = new Map<string, ValidateFunction>();
  const problems = (ref: string, value: unknown): string[] => {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      validators.set(ref, validate);
    }
    if (validate(withoutPrototypes(value))) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
  };
  loaded = {
    responseProblems: (method, path, body) =>
      problems(
        pointer('paths', path, method.toLowerCase(), 'responses', '200', 'content', 'application/json', 'schema'),
        body,
      ),
    schemaProblems: (name, value) => problems(pointer('components', 'schemas', name), value),
  };
  return loaded;
}

/**
 * The bulk changelog answer with each entry's `created` (epoch milliseconds, as real sites send it) as the
 * date-time the document says; anything else in `created` is left as it is, so it fails validation.
 */
export function epochCreatedAsDateTime(body: unknown): unknown {
  const copy: unknown = structuredClone(body);
  const logs = isPlainObject(copy) ? copy['issueChangeLogs'] : undefined;
  for (const log of Array.isArray(logs) ? logs : []) {
    const histories: unknown = isPlainObject(log) ? log['changeHistories'] : undefined;
    for (const history of Array.isArray(histories) ? histories : []) {
      if (isPlainObject(history) && Number.isSafeInteger(history['created']))
        history['created'] = new Date(Number(history['created'])).toISOString();
    }
  }
  return copy;
}
