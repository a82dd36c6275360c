import { useEffect, useId, useRef, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Inline, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

// Jira draws the modal (its blanket, size and frame) and puts this page inside it: the page is
// the dialog's content, so it fills the frame, and its actions stay at the foot while it scrolls.
const pageStyle = {
  minHeight: '100vh',
  display: 'flex',
  flexDirection: 'column',
  background: token('elevation.surface.overlay'),
  outline: 'none',
} as const;
const headerStyle = { padding: `${token('space.300')} ${token('space.300')} ${token('space.200')}` } as const;
const bodyStyle = { flex: 1, padding: `0 ${token('space.300')}` } as const;
const footerStyle = {
  position: 'sticky',
  bottom: 0,
  background: token('elevation.surface.overlay'),
  padding: `${token('space.200')} ${token('space.300')} ${token('space.300')}`,
} as const;

/**
 * A dialog's content in the Design System's modal layout (title, body, actions at the foot) for a
 * resource Jira shows in its modal layer. Focus starts on the dialog, named by its title, so a
 * screen reader says what opened; Jira traps focus in the modal and closes it on Escape.
 */
export function DialogLayout({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  const titleId = useId();
  const page = useRef<HTMLElement>(null);
  useEffect(() => page.current?.focus(), []);
  return (
    <main ref={page} tabIndex={-1} aria-labelledby={titleId} style={pageStyle}>
      <div style={headerStyle}>
        <Heading as="h1" size="medium" id={titleId}>
          {title}
        </Heading>
      </div>
      <div style={bodyStyle}>
        <Stack space="space.200">{children}</Stack>
      </div>
      <div style={footerStyle}>
        <Inline space="space.100" alignInline="end">
          {footer}
        </Inline>
      </div>
    </main>
  );
}
