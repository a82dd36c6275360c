import type { ReactNode, RefObject } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { cardStyle } from './controls';

const raised = xcss({ backgroundColor: 'elevation.surface.raised' });

/**
 * Save, Discard, and what the form's state is (unsaved changes, the count of problems, the
 * outcome of a save), above the section shown: the page is short, so it is always in reach.
 * The state is a polite live region, so a screen reader hears the count change as the admin types.
 */
export function SaveBar({
  barRef,
  status,
  problem,
  canSave,
  saving,
  canDiscard,
  busy,
  onSave,
  onDiscard,
  children,
}: {
  barRef: RefObject<HTMLElement>;
  status: string;
  /** Whether the state is a problem (said in the danger colour). */
  problem: boolean;
  canSave: boolean;
  saving: boolean;
  canDiscard: boolean;
  busy: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /** Outcomes and problems of the whole form, shown under the buttons, where the admin is. */
  children?: ReactNode;
}) {
  return (
    <Box as="section" ref={barRef} aria-label="Save" padding="space.150" xcss={[cardStyle, raised]}>
      <Stack space="space.150">
        <Inline space="space.150" alignBlock="center" shouldWrap>
          <Button appearance="primary" onClick={onSave} isDisabled={!canSave} isLoading={saving}>
            Save settings
          </Button>
          {canDiscard ? (
            <Button appearance="subtle" onClick={onDiscard} isDisabled={busy}>
              Discard changes
            </Button>
          ) : null}
          <div role="status">
            <Text color={problem ? 'color.text.danger' : 'color.text.subtle'}>{status}</Text>
          </div>
        </Inline>
        {children}
      </Stack>
    </Box>
  );
}
