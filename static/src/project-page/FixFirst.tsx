import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ProjectReport } from '../../../src/contract/invoke';
import { categoryDefinition } from '../../../src/core/categories';
import { FORECAST_DAYS } from '../../../src/core/timeline';
import type { Finding } from '../../../src/core/types';
import { STATUS_WORDS } from '../../../src/export/words';
import { IssueLinks } from '../shared/components/JiraLink';
import { FixAction, fixableCategory, isLapse, upcomingFixAction } from '../shared/fix';
import { formatDay } from '../shared/format';
import { bareListStyle, cardStyle } from '../shared/styles';
import { FindingText } from './FindingText';

const itemStyle = {
  padding: `${token('space.100')} 0`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
} as const;

/** What an auditor would write up: non-conformities and warnings; observations wait for the full list. */
export const toFixFirst = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.severity !== 'observation');

/**
 * Whether the page offers Create issue on this finding: the first (worst) finding of one of the ten
 * categories, which is the one the server builds the issue from, unless it holds only because
 * checks could not be made (nothing to record for that).
 */
export function offersCreate(finding: Finding, findings: readonly Finding[]): boolean {
  if (finding.unknown === true || fixableCategory(finding.categoryId) === undefined) return false;
  return findings.find((f) => f.categoryId === finding.categoryId) === finding;
}

function FixFirstItem({ finding, report }: { finding: Finding; report: ProjectReport }) {
  const categoryId = offersCreate(finding, report.findings) ? fixableCategory(finding.categoryId) : undefined;
  return (
    <li style={itemStyle}>
      <FindingText finding={finding}>
        {categoryId ? <FixAction request={{ categoryId, origin: 'finding' }} fixes={report.fixes} /> : null}
      </FindingText>
    </li>
  );
}

/**
 * What a security lead opens the page for, first: the verdict's non-conformities and warnings, each
 * with its fix and Create issue (or the issue already fixing it), then the next lapse.
 */
export function FixFirst({ report }: { report: ProjectReport }) {
  const first = toFixFirst(report.findings);
  const lapse = report.upcoming.find((u) => isLapse(u.statusBefore, u.statusAfter));
  return (
    <Box as="section" aria-labelledby="c51-fix-first" padding="space.300" xcss={cardStyle}>
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="c51-fix-first">
          {first.length === 0 ? 'Nothing to fix before the audit' : `To fix before the audit (${first.length})`}
        </Heading>
        {first.length === 0 ? (
          <Text as="p">No non-conformity or warning: what an auditor would write up is met.</Text>
        ) : (
          <ul style={bareListStyle} aria-labelledby="c51-fix-first">
            {first.map((finding, index) => (
              <FixFirstItem key={`${finding.categoryId ?? ''}-${index}`} finding={finding} report={report} />
            ))}
          </ul>
        )}
        <Stack space="space.075">
          <Heading size="small" as="h3">
            Next lapse
          </Heading>
          {lapse ? (
            <>
              <Text as="p">
                <strong>{formatDay(lapse.day)}</strong>
                {`: ${categoryDefinition(lapse.categoryId).name} lapses, from ${STATUS_WORDS[lapse.statusBefore].toLowerCase()} to ${STATUS_WORDS[lapse.statusAfter].toLowerCase()}, if nothing new is recorded.`}
              </Text>
              <IssueLinks keys={lapse.issueKeys} />
              {upcomingFixAction(report.fixes)(lapse)}
            </>
          ) : (
            <Text as="p">{`Nothing lapses in the next ${FORECAST_DAYS} days if nothing new is recorded.`}</Text>
          )}
        </Stack>
      </Stack>
    </Box>
  );
}
