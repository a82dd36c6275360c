import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { GadgetReport } from '../../../src/contract/invoke';
import { SeverityLozenge, VerdictLozenge } from '../shared/components/Lozenges';
import { Notice } from '../shared/components/Notice';
import { ageOf, formatDay, formatPercent } from '../shared/format';
import { ItemBars } from './ItemBars';
import { ProjectPageLink } from './ProjectPageLink';
import { nextLapseSentence } from './words';

export type ReadyGadget = Extract<GadgetReport, { state: 'ready' }>;

const bigNumber = { font: token('font.heading.xlarge'), color: token('color.text'), margin: 0 } as const;

/** One project at a glance: coverage, verdict, items (a) to (h), the next lapse, the way to the project page. */
export function GadgetSummary({ report }: { report: ReadyGadget }) {
  return (
    <Stack space="space.200">
      <Stack space="space.050">
        <Heading size="small" as="h2">
          {report.projectName}
        </Heading>
        <Text size="small" color="color.text.subtle">
          {`${report.projectKey}, as of ${formatDay(report.asOf)}`}
        </Text>
      </Stack>
      {report.provisional ? (
        // Spec 15: above the coverage, so an executive never reads a lower bound as the figure.
        <Notice appearance="warning" title="Provisional: the lowest these figures can be">
          <Text as="p">{report.provisional}</Text>
        </Notice>
      ) : null}
      <Inline space="space.200" alignBlock="center" shouldWrap>
        <Stack space="space.0">
          <p style={bigNumber}>{formatPercent(report.coverage)}</p>
          <Text size="small" color="color.text.subtle">
            Clause 5.1 coverage
          </Text>
        </Stack>
        <Stack space="space.050">
          <Text size="small" color="color.text.subtle">
            Verdict
          </Text>
          <VerdictLozenge verdict={report.verdict} />
        </Stack>
      </Inline>
      {report.worstFinding ? (
        <Text as="p">
          <Text weight="medium">Why: </Text>
          <SeverityLozenge severity={report.worstFinding.severity} /> {report.worstFinding.message}
        </Text>
      ) : null}
      {report.stored ? (
        <Notice appearance="warning" title={`From your last read, ${ageOf(report.stored.at, report.generatedAt)}`}>
          <Text as="p">
            {`Jira could not be asked, so changes since are not in it. ${report.stored.reason}`.trim()}
          </Text>
        </Notice>
      ) : null}
      {report.complete ? null : (
        <Notice appearance="warning" title="Incomplete">
          <Text as="p">
            Not every evidence issue could be read, so coverage may be lower than it really is. The project page says
            why.
          </Text>
        </Notice>
      )}
      <ItemBars items={report.items} />
      <Text as="p">
        <span aria-hidden="true">{report.nextLapse ? '▼ ' : ''}</span>
        {nextLapseSentence(report.nextLapse)}
        {report.nextLapse ? null : ' if nothing new is recorded'}
      </Text>
      <Text as="p">
        <ProjectPageLink projectKey={report.projectKey}>
          Open the Clause 5.1 coverage of {report.projectName}
        </ProjectPageLink>
      </Text>
    </Stack>
  );
}
