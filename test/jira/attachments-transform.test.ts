/**
 * Spec 12's facts on the issue itself: `fields.attachment` as attachments with their times, `fields.created`
 * as an instant, and the approver field's history kept from an export made with expand=changelog. On what
 * Jira really sends (shared/reference/real-jira/), on built issues, and on bad input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jiraIssue } from '../../dev/demo/jira-issue';
import { toEvidenceIssue } from '../../src/jira/transform';
import { storedEvidenceIssue } from '../../src/storage/evidence-shape';

const REAL_JIRA = resolve(__dirname, '../../../shared/reference/real-jira');
const describeReal = existsSync(REAL_JIRA) ? describe : describe.skip;
const read = (file: string): unknown => JSON.parse(readFileSync(resolve(REAL_JIRA, file), 'utf8'));

const APPROVER = 'customfield_10060';
const PRIYA = { accountId: 'acc-priya', displayName: 'Priya Natarajan', accountType: 'atlassian', active: true };

/** A built issue with `attachment` as Jira would send it, and `rest` of the raw issue. */
function withAttachments(attachment: unknown, rest: Record<string, unknown> = {}) {
  const raw = jiraIssue({ key: 'ISMS-9', summary: 'Policy v4', status: 'done', created: '2026-03-01' });
  return { ...raw, ...rest, fields: { ...raw.fields, attachment } };
}

const attachment = (overrides: Record<string, unknown> = {}) => ({
  self: 'https://example.atlassian.net/rest/api/3/attachment/10042',
  id: '10042',
  filename: 'policy-v4-signed.pdf',
  author: PRIYA,
  created: '2026-03-04T09:15:00.000+0000',
  size: 48213,
  mimeType: 'application/pdf',
  ...overrides,
});

describeReal('on real Jira answers', () => {
  test('a Cloud issue with an attachment: its id, file name, author and time in UTC (-0400 on the wire)', () => {
    const body = read('atlassian-python-api-cloud-epic-issues.json') as { issues: unknown[] };
    const issue = toEvidenceIssue(body.issues[0]);
    expect(issue.attachmentCount).toBe(1);
    expect(issue.attachments).toEqual([
      {
        id: '94281',
        filename: 'myattachment.pdf',
        created: '2021-07-12T22:51:57.106Z',
        author: {
          accountId: '557058:574b2149-9be9-4a05-9515-fca57a297550',
          displayName: expect.any(String),
          isApp: false,
        },
      },
    ]);
    expect(issue.createdAt).toBe('2021-06-14T19:22:58.891Z');
    expect(storedEvidenceIssue(JSON.parse(JSON.stringify(issue)))).toEqual(issue);
  });

  test('33 Cloud issues (+0800): no attachments, a creation instant each, and every one stores', () => {
    const raws = read('devlake-cloud-agile-board-issues.json') as { fields: { created: string } }[];
    for (const raw of raws) {
      const issue = toEvidenceIssue(raw);
      expect(issue.attachments).toEqual([]);
      expect(issue.createdAt).toBe(new Date(raw.fields.created.replace(/(\d\d)(\d\d)$/, '$1:$2')).toISOString());
      expect(storedEvidenceIssue(JSON.parse(JSON.stringify(issue)))).toEqual(issue);
    }
  });

  test.each([
    'mattermost-cloud-webhook-resolved.json',
    'mattermost-server-webhook-resolved.json',
    'mattermost-cloud-webhook-many-fields.json',
  ])('%s: an empty attachment list reads as none', (file) => {
    const issue = toEvidenceIssue((read(file) as { issue: unknown }).issue);
    expect(issue.attachments).toEqual([]);
    expect(issue.attachmentCount).toBe(0);
  });
});

