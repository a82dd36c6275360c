import { useProjectReport } from '../shared/hooks';
import { ErrorState, LoadingState } from '../shared/components/States';
import { PageLayout } from '../shared/components/PageLayout';
import { ReportView } from './ReportView';

const TITLE = 'Clause 5.1 coverage';

/** The project page: the security team's view of Clause 5.1 leadership evidence in one project. */
export function ProjectPage() {
  const { state, retry, reload } = useProjectReport();
  if (state.status === 'loading') {
    return (
      <PageLayout title={TITLE}>
        <LoadingState label="Computing Clause 5.1 coverage…" />
      </PageLayout>
    );
  }
  if (state.status === 'error') {
    return (
      <PageLayout title={TITLE}>
        <ErrorState error={state.error} subject="project" onRetry={retry} />
      </PageLayout>
    );
  }
  return <ReportView report={state.data} onReload={reload} />;
}
