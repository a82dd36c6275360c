import { useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { labelProblem } from '../../../src/core/config';
import { ErrorDetails } from '../shared/components/ErrorDetails';
import { LabelCode } from '../shared/components/LabelCode';
import { VisuallyHidden } from '../shared/components/VisuallyHidden';
import { useLabelSuggestions } from '../shared/hooks';
import { chipListStyle, chipStyle, describedBy, FieldLabel, FieldMessages } from './controls';
import type { ErrorMap } from './form';

/**
 * A category's labels: each with a Remove button and its own messages, and a field to add one,
 * with Jira's existing labels suggested as the admin types (asked once typing pauses).
 */
export function LabelsEditor({
  idPrefix,
  path,
  categoryName,
  labels,
  onChange,
  errors,
}: {
  idPrefix: string;
  /** Dotted path of the list, e.g. `categories.resources.labels`. */
  path: string;
  categoryName: string;
  labels: string[];
  onChange: (labels: string[]) => void;
  errors: ErrorMap;
}) {
  const [draft, setDraft] = useState('');
  const inputId = `${idPrefix}-new-label`;
  const typed = draft.trim();
  const problem =
    typed === ''
      ? null
      : (labelProblem(typed) ?? (labels.includes(typed) ? `"${typed}" is already in the list` : null));
  // Jira is only asked about text that could be a label.
  const suggestions = useLabelSuggestions(problem ? '' : typed);
  const listMessages = errors.get(path);

  const add = (label: string) => {
    if (label === '' || labelProblem(label) || labels.includes(label)) return;
    onChange([...labels, label]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add(typed);
    }
  };
  const offered = suggestions.labels.filter((l) => !labels.includes(l)).slice(0, 8);

  return (
    <Stack space="space.100">
      <Text weight="semibold" size="small" color="color.text.subtle" id={`${idPrefix}-labels-title`}>
        Labels
      </Text>
      {labels.length === 0 ? <Text size="small">No labels yet.</Text> : null}
      <ul aria-labelledby={`${idPrefix}-labels-title`} style={chipListStyle}>
        {labels.map((label, index) => {
          const messages = errors.get(`${path}.${index}`);
          return (
            <li key={`${label}-${index}`}>
              <span style={chipStyle}>
                <LabelCode label={label} />
                <Button
                  spacing="compact"
                  appearance="subtle"
                  aria-label={`Remove label ${label} from ${categoryName}`}
                  onClick={() => onChange(labels.filter((_, i) => i !== index))}
                >
                  <span aria-hidden="true">×</span>
                </Button>
              </span>
              <FieldMessages id={`${idPrefix}-label-${index}-error`} messages={messages} />
            </li>
          );
        })}
      </ul>
      <FieldMessages id={`${idPrefix}-labels-error`} messages={listMessages} />
      <Stack space="space.050">
        <FieldLabel htmlFor={inputId}>
          Add a label<VisuallyHidden>{` to ${categoryName}`}</VisuallyHidden>
        </FieldLabel>
        <Inline space="space.100" alignBlock="start">
          <Textfield
            id={inputId}
            value={draft}
            width={280}
            isCompact
            placeholder="e.g. iso27001-management-review"
            isInvalid={problem !== null}
            aria-invalid={problem !== null}
            aria-describedby={describedBy(
              problem !== null && `${inputId}-error`,
              offered.length > 0 && `${inputId}-suggestions`,
            )}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <Button onClick={() => add(typed)} isDisabled={typed === '' || problem !== null}>
            Add
          </Button>
        </Inline>
        <FieldMessages id={`${inputId}-error`} messages={problem ? [problem] : undefined} />
        {typed !== '' && problem === null ? (
          <div id={`${inputId}-suggestions`} aria-live="polite">
            {suggestions.loading ? (
              <Text size="small" color="color.text.subtlest">
                Looking for matching Jira labels…
              </Text>
            ) : suggestions.error ? (
              <Stack space="space.050">
                <Text size="small" color="color.text.subtlest">
                  {`No suggestions from Jira: ${suggestions.error.message} You can still add the label as typed.`}
                </Text>
                <ErrorDetails code={suggestions.error.code} raw={suggestions.error.raw} />
              </Stack>
            ) : offered.length > 0 ? (
              <Inline space="space.075" shouldWrap alignBlock="center">
                <Text size="small" color="color.text.subtle">
                  Matching Jira labels:
                </Text>
                {offered.map((label) => (
                  <Button
                    key={label}
                    spacing="compact"
                    aria-label={`Add suggested label ${label}`}
                    onClick={() => add(label)}
                  >
                    {label}
                  </Button>
                ))}
              </Inline>
            ) : (
              <Text size="small" color="color.text.subtlest">
                No Jira label starts like this yet; it can still be added.
              </Text>
            )}
          </div>
        ) : null}
      </Stack>
    </Stack>
  );
}
