import type { ReactNode } from 'react';

export const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** Text for screen readers only (e.g. a table caption already said by the heading above it). */
export const VisuallyHidden = ({ children }: { children: ReactNode }) => (
  <span style={VISUALLY_HIDDEN}>{children}</span>
);
