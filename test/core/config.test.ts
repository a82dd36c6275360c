import { defaultConfig, formatFieldErrors, validateConfig, withDefaults } from '../../src/core/config';
import { CATEGORY_IDS, type CategoryId } from '../../src/core/types';

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
      requirements: { 'top-management-took-part': 'required', 'decisions-recorded': 'advisory' },
    });
    expect(config.approvalLabel).toBe('board-approved');
    expect(config.reviewIntervalDays).toBe(92);
    expect(config.expiringSoonDays).toBe(30);
    // Spec 8.8: nobody is top management, no approver or attendees field, until an admin says.
    expect(config.topManagement).toEqual({ groups: [], accountIds: [] });
    expect(config.approverField).toBeNull();
    expect(config.attendeesField).toBeNull();
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
        requirements: {},
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
        requirements: { 'approved-by-top-management': 'required', 'approval-covers-current-version': 'advisory' },
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

describe('config: caps keep settings small, each with its own field error', () => {
  const labels = (count: number, prefix = 'label') => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

  test.each([
    ['50 labels in a category', 50, true],
    ['51 labels in a category', 51, false],
  ])('%s', (_name, count, ok) => {
    const errors = errorsOf(configWith((c) => (c.categories.resources.labels = labels(count))));
    expect(errors).toEqual(
      ok ? [] : [{ field: 'categories.resources.labels', message: 'has 51 labels; a category takes at most 50' }],
    );
  });

  test.each([
    ['200 labels in all', 20, true],
    ['210 labels in all', 21, false],
  ])('%s', (_name, perCategory, ok) => {
    const input = configWith((c) => {
      for (const id of CATEGORY_IDS) c.categories[id].labels = labels(perCategory, id);
    });
    expect(errorsOf(input)).toEqual(
      ok ? [] : [{ field: 'categories', message: 'hold 210 labels in all; at most 200 are allowed' }],
    );
  });

  test('a reason of 501 characters is refused', () => {
    const input = configWith((c) => {
      Object.assign(c.categories.resources, { enabled: false, disabledReason: 'r'.repeat(501) });
    });
    expect(errorsOf(input)).toEqual([
      { field: 'categories.resources.disabledReason', message: 'is at most 500 characters' },
    ]);
  });

  test('100,000 labels are one field error, however the list is made', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? `label-${i}` : 'same label'));
    expect(errorsOf(configWith((c) => (c.categories.resources.labels = many)))).toEqual([
      { field: 'categories.resources.labels', message: 'has 100000 labels; a category takes at most 50' },
    ]);
  });

  test('a flood of unknown settings is reported as the first 50 and a count', () => {
    const input = configWith((c) => {
      for (let i = 0; i < 100_000; i += 1) c[`setting-${i}`] = i;
    });
    const result = validateConfig(input);
    expect(result).toMatchObject({ ok: false, total: 100_000 });
    if (!result.ok) {
      expect(result.errors).toHaveLength(50);
      expect(formatFieldErrors(result.errors, result.total)).toMatch(/; and 99995 more$/);
    }
  });

  test('an unknown setting with a 5 MB name is named cut short', () => {
    const [error] = errorsOf(configWith((c) => (c['x'.repeat(5 * 1024 * 1024)] = 1)));
    expect(error?.field).toBe(`${'x'.repeat(59)}…`);
  });
});

describe('config: labels are visible words', () => {
  test.each([
    ['a zero-width space', 'budget\u200bapproval', 'U+200B, a zero-width character'],
    ['a right-to-left override', 'budget\u202eapproval', 'U+202E, a bidirectional control'],
    ['a tab', 'budget\tapproval', 'U+0009, a control character'],
    ['a C1 control', 'budget\u0085approval', 'U+0085, a control character'],
    ['a byte-order mark', '\ufeffbudget', 'U+FEFF, a zero-width character'],
  ])('a category label with %s is refused, naming the character', (_name, label, named) => {
    expect(errorsOf(configWith((c) => (c.categories.resources.labels = [label])))).toEqual([
      { field: 'categories.resources.labels.0', message: `contains ${named}: Jira labels are visible words` },
    ]);
  });

  test('so is an approval label with one', () => {
    expect(errorsOf(configWith((c) => (c.approvalLabel = 'board\u2066approved')))).toEqual([
      { field: 'approvalLabel', message: 'contains U+2066, a bidirectional control: Jira labels are visible words' },
    ]);
  });

  test('labels in other scripts are fine', () => {
    expect(errorsOf(configWith((c) => (c.categories.resources.labels = ['预算批准', 'budget-approuvé'])))).toEqual([]);
  });
});

