import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ProjectReport } from '../../../src/contract/invoke';
import { notVisibleSentence } from '../../../src/core/words';
import { VerdictLozenge } from '../shared/components/Lozenges';
import { Notice } from '../shared/components/Notice';
import { formatDay, formatPercent } from '../shared/format';
import { cardStyle } from '../shared/styles';
import { readFact, readSentence } from './read-words';

const bigNumber = { font: token('font.heading.xxlarge'), color: token('color.text'), margin: 0 } as const;
const termStyle = { font: token('font.body.small'), color: token('color.text.subtle') } as const;

// A <dl> may hold only <dt>/<dd> pairs or one level of <div> around them, so the layout is on
// the <dl> itself and each fact is a plain <div>.
const factsStyle = { display: 'flex', flexWrap: 'wrap', gap: token('space.400'), margin: 0, padding: 0 } as const;
const factStyle = { display: 'flex', flexDirection: 'column', gap: token('space.050') } as const;

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div style={factStyle}>
      <dt style={termStyle}>{term}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </div>
  );
}

/** At a glance: coverage, verdict, as-of date, evidence count, completeness. */
export function ReportSummary({ report }: { report: ProjectReport }) {
  const hidden = report.projects.filter((p) => !p.visible);
  return (
    <Box as="section" aria-labelledby="c51-summary" padding="space.300" xcss={cardStyle}>
      <Stack space="space.200">
        <Heading size="small" as="h2" id="c51-summary">
          At a glance
        </Heading>
        {report.provisional ? (
          // Spec 15: above the coverage, so the figure is never read as complete.
          <Notice appearance="warning" title="Provisional: the lowest these figures can be">
            <Text as="p">{report.provisional.reason}</Text>
          </Notice>
        ) : null}
        <Inline space="space.500" shouldWrap alignBlock="end">
          <Stack space="space.050">
            <p style={bigNumber}>{formatPercent(report.coverage)}</p>
            <Text color="color.text.subtle">coverage of the Clause 5.1 evidence categories</Text>
          </Stack>
          <dl style={factsStyle}>
            <Fact term="Verdict">
              <VerdictLozenge verdict={report.verdict} />
            </Fact>
            <Fact term="As of">{formatDay(report.asOf)}</Fact>
            <Fact term="Evidence issues">{report.evidenceIssueCount}</Fact>
            <Fact term="Data">
              {report.complete ? 'Complete: every matching issue was read' : 'Incomplete (see below)'}
            </Fact>
            <Fact term="Read from Jira">{readFact(report)}</Fact>
          </dl>
        </Inline>
        {report.read.kind === 'stored' ? (
          <Notice appearance="warning" title="Shown from your last read: Jira could not be asked">
            <Text as="p">{readSentence(report)}</Text>
          </Notice>
        ) : null}
        {report.settingsNotice ? (
          <Notice appearance="warning" title="Graded with the default settings">
            <Text as="p">{report.settingsNotice}</Text>
          </Notice>
        ) : null}
        {hidden.length > 0 ? (
          <Notice appearance="information" title="Some projects of this page are not visible to you">
            <Text as="p">
              {`${notVisibleSentence(hidden.map((p) => p.key))} Someone who may browse ${hidden.length === 1 ? 'it' : 'them'} sees a fuller report.`}
            </Text>
          </Notice>
        ) : null}
        {report.complete ? null : (
          <Notice appearance="warning" title="Not every issue could be read">
            <Text as="p">
              {report.incompleteReason ??
                'Some evidence issues could not be read, so coverage may be lower than it really is.'}
            </Text>
          </Notice>
        )}
        <Text as="p" color="color.text.subtle" size="small">
          {report.scope.note}
        </Text>
        {report.read.kind === 'stored' ? null : (
          <Text as="p" color="color.text.subtle" size="small">
            {readSentence(report)}
          </Text>
        )}
      </Stack>
    </Box>
  );
}
