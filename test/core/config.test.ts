import { defaultConfig, validateConfig, withDefaults } from '../../src/core/config';
import { CATEGORY_IDS } from '../../src/core/types';

type Mutable = Record<string, any>;
const configWith = (change: (c: Mutable) => void): unknown => {
  const c: Mutable = JSON.parse(JSON.stringify(defaultConfig()));
  change(c);
  return c;
};
const errorsOf = (input: unknown) => {
  const result = validateConfig(input);
  return result.ok ? [] : result.errors;
};

describe('config: defaults', () => {
  test('the defaults are valid and follow the spec', () => {
    const result = validateConfig(defaultConfig());
    expect(result.ok).toBe(true);
    const config = defaultConfig();
    expect(Object.keys(config.categories)).toEqual([...CATEGORY_IDS]);
    expect(config.categories['workshop-outcome']).toEqual({
      labels: ['iso27001-workshop-outcome'],
      enabled: true,
      windowDays: 365,
    });
    expect(config.approvalLabel).toBe('board-approved');
    expect(config.reviewIntervalDays).toBe(92);
    expect(config.expiringSoonDays).toBe(30);
  });
});

describe('config: validation names the field', () => {
  test.each([
    [
      'a label with a space',
      (c: Mutable) => (c.categories.resources.labels = ['budget approved']),
      'categories.resources.labels.0',
      'cannot contain spaces',
    ],
    [
      'a label of 256 characters',
      (c: Mutable) => (c.categories.resources.labels = ['x'.repeat(256)]),
      'categories.resources.labels.0',
      'at most 255',
    ],
    [
      'an empty label',
      (c: Mutable) => (c.categories.resources.labels = ['']),
      'categories.resources.labels.0',
      'cannot be empty',
    ],
    [
      'a label in two categories',
      (c: Mutable) => (c.categories.resources.labels = ['iso27001-policy-approval']),
      'categories.resources.labels.0',
      'already maps to security-policy',
    ],
    [
      'the approval label as evidence',
      (c: Mutable) => (c.categories.resources.labels = ['board-approved']),
      'categories.resources.labels.0',
      'is the approval label',
    ],
    [
      'a window of 0 days',
      (c: Mutable) => (c.categories.resources.windowDays = 0),
      'categories.resources.windowDays',
      'from 1 to 3660',
    ],
    [
      'a window of 3661 days',
      (c: Mutable) => (c.categories.resources.windowDays = 3661),
      'categories.resources.windowDays',
      'from 1 to 3660',
    ],
    [
      'a window of 1.5 days',
      (c: Mutable) => (c.categories.resources.windowDays = 1.5),
      'categories.resources.windowDays',
      'whole number',
    ],
    [
      'a window given as text',
      (c: Mutable) => (c.categories.resources.windowDays = '365'),
      'categories.resources.windowDays',
      'whole number',
    ],
    [
      'disabled without a reason',
      (c: Mutable) => (c.categories.resources.enabled = false),
      'categories.resources.disabledReason',
      'say why',
    ],
    [
      'disabled with a blank reason',
      (c: Mutable) => {
        Object.assign(c.categories.resources, { enabled: false, disabledReason: '  ' });
      },
      'categories.resources.disabledReason',
      'say why',
    ],
    [
      'enabled with no label',
      (c: Mutable) => (c.categories.resources.labels = []),
      'categories.resources.labels',
      'at least one label',
    ],
    [
      'an unknown category',
      (c: Mutable) => {
        c.categories.coffee = c.categories.resources;
      },
      'categories.coffee',
      'not a Clause 5.1 category',
    ],
    ['a missing category', (c: Mutable) => delete c.categories.resources, 'categories.resources', 'is missing'],
    ['an unknown setting', (c: Mutable) => (c.colour = 'blue'), 'colour', 'not a known setting'],
    [
      'an unknown category setting',
      (c: Mutable) => (c.categories.resources.owner = 'x'),
      'categories.resources.owner',
      'not a known setting',
    ],
    [
      'an approval label with a space',
      (c: Mutable) => (c.approvalLabel = 'board approved'),
      'approvalLabel',
      'cannot contain spaces',
    ],
    [
      'an effective-date field that is not a field id',
      (c: Mutable) => (c.effectiveDateField = 'Approved on'),
      'effectiveDateField',
      'Jira field id',
    ],
    ['a review interval of 0', (c: Mutable) => (c.reviewIntervalDays = 0), 'reviewIntervalDays', 'from 1 to 3660'],
    [
      'enabled given as text',
      (c: Mutable) => (c.categories.resources.enabled = 'yes'),
      'categories.resources.enabled',
      'true or false',
    ],
  ])('%s', (_name, change, field, message) => {
    expect(errorsOf(configWith(change))).toEqual(
      expect.arrayContaining([{ field, message: expect.stringContaining(message) }]),
    );
  });

  test('a config that disables every category is invalid', () => {
    const input = configWith((c) => {
      for (const id of CATEGORY_IDS) Object.assign(c.categories[id], { enabled: false, disabledReason: 'off' });
    });
    expect(errorsOf(input)).toEqual([{ field: 'categories', message: 'at least one category must be enabled' }]);
  });

  test('several labels per category, a disabled category with its reason and a date field are valid', () => {
    const result = validateConfig(
      configWith((c) => {
        c.categories.resources.labels = ['budget-2026', 'iso27001-budget-approval'];
        Object.assign(c.categories['management-targets'], {
          enabled: false,
          disabledReason: '  One department only  ',
        });
        c.effectiveDateField = 'customfield_10042';
      }),
    );
    expect(result).toMatchObject({ ok: true, config: { effectiveDateField: 'customfield_10042' } });
    if (result.ok) {
      expect(result.config.categories.resources.labels).toEqual(['budget-2026', 'iso27001-budget-approval']);
      expect(result.config.categories['management-targets']).toEqual({
        labels: ['iso27001-department-targets'],
        enabled: false,
        disabledReason: 'One department only',
        windowDays: 365,
      });
    }
  });

  test.each([null, 42, 'config', []])('%j is not a config', (input) => {
    expect(errorsOf(input)).toEqual([{ field: '', message: 'the configuration must be an object' }]);
  });
});

describe('config files may leave out what they do not change', () => {
  test('missing settings and category fields come from the defaults', () => {
    const result = validateConfig(
      withDefaults({ approvalLabel: 'exec-approved', categories: { resources: { windowDays: 180 } } }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.approvalLabel).toBe('exec-approved');
      expect(result.config.categories.resources).toEqual({
        labels: ['iso27001-budget-approval'],
        enabled: true,
        windowDays: 180,
      });
      expect(result.config.categories['security-policy'].windowDays).toBe(365);
    }
  });

  test('what it does give is still validated', () => {
    expect(errorsOf(withDefaults({ categories: { resources: { windowDays: -1 } } }))).toEqual([
      { field: 'categories.resources.windowDays', message: expect.any(String) },
    ]);
  });
});
