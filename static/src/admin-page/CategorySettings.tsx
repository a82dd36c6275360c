import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Toggle from '@atlaskit/toggle';
import type { CategoryDefinition } from '../../../src/core/categories';
import { cardStyle, DaysSetting, FieldLabel, TextSetting } from './controls';
import type { CategoryForm, ErrorMap } from './form';
import { LabelsEditor } from './LabelsEditor';
import { RequirementsEditor } from './RequirementsEditor';

/** One evidence category's settings: labels, on/off with a reason, window, requirements. */
export function CategorySettings({
  definition,
  value,
  onChange,
  errors,
}: {
  definition: CategoryDefinition;
  value: CategoryForm;
  onChange: (value: CategoryForm) => void;
  errors: ErrorMap;
}) {
  const path = `categories.${definition.id}`;
  const idPrefix = `c51-${definition.id}`;
  const toggleId = `${idPrefix}-enabled`;
  return (
    <Box as="section" aria-labelledby={`${idPrefix}-title`} padding="space.200" xcss={cardStyle}>
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="small" as="h3" id={`${idPrefix}-title`}>
            {definition.name}
          </Heading>
          <Text size="small" color="color.text.subtle">
            {`An issue records ${definition.records}. Items ${definition.items.map((i) => `(${i})`).join(', ')}.`}
          </Text>
        </Stack>
        <Inline space="space.400" alignBlock="start" shouldWrap>
          <Stack space="space.050">
            <FieldLabel htmlFor={toggleId}>Count this category in coverage</FieldLabel>
            <Inline space="space.050" alignBlock="center">
              <Toggle
                id={toggleId}
                isChecked={value.enabled}
                onChange={() => onChange({ ...value, enabled: !value.enabled })}
              />
              <Text size="small" color="color.text.subtle">
                {value.enabled ? 'On' : 'Off: left out of coverage'}
              </Text>
            </Inline>
          </Stack>
          <DaysSetting
            id={`${idPrefix}-window`}
            label="Window (days)"
            help={
              definition.rule === 'role'
                ? 'Not used here: a role counts while its assignee is active.'
                : 'How long evidence counts after it takes effect (1 to 3660).'
            }
            value={value.windowDays}
            onChange={(windowDays) => onChange({ ...value, windowDays })}
            messages={errors.get(`${path}.windowDays`)}
          />
        </Inline>
        {value.enabled ? null : (
          <TextSetting
            id={`${idPrefix}-reason`}
            label="Why is it disabled? (required; shown to auditors)"
            value={value.disabledReason}
            onChange={(disabledReason) => onChange({ ...value, disabledReason })}
            messages={errors.get(`${path}.disabledReason`)}
          />
        )}
        <LabelsEditor
          idPrefix={idPrefix}
          path={`${path}.labels`}
          categoryName={definition.name}
          labels={value.labels}
          onChange={(labels) => onChange({ ...value, labels })}
          errors={errors}
        />
        <RequirementsEditor
          definition={definition}
          value={value.requirements}
          onChange={(requirements) => onChange({ ...value, requirements })}
          errors={errors}
        />
      </Stack>
    </Box>
  );
}
