import type http from 'node:http';

const MAX_BODY = 1024 * 1024;

export const HTML = 'text/html; charset=utf-8';
export const TEXT = 'text/plain; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Headers on every answer of both origins: nothing cached, no type guessed from the content. */
const BASE_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  content: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, ...BASE_HEADERS, ...headers });
  res.end(content);
}

export const sendJson = (res: http.ServerResponse, status: number, value: unknown): void =>
  send(res, status, JSON_TYPE, JSON.stringify(value));

export function redirect(res: http.ServerResponse, status: 303 | 307, to: string, cookie?: string): void {
  res.writeHead(status, { Location: to, ...BASE_HEADERS, ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  res.end();
}

export function cookies(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (!name) continue;
    try {
      out[name] = decodeURIComponent(rest.join('='));
    } catch {
      // A cookie the host did not write (bad escapes) is no session.
    }
  }
  return out;
}

export async function body(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
