/**
 * The JQL subset the simulator understands, parsed into a conjunction of clauses plus ORDER BY:
 *   project = X | project IN (X, ...) | labels = x | labels IN (...) | key/issuekey = K | key IN (...)
 *   | key != K | key NOT IN (...)
 *   | statusCategory = C | statusCategory != C | statusCategory IN (C, ...) | statusCategory NOT IN (C, ...)
 *   | created|createdDate|updated|updatedDate (> | >= | < | <=) D
 *   joined with AND, optionally in parentheses; ORDER BY created|updated|key [ASC|DESC], ...
 * A status category C is its name ("To Do", "In Progress", "Done"), key (new, indeterminate, done) or id (2, 4, 3),
 * ignoring case; any other value is Jira's "The value 'X' does not exist for the field 'statusCategory'.".
 * A date D is a period relative to the search's clock ("-15m", -2h, "-4d 12h", "+1d": units w, d, h, m, w = 7d,
 * d = 24h; no sign means ahead) or an absolute "yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm" or "yyyy/MM/dd HH:mm"
 * read in UTC (the simulated site's time zone); anything else is Jira's "Date value 'X' for field 'F' is invalid.".
 * The parser only reads D: a period is resolved against the clock when the query runs (jql-search.ts).
 * Anything else is a JQL error (400), never silently ignored: a query the simulator half-understood would
 * return the wrong issues and hide the bug.
 */
import { jqlSyntaxError, JqlError, tokenizeJql, type JqlPosition, type JqlToken } from './jql-lexer';

export type JqlField = 'project' | 'labels' | 'issuekey' | 'statuscategory' | JqlDateField;
/** The date fields JQL can compare: `created`/`createdDate` and `updated`/`updatedDate`. */
export type JqlDateField = 'created' | 'updated';
/** The comparisons allowed on a date field (and only there). */
export type JqlDateOperator = '<' | '<=' | '>' | '>=';
/** `!=` and `NOT IN` only with statusCategory and key; the comparisons only with a date field. */
export type JqlOperator = '=' | '!=' | 'IN' | 'NOT IN' | JqlDateOperator;
/** A status category by its key, as `fields.status.statusCategory.key` holds it. */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';
export type JqlSortField = 'created' | 'updated' | 'key';

export interface JqlValue {
  text: string;
  quoted: boolean;
  pos: JqlPosition;
}

interface JqlClauseBase {
  /** The clause name as written, for messages. */
  fieldName: string;
  operator: JqlOperator;
  values: JqlValue[];
  pos: JqlPosition;
}

/**
 * A date value as written: a period (`-15m`, `"-4d 12h"`) is an offset from the clock of the search that runs
 * the query, an absolute date (`"2026-01-01"`, `"2026/01/01 10:30"`) is an instant, read in UTC.
 */
export type JqlDate = { kind: 'relative'; offsetMs: number } | { kind: 'absolute'; epochMs: number };

export type JqlClause =
  | (JqlClauseBase & { field: Exclude<JqlField, 'statuscategory' | JqlDateField> })
  | (JqlClauseBase & {
      field: 'statuscategory';
      /** The categories the values name, in value order (repeats kept). */
      categories: StatusCategoryKey[];
    })
  | (JqlClauseBase & {
      field: JqlDateField;
      operator: JqlDateOperator;
      /** The one value, read. */
      date: JqlDate;
    });

export interface JqlSort {
  field: JqlSortField;
  direction: 'ASC' | 'DESC';
}

export interface JqlQuery {
  /** All must hold (AND). Empty for a query with no search restriction. */
  clauses: JqlClause[];
  orderBy: JqlSort[];
}

const FIELD_ALIASES: ReadonlyMap<string, JqlField> = new Map([
  ['project', 'project'],
  ['labels', 'labels'],
  ['key', 'issuekey'],
  ['issuekey', 'issuekey'],
  ['issue', 'issuekey'],
  ['id', 'issuekey'],
  ['statuscategory', 'statuscategory'],
  ['created', 'created'],
  ['createddate', 'created'],
  ['updated', 'updated'],
  ['updateddate', 'updated'],
]);

