import { parseJql } from '../../dev/simulator';
import { evidenceJql, jqlString } from '../../src/jira/jql';

describe('JQL values are always quoted', () => {
  test.each([
    ['plain', '"plain"'],
    ['a"b', '"a\\"b"'],
    ['back\\slash', '"back\\\\slash"'],
    ['a\\"b', '"a\\\\\\"b"'],
    ['x") OR project != "ISMS', '"x\\") OR project != \\"ISMS"'],
  ])('%s -> %s', (value, quoted) => {
    expect(jqlString(value)).toBe(quoted);
  });

  test('the evidence query is bounded by the quoted project and parses back to the same values', () => {
    const jql = evidenceJql('INT', ['a"b\\c', 'x") OR project != "ISMS']);
    expect(jql).toBe('project = "INT" AND labels in ("a\\"b\\\\c", "x\\") OR project != \\"ISMS") ORDER BY key ASC');
    const parsed = parseJql(jql);
    expect(parsed.clauses.map((c) => [c.field, c.values.map((v) => v.text)])).toEqual([
      ['project', ['INT']],
      ['labels', ['a"b\\c', 'x") OR project != "ISMS']],
    ]);
  });

  test('an evidence query needs a label', () => {
    expect(() => evidenceJql('ISMS', [])).toThrow('needs at least one label');
  });
});
