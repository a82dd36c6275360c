import { closeSync, openSync, readSync } from 'node:fs';
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import type { ParsedElementInfo } from '@streamparser/json';
import { DataShapeError, NOT_AN_EXPORT, isSearchPage } from './load-issues';
import { RootKeys } from './root-keys';

/** The data file is not JSON at all (kept apart from DataShapeError: the file is broken, not of the wrong kind). */
export class JsonSyntaxError extends Error {}

// Big enough that reading costs few system calls, small enough to be nothing next to the issues.
const CHUNK_BYTES = 1 << 20;

type ItemKind = 'page' | 'issue';

/**
 * Hands each raw issue of a Jira export to `onIssue` as the parser completes it, so memory holds
 * what the caller keeps of each issue, never the export's text or its whole JSON tree. The three
 * shapes of `issuesIn` are read: `{ "issues": [...] }` streams issue by issue; a bare array of
 * issues likewise; an array of search pages one page at a time (a page is what Jira sends at once:
 * at most 100 issues with fields). Synchronous on purpose: the report command stays a function that
 * returns its output, and a command has nothing else to do while it reads.
 */
export function forEachIssueIn(path: string, onIssue: (raw: unknown) => void): void {
  const reader = new ExportReader(onIssue);
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) reader.write(buffer.subarray(0, read));
    reader.end();
  } finally {
    closeSync(fd);
  }
}

/** The library's tokenizer and parser, wired for the three shapes; it knows the shape from the first token. */
class ExportReader {
  private readonly tokenizer = new Tokenizer();
  private readonly root = new RootKeys();
  private parser: TokenParser | undefined;
  private first: ItemKind | undefined;
  private items = 0;
  // What `onIssue` throws passes back through the parser: it is the caller's error, not a syntax error.
  private callerError: unknown;
  // Where the last token started, to say where a token the parser refuses is.
  private offset = 0;

  constructor(private readonly onIssue: (raw: unknown) => void) {
    this.tokenizer.onToken = (token) => {
      this.offset = token.offset;
      this.parser ??= this.parserFor(token.token);
      this.root.see(token.token, token.value);
      this.parser.write(token);
    };
  }

  write(bytes: Uint8Array): void {
    this.guarded(() => {
      this.tokenizer.write(bytes);
    });
  }

  end(): void {
    this.guarded(() => {
      this.tokenizer.end();
      if (!this.parser) throw new JsonSyntaxError('the file is empty');
      if (!this.parser.isEnded) this.parser.end();
    });
    if (this.root.isObject && !this.root.hasIssuesList) throw new DataShapeError(NOT_AN_EXPORT);
  }

  private guarded(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error === this.callerError || error instanceof DataShapeError || error instanceof JsonSyntaxError)
        throw error;
      throw new JsonSyntaxError(syntaxProblem(error, this.offset));
    }
  }

  /** An object streams its `issues`, an array its elements; anything else is no export. */
  private parserFor(token: TokenType): TokenParser {
    if (token !== TokenType.LEFT_BRACE && token !== TokenType.LEFT_BRACKET) throw new DataShapeError(NOT_AN_EXPORT);
    const object = token === TokenType.LEFT_BRACE;
    // keepStack false: each element leaves the parser's tree once handed over, so nothing accumulates.
    const parser = new TokenParser({ paths: [object ? '$.issues.*' : '$.*'], keepStack: false });
    parser.onValue = (info) => {
      if (object) this.issueOfPage(info);
      else this.element(info);
    };
    return parser;
  }

  private issueOfPage({ value, parent }: ParsedElementInfo): void {
    if (!Array.isArray(parent)) throw new DataShapeError(NOT_AN_EXPORT);
    this.deliver(value);
  }

  private element({ value }: ParsedElementInfo): void {
    this.items += 1;
    const kind: ItemKind = isSearchPage(value) ? 'page' : 'issue';
    this.first ??= kind;
    if (kind !== this.first)
      throw new DataShapeError(
        `Item ${this.items} of the data is ${kind === 'page' ? 'a search page' : 'not a search page'}, unlike the first: the data must be all search pages or all issues.`,
      );
    if (isSearchPage(value)) value.issues.forEach((issue) => this.deliver(issue));
    else this.deliver(value);
  }

  private deliver(raw: unknown): void {
    try {
      this.onIssue(raw);
    } catch (error) {
      this.callerError = error;
      throw error;
    }
  }
}

/** The library's words made short: where the JSON breaks, not the parser's internal state. */
function syntaxProblem(error: unknown, offset: number): string {
  const message = error instanceof Error ? error.message : String(error);
  // The tokenizer: `Unexpected "x" at chunk position "3" (absolute position "1048579") in state ...`.
  const character = /^Unexpected "(.*)" at .*absolute position "(\d+)"/s.exec(message);
  if (character) return `unexpected ${JSON.stringify(character[1])} at byte ${character[2]}`;
  if (/ended in (the )?mid/i.test(message)) return 'it ends before the JSON is complete';
  // The token parser: `Unexpected COMMA (",") in state VALUE`; in state ENDED, the document was over.
  if (/^Unexpected .* in state ENDED$/.test(message)) return 'there is more after the end of the JSON';
  const token = /^Unexpected \w+ \((.*)\) in state/s.exec(message);
  if (token) return `unexpected ${token[1]} at byte ${offset}`;
  return message.replace(/\.$/, '');
}
