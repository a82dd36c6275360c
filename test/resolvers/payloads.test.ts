import { defaultConfig } from '../../src/core/config';
import { INVOKE_KEYS, type InvokeKey } from '../../src/contract/invoke';
import { USERS, issuePanel, projectPage, useApp } from '../support/app-harness';

const app = useApp();

const extension = (key: string) =>
  key === 'report/project' ? projectPage() : key === 'report/issue' ? issuePanel('ISMS-1') : undefined;

describe('malformed payloads are INVALID_INPUT with field-level details, for every key', () => {
  test.each(INVOKE_KEYS.map((key) => [key]))('%s refuses an unknown field', async (key) => {
    const result = await app.call(
      USERS.admin,
      key,
      { surprise: true, expectedVersion: 0, config: defaultConfig() },
      extension(key),
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { fields: expect.arrayContaining([{ field: 'surprise', message: 'is not expected here' }]) },
      },
    });
  });

  test.each(INVOKE_KEYS.map((key) => [key]))('%s refuses a payload that is not an object', async (key) => {
    const result = await app.call(USERS.admin, key, ['a'], extension(key));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ field: '', message: 'must be an object' }] } },
    });
  });

  test.each([
    ['no config', { expectedVersion: 0 }, 'config', 'is required'],
    ['a negative version', { config: defaultConfig(), expectedVersion: -1 }, 'expectedVersion', 'whole number'],
    ['a version as text', { config: defaultConfig(), expectedVersion: '0' }, 'expectedVersion', 'whole number'],
    ['a fractional version', { config: defaultConfig(), expectedVersion: 0.5 }, 'expectedVersion', 'whole number'],
    ['a config that is text', { config: 'all of it', expectedVersion: 0 }, 'config', 'must be an object'],
    [
      'a config with an unknown setting',
      { config: { ...defaultConfig(), colour: 'red' }, expectedVersion: 0 },
      'config.colour',
      'not a known setting',
    ],
  ])('config/save with %s', async (_name, payload, field, message) => {
    const result = await app.call(USERS.admin, 'config/save', payload);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { fields: expect.arrayContaining([{ field, message: expect.stringContaining(message) }]) },
      },
    });
  });

  test('unexpected fields are named cut short, and only so many: the answer stays small', async () => {
    const payload: Record<string, unknown> = { expectedVersion: 0, ['x'.repeat(5 * 1024 * 1024)]: 1 };
    for (let i = 0; i < 100_000; i += 1) payload[`extra-${i}`] = i;
    const result = await app.call(USERS.admin, 'config/reset', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.error.message).toMatch(
      /^The request has fields it should not: x{59}…, extra-0, .* and 99996 more\.$/,
    );
    expect(result.error.details.fields).toHaveLength(50);
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThan(5000);
  });

  test('a malformed save is refused before anything is asked of Jira or stored', async () => {
    app.forge.jira.stats.reset();
    await app.call(USERS.manager, 'config/save', { expectedVersion: 'x' });
    expect(app.forge.jira.stats.total).toBe(0);
    expect((await app.call(USERS.admin, 'config/get')).data.version).toBe(0);
  });

  test.each([
    ['no version', {}],
    ['a version as text', { expectedVersion: 'latest' }],
  ])('config/reset with %s', async (_name, payload) => {
    expect(await app.call(USERS.admin, 'config/reset', payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'expectedVersion' }] } },
    });
  });

  test.each([
    ['a number', { query: 42 }],
    ['256 characters', { query: 'x'.repeat(256) }],
  ])('jira/labels with a query of %s', async (_name, payload) => {
    expect(await app.call(USERS.admin, 'jira/labels', payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ field: 'query' }] } },
    });
  });

  test('a context that is not an object is handled, not thrown', async () => {
    const result = await app.call(USERS.lead, 'report/project', {}, 'ISMS' as unknown as Record<string, unknown>);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('jira/labels and jira/date-fields', () => {
  test('label suggestions contain the query, case-insensitively', async () => {
    expect((await app.call(USERS.admin, 'jira/labels', { query: 'ISO27001-M' })).data.labels).toEqual([
      'iso27001-management-review',
    ]);
    expect((await app.call(USERS.admin, 'jira/labels', {})).data.labels).toContain('board-approved');
  });

  test.each<InvokeKey>(['jira/labels', 'jira/date-fields'])(
    '%s serves the admin page only: FORBIDDEN for others',
    async (key) => {
      expect(await app.call(USERS.lead, key, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await app.call(USERS.outsider, key, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    },
  );

  test("date fields are Jira's date and datetime fields, custom ones included", async () => {
    const fields: { type: string }[] = (await app.call(USERS.admin, 'jira/date-fields')).data.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { id: 'customfield_10042', name: 'Approved on', type: 'date' },
        { id: 'duedate', name: expect.any(String), type: 'date' },
      ]),
    );
    expect(fields.every((f) => f.type === 'date' || f.type === 'datetime')).toBe(true);
  });
});
