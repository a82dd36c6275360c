/**
 * The changelog reader (src/jira/changelog.ts) on every real captured changelog in shared/reference/real-jira/, on
 * the attachment and description items spec section 12 reads, and on broken input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isRecord } from '../../src/core/guards';
import type { ChangeEntry } from '../../src/core/substance-types';
import { changelogOfIssue, keptFields, toChangeEntries, toChangeEntry } from '../../src/jira/changelog';

const REAL_JIRA = resolve(__dirname, '../../../shared/reference/real-jira');
const AVAILABLE = existsSync(REAL_JIRA);
if (!AVAILABLE) console.warn(`Real Jira changelog reader tests SKIPPED: ${REAL_JIRA} not found`);
const describeReal = AVAILABLE ? describe : describe.skip;
const read = (file: string): unknown => JSON.parse(readFileSync(resolve(REAL_JIRA, file), 'utf8'));
const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const person = { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Priya Natarajan', accountType: 'atlassian' };

/** Every entry is well formed: a UTC instant, items that are the kept fields only, text only where it may be. */
function expectWellFormed(entries: ChangeEntry[]): void {
  for (const entry of entries) {
    expect(entry.at).toMatch(ISO_UTC);
    expect(entry.items.length).toBeGreaterThan(0);
    for (const item of entry.items) {
      const name = (item.fieldId ?? item.field).toLowerCase();
      expect(['status', 'labels', 'workflow', 'attachment', 'description']).toContain(name);
      if (name === 'description')
        expect([item.from, item.to, item.fromText, item.toText]).toEqual([null, null, null, null]);
    }
  }
}

describeReal('every real captured changelog reads', () => {
  test('devlake: 279 entries of GET /issue/{id}/changelog; the two description edits keep no text', () => {
    const raw = records(read('devlake-cloud-issue-changelog-values.json'));
    expect(raw).toHaveLength(279);
    const entries = toChangeEntries(raw);
    expectWellFormed(entries);
    const edits = entries.filter((e) => e.items.some((i) => i.fieldId === 'description'));
    // Real quirk: `to` holds a reference to the new version ({"id":"ari:cloud:jira:...:issuefieldvalue/13383/
    // description","version":"1"}), not null, and toString the new text as wiki markup; `from` is null.
    expect(edits.map((e) => [e.at, e.author?.displayName ?? null])).toStrictEqual([
      ['2021-01-25T03:09:27.985Z', null], // the author with an empty accountId: nobody
      ['2021-03-03T12:20:21.311Z', 'jinxiu'],
    ]);
    const kept = JSON.stringify(entries);
    for (const text of ['feishu', 'image-20210125', 'issuefieldvalue', '平均域']) expect(kept).not.toContain(text);
  });

  test('devlake: 33 issues with expand=changelog (+0800 offsets), every history with a kept item reads', () => {
    const issues = records(read('devlake-cloud-agile-board-issues.json'));
    expect(issues).toHaveLength(33);
    for (const issue of issues) {
      const entries = changelogOfIssue(issue);
      expect(entries).toBeDefined();
      expectWellFormed(entries ?? []);
      const changelog = issue['changelog'];
      const histories = records(isRecord(changelog) ? changelog['histories'] : undefined);
      const readable = histories.filter((h) =>
        records(h['items']).some((i) =>
          ['status', 'labels', 'workflow', 'attachment', 'description'].includes(String(i['field']).toLowerCase()),
        ),
      );
      expect(entries).toHaveLength(readable.length);
    }
  });

  test('go-jira: Server-era histories (no fieldId, one without author) read without inventing anyone', () => {
    const body = read('go-jira-sprint-issues-changelog.json');
    const issues = records(isRecord(body) ? body['issues'] : undefined);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      const entries = changelogOfIssue(issue);
      expectWellFormed(entries ?? []);
      for (const entry of entries ?? []) expect(entry.author).toBeNull();
    }
    // Its only items are summary and priority, which the engine does not read; kept when asked for by name.
    const all = issues.flatMap((issue) => changelogOfIssue(issue, keptFields(['summary', 'priority'])) ?? []);
    expect(all.flatMap((e) => e.items.map((i) => i.field)).sort()).toStrictEqual(['priority', 'summary']);
  });

  test.each([
    'mattermost-cloud-webhook-many-fields.json',
    'mattermost-cloud-webhook-resolved.json',
    'mattermost-server-webhook-resolved.json',
  ])('webhook changelog %s: with the webhook timestamp (epoch ms) as its time', (file) => {
    const webhook = read(file);
    if (!isRecord(webhook) || !isRecord(webhook['changelog'])) throw new Error(`${file}: no changelog`);
    // A webhook's changelog has no `created` of its own: alone, it is no entry.
    expect(toChangeEntry(webhook['changelog'])).toBeNull();
    const entry = toChangeEntry({ ...webhook['changelog'], created: webhook['timestamp'], author: webhook['user'] });
    expect(entry).not.toBeNull();
    expectWellFormed(entry ? [entry] : []);
    expect(entry?.at).toBe(new Date(Number(webhook['timestamp'])).toISOString());
  });

  test('the cloud webhook edits the description (to null, toString the text): kept, the text is not', () => {
    const webhook = read('mattermost-cloud-webhook-many-fields.json');
    if (!isRecord(webhook)) throw new Error('not an object');
    const entry = toChangeEntry({ ...(isRecord(webhook['changelog']) ? webhook['changelog'] : {}), created: 0 });
    // Real quirk: the field name is `Status` here (capitalised), the fieldId `status`.
    expect(entry?.items.map((i) => [i.field, i.fieldId])).toStrictEqual([
      ['description', 'description'],
      ['Status', 'status'],
    ]);
    expect(JSON.stringify(entry)).not.toContain('The good description');
  });
});

