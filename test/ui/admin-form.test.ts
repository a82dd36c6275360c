import {
  applyChanges,
  checkForm,
  formChanges,
  fromConfig,
  fromServerFields,
  sameForm,
  scopeOf,
  withScope,
} from '../../static/src/admin-page/form';
import { describeChangeValue, describeField, describeValue } from '../../static/src/admin-page/fields';
import { displayName, knownName, missingSentence, nameOf, shortId } from '../../static/src/admin-page/names';
import type { CoverageConfig } from '../../src/core/types';
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
      requirements: { 'approved-by-top-management': 'required', 'approval-covers-current-version': 'advisory' },
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

  test('top management, the user fields and requirement modes round-trip through the form unchanged', () => {
    const base = defaultConfig();
    const config: CoverageConfig = {
      ...base,
      topManagement: { groups: ['952d1b2c-6a1f-4a8e-9d7e-1f2a3b4c5d01'], accountIds: ['demo-ceo', 'demo-cfo'] },
      approverField: 'customfield_10901',
      attendeesField: 'customfield_10902',
      categories: {
        ...base.categories,
        'security-policy': {
          ...base.categories['security-policy'],
          // A saved config holds every requirement of the category (validateConfig fills the defaults).
          requirements: {
            'approved-by-top-management': 'advisory',
            'document-attached': 'off',
            'approval-covers-current-version': 'advisory',
          },
        },
      },
    };
    expect(checkForm(fromConfig(config))).toEqual({ ok: true, config });
  });

  test('requirement and top-management changes are listed, and re-applied on their version', () => {
    const base = fromConfig(defaultConfig());
    const mine = fromConfig(defaultConfig());
    mine.categories['management-review'].requirements['decisions-recorded'] = 'required';
    mine.topManagement = { groups: [], accountIds: ['demo-ceo'] };
    mine.approverField = 'customfield_10901';
    const changes = formChanges(base, mine);
    expect(changes).toEqual([
      { field: 'categories.management-review.requirements.decisions-recorded', from: 'advisory', to: 'required' },
      { field: 'topManagement.accountIds', from: [], to: ['demo-ceo'] },
      { field: 'approverField', from: null, to: 'customfield_10901' },
    ]);
    const theirs = fromConfig({ ...defaultConfig(), topManagement: { groups: ['board-id'], accountIds: [] } });
    const merged = applyChanges(theirs, changes);
    expect(merged.topManagement).toEqual({ groups: ['board-id'], accountIds: ['demo-ceo'] });
    expect(merged.approverField).toBe('customfield_10901');
    expect(merged.categories['management-review'].requirements).toEqual({
      'top-management-took-part': 'required',
      'document-attached': 'required',
      'decisions-recorded': 'required',
    });
    // Their untouched setting stays theirs; a re-applied draft equals the draft.
    expect(sameForm(applyChanges(base, changes), mine)).toBe(true);
  });

  test('a mode that is not one is not applied', () => {
    const base = fromConfig(defaultConfig());
    const next = applyChanges(base, [
      { field: 'categories.resources.requirements.approved-by-top-management', from: 'required', to: 'sometimes' },
    ]);
    expect(next.categories.resources.requirements).toEqual({
      'approved-by-top-management': 'required',
      'approval-covers-current-version': 'advisory',
    });
  });

  test('scopes round-trip through the form unchanged, a list without its own page included', () => {
    const config: CoverageConfig = {
      ...defaultConfig(),
      scopes: { ISMS: ['ISMS', 'BOARD', 'HR'], FIN: ['AUDIT'] },
    };
    const form = fromConfig(config);
    expect(form.scopes).toEqual(config.scopes);
    // The form holds copies: editing it never touches the loaded config.
    form.scopes.ISMS?.push('OPS');
    expect(config.scopes.ISMS).toEqual(['ISMS', 'BOARD', 'HR']);
    expect(checkForm(fromConfig(config))).toEqual({ ok: true, config });
  });

  test("a scope's problems are named by page and position, as validateConfig says them", () => {
    const form = fromConfig(defaultConfig());
    form.scopes = {
      ISMS: ['ISMS', 'BOARD', 'BOARD'],
      HR: [],
      OPS: ['OPS', ...Array.from({ length: 20 }, (_, i) => `P${i}`)],
    };
    const checked = checkForm(form);
    expect(checked.ok ? [] : checked.errors.map((e) => e.field)).toEqual(['scopes.ISMS.2', 'scopes.HR', 'scopes.OPS']);
  });

  test('scope changes are one per page, from or to null for a page only one side has, and re-apply on theirs', () => {
    const base = fromConfig({ ...defaultConfig(), scopes: { ISMS: ['ISMS', 'BOARD'], OPS: ['OPS', 'INFRA'] } });
    const mine = fromConfig(defaultConfig());
    mine.scopes = { OPS: ['OPS', 'INFRA'], HR: ['HR', 'PEOPLE'] };
    const changes = formChanges(base, mine);
    expect(changes).toEqual([
      { field: 'scopes.HR', from: null, to: ['HR', 'PEOPLE'] },
      { field: 'scopes.ISMS', from: ['ISMS', 'BOARD'], to: null },
    ]);
    // Their version gave OPS another project and set up FIN: both stay theirs.
    const theirs = fromConfig({
      ...defaultConfig(),
      scopes: { ISMS: ['ISMS', 'BOARD'], OPS: ['OPS', 'INFRA', 'NET'], FIN: ['FIN', 'AUDIT'] },
    });
    const merged = applyChanges(theirs, changes);
    expect(merged.scopes).toEqual({ OPS: ['OPS', 'INFRA', 'NET'], FIN: ['FIN', 'AUDIT'], HR: ['HR', 'PEOPLE'] });
    expect(theirs.scopes.ISMS).toEqual(['ISMS', 'BOARD']);
    expect(sameForm(applyChanges(base, changes), mine)).toBe(true);
    // A page's list in a different order is a change; the order of the pages is not.
    const reordered = fromConfig({ ...defaultConfig(), scopes: { OPS: ['OPS', 'INFRA'], ISMS: ['ISMS', 'BOARD'] } });
    expect(sameForm(base, reordered)).toBe(true);
    expect(formChanges(base, { ...base, scopes: { ...base.scopes, ISMS: ['BOARD', 'ISMS'] } })).toEqual([
      { field: 'scopes.ISMS', from: ['ISMS', 'BOARD'], to: ['BOARD', 'ISMS'] },
    ]);
  });

  test('a scope change that is not a list or null is not applied', () => {
    const base = fromConfig({ ...defaultConfig(), scopes: { ISMS: ['ISMS', 'BOARD'] } });
    expect(applyChanges(base, [{ field: 'scopes.ISMS', from: null, to: 'BOARD' }]).scopes).toEqual({
      ISMS: ['ISMS', 'BOARD'],
    });
  });

  test("a page's scope is its own project first and once; withScope keeps the pages' order", () => {
    expect(scopeOf('ISMS', undefined)).toEqual(['ISMS']);
    expect(scopeOf('ISMS', ['BOARD', 'ISMS', 'HR', 'BOARD'])).toEqual(['ISMS', 'BOARD', 'HR']);
    const scopes = { ISMS: ['ISMS', 'BOARD'], OPS: ['OPS', 'INFRA'] };
    expect(Object.keys(withScope(scopes, 'ISMS', ['ISMS', 'HR']))).toEqual(['ISMS', 'OPS']);
    expect(withScope(scopes, 'HR', ['HR', 'PEOPLE'])).toEqual({ ...scopes, HR: ['HR', 'PEOPLE'] });
    expect(withScope(scopes, 'ISMS', null)).toEqual({ OPS: ['OPS', 'INFRA'] });
    expect(scopes.ISMS).toEqual(['ISMS', 'BOARD']);
  });

  test('history values of a scope: a page without one counts its own project alone', () => {
    expect(describeChangeValue('scopes.ISMS', null)).toBe('ISMS alone');
    expect(describeChangeValue('scopes.ISMS', ['ISMS', 'BOARD'])).toBe('ISMS, BOARD');
    expect(describeChangeValue('scopes.ISMS', '6 entries')).toBe('6 entries');
    expect(describeChangeValue('approverField', null)).toBe('(none)');
  });

  test('names: what was just picked wins over what was loaded; null says Jira no longer has it', () => {
    const names = {
      groups: { g1: 'executive-board', g2: null },
      people: { p1: 'Dana Whitfield' },
      fields: { customfield_1: null },
    };
    const picked = { groups: { g1: 'Executive Board' }, people: {} };
    expect(nameOf('groups', 'g1', names, picked)).toBe('Executive Board');
    expect(nameOf('groups', 'g2', names, picked)).toBeNull();
    expect(nameOf('groups', 'g3', names, picked)).toBeUndefined();
    expect(nameOf('fields', 'customfield_1', names)).toBeNull();
    // Inherited properties are not names.
    expect(nameOf('groups', 'constructor', names)).toBeUndefined();
    expect(nameOf('people', 'p1', undefined)).toBeUndefined();
    expect(knownName('p1', names, picked)).toBe('Dana Whitfield');
    expect(knownName('g2', names, picked)).toBeUndefined();
  });

  test.each([
    ['952d1b2c-6a1f-4a8e-9d7e-1f2a3b4c5d01', '952d1b2c…'],
    ['demo-ceo', 'demo-ceo'],
  ])('shortId(%s) is %s', (id, short) => expect(shortId(id)).toBe(short));

  test('a missing group or person is said so, by its short id', () => {
    expect(missingSentence('groups', '952d1b2c-6a1f-4a8e-9d7e-1f2a3b4c5d01')).toBe(
      'Group 952d1b2c… no longer exists in Jira',
    );
    expect(displayName('5b10ac8d82e05b22cc7d4ef5', null)).toBe('5b10ac8d… (no longer in Jira)');
    expect(displayName('demo-ceo', 'Dana Whitfield')).toBe('Dana Whitfield');
  });

  test('history values of top management are named where known; other values are not looked up', () => {
    const nameOfId = (id: string) => (id === 'g1' ? 'executive-board' : undefined);
    expect(describeChangeValue('topManagement.groups', ['g1', 'g9'], nameOfId)).toBe('executive-board, g9');
    expect(describeChangeValue('categories.resources.labels', ['g1'], nameOfId)).toBe('g1');
  });

  test.each([
    ['topManagement.groups', 'Top management: groups'],
    ['topManagement.accountIds', 'Top management: people'],
    ['topManagement.groups.0', 'Top management: group 1'],
    ['topManagement.accountIds.2', 'Top management: person 3'],
    ['approverField', 'Approver field'],
    ['attendeesField', 'Attendees field'],
    [
      'categories.security-policy.requirements.document-attached',
      'Security policy approval: requirement Document attached',
    ],
    ['categories.workshop-outcome.requirements', 'Executive workshop outcomes: requirements'],
    [
      'categories.resources.requirements.approved-by-top-management',
      'ISMS budget and staffing: requirement Approved by top management',
    ],
    ['categories.resources.windowDays', 'ISMS budget and staffing: window (days)'],
    ['categories.management-review.labels.0', 'Management reviews: label 1'],
    ['categories.security-policy.enabled', 'Security policy approval: counted in coverage'],
    ['effectiveDateField', 'Effective-date field'],
    ['scopes', 'Evidence from several projects'],
    ['scopes.ISMS', 'Evidence projects of ISMS'],
    ['scopes.ISMS.1', 'Evidence projects of ISMS: project 2'],
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
