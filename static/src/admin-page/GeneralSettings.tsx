import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { DateField } from '../../../src/contract/invoke';
import type { Remote } from '../shared/hooks';
import { DaysSetting, describedBy, FieldLabel, FieldMessages, selectStyle, TextSetting } from './controls';
import type { ConfigForm, ErrorMap } from './form';

const DEFAULT_OPTION = "Jira's own dates (default)";

/**
 * The effective-date field: Jira's date fields, or none (resolution date, then status change,
 * then last update). A native select: light, and keyboard and screen-reader friendly as it is.
 */
function DateFieldSelect({
  value,
  onChange,
  fields,
  onRetry,
  messages,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  fields: Remote<DateField[]>;
  onRetry: () => void;
  messages: readonly string[] | undefined;
}) {
  const id = 'c51-effective-date-field';
  const list = fields.status === 'ready' ? fields.data : [];
  const unknown = value !== null && !list.some((f) => f.id === value);
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>Effective-date field</FieldLabel>
      <select
        id={id}
        style={selectStyle}
        value={value ?? ''}
        aria-invalid={!!messages}
        aria-describedby={describedBy(`${id}-help`, !!messages && `${id}-error`)}
        onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
      >
        <option value="">{DEFAULT_OPTION}</option>
        {list.map((f) => (
          <option key={f.id} value={f.id}>
            {`${f.name} (${f.id})`}
          </option>
        ))}
        {unknown ? (
          <option value={value}>
            {fields.status === 'ready' ? `${value} (not a date field in Jira any more)` : value}
          </option>
        ) : null}
      </select>
      <Text id={`${id}-help`} size="small" color="color.text.subtlest">
        The date evidence takes effect, read before Jira's own dates (resolved, status changed, updated), e.g. an
        "Approved on" field.
      </Text>
      <RemoteStatus remote={fields} what="Jira's date fields" onRetry={onRetry} />
      <FieldMessages id={`${id}-error`} messages={messages} />
    </Stack>
  );
}

const DEFAULT_TYPE = "Task, else the project's first standard type (default)";

/** The issue type "Create issue" makes (spec 10): the site's standard types, or the default. */
function IssueTypeSelect({
  value,
  onChange,
  types,
  onRetry,
  messages,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  types: Remote<string[]>;
  onRetry: () => void;
  messages: readonly string[] | undefined;
}) {
  const id = 'c51-fix-issue-type';
  const list = types.status === 'ready' ? types.data : [];
  const unknown = value !== null && !list.includes(value);
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>Issue type for new issues</FieldLabel>
      <select
        id={id}
        style={selectStyle}
        value={value ?? ''}
        aria-invalid={!!messages}
        aria-describedby={describedBy(`${id}-help`, !!messages && `${id}-error`)}
        onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
      >
        <option value="">{DEFAULT_TYPE}</option>
        {list.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {unknown ? (
          <option value={value}>
            {types.status === 'ready' ? `${value} (no such issue type in Jira now)` : value}
          </option>
        ) : null}
      </select>
      <Text id={`${id}-help`} size="small" color="color.text.subtlest">
        The type of the issue "Create issue" makes from a finding or a lapse. A project without it cannot take new
        issues from the app until you choose another.
      </Text>
      <RemoteStatus remote={types} what="Jira's issue types" onRetry={onRetry} />
      <FieldMessages id={`${id}-error`} messages={messages} />
    </Stack>
  );
}

/** Loading and failure of a list read from Jira, under the select that shows it. */
function RemoteStatus({ remote, what, onRetry }: { remote: Remote<unknown>; what: string; onRetry: () => void }) {
  if (remote.status === 'loading')
    return (
      <Text size="small" color="color.text.subtlest">
        {`Loading ${what}…`}
      </Text>
    );
  if (remote.status !== 'error') return null;
  return (
    <Inline space="space.100" alignBlock="center">
      <Text size="small" color="color.text.danger">
        {`Could not load ${what}: ${remote.error.message}`}
      </Text>
      <Button spacing="compact" onClick={onRetry}>
        Retry
      </Button>
    </Inline>
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
          label="Approval label"
          help="The label that records the Board's approval of a corrective action. It cannot also be an evidence label."
          value={form.approvalLabel}
          onChange={(approvalLabel) => update({ approvalLabel })}
          messages={errors.get('approvalLabel')}
          width={280}
        />
        <DateFieldSelect
          value={form.effectiveDateField}
          onChange={(effectiveDateField) => update({ effectiveDateField })}
          fields={dateFields}
          onRetry={retryDateFields}
          messages={errors.get('effectiveDateField')}
        />
        <DaysSetting
          id="c51-review-interval"
          label="Management review interval (days)"
          help="A management review older than this is flagged as an observation (92 = quarterly). 1 to 3660 days."
          value={form.reviewIntervalDays}
          onChange={(reviewIntervalDays) => update({ reviewIntervalDays })}
          messages={errors.get('reviewIntervalDays')}
        />
        <DaysSetting
          id="c51-expiring-soon"
          label="Expiring-soon notice (days)"
          help="A met category whose evidence lapses within this many days is flagged. 1 to 3660 days."
          value={form.expiringSoonDays}
          onChange={(expiringSoonDays) => update({ expiringSoonDays })}
          messages={errors.get('expiringSoonDays')}
        />
        <IssueTypeSelect
          value={form.fixIssueType}
          onChange={(fixIssueType) => update({ fixIssueType })}
          types={issueTypes}
          onRetry={retryIssueTypes}
          messages={errors.get('fixIssueType')}
        />
      </Stack>
    </section>
  );
}