describe('attachment and description items', () => {
  const entry = (created: unknown, items: unknown[]) => toChangeEntry({ author: person, created, items });

  test('an attachment added: to is its id, toText its file name', () => {
    expect(
      entry('2026-03-12T11:30:00.000+0100', [
        {
          field: 'Attachment',
          fieldtype: 'jira',
          fieldId: 'attachment',
          from: null,
          fromString: null,
          to: '10008',
          toString: 'policy-v4.pdf',
        },
      ]),
    ).toStrictEqual({
      author: { accountId: person.accountId, displayName: 'Priya Natarajan', isApp: false },
      at: '2026-03-12T10:30:00.000Z',
      items: [
        {
          field: 'Attachment',
          fieldId: 'attachment',
          from: null,
          to: '10008',
          fromText: null,
          toText: 'policy-v4.pdf',
        },
      ],
    });
  });

  test('an attachment removed: from its id and fromText its name, to null; null sides may be absent', () => {
    expect(
      entry(1773309600000, [{ field: 'Attachment', fieldId: 'attachment', from: '10008', fromString: 'policy-v4.pdf' }])
        ?.items,
    ).toStrictEqual([
      { field: 'Attachment', fieldId: 'attachment', from: '10008', to: null, fromText: 'policy-v4.pdf', toText: null },
    ]);
  });

  test('Jira Server writes the attachment item without fieldId: kept by its field name', () => {
    // As a Jira Server webhook sends it: {"field":"Attachment","fieldtype":"jira","from":null,"fromString":null,...}.
    expect(
      entry(0, [
        { field: 'Attachment', fieldtype: 'jira', from: null, fromString: null, to: '11677', toString: 'scan.png' },
      ])?.items,
    ).toStrictEqual([{ field: 'Attachment', from: null, to: '11677', fromText: null, toText: 'scan.png' }]);
  });

  test.each<[string, Record<string, unknown>]>([
    [
      'Cloud REST (to a version reference)',
      {
        from: null,
        fromString: 'Old text',
        to: '{"id":"ari:cloud:jira:x:issuefieldvalue/1/description","version":"1"}',
        toString: 'New *text*',
      },
    ],
    ['a webhook (to null)', { from: null, fromString: null, to: null, toString: 'The good description' }],
    ['text in from and to', { from: 'Old text', to: 'New text' }],
  ])('a description edit, %s: kept, with none of its values', (_name, sides) => {
    expect(
      entry(0, [{ field: 'description', fieldtype: 'jira', fieldId: 'description', ...sides }])?.items,
    ).toStrictEqual([
      { field: 'description', fieldId: 'description', from: null, to: null, fromText: null, toText: null },
    ]);
  });

  test('the approver field is kept when asked for, with its values (account ids and names are not issue text)', () => {
    const items = [
      {
        field: 'Approved by',
        fieldtype: 'custom',
        fieldId: 'customfield_10100',
        from: null,
        to: 'acc-ceo',
        toString: 'Dana Chief',
      },
    ];
    expect(entry(0, items)).toBeNull();
    expect(
      toChangeEntry({ author: person, created: 0, items }, keptFields(['customfield_10100']))?.items,
    ).toStrictEqual([
      {
        field: 'Approved by',
        fieldId: 'customfield_10100',
        from: null,
        to: 'acc-ceo',
        fromText: null,
        toText: 'Dana Chief',
      },
    ]);
  });
});