/** Jira Cloud's status categories, as GET /rest/api/3/statuscategory lists them (less "No Category"). */
const STATUS_CATEGORIES: ReadonlyArray<{ id: string; key: StatusCategoryKey; name: string }> = [
  { id: '2', key: 'new', name: 'To Do' },
  { id: '4', key: 'indeterminate', name: 'In Progress' },
  { id: '3', key: 'done', name: 'Done' },
];

/** Name, key or id (lower-cased) -> category key. */
const STATUS_CATEGORY_LOOKUP: ReadonlyMap<string, StatusCategoryKey> = new Map(
  STATUS_CATEGORIES.flatMap((c): Array<[string, StatusCategoryKey]> => [
    [c.name.toLowerCase(), c.key],
    [c.key, c.key],
    [c.id, c.key],
  ]),
);

const SORT_ALIASES: ReadonlyMap<string, JqlSortField> = new Map([
  ['created', 'created'],
  ['createddate', 'created'],
  ['updated', 'updated'],
  ['updateddate', 'updated'],
  ['key', 'key'],
  ['issuekey', 'key'],
]);

/** Jira system clause names: asking for one gets "not supported here" rather than "does not exist". */
const KNOWN_JIRA_FIELDS = new Set([
  'affectedversion',
  'approvals',
  'assignee',
  'attachments',
  'category',
  'comment',
  'component',
  'creator',
  'description',
  'due',
  'duedate',
  'environment',
  'epiclink',
  'filter',
  'fixversion',
  'issuetype',
  'lastviewed',
  'level',
  'parent',
  'priority',
  'projecttype',
  'reporter',
  'resolution',
  'resolutiondate',
  'resolved',
  'sprint',
  'status',
  'statuscategory',
  'statuscategorychangeddate',
  'summary',
  'text',
  'type',
  'voter',
  'votes',
  'watcher',
  'watchers',
  'worklogauthor',
  'worklogcomment',
  'worklogdate',
  'timespent',
  'originalestimate',
  'remainingestimate',
]);

/** JQL reserved words: Jira rejects them as unquoted values (this is why project keys must be quoted). */
const RESERVED_WORDS = new Set(
  (
    'a an abort access add after alias all alter and any are as asc audit avg before begin between boolean break by byte ' +
    'catch cf char character check checkpoint collate collation column commit connect continue count create current date ' +
    'decimal declare decrement default defaults define delete delimiter desc difference distinct divide do double drop else ' +
    'empty encoding end equals escape exclusive exec execute exists explain false fetch file field first float for from ' +
    'function go goto grant greater group having identified if immediate in increment index initial inner inout input insert ' +
    'int integer intersect intersection into is isempty isnull join last left less like limit lock long max min minus mode ' +
    'modify modulo more multiply next noaudit not notin nowait null number object of on option or order outer output power ' +
    'previous prior privileges public raise raw remainder rename resource return returns revoke right row rowid rownum rows ' +
    'select session set share size sqrt start strict string subtract sum synonym table then to trans transaction trigger ' +
    'true uid union unique update user validate values view when whenever where while with'
  ).split(' '),
);

const MINUTE_MS = 60_000;
/** Jira's period units: w = 7 days, d = 24 hours (no calendar months or years). */
const PERIOD_UNIT_MS: Readonly<Record<string, number>> = {
  w: 7 * 24 * 60 * MINUTE_MS,
  d: 24 * 60 * MINUTE_MS,
  h: 60 * MINUTE_MS,
  m: MINUTE_MS,
};
/** An optional sign, then one or more `<number><unit>` parts, optionally separated by whitespace. */
const PERIOD = /^([-+]?)(\d+[wdhm](?:\s*\d+[wdhm])*)$/;
const PERIOD_PART = /(\d+)([wdhm])/g;
/** yyyy-MM-dd or yyyy/MM/dd (one separator throughout), optionally followed by one space and HH:mm. */
const ABSOLUTE_DATE = /^(\d{4})([-/])(\d{2})\2(\d{2})(?: (\d{2}):(\d{2}))?$/;

