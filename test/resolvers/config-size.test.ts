import { defaultConfig, type FieldError } from '../../src/core/config';
import type { ConfigChange } from '../../src/contract/invoke';
import type { CategoryId, CoverageConfig } from '../../src/core/types';
import { CATEGORY_IDS } from '../../src/core/types';
import { AppError } from '../../src/errors';
import { Budget } from '../../src/jira/budget';
import { storeConfig } from '../../src/storage/config-store';
import type { JsonValue } from '../../dev/simulator/json';
import { USERS, startApp, type App } from '../support/app-harness';
import { HEAD_KEY, plant, sizeOf, storedVersions, versionKey } from './support/stored-settings';

let app: App;
beforeEach(async () => {
  app = await startApp();
});
afterEach(() => app.stop());

const save = (config: unknown, expectedVersion: number) =>
  app.call(USERS.admin, 'config/save', { config, expectedVersion });

const withWindow = (days: number) => {
  const config = defaultConfig();
  config.categories['management-targets'].windowDays = days;
  return config;
};

/** `count` labels of `length` characters each, for `id`: three UTF-8 bytes per character (CJK). */
function bigLabels(id: CategoryId, count: number, length: number, tag = ''): string[] {
  return Array.from({ length: count }, (_, i) => `${id}-${tag}${i}-`.padEnd(length, '中'));
}

/** Every category at `perCategory` labels of `length` characters: about 3 x 10 x perCategory x length bytes. */
function configOfLabels(perCategory: number, length: number, tag = ''): CoverageConfig {
  const config = defaultConfig();
  for (const id of CATEGORY_IDS) config.categories[id].labels = bigLabels(id, perCategory, length, tag);
  return config;
}

const jsonKiB = (value: unknown) => sizeOf(value) / 1024;

describe('settings size: refused clearly, stored small', () => {
  test('a 140 KiB config saves, and can be relabelled: a record is one config plus a small diff', async () => {
    const big = configOfLabels(20, 240);
    expect(jsonKiB(big)).toBeGreaterThan(130);
    expect(await save(big, 0)).toMatchObject({ ok: true, data: { version: 1 } });
    const relabelled = configOfLabels(20, 240, 'r');
    expect(await save(relabelled, 1)).toMatchObject({ ok: true, data: { version: 2 } });
    const record = app.forge.kvs.get('kvs', versionKey(2))?.value;
    expect(jsonKiB(record) - jsonKiB(relabelled)).toBeLessThan(16);
    const history = await app.call(USERS.admin, 'config/history');
    expect(history.data.changes[0].changes).toContainEqual({
      field: 'categories.resources.labels',
      from: '20 labels',
      to: '20 labels',
    });
    expect(jsonKiB(history)).toBeLessThan(32);
  });

  test('an 85 KiB config can afterwards be relabelled', async () => {
    const config = configOfLabels(13, 240);
    expect(jsonKiB(config)).toBeGreaterThan(85);
    expect(await save(config, 0)).toMatchObject({ ok: true });
    expect(await save(configOfLabels(13, 240, 'r'), 1)).toMatchObject({ ok: true, data: { version: 2 } });
  });

  test('a record over the 240 KiB KVS limit is INVALID_INPUT naming the limit and the size, and nothing is stored', async () => {
    // Past the label caps, so only the store's own check stands between it and KVS.
    const huge = configOfLabels(40, 255);
    const error: unknown = await storeConfig(
      huge,
      0,
      'save',
      { accountId: USERS.admin },
      '2026-11-28T12:00:00Z',
      new Budget(),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/would take \d+ KiB, which is over the 240 KiB/) as string,
      details: { fields: [{ field: 'config', message: expect.stringContaining('240 KiB') as string }] },
    });
    expect(storedVersions(app.forge.kvs)).toEqual([]);
  });

  test('100,000 labels are refused with one field-level message, in a small answer', async () => {
    const config = defaultConfig();
    config.categories.resources.labels = Array.from({ length: 100_000 }, (_, i) => `label-${i}`);
    const result = await save(config, 0);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: {
          fields: [
            {
              field: 'config.categories.resources.labels',
              message: 'has 100000 labels; a category takes at most 50',
            },
          ],
        },
      },
    });
    expect(sizeOf(result)).toBeLessThan(1000);
  });

  test.each([
    ['with a space', `big label${'x'.repeat(5 * 1024 * 1024)}`],
    ['without one', 'x'.repeat(5 * 1024 * 1024)],
  ])('a 5 MB label %s is not echoed back', async (_name, label) => {
    const config = defaultConfig();
    config.categories.resources.labels = [label];
    config.approvalLabel = label;
    const result = await save(config, 0);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.error.details.fields).toContainEqual({
      field: 'config.categories.resources.labels.0',
      message: `a label is at most 255 characters (this one has ${label.length})`,
    });
    expect(sizeOf(result)).toBeLessThan(2000);
  });

  test.each([
    ['a label listed twice', ['dup'.padEnd(255, 'd'), 'dup'.padEnd(255, 'd')], 'is listed twice'],
    ['a label with a space', ['a b'.padEnd(255, 'x')], 'contains a space'],
  ])('%s: the message quotes it cut to 60 characters', async (_name, labels, fragment) => {
    const config = defaultConfig();
    config.categories.resources.labels = labels;
    const result = await save(config, 0);
    const fields = result.error.details.fields as FieldError[];
    expect(fields.find((f) => f.message.includes(fragment))?.message).toMatch(/^"[^"]{59}…" /);
  });

  test('labels with invisible characters are refused, naming the character', async () => {
    const config = defaultConfig();
    config.categories.resources.labels = ['budget\u200bapproval'];
    config.approvalLabel = 'board\u202eapproved';
    const result = await save(config, 0);
    expect(result.error.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'config.categories.resources.labels.0', message: expect.stringContaining('U+200B') as string },
        { field: 'config.approvalLabel', message: expect.stringContaining('U+202E') as string },
      ]),
    );
    expect(storedVersions(app.forge.kvs)).toEqual([]);
  });

  test.each([
    ['51 labels in one category', ['resources' as const], 51, 'config.categories.resources.labels', 'at most 50'],
    ['210 labels in all', CATEGORY_IDS, 21, 'config.categories', 'at most 200'],
  ])('%s is refused at the field', async (_name, ids, perCategory, field, message) => {
    const config = defaultConfig();
    for (const id of ids) config.categories[id].labels = bigLabels(id, perCategory, 10);
    const result = await save(config, 0);
    expect(result.error.details.fields).toEqual([{ field, message: expect.stringContaining(message) as string }]);
  });
});