describe('attachments and the creation instant', () => {
  test("Jira's +0000 time is a UTC instant; the issue's created too", () => {
    const issue = toEvidenceIssue(withAttachments([attachment()]));
    expect(issue.attachments).toStrictEqual([
      {
        id: '10042',
        filename: 'policy-v4-signed.pdf',
        created: '2026-03-04T09:15:00.000Z',
        author: { accountId: 'acc-priya', displayName: 'Priya Natarajan', isApp: false },
      },
    ]);
    expect(issue.createdAt).toMatch(/^2026-03-01T\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test('no attachment field asked for: not read (undefined), never an empty list', () => {
    const raw = jiraIssue({ key: 'ISMS-9', summary: 'Policy v4', created: '2026-03-01' });
    const { attachment: _attachment, ...fields } = raw.fields;
    const issue = toEvidenceIssue({ ...raw, fields });
    expect(issue.attachments).toBeUndefined();
    expect(issue.attachmentCount).toBeUndefined();
  });

  test('no created: no creation instant', () => {
    const raw = jiraIssue({ key: 'ISMS-9', summary: 'Policy v4', created: '2026-03-01' });
    const { created: _created, ...fields } = raw.fields;
    expect(toEvidenceIssue({ ...raw, fields }).createdAt).toBeUndefined();
  });

  test.each([
    ['without an id', attachment({ id: undefined })],
    ['with an empty id', attachment({ id: '' })],
    ['whose id is an object', attachment({ id: { value: 1 } })],
    ['whose created is garbage', attachment({ created: 'yesterday-ish' })],
    ['without a created', attachment({ created: undefined })],
    ['whose created is a boolean', attachment({ created: true })],
    ['whose file name is not text', attachment({ filename: 42 })],
    ['without a file name', attachment({ filename: undefined })],
    ['that is not an object', 'policy.pdf'],
    ['that is null', null],
  ])('an entry %s is skipped; the others are read and all are counted', (_what, bad) => {
    const issue = toEvidenceIssue(withAttachments([bad, attachment({ id: 10043, filename: 'minutes.docx' })]));
    // A number id (not what the document types) is read as its text.
    expect(issue.attachments?.map((a) => a.id)).toEqual(['10043']);
    expect(issue.attachmentCount).toBe(2);
  });

  test('an author Jira does not name (deleted, anonymous) is null; an app account is marked', () => {
    const issue = toEvidenceIssue(
      withAttachments([
        attachment({ author: undefined }),
        attachment({ id: '2', author: { accountId: 'app-1', displayName: 'Automation', accountType: 'app' } }),
      ]),
    );
    expect(issue.attachments?.map((a) => a.author)).toEqual([
      null,
      { accountId: 'app-1', displayName: 'Automation', isApp: true },
    ]);
  });

  test('an attachment list that is not a list: nothing read, the issue still reads', () => {
    const issue = toEvidenceIssue(withAttachments({ not: 'a list' }));
    expect(issue.attachments).toBeUndefined();
  });
});

describe('an export made with expand=changelog', () => {
  const history = (items: unknown[], created = '2026-03-04T09:15:00.000+0000') => ({
    id: '1',
    author: PRIYA,
    created,
    items,
  });
  const approverItem = {
    field: 'Approver',
    fieldtype: 'custom',
    fieldId: APPROVER,
    from: null,
    fromString: null,
    to: 'acc-ceo',
    toString: 'Dana Whitfield',
  };
  const attachmentItem = {
    field: 'Attachment',
    fieldtype: 'jira',
    fieldId: 'attachment',
    from: null,
    fromString: null,
    to: '10042',
    toString: 'policy-v4-signed.pdf',
  };
  const descriptionItem = {
    field: 'description',
    fieldtype: 'jira',
    fieldId: 'description',
    from: null,
    fromString: 'The old secret text',
    to: '{"id":"ari:cloud:jira:x:issuefieldvalue/1/description","version":"1"}',
    toString: 'The new secret text',
  };
  const exported = () =>
    withAttachments([attachment()], {
      changelog: { histories: [history([approverItem]), history([attachmentItem]), history([descriptionItem])] },
    });

  test('the approver field set: kept when it is the approver field, with attachment and description items', () => {
    const issue = toEvidenceIssue(exported(), { effectiveDateField: null, approverField: APPROVER });
    expect(issue.changelog?.map((e) => e.items[0]?.fieldId)).toEqual([APPROVER, 'attachment', 'description']);
    expect(issue.changelog?.[0]?.items[0]).toMatchObject({ to: 'acc-ceo', toText: 'Dana Whitfield' });
    // The description's text is never kept.
    expect(JSON.stringify(issue)).not.toContain('secret');
    expect(storedEvidenceIssue(JSON.parse(JSON.stringify(issue)))).toEqual(issue);
  });

  test('no approver field set: its items are not kept', () => {
    const issue = toEvidenceIssue(exported(), { effectiveDateField: null });
    expect(issue.changelog?.map((e) => e.items[0]?.fieldId)).toEqual(['attachment', 'description']);
  });
});

describe('a stored issue with attachments is checked', () => {
  const stored = () =>
    JSON.parse(JSON.stringify(toEvidenceIssue(withAttachments([attachment()])))) as Record<string, unknown>;

  test('as written: kept', () => {
    expect(storedEvidenceIssue(stored())).toBeDefined();
  });

  type Damage = (a: Record<string, unknown>) => Record<string, unknown>;
  test.each<[string, Damage]>([
    ['an attachment without an id', (a: Record<string, unknown>) => ({ ...a, id: undefined })],
    ['a created that is not an instant', (a: Record<string, unknown>) => ({ ...a, created: '2026-03-04' })],
    ['a created with an offset', (a: Record<string, unknown>) => ({ ...a, created: '2026-03-04T09:15:00.000+0000' })],
    ['a file name that is a number', (a: Record<string, unknown>) => ({ ...a, filename: 7 })],
    ['an author that is text', (a: Record<string, unknown>) => ({ ...a, author: 'acc-priya' })],
  ])('%s: discarded', (_what, damage) => {
    const issue = stored();
    issue.attachments = (issue.attachments as Record<string, unknown>[]).map(damage);
    expect(storedEvidenceIssue(issue)).toBeUndefined();
  });

  test.each([
    ['not a list', 'policy.pdf'],
    ['null', null],
  ])('attachments %s: discarded', (_what, value) => {
    expect(storedEvidenceIssue({ ...stored(), attachments: value })).toBeUndefined();
  });

  test.each([
    ['a day', '2026-03-01'],
    ['garbage', 'soon'],
    ['a number', 1772615700000],
  ])('a createdAt that is %s: discarded', (_what, value) => {
    expect(storedEvidenceIssue({ ...stored(), createdAt: value })).toBeUndefined();
  });
});
