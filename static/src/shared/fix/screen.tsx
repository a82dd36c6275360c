import { lazy, Suspense, type ReactElement } from 'react';
import { getDialogContext } from '../api';
import { LoadingState } from '../components/States';
import { mount } from '../mount';

// Only the dialog's own page loads the dialog: the module's screen never does.
const FixDialogScreen = lazy(() => import('./FixDialogScreen'));

/**
 * Mounts the module's screen, or the "Create issue" dialog when Jira started this resource in its
 * modal layer (Forge's Modal opens the same resource, with its context as `extension.modal`).
 * Asked before anything renders, so the dialog does not load the screen's report first.
 */
export function mountScreenOrFixDialog(screen: ReactElement): void {
  getDialogContext().then(
    (context) =>
      mount(
        context === undefined ? (
          screen
        ) : (
          <Suspense fallback={<LoadingState label="Opening the dialog…" />}>
            <FixDialogScreen context={context} />
          </Suspense>
        ),
      ),
    (error: unknown) => {
      // The screen says what it cannot reach; without a context it is not a dialog.
      console.warn('Clause 5.1 coverage: no host context', error);
      mount(screen);
    },
  );
}
