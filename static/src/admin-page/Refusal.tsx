import { Text } from '@atlaskit/primitives';
import { Notice } from '../shared/components/Notice';
import { PageLayout } from '../shared/components/PageLayout';

export const TITLE = 'Clause 5.1 coverage settings';
export const SUBTITLE =
  'Which labels mark Clause 5.1 evidence, and how long it counts. These settings apply to every project.';

/** Non-admins get a refusal, never a form they cannot save. */
export function Refusal({ message }: { message?: string }) {
  return (
    <PageLayout title={TITLE}>
      <Notice appearance="warning" title="Only Jira administrators can change these settings">
        <Text as="p">
          {message ??
            'Ask a Jira administrator if the evidence labels or windows need to change. The project pages and issue panels show the settings in use.'}
        </Text>
      </Notice>
    </PageLayout>
  );
}
