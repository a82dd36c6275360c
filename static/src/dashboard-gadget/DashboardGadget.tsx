import { lazy, Suspense } from 'react';
import { Box } from '@atlaskit/primitives';
import * as api from '../shared/api';
import { ErrorState, LoadingState } from '../shared/components/States';
import { useRemote } from '../shared/hooks';
import { GadgetView } from './GadgetView';

// The project picker (a Design System select) is loaded only in the edit view, so the gadget's
// view, what every dashboard shows, stays small.
const GadgetEditor = lazy(() => import('./GadgetEditor'));

/**
 * The dashboard gadget (spec 11): Jira renders the same screen for the gadget and for its edit
 * view, telling them apart by the context's `extension.entryPoint`.
 */
export function DashboardGadget() {
  const { state, retry } = useRemote(api.getGadgetContext);
  let content;
  if (state.status === 'loading') content = <LoadingState label="Loading the gadget…" />;
  else if (state.status === 'error') content = <ErrorState error={state.error} subject="project" onRetry={retry} />;
  else if (state.data.mode === 'edit')
    content = (
      <Suspense fallback={<LoadingState label="Loading the project picker…" />}>
        <GadgetEditor projectKey={state.data.projectKey} />
      </Suspense>
    );
  else content = <GadgetView />;
  return (
    <Box as="main" padding="space.200">
      {content}
    </Box>
  );
}
