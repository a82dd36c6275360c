import Button from '@atlaskit/button/new';
import { Text } from '@atlaskit/primitives';
import type { StoredSettingsProblem } from '../../../src/contract/invoke';
import type { ApiError } from '../shared/api-error';
import { ErrorDetails } from '../shared/components/ErrorDetails';
import { Notice } from '../shared/components/Notice';
import { errorTitle } from '../shared/errors';
import { describeChangeValue, describeField } from './fields';
import { formChanges, type ConfigForm, type FormChange } from './form';

/**
 * The stored settings cannot be used: said once, at the top, with what is wrong. The form holds
 * the defaults the app grades with meanwhile, so saving it or resetting replaces the bad record.
 */
export function StoredProblemNotice({ problem }: { problem: StoredSettingsProblem }) {
  return (
    <Notice appearance="warning" title="The saved settings cannot be used">
      <Text as="p">{problem.message}</Text>
      <Text as="p">
        {`The form below shows the default settings. Saving them (changed or not) or resetting to the defaults replaces the damaged settings of version ${problem.version}.`}
      </Text>
    </Notice>
  );
}

/** A save or reset met a newer version: nothing was lost, and their version is one click away. */
export function ConflictNotice({
  error,
  onLoadTheirs,
  busy,
}: {
  error: ApiError;
  onLoadTheirs: () => void;
  busy: boolean;
}) {
  const version = error.details?.currentVersion;
  return (
    <Notice
      appearance="warning"
      live="alert"
      title="Someone else saved these settings while you were editing"
      actions={
        <Button appearance="primary" onClick={onLoadTheirs} isDisabled={busy}>
          Load their version
        </Button>
      }
    >
      <Text as="p">
        {`${error.message} Nothing of yours was saved, and what you typed is still in the form.`}
        {version !== undefined ? ` The stored settings are now version ${version}.` : ''}
        {' Load their version to see it; you can then re-apply your changes on top of it and save.'}
      </Text>
    </Notice>
  );
}

/** Their version is in the form; the admin's own changes wait, listed, to be re-applied or dropped. */
export function TheirVersionNotice({
  version,
  theirs,
  mine,
  myBase,
  onReapply,
  onDiscard,
}: {
  version: number;
  theirs: ConfigForm;
  mine: ConfigForm;
  myBase: ConfigForm;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const myChanges: FormChange[] = formChanges(myBase, mine);
  const theirChanges = new Set(formChanges(myBase, theirs).map((c) => c.field));
  const theirValue = new Map(formChanges(theirs, mine).map((c) => [c.field, c.from]));
  return (
    <Notice
      appearance="information"
      title={`Their version ${version} is loaded; your changes are kept aside`}
      actions={
        <>
          <Button appearance="primary" onClick={onReapply} isDisabled={myChanges.length === 0}>
            Re-apply my changes
          </Button>
          <Button onClick={onDiscard}>Discard my changes</Button>
        </>
      }
    >
      <Text as="p">Your changes (their value → yours):</Text>
      <ul aria-label="Your unsaved changes" style={{ margin: 0 }}>
        {myChanges.map((c) => (
          <li key={c.field}>
            <Text>
              {`${describeField(c.field)}: ${describeChangeValue(c.field, theirValue.has(c.field) ? theirValue.get(c.field) : c.to)} → ${describeChangeValue(c.field, c.to)}`}
              {theirChanges.has(c.field) ? ' (they changed this too; yours would replace theirs)' : ''}
            </Text>
          </li>
        ))}
      </ul>
    </Notice>
  );
}

const FAILED_TITLE = {
  save: 'The settings were not saved',
  reset: 'The settings were not reset',
  load: 'Their version could not be loaded',
} as const;

/** When no answer could be read, the back end may still have saved or reset: the title says no more than is known. */
const UNKNOWN_TITLE = {
  save: 'The settings may not have been saved',
  reset: 'The settings may not have been reset',
  load: FAILED_TITLE.load,
} as const;

export function FailedNotice({ error, what }: { error: ApiError; what: keyof typeof FAILED_TITLE }) {
  const unknown = error.code === 'UNREACHABLE' || error.code === 'BAD_RESPONSE';
  return (
    <Notice appearance="error" live="alert" title={(unknown ? UNKNOWN_TITLE : FAILED_TITLE)[what]}>
      <Text as="p">
        <strong>{errorTitle(error, 'settings')}.</strong> {error.message}
      </Text>
      <ErrorDetails code={error.code} raw={error.raw} />
    </Notice>
  );
}
