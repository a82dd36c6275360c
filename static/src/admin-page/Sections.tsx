import { lazy, Suspense, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { Notice } from '../shared/components/Notice';
import { LoadingState } from '../shared/components/States';

const HistoryPanel = lazy(() => import('./HistoryPanel'));

/** Reset to defaults, behind a confirmation that says what is lost. */
export function ResetSection({ dirty, busy, onReset }: { dirty: boolean; busy: boolean; onReset: () => void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="c51-reset">
      <Stack space="space.100">
        <Heading size="medium" as="h2" id="c51-reset">
          Reset to defaults
        </Heading>
        {confirming ? (
          <Notice
            appearance="warning"
            title="Reset every setting to the product defaults?"
            actions={
              <>
                <Button
                  appearance="danger"
                  isDisabled={busy}
                  onClick={() => {
                    setConfirming(false);
                    onReset();
                  }}
                >
                  Yes, reset to defaults
                </Button>
                <Button onClick={() => setConfirming(false)}>Cancel</Button>
              </>
            }
          >
            <Text as="p">
              {`Every project's coverage is then graded with the default labels and windows.${dirty ? ' Your unsaved changes in this form will be discarded.' : ''}`}
            </Text>
          </Notice>
        ) : (
          <Inline>
            <Button onClick={() => setConfirming(true)} isDisabled={busy}>
              Reset to defaults…
            </Button>
          </Inline>
        )}
      </Stack>
    </section>
  );
}

/** The change history, loaded (code and data) only when the admin opens it. */
export function HistorySection({
  version,
  nameOf,
}: {
  version: number;
  /** Names the groups and people of top-management changes, where the page knows them. */
  nameOf?: (id: string) => string | undefined;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="c51-history">
      <Stack space="space.150">
        <Inline space="space.200" alignBlock="center">
          <Heading size="medium" as="h2" id="c51-history">
            Change history
          </Heading>
          <Button
            spacing="compact"
            aria-expanded={open}
            aria-controls="c51-history-panel"
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide change history' : 'Show change history'}
          </Button>
        </Inline>
        <div id="c51-history-panel" hidden={!open}>
          {open ? (
            <Suspense fallback={<LoadingState label="Loading the change history…" />}>
              {/* Keyed on the version, so a save or reset shows its own entry. */}
              <HistoryPanel key={version} nameOf={nameOf} />
            </Suspense>
          ) : null}
        </div>
      </Stack>
    </section>
  );
}
