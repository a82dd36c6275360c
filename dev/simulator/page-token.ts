/**
 * Opaque nextPageToken for /search/jql. It carries the offset and a hash of the JQL, so a token replayed with
 * a different query is rejected (400) as Jira does, instead of silently paging through the wrong results.
 */
import { createHash } from 'node:crypto';
import { isPlainObject, parseJson } from './json';

function jqlHash(jql: string): string {
  return createHash('sha256').update(jql).digest('hex').slice(0, 16);
}

export function encodePageToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset, h: jqlHash(jql) }), 'utf8').toString('base64url');
}

/** The offset the token points at, or undefined when it is malformed or belongs to another query. */
export function decodePageToken(token: string, jql: string): number | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const parsed = parseJson(Buffer.from(token, 'base64url').toString('utf8'));
  if (!parsed.ok || !isPlainObject(parsed.value)) return undefined;
  const { v, o, h } = parsed.value;
  if (v !== 1 || typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0 || h !== jqlHash(jql)) return undefined;
  return o;
}
