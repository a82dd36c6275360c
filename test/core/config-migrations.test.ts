import { defaultConfig } from '../../src/core/config';
import { CONFIG_SCHEMA, MIGRATIONS, readStoredConfig } from '../../src/core/config-migrations';

type Mutable = Record<string, any>;
const configWith = (change: (c: Mutable) => void): unknown => {
  const c: Mutable = JSON.parse(JSON.stringify(defaultConfig()));
  change(c);
  return c;
};
const withWindow = (days: number) => configWith((c) => (c.categories.resources.windowDays = days));

describe('stored settings of every schema are read into today’s config', () => {
  test.each<[string, unknown, unknown, unknown]>([
    ['schema 1 (no schema field) is used as it is', undefined, withWindow(180), withWindow(180)],
    ['schema 1 given as 1', 1, withWindow(180), withWindow(180)],
    [
      'schema 1 without a setting gets its default',
      undefined,
      configWith((c) => delete c.expiringSoonDays),
      defaultConfig(),
    ],
    [
      'schema 1 without a category gets its default',
      undefined,
      configWith((c) => delete c.categories['management-review']),
      defaultConfig(),
    ],
    [
      'schema 2 gains top management, the approver and attendees fields and requirement modes, at their defaults',
      2,
      configWith((c) => {
        delete c.topManagement;
        delete c.approverField;
        delete c.attendeesField;
        for (const category of Object.values(c.categories as Record<string, Record<string, unknown>>))
          delete category.requirements;
      }),
      defaultConfig(),
    ],
    ['the current schema is used as it is', CONFIG_SCHEMA, withWindow(180), withWindow(180)],
  ])('%s', (_name, schema, stored, expected) => {
    expect(readStoredConfig(schema, stored)).toEqual({ ok: true, config: expected });
  });

  test('every schema before the current one has its step', () => {
    for (let schema = 1; schema < CONFIG_SCHEMA; schema += 1) expect(MIGRATIONS[schema]).toEqual(expect.any(Function));
  });
});

describe('stored settings that cannot be read say why, naming the setting', () => {
  test.each<[string, unknown, unknown, string]>([
    ['plain text', undefined, 'garbage', 'the configuration must be an object'],
    ['an unknown category id', 2, configWith((c) => (c.categories.coffee = {})), 'categories.coffee is not a'],
    ['a window out of range', 2, withWindow(0), 'categories.resources.windowDays must be a whole number'],
    [
      'a current-schema record missing a setting',
      CONFIG_SCHEMA,
      configWith((c) => delete c.approvalLabel),
      'approvalLabel',
    ],
    ['a newer schema', CONFIG_SCHEMA + 1, defaultConfig(), 'newer version of the app'],
    ['a schema of 0', 0, defaultConfig(), 'which schema'],
    ['a fractional schema', 1.5, defaultConfig(), 'which schema'],
    ['a schema as text', '2', defaultConfig(), 'which schema'],
  ])('%s', (_name, schema, stored, problem) => {
    const result = readStoredConfig(schema, stored);
    expect(result).toEqual({ ok: false, problem: expect.stringContaining(problem) });
  });

  test('values are quoted cut short, and only the first problems are listed', () => {
    const result = readStoredConfig(
      2,
      configWith((c) => {
        c.categories.resources.labels = ['a b'.padEnd(255, 'x'), 'c d'.padEnd(255, 'x')];
        for (let i = 0; i < 1000; i += 1) c[`unknown-${i}`.padEnd(10_000, 'u')] = i;
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toContain('; and ');
      expect(result.problem.length).toBeLessThan(1000);
    }
  });
});
