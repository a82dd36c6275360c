import { parseJql, type JqlDate, type JqlQuery } from '../../dev/simulator/jql-parser';
import { JqlError } from '../../dev/simulator/jql-lexer';

/** Clauses as [field, values] pairs, for compact expectations. */
function shape(query: JqlQuery): { clauses: Array<[string, string[]]>; orderBy: string[] } {
  return {
    clauses: query.clauses.map((c) => [c.field, c.values.map((v) => v.text)]),
    orderBy: query.orderBy.map((s) => `${s.field} ${s.direction}`),
  };
}

function errorOf(jql: string): string {
  try {
    parseJql(jql);
  } catch (error) {
    if (error instanceof JqlError) return error.message;
    throw error;
  }
  throw new Error(`expected a JQL error for: ${jql}`);
}

describe('JQL parser: accepted subset', () => {
  it.each<[string, Array<[string, string[]]>, string[]]>([
    ['project = "ISMS"', [['project', ['ISMS']]], []],
    ['project = ISMS', [['project', ['ISMS']]], []],
    ["project = 'ISMS'", [['project', ['ISMS']]], []],
    ['project in ("ISMS", OPS)', [['project', ['ISMS', 'OPS']]], []],
    [
      'project = "ISMS" AND labels in ("a", "b")',
      [
        ['project', ['ISMS']],
        ['labels', ['a', 'b']],
      ],
      [],
    ],
    [
      'project = "ISMS" AND labels = "x"',
      [
        ['project', ['ISMS']],
        ['labels', ['x']],
      ],
      [],
    ],
    [
      'key = "ISMS-1" AND project = ISMS',
      [
        ['issuekey', ['ISMS-1']],
        ['project', ['ISMS']],
      ],
      [],
    ],
    [
      'issuekey in (ISMS-1, "ISMS-2") AND project = ISMS',
      [
        ['issuekey', ['ISMS-1', 'ISMS-2']],
        ['project', ['ISMS']],
      ],
      [],
    ],
    [
      '(project = "ISMS") AND (labels = "x")',
      [
        ['project', ['ISMS']],
        ['labels', ['x']],
      ],
      [],
    ],
    ['project = "ISMS" ORDER BY created DESC', [['project', ['ISMS']]], ['created DESC']],
    ['project = "ISMS" order by key asc, updated', [['project', ['ISMS']]], ['key ASC', 'updated DESC']],
    [
      'PROJECT = isms And LABELS IN ("x") ORDER BY CREATED ASC',
      [
        ['project', ['isms']],
        ['labels', ['x']],
      ],
      ['created ASC'],
    ],
    ['', [], []],
    ['ORDER BY key', [], ['key ASC']],
  ])('%s', (jql, clauses, orderBy) => {
    expect(shape(parseJql(jql))).toStrictEqual({ clauses, orderBy });
  });
});

describe('JQL parser: quoting', () => {
  it.each<[string, string]>([
    ['"a\\"b"', 'a"b'],
    ['"back\\\\slash"', 'back\\slash'],
    ["'it\\'s'", "it's"],
    ['\'say "hi"\'', 'say "hi"'],
    ['"tab\\there"', 'tab\there'],
    ['"\\u0041BC"', 'ABC'],
    ['"with space"', 'with space'],
  ])('labels = %s reads the value %j', (literal, value) => {
    const [clause] = parseJql(`labels = ${literal} AND project = X`).clauses;
    expect(clause?.values.map((v) => v.text)).toStrictEqual([value]);
  });

  it('keeps an injection attempt inside the string literal', () => {
    const query = parseJql('project = "ISMS" AND labels = "a\\") OR project != \\"X"');
    expect(shape(query)).toStrictEqual({
      clauses: [
        ['project', ['ISMS']],
        ['labels', ['a") OR project != "X']],
      ],
      orderBy: [],
    });
  });
});

