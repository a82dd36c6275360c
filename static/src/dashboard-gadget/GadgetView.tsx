import { Text } from '@atlaskit/primitives';
import * as api from '../shared/api';
import { Notice } from '../shared/components/Notice';
import { ErrorState, LoadingState } from '../shared/components/States';
import { useRemote } from '../shared/hooks';
import { GadgetSummary } from './GadgetSummary';

/** The gadget as the dashboard shows it: the configured project's coverage, as the viewer may see it. */
export function GadgetView() {
  const { state, retry } = useRemote(api.getGadgetReport);
  if (state.status === 'loading') return <LoadingState label="Computing Clause 5.1 coverage…" />;
  if (state.status === 'error') return <ErrorState error={state.error} subject="project" onRetry={retry} />;
  const report = state.data;
  switch (report.state) {
    case 'not-configured':
      return (
        <Notice appearance="information" title="Choose a project">
          <Text as="p">
            This gadget has no project yet. Edit the gadget and choose the project whose Clause 5.1 coverage it shows.
          </Text>
        </Notice>
      );
    case 'not-visible':
      return (
        <Notice appearance="warning" title={`${report.projectKey} is not visible to you`}>
          <Text as="p">
            {`You may not browse the project ${report.projectKey}, or it no longer exists, so this gadget shows nothing of it. Edit the gadget to choose another project.`}
          </Text>
        </Notice>
      );
    case 'ready':
      return <GadgetSummary report={report} />;
  }
}
