import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CategoryExplanation, Check } from '../../../src/core/types';
import { CountsLozenge } from '../shared/components/Lozenges';
import { VisuallyHidden } from '../shared/components/VisuallyHidden';
import { formatDay } from '../shared/format';
import { bareListStyle, cardStyle } from '../shared/styles';
import { groupChecks, lookOf, type CheckLook } from './checks';

// The word carries the meaning; the mark and the colour repeat it.
const LOOK: Record<CheckLook, { mark: string; word: string; color: string }> = {
  pass: { mark: '✓', word: 'Pass', color: token('color.text.success') },
  fail: { mark: '✗', word: 'Fail', color: token('color.text.danger') },
  advisory: { mark: '!', word: 'Advisory', color: token('color.text.warning') },
  'not-checked': { mark: '–', word: 'Not checked', color: token('color.text.subtle') },
  unknown: { mark: '?', word: 'Could not be checked', color: token('color.text.subtle') },
};

function CheckRow({ check }: { check: Check }) {
  const { look, message } = lookOf(check);
  const { mark, word, color } = LOOK[look];
  return (
    <li
      style={{ display: 'flex', gap: token('space.100'), alignItems: 'baseline', marginBlockEnd: token('space.075') }}
    >
      <span style={{ color, fontWeight: token('font.weight.bold'), minWidth: '3.2em', maxWidth: '9em', flexShrink: 0 }}>
        <span aria-hidden="true">{`${mark} `}</span>
        {word}
        <VisuallyHidden>: </VisuallyHidden>
      </span>
      <Text>{message}</Text>
    </li>
  );
}

/**
 * The words before the category's expiry day, true to its checks: a day in the past is when it
 * stopped counting; a later one is when it stops, or, while its checks fail, when it would.
 */
function expiryWords(category: CategoryExplanation, asOf: string): string {
  if (category.expiresOn !== undefined && category.expiresOn <= asOf) return 'Stopped counting on ';
  if (category.counts) return 'Stops counting on ';
  return category.cannotTell ? 'If its checks pass, it counts until ' : 'Once its checks pass, it would count until ';
}

/**
 * One category the issue is evidence of: does it count, until when, and each check with why; with
 * `action`, what to do about it (the renewal issue to create) under its checks.
 */
export function CategoryCard({
  category,
  asOf,
  action,
}: {
  category: CategoryExplanation;
  asOf: string;
  action?: ReactNode;
}) {
  const headingId = `c51-cat-${category.id}`;
  const { required, advisory } = groupChecks(category.checks);
  return (
    <Box as="section" aria-labelledby={headingId} padding="space.150" xcss={cardStyle}>
      <Stack space="space.100">
        <Inline space="space.100" spread="space-between" alignBlock="center" shouldWrap>
          <Heading size="xsmall" as="h3" id={headingId}>
            {category.name}
          </Heading>
          <CountsLozenge counts={category.counts} cannotTell={category.cannotTell === true} />
        </Inline>
        {category.expiresOn ? (
          <Text size="small">
            {expiryWords(category, asOf)}
            <strong>{formatDay(category.expiresOn)}</strong>
          </Text>
        ) : null}
        <ul style={bareListStyle} aria-label={`Checks for ${category.name}`}>
          {required.map((check) => (
            <CheckRow key={check.id} check={check} />
          ))}
        </ul>
        {action}
        {advisory.length > 0 ? (
          <Stack space="space.075">
            <Heading size="xxsmall" as="h4">
              Advisory
            </Heading>
            <Text size="small" color="color.text.subtle">
              Reported for the audit file: these never stop the issue counting.
            </Text>
            <ul style={bareListStyle} aria-label={`Advisory checks for ${category.name}`}>
              {advisory.map((check) => (
                <CheckRow key={check.id} check={check} />
              ))}
            </ul>
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}