/** Jira's text for a date value it cannot read. */
export function invalidDateMessage(value: string, fieldName: string): string {
  return (
    `Date value '${value}' for field '${fieldName}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', ` +
    `'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`
  );
}

/** Reads a JQL date value (quoted or not), or undefined when it is in none of Jira's formats. */
export function parseJqlDate(text: string): JqlDate | undefined {
  const period = PERIOD.exec(text);
  if (period) {
    let offsetMs = 0;
    for (const [, amount, unit] of (period[2] ?? '').matchAll(PERIOD_PART)) {
      offsetMs += Number(amount) * (PERIOD_UNIT_MS[unit ?? ''] ?? Number.NaN);
    }
    if (!Number.isSafeInteger(offsetMs)) return undefined;
    return { kind: 'relative', offsetMs: period[1] === '-' ? 0 - offsetMs : offsetMs };
  }
  const absolute = ABSOLUTE_DATE.exec(text);
  if (!absolute) return undefined;
  const part = (i: number): number => Number(absolute[i] ?? '0');
  const [year, month, day, hour, minute] = [part(1), part(3), part(4), part(5), part(6)];
  if (hour > 23 || minute > 59) return undefined;
  const date = new Date(0);
  // setUTCFullYear (unlike Date.UTC) keeps years below 100 as written.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, 0, 0);
  // The setters roll 2026-02-30 over into March: a day or month they had to move was not a real one.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { kind: 'absolute', epochMs: date.getTime() };
}

function isDateOperator(text: string): text is JqlDateOperator {
  return text === '<' || text === '<=' || text === '>' || text === '>=';
}

const VALID_OPERATORS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
const MAX_SORT_FIELDS = 7;

function describeToken(token: JqlToken): string {
  switch (token.kind) {
    case 'lparen':
      return '(';
    case 'rparen':
      return ')';
    case 'comma':
      return ',';
    case 'op':
      return token.text;
    case 'eof':
      return 'EOF';
    default:
      return token.value;
  }
}

function isWord(token: JqlToken, word: string): boolean {
  return token.kind === 'word' && token.value.toLowerCase() === word;
}

