/**
 * The top-management group and people pickers: Design System selects that search Jira as the
 * admin types, and the search they share with the project picker. Loaded on its own (the select is
 * most of its weight), so the page's first load stays small.
 */
import { useState } from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { JiraGroup, JiraPerson } from '../../../src/contract/invoke';
import { MAX_TOP_GROUPS, MAX_TOP_PEOPLE } from '../../../src/core/settings';
import * as api from '../shared/api';
import { SearchFailure } from '../shared/components/SearchFailure';
import { useJiraSearch } from '../shared/hooks';
import { describedBy, FieldLabel, FieldMessages } from './controls';

/** A chosen or offered group or person; `name` is set when Jira's search gave it (fresh, to remember). */
export interface PickerOption {
  value: string;
  label: string;
  name?: string;
}

interface PickerProps {
  values: PickerOption[];
  onChange: (values: PickerOption[]) => void;
  messages: readonly string[];
}

const groupOption = (g: JiraGroup): PickerOption => ({ value: g.groupId, label: g.name, name: g.name });
const personOption = (p: JiraPerson): PickerOption => ({
  value: p.accountId,
  label: p.displayName,
  name: p.displayName,
});

/**
 * What a select that searches Jira as the admin types needs: the text typed, whether its menu is
 * open, Jira's answer for that text (asked once typing pauses), and words for an empty menu.
 * Jira filters, so the select shows what it answers as it is.
 */
export function usePickerSearch<T>({
  search,
  what,
  searchOnOpen,
  typeHint,
}: {
  search: (query: string) => Promise<T[]>;
  /** "groups", "people" or "projects", for the messages. */
  what: string;
  /** Whether opening the menu lists some before anything is typed. */
  searchOnOpen: boolean;
  typeHint: string;
}) {
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const found = useJiraSearch(search, input, input.trim() !== '' || (searchOnOpen && open));
  const noOptionsMessage = (): string => {
    if (found.error) return `Could not search Jira's ${what}: ${found.error.message}`;
    if (input.trim() === '' && !searchOnOpen) return typeHint;
    return `No ${what} in Jira match "${input.trim()}"`;
  };
  return {
    found,
    /** Spread on the Design System select. */
    selectProps: {
      inputValue: input,
      onInputChange: (value: string) => setInput(value),
      onMenuOpen: () => setOpen(true),
      onMenuClose: () => setOpen(false),
      filterOption: null,
      isLoading: found.loading,
      loadingMessage: () => `Searching Jira's ${what}…`,
      noOptionsMessage,
    },
  };
}

function JiraPicker<T>({
  id,
  label,
  help,
  placeholder,
  what,
  search,
  toOption,
  searchOnOpen,
  typeHint,
  values,
  onChange,
  messages,
}: PickerProps & {
  id: string;
  label: string;
  help: string;
  placeholder: string;
  /** "groups" or "people", for the messages. */
  what: string;
  search: (query: string) => Promise<T[]>;
  toOption: (item: T) => PickerOption;
  /** Whether opening the menu lists some before anything is typed. */
  searchOnOpen: boolean;
  typeHint: string;
}) {
  const { found, selectProps } = usePickerSearch({ search, what, searchOnOpen, typeHint });
  const invalid = messages.length > 0;
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <Select<PickerOption, true>
        inputId={id}
        isMulti
        isClearable={false}
        value={values}
        options={found.items.map(toOption)}
        onChange={(chosen) => onChange([...chosen])}
        {...selectProps}
        placeholder={placeholder}
        isInvalid={invalid}
        descriptionId={describedBy(`${id}-help`, invalid && `${id}-error`, !!found.error && `${id}-search-error`)}
      />
      <Text id={`${id}-help`} size="small" color="color.text.subtlest">
        {help}
      </Text>
      <SearchFailure id={`${id}-search-error`} what={what} found={found} />
      <FieldMessages id={`${id}-error`} messages={messages} />
    </Stack>
  );
}

/** Both pickers; the section around them holds the names and the messages. */
export default function PeoplePickers({ groups, people }: { groups: PickerProps; people: PickerProps }) {
  return (
    <Stack space="space.200">
      <JiraPicker<JiraGroup>
        id="c51-top-groups"
        label="Top management groups"
        help={`Jira groups whose members are top management, e.g. the Board. Membership is read from Jira when coverage is graded. At most ${MAX_TOP_GROUPS}.`}
        placeholder="Search Jira's groups"
        what="groups"
        search={api.searchGroups}
        toOption={groupOption}
        searchOnOpen
        typeHint="Type part of a group's name"
        {...groups}
      />
      <JiraPicker<JiraPerson>
        id="c51-top-people"
        label="Top management people"
        help={`People who are top management themselves, e.g. the CEO, whatever their groups. At most ${MAX_TOP_PEOPLE}.`}
        placeholder="Search Jira's people by name"
        what="people"
        search={api.searchUsers}
        toOption={personOption}
        searchOnOpen={false}
        typeHint="Type a name to find people in Jira"
        {...people}
      />
    </Stack>
  );
}
