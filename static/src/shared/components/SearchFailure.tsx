import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import type { SearchHandle } from '../hooks';

/** A failed picker search, said under the select (where it stays when the menu closes), with Retry. */
export function SearchFailure({ id, what, found }: { id: string; what: string; found: SearchHandle<unknown> }) {
  if (!found.error) return null;
  return (
    <div id={id} aria-live="polite">
      <Inline space="space.100" alignBlock="center">
        <Text size="small" color="color.text.danger">
          {`Could not search Jira's ${what}: ${found.error.message}`}
        </Text>
        <Button spacing="compact" onClick={found.retry}>
          Retry
        </Button>
      </Inline>
    </div>
  );
}
