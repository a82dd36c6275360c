import { lazy, Suspense } from 'react';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { ConfiguredNames, UserField } from '../../../src/contract/invoke';
import { TOP_MANAGEMENT_REQUIREMENTS, requirementsOf } from '../../../src/core/requirements';
import { SETTINGS } from '../../../src/core/settings';
import { CATEGORY_IDS } from '../../../src/core/types';
import { InlineError } from '../shared/components/InlineError';
import { LoadingState } from '../shared/components/States';
import type { Remote } from '../shared/hooks';
import { describedBy, FieldLabel, FieldMessages, selectStyle } from './controls';
import type { ConfigForm, ErrorMap } from './form';
import { displayName, missingSentence, nameOf, type PickedNames } from './names';
import type { PickerOption } from './PeoplePickers';

const PeoplePickers = lazy(() => import('./PeoplePickers'));

type TopChange = Partial<Pick<ConfigForm, 'topManagement' | 'approverField' | 'attendeesField'>>;

/** Nobody named while an enabled category has a top-management requirement on: those checks are skipped (spec 8.3). */
function unnamedButNeeded(form: ConfigForm): boolean {
  if (form.topManagement.groups.length > 0 || form.topManagement.accountIds.length > 0) return false;
  return CATEGORY_IDS.some((id) => {
    const category = form.categories[id];
    return (
      category.enabled &&
      requirementsOf(id).some((r) => TOP_MANAGEMENT_REQUIREMENTS.includes(r) && category.requirements[r] !== 'off')
    );
  });
}

const unique = (messages: string[]): string[] => [...new Set(messages)];

/**
 * The messages under a picker: each chosen one Jira no longer has, the back end's word on each
 * (`topManagement.groups.1`), and those on the list as a whole.
 */
function memberMessages(
  kind: 'groups' | 'people',
  ids: readonly string[],
  label: (id: string) => string | null | undefined,
  errors: ErrorMap,
): string[] {
  const path = `topManagement.${kind === 'groups' ? 'groups' : 'accountIds'}`;
  const gone =
    kind === 'groups' ? 'Remove it: a save is refused while it is listed.' : 'Remove them: they approve nothing now.';
  return unique([
    ...ids.flatMap((id, index) => {
      const name = label(id);
      const missing = name === null ? [`${missingSentence(kind, id)}. ${gone}`] : [];
      const said = (errors.get(`${path}.${index}`) ?? [])
        .filter((m) => !(name === null && m === 'no longer exists in Jira'))
        .map((m) => `${kind === 'groups' ? 'Group' : 'Person'} ${displayName(id, name)}: ${m}`);
      return [...missing, ...said];
    }),
    ...(errors.get(path) ?? []),
  ]);
}

/** What is wrong with the chosen field as Jira has it, before a save says so; null when nothing is known to be. */
function fieldWarning(
  value: string | null,
  fields: Remote<UserField[]>,
  names: ConfiguredNames | undefined,
  need: 'user' | 'multi',
): string | null {
  if (value === null) return null;
  const name = nameOf('fields', value, names);
  if (name === null) return 'no longer exists in Jira';
  if (fields.status !== 'ready') return null;
  const field = fields.data.find((f) => f.id === value);
  if (!field)
    return name === undefined
      ? 'is not a user-picker field, or no longer exists in Jira'
      : 'is not a user-picker field';
  return need === 'multi' && !field.multi ? 'is not a multi-user-picker field' : null;
}

/** The approver or attendees field: Jira's user-picker fields (multi only for attendees), or none. */
function UserFieldSelect({
  id,
  label,
  help,
  none,
  need,
  value,
  onChange,
  fields,
  onRetry,
  names,
  messages,
}: {
  id: string;
  label: string;
  help: string;
  none: string;
  need: 'user' | 'multi';
  value: string | null;
  onChange: (value: string | null) => void;
  fields: Remote<UserField[]>;
  onRetry: () => void;
  names: ConfiguredNames | undefined;
  messages: readonly string[] | undefined;
}) {
  const all = fields.status === 'ready' ? fields.data : [];
  const offered = need === 'multi' ? all.filter((f) => f.multi) : all;
  const warning = fieldWarning(value, fields, names, need);
  const shown = unique([...(warning ? [warning] : []), ...(messages ?? [])]);
  const invalid = shown.length > 0;
  const current = value !== null && !offered.some((f) => f.id === value) ? value : null;
  const currentName = current === null ? undefined : nameOf('fields', current, names);
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <select
        id={id}
        style={selectStyle}
        value={value ?? ''}
        aria-invalid={invalid}
        aria-describedby={describedBy(`${id}-help`, invalid && `${id}-error`)}
        onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
      >
        <option value="">{none}</option>
        {offered.map((f) => (
          <option key={f.id} value={f.id}>
            {`${f.name} (${f.id}${need === 'user' && f.multi ? ', several people' : ''})`}
          </option>
        ))}
        {current !== null ? (
          <option value={current}>
            {`${currentName ? `${currentName} (${current})` : current}${warning ? `: ${warning}` : ''}`}
          </option>
        ) : null}
      </select>
      <Text id={`${id}-help`} size="small" color="color.text.subtlest">
        {help}
      </Text>
      {fields.status === 'loading' ? (
        <Text size="small" color="color.text.subtlest">
          Loading Jira's user-picker fields…
        </Text>
      ) : null}
      {fields.status === 'error' ? (
        <InlineError
          text={`Could not load Jira's user-picker fields: ${fields.error.message}`}
          error={fields.error}
          onRetry={onRetry}
        />
      ) : null}
      <FieldMessages id={`${id}-error`} messages={shown} />
    </Stack>
  );
}

