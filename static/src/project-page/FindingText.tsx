import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { Finding } from '../../../src/core/types';
import { IssueLinks } from '../shared/components/JiraLink';
import { SeverityLozenge } from '../shared/components/Lozenges';

/**
 * A finding as the page says it wherever it lists one: its severity and sentence, what to do (to
 * fix it, or to settle a finding that holds only because checks could not be made), the issues it
 * names, then whatever action the list offers.
 */
export function FindingText({ finding, children }: { finding: Finding; children?: ReactNode }) {
  return (
    <Stack space="space.075">
      <Inline space="space.100" alignBlock="start">
        <span style={{ flexShrink: 0 }}>
          <SeverityLozenge severity={finding.severity} />
        </span>
        <Text weight="medium">{finding.message}</Text>
      </Inline>
      <Text as="p">
        <strong>{finding.unknown ? 'To settle it:' : 'To fix:'}</strong> {finding.fix}
      </Text>
      <IssueLinks keys={finding.issueKeys} />
      {children}
    </Stack>
  );
}
