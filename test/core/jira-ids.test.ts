import { JIRA_ID, isJiraId, projectOfKey, type JiraIdKind } from '../../src/core/jira-ids';

describe('one table of the Jira ids the app accepts', () => {
  test.each<[JiraIdKind, string, boolean]>([
    ['projectKey', 'ISMS', true],
    ['projectKey', 'A1_B', true],
    ['projectKey', 'isms', false],
    ['projectKey', '1SMS', false],
    ['projectKey', 'IS-MS', false],
    ['projectKey', '', false],
    ['issueKey', 'ISMS-12', true],
    ['issueKey', 'ISMS-0', false],
    ['issueKey', 'ISMS', false],
    ['accountId', '5b10ac8d82e05b22cc7d4ef5', true],
    ['accountId', '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', true],
    ['accountId', 'qm:8c2b5e83-3d5a-4b1f.a1', true],
    ['accountId', 'a#b', false],
    ['accountId', ':leading-colon', false],
    ['accountId', 'x'.repeat(129), false],
    ['customFieldId', 'customfield_10042', true],
    ['customFieldId', 'duedate', false],
    ['fieldId', 'duedate', true],
    ['fieldId', 'customfield_10042', true],
    ['fieldId', 'due date', false],
  ])('%s %s: %s', (kind, value, accepted) => {
    expect(isJiraId(kind, value)).toBe(accepted);
  });

  test('only text can be an id', () => {
    expect(isJiraId('projectKey', 42)).toBe(false);
    expect(isJiraId('accountId', null)).toBe(false);
  });

  test('the project of an issue key is what comes before its last dash', () => {
    expect(projectOfKey('ISMS-12')).toBe('ISMS');
    expect(projectOfKey('A_B-1')).toBe('A_B');
  });
});

describe('a stored read is kept under `evidence-read:<page>:<account>#<generation>:<index>`', () => {
  // Forge KVS: "The provided key does not match the regex: /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/", at most 500 characters.
  const FORGE_KEY = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
  const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

  test.each<JiraIdKind>(['projectKey', 'accountId'])(
    'every character a %s may hold is one a Forge KVS key may hold, and none is `#`',
    (kind) => {
      const admitted = PRINTABLE.filter((c) => isJiraId(kind, kind === 'projectKey' ? `A${c}` : `a${c}`));
      expect(admitted).not.toContain('#');
      expect(admitted.filter((c) => !FORGE_KEY.test(c))).toEqual([]);
      if (kind === 'accountId') expect(admitted).toEqual(expect.arrayContaining([':', '.', '_', '-']));
    },
  );

  test('the longest key fits in 500 characters', () => {
    const longest = `evidence-read:${'A'.repeat(255)}:${'a'.repeat(128)}#${'z'.repeat(40)}:39`;
    expect(isJiraId('projectKey', 'A'.repeat(255)) && isJiraId('accountId', 'a'.repeat(128))).toBe(true);
    expect(FORGE_KEY.test(longest)).toBe(true);
    expect(longest.length).toBeLessThanOrEqual(500);
  });

  test('the id patterns admit nothing past their ends', () => {
    for (const pattern of Object.values(JIRA_ID))
      expect(pattern.source.startsWith('^') && pattern.source.endsWith('$')).toBe(true);
  });
});