describe('JQL parser: key != and NOT IN', () => {
  it.each<[string, string, string[]]>([
    ['project = X AND key != "ISMS-1"', '!=', ['ISMS-1']],
    ['project = X AND key not in ("ISMS-1", ISMS-2)', 'NOT IN', ['ISMS-1', 'ISMS-2']],
    ['project = X AND issuekey NOT IN (10001)', 'NOT IN', ['10001']],
  ])('%s', (jql, operator, values) => {
    const clause = parseJql(jql).clauses.find((c) => c.field === 'issuekey');
    expect([clause?.operator, clause?.values.map((v) => v.text)]).toEqual([operator, values]);
  });
});

describe('JQL parser: rejected input', () => {
  it.each<[string, RegExp]>([
    ['project = "ISMS" OR project = "OPS"', /^Error in the JQL Query: The 'OR' operator is not supported/],
    ['NOT project = "ISMS"', /'NOT' operator is not supported/],
    ['project != "ISMS"', /operator '!=' is not supported/],
    ['project not in ("ISMS")', /operator 'not' is not supported/],
    ['labels is EMPTY AND project = X', /operator 'is' is not supported/],
    ['status = "Done"', /Searching by 'status' is not supported/],
    ['universe = 42', /^Field 'universe' does not exist or you do not have permission to view it\.$/],
    [
      'project "ISMS"',
      /^Error in the JQL Query: Expecting operator but got 'ISMS'\. The valid operators are .* \(line 1, character 9\)$/,
    ],
    [
      'project = "ISMS',
      /^Error in the JQL Query: The quoted string 'ISMS' has not been completed\. \(line 1, character 11\)$/,
    ],
    ['labels = "a\\qb" AND project = X', /'\\q' is an illegal JQL escape sequence/],
    [
      'project = INT',
      /^Error in the JQL Query: 'INT' is a reserved JQL word\. You must surround it in quotation marks to use it in a query\. \(line 1, character 11\)$/,
    ],
    ['project = IS+MS', /The character '\+' is a reserved JQL character/],
    ['project = currentProject()', /JQL functions such as 'currentProject\(\)' are not supported/],
    ['project = "ISMS" ORDER BY summary', /Sorting by 'summary' is not supported/],
    ['project = "ISMS" labels = "x"', /Expecting either 'OR' or 'AND' but got 'labels'/],
    ['project in ()', /Expecting either a value, list or function but got '\)'/],
    ['project = ', /Expecting either a value, list or function but got 'EOF'/],
    ['project = "ISMS" ORDER key', /Expecting 'by' but got 'key'/],
  ])('%s', (jql, message) => {
    expect(errorOf(jql)).toMatch(message);
  });

  it('counts lines and characters for errors on later lines', () => {
    expect(errorOf('project = "ISMS"\nAND labels = a+b')).toMatch(/\(line 2, character 15\)$/);
  });
});

