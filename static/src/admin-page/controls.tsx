import type { ReactNode } from 'react';
import { Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { MAX_DAYS, MIN_DAYS } from '../../../src/core/config';

const labelStyle = {
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
} as const;

/** A native select in the Design System's colours: light, and keyboard and screen-reader friendly as it is. */
export const selectStyle = {
  font: token('font.body'),
  color: token('color.text'),
  background: token('color.background.input'),
  border: `${token('border.width')} solid ${token('color.border.input')}`,
  borderRadius: token('radius.small'),
  padding: `${token('space.075')} ${token('space.100')}`,
  minWidth: '280px',
  maxWidth: '100%',
  alignSelf: 'flex-start',
} as const;

/** A bordered card (a category, a project page's scope), for a Box's xcss. */
export const cardStyle = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

/** An item of a list shown as tags (a label, a project), with its Remove button inside. */
export const chipStyle = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: token('space.050'),
  padding: `${token('space.025')} ${token('space.025')} ${token('space.025')} ${token('space.075')}`,
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.small'),
} as const;

/** The list around those tags. */
export const chipListStyle = {
  margin: 0,
  padding: 0,
  listStyle: 'none',
  display: 'flex',
  flexWrap: 'wrap',
  gap: token('space.100'),
} as const;

export function FieldLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} style={labelStyle}>
      {children}
    </label>
  );
}

/** Problems with one field, said in words with a mark (never colour alone). */
export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <div id={id}>
      {messages.map((message) => (
        <Text key={message} as="p" size="small" color="color.text.danger">
          <span aria-hidden="true">⚠ </span>
          {message}
        </Text>
      ))}
    </div>
  );
}

export const describedBy = (...ids: (string | false | undefined)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;

/** A text setting with its label, help and messages wired for screen readers. */
export function TextSetting({
  id,
  label,
  help,
  value,
  onChange,
  messages,
  placeholder,
  width,
  inputMode,
}: {
  id: string;
  label: string;
  help?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  messages: readonly string[] | undefined;
  placeholder?: string;
  width?: number;
  inputMode?: 'numeric' | 'text';
}) {
  const invalid = !!messages && messages.length > 0;
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <Textfield
        id={id}
        value={value}
        width={width}
        placeholder={placeholder}
        inputMode={inputMode}
        isInvalid={invalid}
        aria-invalid={invalid}
        aria-describedby={describedBy(help !== undefined && `${id}-help`, invalid && `${id}-error`)}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {help !== undefined ? (
        <Text id={`${id}-help`} size="small" color="color.text.subtlest">
          {help}
        </Text>
      ) : null}
      <FieldMessages id={`${id}-error`} messages={messages} />
    </Stack>
  );
}

/** A number of days, typed as text so "" or "12." stays on screen while validateConfig explains. */
export function DaysSetting(props: {
  id: string;
  label: string;
  help?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  messages: readonly string[] | undefined;
}) {
  return (
    <TextSetting {...props} width={120} inputMode="numeric" help={props.help ?? `${MIN_DAYS} to ${MAX_DAYS} days`} />
  );
}