describe('the history keeps 50 changes, and storage nothing older', () => {
  test('after 60 saves storage holds the newest 50 records, and everything still reads', async () => {
    for (let v = 0; v < 60; v += 1) expect((await save(withWindow(100 + v), v)).ok).toBe(true);
    expect(storedVersions(app.forge.kvs)).toEqual(Array.from({ length: 50 }, (_, i) => 11 + i));
    expect((await app.call(USERS.admin, 'config/get')).data).toMatchObject({ version: 60, config: withWindow(159) });
    const changes: ConfigChange[] = (await app.call(USERS.admin, 'config/history')).data.changes;
    expect(changes.map((c) => c.version)).toEqual(Array.from({ length: 50 }, (_, i) => 60 - i));
  });

  test('records a crash left behind (or an older version kept) are deleted by the next save', async () => {
    for (let v = 0; v < 3; v += 1) await save(withWindow(100 + v), v);
    // As if versions 1..3 were 101..103 kept by an older version of the app, with 50 newer ones.
    for (let v = 4; v <= 55; v += 1) {
      plant(app.forge.kvs, versionKey(v), {
        schema: 2,
        version: v,
        action: 'save',
        by: { accountId: USERS.admin },
        at: '2026-11-01T09:00:00.000Z',
        changes: [],
        config: JSON.parse(JSON.stringify(withWindow(100 + v))) as JsonValue,
      });
    }
    plant(app.forge.kvs, HEAD_KEY, { version: 55 });
    expect(await save(withWindow(300), 55)).toMatchObject({ ok: true, data: { version: 56 } });
    expect(storedVersions(app.forge.kvs)).toEqual(Array.from({ length: 50 }, (_, i) => 7 + i));
  });

  test('config/history stays small whatever the old records held', async () => {
    const labels = Array.from({ length: 300 }, (_, i) => `old-label-${i}`.padEnd(50, 'x'));
    for (let v = 1; v <= 3; v += 1) {
      plant(app.forge.kvs, versionKey(v), {
        version: v,
        action: 'save',
        by: { accountId: USERS.admin, displayName: 'A'.repeat(10_000) },
        at: '2026-11-01T09:00:00.000Z',
        changes: Array.from({ length: 100 }, (_, i) => ({
          field: `categories.resources.labels${'.x'.repeat(i % 3)}`,
          from: labels,
          to: 'y'.repeat(5_000),
        })),
        config: JSON.parse(JSON.stringify(withWindow(100 + v))) as JsonValue,
      });
    }
    plant(app.forge.kvs, HEAD_KEY, { version: 3 });
    const history = await app.call(USERS.admin, 'config/history');
    expect(history.data.changes).toHaveLength(3);
    expect(history.data.changes[0].changes[0]).toEqual({
      field: 'categories.resources.labels',
      from: '300 labels',
      to: `${'y'.repeat(99)}…`,
    });
    expect(jsonKiB(history)).toBeLessThan(64);
  });
});
