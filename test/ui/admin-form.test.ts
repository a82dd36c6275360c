import {
  applyChanges,
  checkForm,
  formChanges,
  fromConfig,
  fromServerFields,
  sameForm,
} from '../../static/src/admin-page/form';
import { describeField, describeValue } from '../../static/src/admin-page/fields';
import { defaultConfig } from '../../src/core/config';
import { aConfig } from '../support/builders';

describe('admin form model', () => {
  test('a loaded config round-trips through the form unchanged', () => {
    const config = aConfig(
      { resources: { enabled: false, disabledReason: 'Budget approved outside Jira', windowDays: 400 } },
      { effectiveDateField: 'customfield_10042' },
    );
    const checked = checkForm(fromConfig(config));
    expect(checked).toEqual({ ok: true, config });
  });

  test('half-typed days stay text in the form and are refused by validateConfig', () => {
    const form = fromConfig(defaultConfig());
    form.categories.resources.windowDays = '';
    form.reviewIntervalDays = '12.5';
    const checked = checkForm(form);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.errors.map((e) => e.field)).toEqual([
      'categories.resources.windowDays',
      'reviewIntervalDays',
    ]);
  });

  test('a reason typed for a category that is enabled again is kept in the form but not sent', () => {
    const form = fromConfig(defaultConfig());
    form.categories.resources = { ...form.categories.resources, enabled: true, disabledReason: 'was off' };
    const checked = checkForm(form);
    expect(checked.ok && checked.config.categories.resources).toEqual({
      labels: ['iso27001-budget-approval'],
      enabled: true,
      windowDays: 365,
    });
  });

  test('my changes re-applied on their version keep their other changes', () => {
    const mine = fromConfig(defaultConfig());
    const base = fromConfig(defaultConfig());
    mine.categories['management-review'] = {
      ...mine.categories['management-review'],
      labels: ['mgmt-review', 'iso27001-management-review'],
      windowDays: '120',
    };
    const theirs = fromConfig({ ...defaultConfig(), approvalLabel: 'board-ok' });
    const changes = formChanges(base, mine);
    expect(changes).toEqual([
      {
        field: 'categories.management-review.labels',
        from: ['iso27001-management-review'],
        to: ['mgmt-review', 'iso27001-management-review'],
      },
      { field: 'categories.management-review.windowDays', from: '365', to: '120' },
    ]);
    const merged = applyChanges(theirs, changes);
    expect(merged.approvalLabel).toBe('board-ok');
    expect(merged.categories['management-review']).toEqual(mine.categories['management-review']);
    expect(sameForm(merged, theirs)).toBe(false);
    expect(sameForm(applyChanges(base, changes), mine)).toBe(true);
  });

  test('back-end field paths lose their config. prefix', () => {
    expect(
      fromServerFields([
        { field: 'config.categories.resources.labels.0', message: 'x' },
        { field: 'config', message: 'y' },
      ]),
    ).toEqual([
      { field: 'categories.resources.labels.0', message: 'x' },
      { field: '', message: 'y' },
    ]);
  });

  test.each([
    ['categories.resources.windowDays', 'ISMS budget and staffing: window (days)'],
    ['categories.management-review.labels.0', 'Management reviews: label 1'],
    ['categories.security-policy.enabled', 'Security policy approval: counted in coverage'],
    ['effectiveDateField', 'Effective-date field'],
    ['something.else', 'something.else'],
  ])('describeField(%s) is "%s"', (path, words) => expect(describeField(path)).toBe(words));

  test.each([
    [null, '(none)'],
    [['a', 'b'], 'a, b'],
    [[], '(none)'],
    [false, 'no'],
    [365, '365'],
  ])('describeValue(%j) is "%s"', (value, words) => expect(describeValue(value)).toBe(words));
});