describe('JQL parser: statusCategory', () => {
  /** Clause of `statusCategory <rest>` as [field, operator, category keys]. */
  function statusClause(jql: string): [string, string, string[]] {
    const [clause] = parseJql(jql).clauses;
    if (clause?.field !== 'statuscategory') throw new Error(`no statusCategory clause in: ${jql}`);
    return [clause.fieldName, clause.operator, clause.categories];
  }

  it.each<[string, [string, string, string[]]]>([
    ['statusCategory = Done', ['statusCategory', '=', ['done']]],
    ['statusCategory = "Done"', ['statusCategory', '=', ['done']]],
    ['statusCategory = DONE', ['statusCategory', '=', ['done']]],
    ['statusCategory = "To Do"', ['statusCategory', '=', ['new']]],
    ["statusCategory = 'in progress'", ['statusCategory', '=', ['indeterminate']]],
    ['statusCategory = new', ['statusCategory', '=', ['new']]],
    ['statusCategory = Indeterminate', ['statusCategory', '=', ['indeterminate']]],
    ['statusCategory = "done"', ['statusCategory', '=', ['done']]],
    ['statusCategory = 2', ['statusCategory', '=', ['new']]],
    ['statusCategory = 4', ['statusCategory', '=', ['indeterminate']]],
    ['statusCategory = "3"', ['statusCategory', '=', ['done']]],
    ['statusCategory != Done', ['statusCategory', '!=', ['done']]],
    ['statusCategory!="To Do"', ['statusCategory', '!=', ['new']]],
    ['statusCategory != 3', ['statusCategory', '!=', ['done']]],
    ['statusCategory in ("To Do", 4, done)', ['statusCategory', 'IN', ['new', 'indeterminate', 'done']]],
    ['statusCategory IN (Done)', ['statusCategory', 'IN', ['done']]],
    ['statusCategory not in (new, "In Progress")', ['statusCategory', 'NOT IN', ['new', 'indeterminate']]],
    ['statusCategory NOT\n  IN (3)', ['statusCategory', 'NOT IN', ['done']]],
    ['statuscategory = done', ['statuscategory', '=', ['done']]],
    ['STATUSCATEGORY != "Done"', ['STATUSCATEGORY', '!=', ['done']]],
    ['"statusCategory" not in (Done)', ['statusCategory', 'NOT IN', ['done']]],
  ])('%s', (jql, expected) => {
    expect(statusClause(jql)).toStrictEqual(expected);
  });

  it('reads the app query: project, labels and statusCategory != Done, newest first', () => {
    const query = parseJql(
      'project = "ISMS" AND labels in ("iso27001-strategy-alignment") AND statusCategory != Done ORDER BY created DESC',
    );
    expect(shape(query)).toStrictEqual({
      clauses: [
        ['project', ['ISMS']],
        ['labels', ['iso27001-strategy-alignment']],
        ['statuscategory', ['Done']],
      ],
      orderBy: ['created DESC'],
    });
    expect(query.clauses.map((c) => c.operator)).toStrictEqual(['=', 'IN', '!=']);
  });

  it.each<[string, string]>([
    ['statusCategory = Foo', "The value 'Foo' does not exist for the field 'statusCategory'."],
    ['statusCategory != "Closed"', "The value 'Closed' does not exist for the field 'statusCategory'."],
    ['statusCategory in (Done, "Nope")', "The value 'Nope' does not exist for the field 'statusCategory'."],
    ['statuscategory not in (5)', "The value '5' does not exist for the field 'statuscategory'."],
    ['statusCategory = "ToDo"', "The value 'ToDo' does not exist for the field 'statusCategory'."],
  ])('%s is an unknown value', (jql, message) => {
    expect(errorOf(jql)).toBe(message);
  });

  it.each<[string, RegExp]>([
    [
      'statusCategory = To Do',
      /^Error in the JQL Query: 'To' is a reserved JQL word\. You must surround it in quotation marks/,
    ],
    [
      'statusCategory ~ Done',
      /^Error in the JQL Query: The operator '~' is not supported by the local simulator for 'statusCategory' \(use '=', '!=', 'IN' or 'NOT IN'\)\. \(line 1, character 16\)$/,
    ],
    ['statusCategory is EMPTY', /The operator 'is' is not supported by the local simulator for 'statusCategory'/],
    ['statusCategory not Done', /^Error in the JQL Query: Expecting 'IN' but got 'Done'\. \(line 1, character 20\)$/],
    ['statusCategory not in Done', /Expecting '\(' but got 'Done'/],
    ['statusCategory in ()', /Expecting either a value, list or function but got '\)'/],
    ['statusCategory Done', /^Error in the JQL Query: Expecting operator but got 'Done'\./],
    ['NOT statusCategory = Done', /'NOT' operator is not supported/],
    ['labels != x AND project = X', /operator '!=' is not supported by the local simulator\./],
    ['labels not in (x) AND project = X', /operator 'not' is not supported by the local simulator\./],
  ])('%s', (jql, message) => {
    expect(errorOf(jql)).toMatch(message);
  });
});

