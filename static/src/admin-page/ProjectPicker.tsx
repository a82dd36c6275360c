/**
 * A select that searches Jira's projects as the admin types and hands each one picked to the
 * caller, which adds it or says why not. Loaded on its own, like the people pickers.
 */
import type { ReactNode } from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { JiraProject } from '../../../src/contract/invoke';
import * as api from '../shared/api';
import { describedBy, FieldLabel, FieldMessages } from './controls';
import { SearchFailure } from '../shared/components/SearchFailure';
import { usePickerSearch, type PickerOption } from './PeoplePickers';

const WHAT = 'projects';

export default function ProjectPicker({
  id,
  label,
  help,
  placeholder,
  listed,
  onPick,
  messages,
  autoFocus = false,
}: {
  id: string;
  label: ReactNode;
  help: string;
  placeholder: string;
  /** Keys already chosen: still offered, marked, so picking one is answered rather than hidden. */
  listed: readonly string[];
  onPick: (project: JiraProject) => void;
  messages: readonly string[];
  autoFocus?: boolean;
}) {
  const { found, selectProps } = usePickerSearch({
    search: api.searchProjects,
    what: WHAT,
    searchOnOpen: true,
    typeHint: "Type part of a project's key or name",
  });
  const invalid = messages.length > 0;
  const options = found.items.map((p): PickerOption => ({
    value: p.key,
    label: `${p.name} (${p.key})${listed.includes(p.key) ? ', already listed' : ''}`,
    name: p.name,
  }));
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <Select<PickerOption>
        inputId={id}
        autoFocus={autoFocus}
        // Nothing stays chosen here: a pick is added to the list above, or refused with a message.
        value={null}
        options={options}
        onChange={(chosen) => {
          if (chosen) onPick({ key: chosen.value, name: chosen.name ?? chosen.value });
        }}
        {...selectProps}
        placeholder={placeholder}
        isInvalid={invalid}
        descriptionId={describedBy(`${id}-help`, invalid && `${id}-error`, !!found.error && `${id}-search-error`)}
      />
      <Text id={`${id}-help`} size="small" color="color.text.subtlest">
        {help}
      </Text>
      <SearchFailure id={`${id}-search-error`} what={WHAT} found={found} />
      <FieldMessages id={`${id}-error`} messages={messages} />
    </Stack>
  );
}
