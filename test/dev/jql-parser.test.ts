import { parseJql, type JqlQuery } from '../../dev/simulator/jql-parser';
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
    ['key not in (X-1) AND project = X', /operator 'not' is not supported by the local simulator\./],
  ])('%s', (jql, message) => {
    expect(errorOf(jql)).toMatch(message);
  });
});
