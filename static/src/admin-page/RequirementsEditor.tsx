import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CategoryDefinition } from '../../../src/core/categories';
import {
  isRequirementMode,
  REQUIREMENT_MODES,
  requirementsOf,
  type RequirementId,
  type RequirementModes,
} from '../../../src/core/requirements';
import { VisuallyHidden } from '../shared/components/VisuallyHidden';
import { describedBy, FieldLabel, FieldMessages, selectStyle } from './controls';
import type { ErrorMap } from './form';
import { MODE_WORDS, REQUIREMENT_WORDS } from './fields';

const fieldsetStyle = {
  margin: 0,
  padding: 0,
  border: 'none',
  minWidth: 0,
} as const;

const legendStyle = {
  padding: 0,
  marginBottom: token('space.050'),
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
} as const;

/** When an issue passes the requirement, in this category's terms. */
function passesWhen(category: CategoryDefinition, requirement: RequirementId): string {
  // A corrective action's approval is the approval label, so it is who added the label (spec 8.2).
  if (requirement === 'approved-by-top-management' && category.rule === 'corrective')
    return 'Whoever added the approval label is top management.';
  return REQUIREMENT_WORDS[requirement].passes;
}

/**
 * A category's requirements (spec 8.3), each with its mode. Native selects: three choices each,
 * light, and keyboard and screen-reader friendly as they are.
 */
export function RequirementsEditor({
  definition,
  value,
  onChange,
  errors,
}: {
  definition: CategoryDefinition;
  value: RequirementModes;
  onChange: (value: RequirementModes) => void;
  errors: ErrorMap;
}) {
  const requirements = requirementsOf(definition.id);
  if (requirements.length === 0) return null;
  const idPrefix = `c51-${definition.id}-requirement`;
  return (
    <fieldset style={fieldsetStyle} aria-describedby={`${idPrefix}s-help`}>
      <legend style={legendStyle}>
        Requirements<VisuallyHidden>{` of ${definition.name}`}</VisuallyHidden>
      </legend>
      <Stack space="space.150">
        <Text id={`${idPrefix}s-help`} size="small" color="color.text.subtlest">
          Required: an issue that fails it does not count. Advisory: reported, the issue still counts. Off: not checked.
        </Text>
        {requirements.map((requirement) => {
          const id = `${idPrefix}-${requirement}`;
          const messages = errors.get(`categories.${definition.id}.requirements.${requirement}`);
          const invalid = !!messages && messages.length > 0;
          return (
            <Stack key={requirement} space="space.050">
              <FieldLabel htmlFor={id}>
                {REQUIREMENT_WORDS[requirement].name}
                <VisuallyHidden>{`, ${definition.name}`}</VisuallyHidden>
              </FieldLabel>
              <select
                id={id}
                style={{ ...selectStyle, minWidth: '160px' }}
                value={value[requirement] ?? 'off'}
                aria-invalid={invalid}
                aria-describedby={describedBy(`${id}-help`, invalid && `${id}-error`)}
                onChange={(event) => {
                  const mode = event.currentTarget.value;
                  if (isRequirementMode(mode)) onChange({ ...value, [requirement]: mode });
                }}
              >
                {REQUIREMENT_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {MODE_WORDS[mode]}
                  </option>
                ))}
              </select>
              <Text id={`${id}-help`} size="small" color="color.text.subtlest">
                {passesWhen(definition, requirement)}
              </Text>
              <FieldMessages id={`${id}-error`} messages={messages} />
            </Stack>
          );
        })}
      </Stack>
    </fieldset>
  );
}
