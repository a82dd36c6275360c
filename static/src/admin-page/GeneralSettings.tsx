import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { DateField } from '../../../src/contract/invoke';
import { SETTINGS } from '../../../src/core/settings';
import { InlineError } from '../shared/components/InlineError';
import type { Remote } from '../shared/hooks';
import { DaysSetting, describedBy, FieldLabel, FieldMessages, selectStyle, TextSetting } from './controls';
import type { ConfigForm, ErrorMap } from './form';

/**
 * A setting chosen from a list Jira gives (or its default), as a native select: light, and
 * keyboard and screen-reader friendly as it is. A saved value Jira no longer lists stays shown,
 * saying so, so a save never drops it silently.
 */
function JiraListSelect({
  id,
  label,
  help,
  what,
  defaultOption,
  gone,
  value,
  onChange,
  options,
  onRetry,
  messages,
}: {
  id: string;
  label: string;
  help: string;
  /** The list in words, for its loading and failure lines: "Jira's date fields". */
  what: string;
  defaultOption: string;
  /** How a saved value Jira no longer lists is shown. */
  gone: (value: string) => string;
  value: string | null;
  onChange: (value: string | null) => void;
  options: Remote<{ value: string; label: string }[]>;
  onRetry: () => void;
  messages: readonly string[] | undefined;
}) {
  const list = options.status === 'ready' ? options.data : [];
  const unknown = value !== null && !list.some((o) => o.value === value);
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <select
        id={id}
        style={selectStyle}
        value={value ?? ''}
        aria-invalid={!!messages}
        aria-describedby={describedBy(
          `${id}-help`,
          options.status === 'error' && `${id}-list-error`,
          !!messages && `${id}-error`,
        )}
        onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
      >
        <option value="">{defaultOption}</option>
        {list.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {unknown ? <option value={value}>{options.status === 'ready' ? gone(value) : value}</option> : null}
      </select>
      <Text id={`${id}-help`} size="small" color="color.text.subtlest">
        {help}
      </Text>
      <RemoteStatus id={`${id}-list-error`} remote={options} what={what} onRetry={onRetry} />
      <FieldMessages id={`${id}-error`} messages={messages} />
    </Stack>
  );
}

/** A remote list shaped as the select's options, loading and failure kept as they are. */
function asOptions<T>(remote: Remote<T[]>, option: (item: T) => { value: string; label: string }) {
  return remote.status === 'ready' ? { status: 'ready' as const, data: remote.data.map(option) } : remote;
}

/** Loading and failure of a list read from Jira, under the select that shows it. */
function RemoteStatus({
  id,
  remote,
  what,
  onRetry,
}: {
  id: string;
  remote: Remote<unknown>;
  what: string;
  onRetry: () => void;
}) {
  if (remote.status === 'loading')
    return (
      <Text size="small" color="color.text.subtlest">
        {`Loading ${what}…`}
      </Text>
    );
  if (remote.status !== 'error') return null;
  return (
    <InlineError
      id={id}
      text={`Could not load ${what}: ${remote.error.message}`}
      error={remote.error}
      onRetry={onRetry}
    />
  );
}

/** Settings that apply to every category. */
export function GeneralSettings({
  form,
  update,
  errors,
  dateFields,
  retryDateFields,
  issueTypes,
  retryIssueTypes,
}: {
  form: ConfigForm;
  update: (change: Partial<Omit<ConfigForm, 'categories'>>) => void;
  errors: ErrorMap;
  dateFields: Remote<DateField[]>;
  retryDateFields: () => void;
  issueTypes: Remote<string[]>;
  retryIssueTypes: () => void;
}) {
  return (
    <section aria-labelledby="c51-general">
      <Stack space="space.200">
        <Heading size="medium" as="h2" id="c51-general">
          General
        </Heading>
        <TextSetting
          id="c51-approval-label"
          label={SETTINGS.approvalLabel.label}
          help="The label that records the Board's approval of a corrective action. It cannot also be an evidence label."
          value={form.approvalLabel}
          onChange={(approvalLabel) => update({ approvalLabel })}
          messages={errors.get('approvalLabel')}
          width={280}
        />
        <JiraListSelect
          id="c51-effective-date-field"
          label={SETTINGS.effectiveDateField.label}
          help={`The date evidence takes effect, read before Jira's own dates (resolved, status changed, updated), e.g. an "Approved on" field.`}
          what="Jira's date fields"
          defaultOption="Jira's own dates (default)"
          gone={(id) => `${id} (not a date field in Jira any more)`}
          value={form.effectiveDateField}
          onChange={(effectiveDateField) => update({ effectiveDateField })}
          options={asOptions(dateFields, (f) => ({ value: f.id, label: `${f.name} (${f.id})` }))}
          onRetry={retryDateFields}
          messages={errors.get('effectiveDateField')}
        />
        <DaysSetting
          id="c51-review-interval"
          label={SETTINGS.reviewIntervalDays.label}
          help="A management review older than this is flagged as an observation (92 = quarterly). 1 to 3660 days."
          value={form.reviewIntervalDays}
          onChange={(reviewIntervalDays) => update({ reviewIntervalDays })}
          messages={errors.get('reviewIntervalDays')}
        />
        <DaysSetting
          id="c51-expiring-soon"
          label={SETTINGS.expiringSoonDays.label}
          help="A met category whose evidence lapses within this many days is flagged. 1 to 3660 days."
          value={form.expiringSoonDays}
          onChange={(expiringSoonDays) => update({ expiringSoonDays })}
          messages={errors.get('expiringSoonDays')}
        />
        <JiraListSelect
          id="c51-fix-issue-type"
          label={SETTINGS.fixIssueType.label}
          help={`The type of the issue "Create issue" makes from a finding or a lapse. A project without it cannot take new issues from the app until you choose another.`}
          what="Jira's issue types"
          defaultOption="Task, else the project's first standard type (default)"
          gone={(name) => `${name} (no such issue type in Jira now)`}
          value={form.fixIssueType}
          onChange={(fixIssueType) => update({ fixIssueType })}
          options={asOptions(issueTypes, (name) => ({ value: name, label: name }))}
          onRetry={retryIssueTypes}
          messages={errors.get('fixIssueType')}
        />
      </Stack>
    </section>
  );
}
