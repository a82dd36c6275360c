import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';

const pageStyle = xcss({ maxWidth: '1200px' });

/** A screen: its title, an optional line under it, actions on the right, then the content. */
export function PageLayout({
  title,
  subtitle,
  actions,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box as="main" padding="space.300" xcss={pageStyle}>
      <Stack space="space.300">
        <Inline spread="space-between" alignBlock="start" shouldWrap space="space.200">
          <Stack space="space.050">
            <Heading size="large" as="h1">
              {title}
            </Heading>
            {subtitle ? <Text color="color.text.subtle">{subtitle}</Text> : null}
          </Stack>
          {actions}
        </Inline>
        {children}
      </Stack>
    </Box>
  );
}
