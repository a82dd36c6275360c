import { useId, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

export type NoticeAppearance = 'information' | 'warning' | 'error' | 'success';

const LOOK = {
  information: {
    background: 'color.background.information',
    icon: token('color.icon.information'),
    word: 'Information',
  },
  warning: { background: 'color.background.warning', icon: token('color.icon.warning'), word: 'Warning' },
  error: { background: 'color.background.danger', icon: token('color.icon.danger'), word: 'Error' },
  success: { background: 'color.background.success', icon: token('color.icon.success'), word: 'Success' },
} as const;

const boxStyle = xcss({ borderRadius: 'radius.small' });

function Glyph({ appearance }: { appearance: NoticeAppearance }) {
  const mark =
    appearance === 'success' ? (
      <path
        d="M7 12.5l3 3 7-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    ) : appearance === 'information' ? (
      <>
        <rect x="11" y="10" width="2" height="7" rx="1" fill="currentColor" />
        <circle cx="12" cy="7.2" r="1.3" fill="currentColor" />
      </>
    ) : (
      <>
        <rect x="11" y="6" width="2" height="8" rx="1" fill="currentColor" />
        <circle cx="12" cy="17" r="1.3" fill="currentColor" />
      </>
    );
  return (
    <svg
      width="24"
      height="24"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      style={{ color: LOOK[appearance].icon, flexShrink: 0 }}
    >
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      {mark}
    </svg>
  );
}

/**
 * A section message in the Design System's look (tinted box, icon, title, body, actions), built
 * from primitives and tokens: @atlaskit/section-message alone would add ~36 KB gzipped to each
 * screen's first load. The icon is decorative; the title and text carry the meaning.
 */
export function Notice({
  appearance,
  title,
  children,
  actions,
  live,
}: {
  appearance: NoticeAppearance;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  /** Announce when it appears: 'alert' for failures, 'status' for confirmations. */
  live?: 'alert' | 'status';
}) {
  const titleId = useId();
  return (
    <Box
      as="section"
      aria-labelledby={titleId}
      role={live}
      backgroundColor={LOOK[appearance].background}
      padding="space.200"
      xcss={boxStyle}
    >
      <Inline space="space.150" alignBlock="start">
        <Glyph appearance={appearance} />
        <Stack space="space.100">
          <Heading size="xsmall" as="h3" id={titleId}>
            {title}
          </Heading>
          {children}
          {actions ? (
            <Inline space="space.100" shouldWrap>
              {actions}
            </Inline>
          ) : null}
        </Stack>
      </Inline>
    </Box>
  );
}
