import Button from '@atlaskit/button/new';
import { Box, Inline, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import type { ApiError } from '../api-error';
import { errorTitle, type Subject } from '../errors';
import { ErrorDetails } from './ErrorDetails';
import { Notice } from './Notice';

/** A spinner with its label visible too, so the wait is clear without seeing the animation. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Box padding="space.200" role="status">
      <Inline space="space.100" alignBlock="center">
        <Spinner size="medium" label={label} />
        <Text color="color.text.subtle">{label}</Text>
      </Inline>
    </Box>
  );
}

/**
 * A failed call: what failed (worded for its code), the app's sentence (the resolver's, or the
 * page's for a call that never reached one), Retry, and the code and raw details on request.
 */
export function ErrorState({ error, subject, onRetry }: { error: ApiError; subject: Subject; onRetry?: () => void }) {
  return (
    <Notice
      appearance={error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' ? 'warning' : 'error'}
      title={errorTitle(error, subject)}
      live="alert"
      actions={onRetry ? <Button onClick={onRetry}>Retry</Button> : undefined}
    >
      <Text as="p">{error.message}</Text>
      <ErrorDetails code={error.code} raw={error.raw} />
    </Notice>
  );
}