describe('broken input: nothing crashes, nothing is invented', () => {
  const at = (created: unknown) =>
    toChangeEntry({ author: person, created, items: [{ field: 'status', fieldId: 'status', to: '3' }] })?.at ?? null;

  test.each<[string, unknown, string | null]>([
    ['a date-time with +0800', '2021-01-25T11:09:27.985+0800', '2021-01-25T03:09:27.985Z'],
    ['a date-time with +08:00', '2021-01-25T11:09:27.985+08:00', '2021-01-25T03:09:27.985Z'],
    ['epoch milliseconds', 1773309600000, '2026-03-12T10:00:00.000Z'],
    ['garbage text', 'last Tuesday', null],
    ['an impossible date', '2021-13-45T10:00:00.000+0000', null],
    ['an empty string', '', null],
    ['an object', { ms: 0 }, null],
    ['NaN', Number.NaN, null],
    ['Infinity', Number.POSITIVE_INFINITY, null],
    ['a number beyond any date', 1e20, null],
    ['missing', undefined, null],
  ])('created as %s', (_name, created, expected) => {
    expect(at(created)).toBe(expected);
  });

  test.each<[string, unknown[], unknown[]]>([
    ['an item without field', [{ fieldId: 'status', to: '3' }], []],
    ['an item whose field is not text', [{ field: 7, fieldId: 'status', to: '3' }], []],
    ['an item that is not an object', ['status', null, 42], []],
    [
      'to as a number (an id): read as its digits',
      [{ field: 'Attachment', fieldId: 'attachment', to: 10008, toString: 'a.pdf' }],
      [{ field: 'Attachment', fieldId: 'attachment', from: null, to: '10008', fromText: null, toText: 'a.pdf' }],
    ],
    [
      'to as an object: not an id',
      [{ field: 'status', fieldId: 'status', to: { id: '3' }, toString: 'Done' }],
      [{ field: 'status', fieldId: 'status', from: null, to: null, fromText: null, toText: 'Done' }],
    ],
    [
      'an attachment item naming no attachment',
      [{ field: 'Attachment', fieldId: 'attachment', toString: 'a.pdf' }],
      [],
    ],
    [
      'toString not text, and no own toString',
      [
        { field: 'Attachment', fieldId: 'attachment', to: '1', toString: ['a.pdf'] },
        { field: 'labels', fromString: 'a' },
      ],
      [
        { field: 'Attachment', fieldId: 'attachment', from: null, to: '1', fromText: null, toText: null },
        { field: 'labels', from: null, to: null, fromText: 'a', toText: null },
      ],
    ],
    [
      'a fieldId that is not text: matched by the field name, left out',
      [{ field: 'description', fieldId: 12, toString: 'secret' }],
      [{ field: 'description', from: null, to: null, fromText: null, toText: null }],
    ],
  ])('%s', (_name, items, expected) => {
    const entry = toChangeEntry({ author: person, created: 0, items });
    expect(entry?.items ?? []).toStrictEqual(expected);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a list', []],
    ['items not a list', { created: 0, items: { field: 'status' } }],
    ['no items', { created: 0 }],
  ])('an entry that is %s is no entry', (_name, value) => {
    expect(toChangeEntry(value)).toBeNull();
  });

  test('a list with broken entries keeps the good ones; a changelog that is not a list reads as none', () => {
    const good = {
      author: person,
      created: 0,
      items: [{ field: 'Attachment', fieldId: 'attachment', to: '1', toString: 'a.pdf' }],
    };
    expect(toChangeEntries([null, good, { created: 'x', items: [] }, 'entry'])).toHaveLength(1);
    expect(toChangeEntries({ histories: [good] })).toStrictEqual([]);
    expect(changelogOfIssue({ changelog: { histories: 'none' } })).toBeUndefined();
  });
});