/**
 * Who top management is (spec 8.1), and the fields that say who approved an issue and who took
 * part (spec 8.2). Groups and people are shown by their Jira names; one Jira no longer has is said.
 */
export function TopManagementSettings({
  form,
  update,
  errors,
  names,
  picked,
  onPicked,
  userFields,
  retryUserFields,
}: {
  form: ConfigForm;
  update: (change: TopChange) => void;
  errors: ErrorMap;
  names: ConfiguredNames | undefined;
  picked: PickedNames;
  onPicked: (kind: 'groups' | 'people', options: PickerOption[]) => void;
  userFields: Remote<UserField[]>;
  retryUserFields: () => void;
}) {
  const { groups, accountIds } = form.topManagement;
  const label = (kind: 'groups' | 'people') => (id: string) => nameOf(kind, id, names, picked);
  const option = (kind: 'groups' | 'people') => (id: string) => ({
    value: id,
    label: displayName(id, label(kind)(id)),
  });
  const choose = (kind: 'groups' | 'people') => (options: PickerOption[]) => {
    onPicked(kind, options);
    const ids = options.map((o) => o.value);
    update({ topManagement: kind === 'groups' ? { groups: ids, accountIds } : { groups, accountIds: ids } });
  };
  return (
    <section aria-labelledby="c51-top-management">
      <Stack space="space.200">
        <Heading size="medium" as="h2" id="c51-top-management">
          Top management
        </Heading>
        <Text as="p" color="color.text.subtle">
          Who the highest level of management is, for the requirements "Approved by top management" and "Top management
          took part": the members of these Jira groups, and these people.
        </Text>
        {unnamedButNeeded(form) ? (
          <Text as="p" color="color.text.warning">
            Nobody is named yet, so those two requirements are not checked, and coverage says so until a group or a
            person is named here.
          </Text>
        ) : null}
        {names?.problem ? (
          <Text as="p" color="color.text.warning">
            {`${names.problem} The settings can still be changed; ids are shown where names are missing.`}
          </Text>
        ) : null}
        <Suspense fallback={<LoadingState label="Loading the group and people pickers…" />}>
          <PeoplePickers
            groups={{
              values: groups.map(option('groups')),
              onChange: choose('groups'),
              messages: memberMessages('groups', groups, label('groups'), errors),
            }}
            people={{
              values: accountIds.map(option('people')),
              onChange: choose('people'),
              messages: memberMessages('people', accountIds, label('people'), errors),
            }}
          />
        </Suspense>
        <UserFieldSelect
          id="c51-approver-field"
          label={SETTINGS.approverField.label}
          help="A user-picker field that records who approved or signed off what the issue records. Where it is empty, the person who moved the issue to done is the approver."
          none="None: who moved the issue to done (default)"
          need="user"
          value={form.approverField}
          onChange={(approverField) => update({ approverField })}
          fields={userFields}
          onRetry={retryUserFields}
          names={names}
          messages={errors.get('approverField')}
        />
        <UserFieldSelect
          id="c51-attendees-field"
          label={SETTINGS.attendeesField.label}
          help="A multi-user-picker field listing who took part, e.g. a meeting's attendees. Where it is empty, the assignee and the approver took part."
          none="None: the assignee and the approver (default)"
          need="multi"
          value={form.attendeesField}
          onChange={(attendeesField) => update({ attendeesField })}
          fields={userFields}
          onRetry={retryUserFields}
          names={names}
          messages={errors.get('attendeesField')}
        />
      </Stack>
    </section>
  );
}
