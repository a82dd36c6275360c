import { useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { FixPlan, FixPreview, FixRequest } from '../../../../src/contract/invoke';
import { createFix, getFixPreview } from '../api';
import { toApiError, type ApiError } from '../api-error';
import { IssueLink } from '../components/JiraLink';
import { LabelCode } from '../components/LabelCode';
import { Notice } from '../components/Notice';
import { LoadingState } from '../components/States';
import { formatDay } from '../format';
import { useRemote } from '../hooks';
import type { FixDialogResult } from './dialog';
import { DialogLayout } from './DialogLayout';
import { ErrorDetails } from '../components/ErrorDetails';
import { createFailure } from './text';

const termStyle = { fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') } as const;
const listStyle = { margin: 0, paddingInlineStart: token('space.250') } as const;

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(7em, max-content) 1fr', gap: token('space.100') }}>
      <dt style={termStyle}>{term}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </div>
  );
}

/** Everything the new issue will carry, as Jira will show it. */
function PlanView({ plan }: { plan: FixPlan }) {
  return (
    <dl aria-label="The issue to create" style={{ margin: 0, display: 'grid', gap: token('space.100') }}>
      <Field term="Project">{`${plan.projectName} (${plan.projectKey})`}</Field>
      <Field term="Issue type">{plan.issueType.name}</Field>
      <Field term="Summary">{plan.summary}</Field>
      <Field term="Label">
        <LabelCode label={plan.label} />
      </Field>
      <Field term="Due date">{formatDay(plan.dueDate)}</Field>
      <Field term="Description">
        <Stack space="space.075">
          {plan.description.map((paragraph, index) => (
            <Text as="p" key={index}>
              {paragraph}
            </Text>
          ))}
        </Stack>
      </Field>
      {plan.renews.length > 0 ? (
        <Field term="Renews">
          <Inline space="space.100" shouldWrap>
            {plan.renews.map((key) => (
              <IssueLink key={key} issueKey={key} />
            ))}
          </Inline>
        </Field>
      ) : null}
    </dl>
  );
}

function CreateError({ error }: { error: ApiError }) {
  const failure = createFailure(error);
  return (
    <Notice appearance="error" title={failure.title} live="alert">
      <Text as="p">{failure.message}</Text>
      {failure.fields.length > 0 ? (
        <ul style={listStyle} aria-label="Fields Jira needs">
          {failure.fields.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <Text as="p">{failure.outcome}</Text>
      <ErrorDetails code={error.code} raw={error.raw} />
    </Notice>
  );
}

export interface FixDialogProps {
  request: FixRequest;
  /** What it fixes (the category's name by default), for the title. */
  subject: string;
  /** Ends the dialog: with the new or already open issue, or with nothing when the user cancels. */
  onClose: (result?: FixDialogResult) => void;
}

type Submit = { status: 'idle' } | { status: 'pending' } | { status: 'error'; error: ApiError };

/**
 * "Create issue", after the user has seen it: the preview the server builds, then the create, in
 * the dialog Jira shows in its modal layer. Loaded only there (React.lazy), so it costs the
 * screens' first load nothing.
 */
export default function FixDialog({ request, subject, onClose }: FixDialogProps) {
  const { categoryId, origin } = request;
  const preview = useRemote<FixPreview>(() => getFixPreview({ categoryId, origin }));
  const [submit, setSubmit] = useState<Submit>({ status: 'idle' });
  // The disabled look comes a render later; the ref stops a second click before it, and stays
  // set once the issue exists, while Jira closes the dialog: one create per dialog.
  const submitting = useRef(false);

  const confirm = () => {
    if (submitting.current) return;
    submitting.current = true;
    setSubmit({ status: 'pending' });
    createFix({ categoryId, origin }).then(
      (result) => onClose({ kind: 'created', result }),
      (error: unknown) => {
        submitting.current = false;
        setSubmit({ status: 'error', error: toApiError(error) });
      },
    );
  };

  const state = preview.state;
  const plan = state.status === 'ready' && state.data.kind === 'create' ? state.data.plan : undefined;
  const existing = state.status === 'ready' && state.data.kind === 'existing' ? state.data.issue : undefined;
  const pending = submit.status === 'pending';
  return (
    <DialogLayout
      title={`Create an issue: ${subject}`}
      footer={
        plan ? (
          <>
            <Button appearance="subtle" onClick={() => onClose()}>
              Cancel
            </Button>
            <Button appearance="primary" isLoading={pending} onClick={confirm}>
              Create issue
            </Button>
          </>
        ) : (
          // Closing on an open issue tells the action, which links it instead of offering the create.
          <Button onClick={() => onClose(existing ? { kind: 'existing', issue: existing } : undefined)}>Close</Button>
        )
      }
    >
      {state.status === 'loading' ? <LoadingState label="Working out the issue to create…" /> : null}
      {state.status === 'error' ? (
        <Notice
          appearance="error"
          title="Could not work out the issue to create"
          live="alert"
          actions={<Button onClick={preview.retry}>Retry</Button>}
        >
          <Text as="p">{state.error.message}</Text>
          <ErrorDetails code={state.error.code} raw={state.error.raw} />
        </Notice>
      ) : null}
      {existing ? (
        <Notice appearance="information" title="An open issue already exists" live="status">
          <Text as="p">
            <IssueLink issueKey={existing.key} summary={existing.summary} /> already is the fix: nothing new is created.
          </Text>
        </Notice>
      ) : null}
      {plan ? (
        <>
          <Text as="p">This issue will be created in Jira as you. Check it, then confirm.</Text>
          <PlanView plan={plan} />
          {submit.status === 'error' ? <CreateError error={submit.error} /> : null}
        </>
      ) : null}
    </DialogLayout>
  );
}
