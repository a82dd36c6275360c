import { PageLayout } from '../shared/components/PageLayout';
import { ErrorState, LoadingState } from '../shared/components/States';
import { useConfig } from '../shared/hooks';
import { Refusal, TITLE } from './Refusal';
import { SettingsEditor } from './SettingsEditor';

/** The admin page: Jira administrators edit the settings; anyone else is told who can. */
export function AdminPage() {
  const { state, retry } = useConfig();
  if (state.status === 'loading') {
    return (
      <PageLayout title={TITLE}>
        <LoadingState label="Loading the settings…" />
      </PageLayout>
    );
  }
  if (state.status === 'error') {
    if (state.error.code === 'FORBIDDEN') return <Refusal message={state.error.message} />;
    return (
      <PageLayout title={TITLE}>
        <ErrorState error={state.error} subject="settings" onRetry={retry} />
      </PageLayout>
    );
  }
  if (!state.data.canEdit) return <Refusal />;
  return <SettingsEditor initial={state.data} />;
}