describe('config: top management, approver and attendees fields, requirement modes (spec 8.8)', () => {
  const withChange = (change: Record<string, unknown>): unknown => ({ ...defaultConfig(), ...change });
  const withRequirements = (id: CategoryId, requirements: unknown): unknown => {
    const config = defaultConfig();
    return { ...config, categories: { ...config.categories, [id]: { ...config.categories[id], requirements } } };
  };
  const BOARD = '952d12c3-5b5b-4d04-bb32-44d383afc4b2';

  test('groups, people and both fields are kept as given', () => {
    const result = validateConfig(
      withChange({
        topManagement: { groups: [BOARD], accountIds: ['5b10ac8d82e05b22cc7d4ef5', '557058:f58131cb-b67d'] },
        approverField: 'customfield_10050',
        attendeesField: 'customfield_10051',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        topManagement: { groups: [BOARD], accountIds: ['5b10ac8d82e05b22cc7d4ef5', '557058:f58131cb-b67d'] },
        approverField: 'customfield_10050',
        attendeesField: 'customfield_10051',
      },
    });
  });

  test.each<[string, unknown, { field: string; message: string | RegExp }]>([
    [
      'more than 20 groups',
      withChange({ topManagement: { groups: Array.from({ length: 21 }, (_, i) => `g-${i}`), accountIds: [] } }),
      { field: 'topManagement.groups', message: 'holds 21 ids; at most 20 are allowed' },
    ],
    [
      'more than 200 people',
      withChange({ topManagement: { groups: [], accountIds: Array.from({ length: 201 }, (_, i) => `acc-${i}`) } }),
      { field: 'topManagement.accountIds', message: 'holds 201 ids; at most 200 are allowed' },
    ],
    [
      'a malformed account id',
      withChange({ topManagement: { groups: [], accountIds: ['<script>'] } }),
      { field: 'topManagement.accountIds.0', message: /is not a Jira id/ },
    ],
    [
      'a person named twice',
      withChange({ topManagement: { groups: [], accountIds: ['acc-1', 'acc-1'] } }),
      { field: 'topManagement.accountIds.1', message: /listed twice/ },
    ],
    [
      'groups that are not a list',
      withChange({ topManagement: { groups: BOARD, accountIds: [] } }),
      { field: 'topManagement.groups', message: 'must be a list of ids' },
    ],
    [
      'an unknown key in top management',
      withChange({ topManagement: { groups: [], accountIds: [], roles: [] } }),
      { field: 'topManagement.roles', message: 'is not a known setting' },
    ],
    [
      'an approver field that is not a custom field id',
      withChange({ approverField: 'assignee' }),
      { field: 'approverField', message: /custom field id/ },
    ],
    [
      'an attendees field that is not text',
      withChange({ attendeesField: 10051 }),
      { field: 'attendeesField', message: /custom field id/ },
    ],
    [
      'a requirement the category does not have',
      withRequirements('resources', { 'document-attached': 'required' }),
      {
        field: 'categories.resources.requirements.document-attached',
        message:
          'is not a requirement of this category (it has approved-by-top-management, approval-covers-current-version)',
      },
    ],
    [
      'an unknown requirement',
      withRequirements('resources', { 'signed-in-blood': 'off' }),
      { field: 'categories.resources.requirements.signed-in-blood', message: /is not a requirement of this category/ },
    ],
    [
      'a mode that is not one of the three',
      withRequirements('resources', { 'approved-by-top-management': 'optional' }),
      {
        field: 'categories.resources.requirements.approved-by-top-management',
        message: 'must be required, advisory or off',
      },
    ],
    [
      'a category with no requirements given one',
      withRequirements('strategy-alignment', { 'duties-described': 'advisory' }),
      {
        field: 'categories.strategy-alignment.requirements.duties-described',
        message: 'is not a requirement of this category (it has none)',
      },
    ],
  ])('%s is refused, naming the field', (_name, input, expected) => {
    expect(errorsOf(input)).toEqual([
      {
        field: expected.field,
        message: typeof expected.message === 'string' ? expected.message : expect.stringMatching(expected.message),
      },
    ]);
  });

  test('requirements given in part keep the others at their defaults', () => {
    const config = defaultConfig();
    const input = {
      ...config,
      categories: {
        ...config.categories,
        'security-policy': {
          ...config.categories['security-policy'],
          requirements: { 'document-attached': 'advisory' },
        },
      },
    };
    const result = validateConfig(input);
    expect(result.ok && result.config.categories['security-policy'].requirements).toEqual({
      'approved-by-top-management': 'required',
      'document-attached': 'advisory',
      // Spec 12.3's default.
      'approval-covers-current-version': 'advisory',
    });
    const fromFile = validateConfig(
      withDefaults({ categories: { 'management-review': { requirements: { 'decisions-recorded': 'off' } } } }),
    );
    expect(fromFile.ok && fromFile.config.categories['management-review'].requirements).toEqual({
      'top-management-took-part': 'required',
      'document-attached': 'required',
      'decisions-recorded': 'off',
    });
  });
});

describe('config: project scopes (spec 11)', () => {
  const withScopes = (scopes: unknown) => validateConfig({ ...defaultConfig(), scopes });
  const fieldsOf = (result: ReturnType<typeof validateConfig>) => (result.ok ? [] : result.errors.map((e) => e.field));

  test('a page with the projects of its evidence is valid; none at all is the default', () => {
    expect(withScopes({ ISMS: ['ISMS', 'BOARD', 'HR_2'] })).toMatchObject({
      ok: true,
      config: { scopes: { ISMS: ['ISMS', 'BOARD', 'HR_2'] } },
    });
    expect(defaultConfig().scopes).toEqual({});
    expect(validateConfig(withDefaults({}))).toMatchObject({ ok: true, config: { scopes: {} } });
  });

  test.each([
    ['not an object', ['ISMS'], 'scopes'],
    ['a page key that is not a project key', { 'isms ': ['ISMS'] }, 'scopes.isms '],
    ['an empty list', { ISMS: [] }, 'scopes.ISMS'],
    ['a list that is not a list', { ISMS: 'BOARD' }, 'scopes.ISMS'],
    ['a value that is not a project key', { ISMS: ['ISMS', 'board'] }, 'scopes.ISMS.1'],
    ['a project listed twice', { ISMS: ['BOARD', 'BOARD'] }, 'scopes.ISMS.1'],
    ['21 projects', { ISMS: Array.from({ length: 21 }, (_, i) => `P${i}`) }, 'scopes.ISMS'],
    ['101 pages', Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`P${i}`, ['ISMS']])), 'scopes'],
  ])('%s is refused at its field', (_name, scopes, field) => {
    expect(fieldsOf(withScopes(scopes))).toContain(field);
  });
});
