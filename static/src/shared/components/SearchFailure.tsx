import type { SearchHandle } from '../hooks';
import { InlineError } from './InlineError';

/** A failed picker search, said under the select (where it stays when the menu closes), with Retry. */
export function SearchFailure({ id, what, found }: { id: string; what: string; found: SearchHandle<unknown> }) {
  if (!found.error) return null;
  return (
    <InlineError
      id={id}
      live
      text={`Could not search Jira's ${what}: ${found.error.message}`}
      error={found.error}
      onRetry={found.retry}
    />
  );
}
