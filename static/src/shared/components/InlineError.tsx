import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ApiError } from '../api-error';
import { ErrorDetails } from './ErrorDetails';

/**
 * A failed call said in a line beside the control it serves (a list read from Jira, a picker's
 * search): the app's sentence, Retry, and the code and raw details behind "Show details".
 */
export function InlineError({
  id,
  text,
  error,
  onRetry,
  live,
}: {
  id?: string;
  /** The sentence shown, which ends with the error's own message. */
  text: string;
  error: ApiError;
  onRetry: () => void;
  /** Announce it when it appears (a search's failure, which comes while the user types). */
  live?: boolean;
}) {
  return (
    <div id={id} aria-live={live ? 'polite' : undefined}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center">
          <Text size="small" color="color.text.danger">
            {text}
          </Text>
          <Button spacing="compact" onClick={onRetry}>
            Retry
          </Button>
        </Inline>
        <ErrorDetails code={error.code} raw={error.raw} />
      </Stack>
    </div>
  );
}
