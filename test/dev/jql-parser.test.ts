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
