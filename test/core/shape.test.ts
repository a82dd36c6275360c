import {
  checked,
  count,
  flag,
  guardOf,
  isOneOf,
  listOf,
  optional,
  orNull,
  parseFields,
  pathOf,
  recordOf,
  text,
  tryParse,
  unknownKeys,
  valuesOf,
  type FieldError,
  type Fields,
  type Parser,
} from '../../src/core/shape';
import type { EvidenceIssue } from '../../src/core/types';
import { EVIDENCE_ISSUE_FIELDS, storedEvidenceIssue } from '../../src/storage/evidence-shape';

interface Meeting {
  title: string;
  minutes: number;
  held: boolean;
  room?: string;
  chair: { name: string } | null;
  attendees: string[];
}

const MEETING: Fields<Meeting> = {
  title: text,
  minutes: count,
  held: flag,
  room: optional(text),
  chair: orNull(recordOf<{ name: string }>({ name: text })),
  attendees: listOf(text),
};

const aMeeting = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Management review',
  minutes: 90,
  held: true,
  chair: { name: 'Ada' },
  attendees: ['Ada', 'Grace'],
  ...over,
});

describe('a table of parsers is the shape of a type', () => {
  test('a value of the shape parses to itself, with no problems', () => {
    expect(tryParse(recordOf(MEETING), aMeeting({ room: 'Board room' }))).toStrictEqual({
      value: aMeeting({ room: 'Board room' }),
    });
  });

  test('an optional field that is absent is left out, not set to undefined', () => {
    const problems: FieldError[] = [];
    const parsed = parseFields(aMeeting(), MEETING, '', problems);
    expect(problems).toEqual([]);
    expect(Object.keys(parsed)).toEqual(['title', 'minutes', 'held', 'chair', 'attendees']);
  });

  test('every problem is told at once, each at its dotted path', () => {
    const result = tryParse(
      recordOf(MEETING),
      aMeeting({ title: 7, minutes: -1, held: 'yes', chair: { name: null }, attendees: ['Ada', 3] }),
    );
    expect(result).toStrictEqual({
      problems: [
        { field: 'title', message: 'must be text' },
        { field: 'minutes', message: 'must be a whole number from 0' },
        { field: 'held', message: 'must be true or false' },
        { field: 'chair.name', message: 'must be text' },
        { field: 'attendees.1', message: 'must be text' },
      ],
    });
  });

  test('paths start below `at`', () => {
    expect(pathOf('', 'title')).toBe('title');
    expect(pathOf('categories.resources', 'windowDays')).toBe('categories.resources.windowDays');
    expect(pathOf('attendees', 0)).toBe('attendees.0');
  });

  test('recordOf names the fields the table does not, when told how', () => {
    const strict = recordOf(MEETING, 'must be an object', 'is not a known setting');
    expect(tryParse(strict, aMeeting({ colour: 'red' }))).toStrictEqual({
      problems: [{ field: 'colour', message: 'is not a known setting' }],
    });
    expect(unknownKeys(aMeeting({ colour: 'red', size: 2 }), MEETING)).toEqual(['colour', 'size']);
  });

  test('without that message, fields the table does not name are dropped', () => {
    expect(tryParse(recordOf(MEETING), aMeeting({ colour: 'red' }))).toStrictEqual({ value: aMeeting() });
  });

  test('valuesOf checks every value of a dictionary, and keeps `__proto__` as a plain field', () => {
    const days = valuesOf(count);
    expect(tryParse(days, { a: 1, b: 'x' })).toStrictEqual({
      problems: [{ field: 'b', message: 'must be a whole number from 0' }],
    });
    const parsed = tryParse(valuesOf(recordOf<{ n: number }>({ n: count })), JSON.parse('{"__proto__": {"n": 1}}'));
    expect('value' in parsed && Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect('value' in parsed && Object.keys(parsed.value)).toEqual(['__proto__']);
  });

  test('isOneOf admits only the words of its list', () => {
    const isSize = isOneOf(['small', 'large'] as const);
    expect([isSize('small'), isSize('medium'), isSize(1)]).toEqual([true, false, false]);
  });

  test('a field of the type without a parser does not compile', () => {
    // @ts-expect-error `attendees` has no parser: the mapped type requires one for every field
    const missing: Fields<Meeting> = {
      title: text,
      minutes: count,
      held: flag,
      room: optional(text),
      chair: orNull(recordOf<{ name: string }>({ name: text })),
    };
    // @ts-expect-error an optional field needs its parser too (`-?`): one that may return undefined
    const noRoom: Fields<Meeting> = {
      title: text,
      minutes: count,
      held: flag,
      chair: MEETING.chair,
      attendees: MEETING.attendees,
    };
    // @ts-expect-error a parser of the wrong type does not fit the field
    const wrong: Fields<Meeting> = { ...MEETING, minutes: text };
    expect([missing, noRoom, wrong]).toHaveLength(3);
  });
});

describe('the guard of a table: the same check, for data read in bulk', () => {
  const isMeeting = guardOf(MEETING);

  test.each([
    ['a meeting', aMeeting(), true],
    ['with its optional room', aMeeting({ room: 'Board room' }), true],
    ['with no chair', aMeeting({ chair: null }), true],
    ['with a field it does not name', aMeeting({ colour: 'red' }), true],
    ['a title that is not text', aMeeting({ title: 7 }), false],
    ['a room that is null', aMeeting({ room: null }), false],
    ['a chair without a name', aMeeting({ chair: {} }), false],
    ['an attendee that is not text', aMeeting({ attendees: ['Ada', 3] }), false],
    ['fractional minutes', aMeeting({ minutes: 1.5 }), false],
    ['a list', [aMeeting()], false],
    ['null', null, false],
  ])('%s: guard %s, and the parser agrees', (_name, value, passes) => {
    expect(isMeeting(value)).toBe(passes);
    expect('value' in tryParse(recordOf(MEETING), value)).toBe(passes);
  });

  test('recordOf with an unknown-field message refuses in its guard what it refuses in its parser', () => {
    const isStrict = guardOf<{ inner: Meeting }>({ inner: recordOf(MEETING, 'must be an object', 'is not expected') });
    expect(isStrict({ inner: aMeeting() })).toBe(true);
    expect(isStrict({ inner: aMeeting({ colour: 'red' }) })).toBe(false);
  });

  test('a table with a parser that does more than check has no guard: said at once, naming the field', () => {
    const trimmed: Parser<string> = (value, at, problems) => text(value, at, problems).trim();
    expect(() => guardOf<{ name: string; size: number }>({ name: trimmed, size: count })).toThrow(
      'guardOf: the parsers of name do more than check, so they have no guard.',
    );
    expect(() => guardOf({ size: checked((v): v is number => v === 1, 'must be 1', 1) })).not.toThrow();
  });
});

describe('a stored evidence issue is checked by a table over EvidenceIssue', () => {
  const stored = (): EvidenceIssue => ({
    id: '10001',
    key: 'ISMS-1',
    summary: 'Board review',
    labels: ['iso27001-management-review'],
    done: true,
    statusName: 'Done',
    created: '2026-01-05',
    resolutionDate: '2026-02-10',
    assignee: { accountId: 'a1', displayName: 'Ada', active: true },
    customDates: { customfield_10042: '2026-02-01' },
    reporter: null,
    approverFieldUsers: [{ accountId: 'a2', displayName: 'Grace', isApp: false }],
    changelog: [
      {
        author: null,
        at: '2026-02-10T10:00:00.000Z',
        items: [{ field: 'status', fieldId: 'status', from: '1', to: '3', fromText: 'To Do', toText: null }],
      },
    ],
    remoteLinks: [{ url: 'https://docs.example.com/minutes' }],
    attachmentCount: 1,
    secured: false,
  });

  test('an issue as stored is given back as it is', () => {
    const issue = stored();
    expect(storedEvidenceIssue(issue)).toBe(issue);
  });

  test.each<[string, (issue: Record<string, unknown>) => void]>([
    ['a key that is not text', (i) => (i.key = 12)],
    ['no labels', (i) => delete i.labels],
    ['an assignee without `active`', (i) => (i.assignee = { accountId: 'a1', displayName: 'Ada' })],
    ['a day that is not a calendar day', (i) => (i.created = '2026-02-30')],
    ['a custom date that is not a day', (i) => (i.customDates = { customfield_10042: 'soon' })],
    ['a changelog item without its field', (i) => (i.changelog = [{ author: null, at: 'x', items: [{}] }])],
    ['a remote link without a url', (i) => (i.remoteLinks = [{ relationship: 'mentions' }])],
    ['a negative count', (i) => (i.attachmentCount = -1)],
    ['secured as text', (i) => (i.secured = 'yes')],
  ])('%s is refused', (_name, spoil) => {
    const issue = stored() as unknown as Record<string, unknown>;
    spoil(issue);
    expect(storedEvidenceIssue(issue)).toBeUndefined();
  });

  test('a field added to EvidenceIssue without a check here does not compile', () => {
    // @ts-expect-error `approvedOn` has no parser in the table, so the table is not the new type's
    const withNewField: Fields<EvidenceIssue & { approvedOn?: string }> = EVIDENCE_ISSUE_FIELDS;
    expect(Object.keys(withNewField)).not.toContain('approvedOn');
  });
});