function unsupported(detail: string, pos: JqlPosition): JqlError {
  return jqlSyntaxError(
    `${detail} The local Jira simulator supports only project, labels, key/issuekey and statusCategory with '=' or 'IN' (key and statusCategory also '!=' and 'NOT IN'), and created/updated with '<', '<=', '>' or '>=', joined by AND.`,
    pos,
  );
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: JqlToken[]) {}

  private peek(): JqlToken {
    const token = this.tokens[this.index] ?? this.tokens[this.tokens.length - 1];
    if (!token) throw new Error('JQL parser: empty token list');
    return token;
  }

  private next(): JqlToken {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  parse(): JqlQuery {
    const clauses: JqlClause[] = [];
    if (this.peek().kind !== 'eof' && !isWord(this.peek(), 'order')) this.expression(clauses);
    const orderBy = isWord(this.peek(), 'order') ? this.orderBy() : [];
    const end = this.peek();
    if (end.kind !== 'eof')
      throw jqlSyntaxError(`Expecting either 'OR' or 'AND' but got '${describeToken(end)}'.`, end.pos);
    return { clauses, orderBy };
  }

  private expression(into: JqlClause[]): void {
    this.term(into);
    for (;;) {
      const token = this.peek();
      if (isWord(token, 'and')) {
        this.next();
        this.term(into);
      } else if (isWord(token, 'or')) {
        throw unsupported("The 'OR' operator is not supported by the local simulator.", token.pos);
      } else {
        return;
      }
    }
  }

  private term(into: JqlClause[]): void {
    const token = this.peek();
    if (token.kind === 'lparen') {
      this.next();
      this.expression(into);
      const close = this.next();
      if (close.kind !== 'rparen') throw jqlSyntaxError(`Expecting ')' but got '${describeToken(close)}'.`, close.pos);
      return;
    }
    if (isWord(token, 'not'))
      throw unsupported("The 'NOT' operator is not supported by the local simulator.", token.pos);
    into.push(this.clause());
  }

  private clause(): JqlClause {
    const fieldToken = this.next();
    if (fieldToken.kind !== 'word' && fieldToken.kind !== 'string') {
      throw jqlSyntaxError(`Expecting a field name but got '${describeToken(fieldToken)}'.`, fieldToken.pos);
    }
    const fieldName = fieldToken.value;
    const field = FIELD_ALIASES.get(fieldName.toLowerCase());
    const opToken = this.peek();
    const isIn = isWord(opToken, 'in');
    const isOperator =
      opToken.kind === 'op' ||
      isIn ||
      isWord(opToken, 'not') ||
      isWord(opToken, 'is') ||
      isWord(opToken, 'was') ||
      isWord(opToken, 'changed');
    if (!isOperator)
      throw jqlSyntaxError(`Expecting operator but got '${describeToken(opToken)}'. ${VALID_OPERATORS}`, opToken.pos);
    if (!field) {
      if (KNOWN_JIRA_FIELDS.has(fieldName.toLowerCase()) || /^cf\[\d+\]$/i.test(fieldName)) {
        throw unsupported(`Searching by '${fieldName}' is not supported by the local simulator.`, fieldToken.pos);
      }
      throw new JqlError(`Field '${fieldName}' does not exist or you do not have permission to view it.`);
    }
    if (field === 'statuscategory') return this.statusCategoryClause(fieldName, fieldToken.pos);
    if (field === 'created' || field === 'updated') return this.dateClause(field, fieldName, fieldToken.pos);
    if (field === 'issuekey' && (isWord(opToken, 'not') || (opToken.kind === 'op' && opToken.text === '!='))) {
      // key != K and key NOT IN (...): an issue that is not the named ones.
      this.next();
      if (opToken.kind === 'op')
        return { field, fieldName, operator: '!=', values: [this.value()], pos: fieldToken.pos };
      const inToken = this.next();
      if (!isWord(inToken, 'in'))
        throw jqlSyntaxError(`Expecting 'IN' but got '${describeToken(inToken)}'.`, inToken.pos);
      return { field, fieldName, operator: 'NOT IN', values: this.list(), pos: fieldToken.pos };
    }
    if (!(isIn || (opToken.kind === 'op' && opToken.text === '='))) {
      throw unsupported(
        `The operator '${describeToken(opToken)}' is not supported by the local simulator.`,
        opToken.pos,
      );
    }
    this.next();
    const values = isIn ? this.list() : [this.value()];
    return { field, fieldName, operator: isIn ? 'IN' : '=', values, pos: fieldToken.pos };
  }

  /** The operator and values of a statusCategory clause, the field name already read. */
  private statusCategoryClause(fieldName: string, pos: JqlPosition): JqlClause {
    const opToken = this.next();
    let operator: JqlOperator | undefined;
    if (opToken.kind === 'op' && (opToken.text === '=' || opToken.text === '!=')) operator = opToken.text;
    else if (isWord(opToken, 'in')) operator = 'IN';
    else if (isWord(opToken, 'not')) {
      const inToken = this.next();
      if (!isWord(inToken, 'in'))
        throw jqlSyntaxError(`Expecting 'IN' but got '${describeToken(inToken)}'.`, inToken.pos);
      operator = 'NOT IN';
    }
    if (!operator) {
      throw jqlSyntaxError(
        `The operator '${describeToken(opToken)}' is not supported by the local simulator for '${fieldName}' (use '=', '!=', 'IN' or 'NOT IN').`,
        opToken.pos,
      );
    }
    const values = operator === 'IN' || operator === 'NOT IN' ? this.list() : [this.value()];
    const categories = values.map((value) => {
      const category = STATUS_CATEGORY_LOOKUP.get(value.text.toLowerCase());
      if (!category) throw new JqlError(`The value '${value.text}' does not exist for the field '${fieldName}'.`);
      return category;
    });
    return { field: 'statuscategory', fieldName, operator, values, categories, pos };
  }

  /** The operator and value of a created/updated clause, the field name already read. */
  private dateClause(field: JqlDateField, fieldName: string, pos: JqlPosition): JqlClause {
    const opToken = this.next();
    if (opToken.kind !== 'op' || !isDateOperator(opToken.text)) {
      throw jqlSyntaxError(
        `The operator '${describeToken(opToken)}' is not supported by the local simulator for '${fieldName}' (use '<', '<=', '>' or '>=').`,
        opToken.pos,
      );
    }
    const operator = opToken.text;
    const value = this.value();
    const date = parseJqlDate(value.text);
    if (!date) throw new JqlError(invalidDateMessage(value.text, fieldName));
    return { field, fieldName, operator, values: [value], date, pos };
  }

  private list(): JqlValue[] {
    const open = this.next();
    if (open.kind !== 'lparen') throw jqlSyntaxError(`Expecting '(' but got '${describeToken(open)}'.`, open.pos);
    const values = [this.value()];
    for (;;) {
      const token = this.next();
      if (token.kind === 'rparen') return values;
      if (token.kind !== 'comma')
        throw jqlSyntaxError(`Expecting ',' or ')' but got '${describeToken(token)}'.`, token.pos);
      values.push(this.value());
    }
  }

  private value(): JqlValue {
    const token = this.next();
    if (token.kind === 'string') return { text: token.value, quoted: true, pos: token.pos };
    if (token.kind === 'word') {
      if (this.peek().kind === 'lparen')
        throw unsupported(
          `JQL functions such as '${token.value}()' are not supported by the local simulator.`,
          token.pos,
        );
      if (RESERVED_WORDS.has(token.value.toLowerCase())) {
        throw jqlSyntaxError(
          `'${token.value}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`,
          token.pos,
        );
      }
      return { text: token.value, quoted: false, pos: token.pos };
    }
    throw jqlSyntaxError(`Expecting either a value, list or function but got '${describeToken(token)}'.`, token.pos);
  }

  private orderBy(): JqlSort[] {
    this.next();
    const by = this.next();
    if (!isWord(by, 'by')) throw jqlSyntaxError(`Expecting 'by' but got '${describeToken(by)}'.`, by.pos);
    const sorts: JqlSort[] = [];
    for (;;) {
      const fieldToken = this.next();
      if (fieldToken.kind !== 'word' && fieldToken.kind !== 'string') {
        throw jqlSyntaxError(`Expecting a field name but got '${describeToken(fieldToken)}'.`, fieldToken.pos);
      }
      const field = SORT_ALIASES.get(fieldToken.value.toLowerCase());
      if (!field)
        throw unsupported(
          `Sorting by '${fieldToken.value}' is not supported by the local simulator (use created, updated or key).`,
          fieldToken.pos,
        );
      let direction: 'ASC' | 'DESC' = field === 'key' ? 'ASC' : 'DESC';
      if (isWord(this.peek(), 'asc') || isWord(this.peek(), 'desc')) {
        direction = isWord(this.next(), 'asc') ? 'ASC' : 'DESC';
      }
      sorts.push({ field, direction });
      if (sorts.length > MAX_SORT_FIELDS)
        throw new JqlError(`The ORDER BY clause can contain at most ${MAX_SORT_FIELDS} fields.`);
      if (this.peek().kind !== 'comma') return sorts;
      this.next();
    }
  }
}

/** Parses JQL or throws JqlError with a Jira-style message. */
export function parseJql(text: string): JqlQuery {
  return new Parser(tokenizeJql(text)).parse();
}
