/** Calls the simulator directly over HTTP as a given user, the app, or nobody. */
import { ACCOUNT_ID_HEADER, APP_HEADER } from '../../../dev/simulator/identity';

/** Who calls: an account id, `'app'` (the app itself) or `'anonymous'` (no identity at all). */
export type As = string;

export interface SimCall {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function call(
  baseUrl: string,
  as: As,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<SimCall> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (as === 'app') headers[APP_HEADER] = 'true';
  else if (as !== 'anonymous') headers[ACCOUNT_ID_HEADER] = as;
  let body: string | undefined = init.rawBody;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined,
  };
}

/** Reads a path of object keys from an unknown JSON body, failing the test with a clear message if absent. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current: unknown = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null)
      throw new Error(`no '${String(step)}' in ${JSON.stringify(current)}`);
    current = Reflect.get(current, step);
  }
  return current;
}

export function qs(params: Record<string, string | number | string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, String(v));
  }
  return `?${search.toString()}`;
}

/** JQL string literal, escaping as Jira requires. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
