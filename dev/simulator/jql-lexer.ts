/**
 * JQL tokens. Quoted strings are decoded here, so a value such as "a\") OR project != \"X" is one string token
 * and can never turn into query syntax. Error texts follow Jira's ("Error in the JQL Query: ... (line L,
 * character C)") so code that shows them to users sees what it will see in production.
 */

export interface JqlPosition {
  line: number;
  /** 1-based column within the line. */
  character: number;
}

export type JqlToken =
  | { kind: 'lparen' | 'rparen' | 'comma'; pos: JqlPosition }
  | { kind: 'op'; text: string; pos: JqlPosition }
  | { kind: 'string'; value: string; pos: JqlPosition }
  | { kind: 'word'; value: string; pos: JqlPosition }
  | { kind: 'eof'; pos: JqlPosition };

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export function jqlSyntaxError(detail: string, pos: JqlPosition): JqlError {
  return new JqlError(`Error in the JQL Query: ${detail} (line ${pos.line}, character ${pos.character})`);
}

const OPERATORS = ['!=', '!~', '<=', '>=', '=', '~', '<', '>'];
const WORD_CHAR = /[\p{L}\p{N}_\-.:]/u;
const WHITESPACE = /\s/;
const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', t: '\t', n: '\n', r: '\r', ' ': ' ' };

export function tokenizeJql(text: string): JqlToken[] {
  const tokens: JqlToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const posAt = (index: number): JqlPosition => ({ line, character: index - lineStart + 1 });

  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      i += 1;
      line += 1;
      lineStart = i;
      continue;
    }
    if (WHITESPACE.test(ch)) {
      i += 1;
      continue;
    }
    const pos = posAt(i);
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', pos });
      i += 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, pos });
      i += op.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const quote = ch;
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const c = text.charAt(j);
        if (c === quote) {
          closed = true;
          break;
        }
        if (c === '\\') {
          const next = text.charAt(j + 1);
          const simple = ESCAPES[next];
          if (simple !== undefined) {
            value += simple;
            j += 2;
            continue;
          }
          if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
            value += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
            j += 6;
            continue;
          }
          throw jqlSyntaxError(
            `'\\${next}' is an illegal JQL escape sequence. The valid escape sequences are \\', \\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.`,
            posAt(j),
          );
        }
        value += c;
        j += 1;
      }
      if (!closed) throw jqlSyntaxError(`The quoted string '${value}' has not been completed.`, pos);
      tokens.push({ kind: 'string', value, pos });
      i = j + 1;
      continue;
    }
    if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < text.length && WORD_CHAR.test(text.charAt(j))) j += 1;
      tokens.push({ kind: 'word', value: text.slice(i, j), pos });
      i = j;
      continue;
    }
    throw jqlSyntaxError(
      `The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${ch
        .charCodeAt(0)
        .toString(16)
        .padStart(4, '0')}' instead.`,
      pos,
    );
  }
  tokens.push({ kind: 'eof', pos: posAt(i) });
  return tokens;
}