describe('JQL parser: created and updated dates', () => {
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  /** The one date clause of `project = X AND <clause>` as [field, fieldName, operator, date]. */
  function dateClause(clause: string): [string, string, string, JqlDate] {
    const found = parseJql(`project = X AND ${clause}`).clauses[1];
    if (found?.field !== 'created' && found?.field !== 'updated') throw new Error(`no date clause in: ${clause}`);
    return [found.field, found.fieldName, found.operator, found.date];
  }

  const relative = (offsetMs: number): JqlDate => ({ kind: 'relative', offsetMs });
  const absolute = (iso: string): JqlDate => ({ kind: 'absolute', epochMs: Date.parse(iso) });

  it.each<[string, JqlDate]>([
    ['-15m', relative(-15 * MINUTE)],
    ['"-15m"', relative(-15 * MINUTE)],
    ["'-15m'", relative(-15 * MINUTE)],
    ['-2h', relative(-2 * HOUR)],
    ['-1d', relative(-DAY)],
    ['-1w', relative(-7 * DAY)],
    ['"+1d"', relative(DAY)],
    ['"1d"', relative(DAY)],
    ['4w', relative(28 * DAY)],
    ['"-4d 12h"', relative(-(4 * DAY + 12 * HOUR))],
    ['"4w 2d"', relative(30 * DAY)],
    ['"-1w 2d 3h 4m"', relative(-(9 * DAY + 3 * HOUR + 4 * MINUTE))],
    ['-1d12h', relative(-(DAY + 12 * HOUR))],
    ['-0m', relative(0)],
    ['"-90m"', relative(-90 * MINUTE)],
    ['"2026-01-01"', absolute('2026-01-01T00:00:00Z')],
    ['2026-01-01', absolute('2026-01-01T00:00:00Z')],
    ['"2026/01/01"', absolute('2026-01-01T00:00:00Z')],
    ['"2026-03-04 10:30"', absolute('2026-03-04T10:30:00Z')],
    ['"2026/03/04 23:59"', absolute('2026-03-04T23:59:00Z')],
    ['"2024-02-29"', absolute('2024-02-29T00:00:00Z')],
    ['"0099-12-31 08:05"', absolute('0099-12-31T08:05:00Z')],
  ])('updated >= %s', (literal, date) => {
    expect(dateClause(`updated >= ${literal}`)[3]).toStrictEqual(date);
  });

  it.each<[string, [string, string, string]]>([
    ['updated > -1h', ['updated', 'updated', '>']],
    ['updated >= -1h', ['updated', 'updated', '>=']],
    ['updated < -1h', ['updated', 'updated', '<']],
    ['updated <= -1h', ['updated', 'updated', '<=']],
    ['updatedDate >= -1h', ['updated', 'updatedDate', '>=']],
    ['UPDATED<-1h', ['updated', 'UPDATED', '<']],
    ['created > -1h', ['created', 'created', '>']],
    ['created >= -1h', ['created', 'created', '>=']],
    ['created < -1h', ['created', 'created', '<']],
    ['created <= -1h', ['created', 'created', '<=']],
    ['createdDate <= -1h', ['created', 'createdDate', '<=']],
    ['"createddate" > -1h', ['created', 'createddate', '>']],
  ])('%s', (clause, [field, fieldName, operator]) => {
    expect(dateClause(clause)).toStrictEqual([field, fieldName, operator, relative(-HOUR)]);
  });

  it('reads a date clause among others, in parentheses, with ORDER BY', () => {
    const query = parseJql('project = ISMS AND (labels = x AND updated >= "-10m") ORDER BY updated DESC');
    expect(shape(query)).toStrictEqual({
      clauses: [
        ['project', ['ISMS']],
        ['labels', ['x']],
        ['updated', ['-10m']],
      ],
      orderBy: ['updated DESC'],
    });
  });

  const invalid = (value: string, field: string): string =>
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', ` +
    `'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`;

  it.each<[string, string, string]>([
    ['updated >= banana', 'banana', 'updated'],
    ['updated >= -5x', '-5x', 'updated'],
    ['updated >= "-5x"', '-5x', 'updated'],
    ['created < "-15"', '-15', 'created'],
    ['created < -15', '-15', 'created'],
    ['createdDate < "m"', 'm', 'createdDate'],
    ['updated > "-"', '-', 'updated'],
    ['updated > ""', '', 'updated'],
    ['updated > "- 5d"', '- 5d', 'updated'],
    ['updated > "-5d -2h"', '-5d -2h', 'updated'],
    ['updated > "-5M"', '-5M', 'updated'],
    ['updated > "-1y"', '-1y', 'updated'],
    ['updated > " -5d"', ' -5d', 'updated'],
    ['updated > "2026-13-01"', '2026-13-01', 'updated'],
    ['updated > "2026-02-30"', '2026-02-30', 'updated'],
    ['updated > "2025-02-29"', '2025-02-29', 'updated'],
    ['updated > "2026-1-5"', '2026-1-5', 'updated'],
    ['updated > "2026-01/05"', '2026-01/05', 'updated'],
    ['updated > "2026-01-01 24:00"', '2026-01-01 24:00', 'updated'],
    ['updated > "2026-01-01 10:60"', '2026-01-01 10:60', 'updated'],
    ['updated > "2026-01-01T10:00"', '2026-01-01T10:00', 'updated'],
    ['updated > "2026-01-01 10:00:00"', '2026-01-01 10:00:00', 'updated'],
    ['updatedDate > 1767225600000', '1767225600000', 'updatedDate'],
  ])('%s is an invalid date', (clause, value, field) => {
    expect(errorOf(`project = X AND ${clause}`)).toBe(invalid(value, field));
  });

  it.each<[string, RegExp]>([
    [
      'updated = -1d',
      /^Error in the JQL Query: The operator '=' is not supported by the local simulator for 'updated' \(use '<', '<=', '>' or '>='\)\. \(line 1, character 25\)$/,
    ],
    ['updated != -1d', /The operator '!=' is not supported by the local simulator for 'updated'/],
    ['createdDate = "2026-01-01"', /The operator '=' is not supported by the local simulator for 'createdDate'/],
    ['created ~ -1d', /The operator '~' is not supported by the local simulator for 'created'/],
    ['updated in (-1d)', /The operator 'in' is not supported by the local simulator for 'updated'/],
    ['updated not in (-1d)', /The operator 'not' is not supported by the local simulator for 'updated'/],
    ['updated is EMPTY', /The operator 'is' is not supported by the local simulator for 'updated'/],
    ['updated -1d', /^Error in the JQL Query: Expecting operator but got '-1d'\./],
    // '+' is reserved in Jira's JQL too: a future period must be quoted.
    ['updated < +1d', /The character '\+' is a reserved JQL character/],
    // Unquoted, a combined period is two values, as in Jira.
    ['updated >= -4d 12h', /Expecting either 'OR' or 'AND' but got '12h'/],
    ['updated >= 2026/01/01', /The character '\/' is a reserved JQL character/],
    ['updated >= startOfDay()', /JQL functions such as 'startOfDay\(\)' are not supported/],
    ['updated >= (-1d)', /Expecting either a value, list or function but got '\('/],
    ['updated >= date', /'date' is a reserved JQL word/],
    ['updated >=', /Expecting either a value, list or function but got 'EOF'/],
    ['labels > x', /^Error in the JQL Query: The operator '>' is not supported by the local simulator\./],
    ['key <= X-1', /The operator '<=' is not supported by the local simulator\./],
  ])('project = X AND %s', (clause, message) => {
    expect(errorOf(`project = X AND ${clause}`)).toMatch(message);
  });
});
