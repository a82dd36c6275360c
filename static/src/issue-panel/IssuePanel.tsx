import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { IssueReport } from '../../../src/contract/invoke';
import { categoryDefinition } from '../../../src/core/categories';
import type { CategoryExplanation, Check } from '../../../src/core/types';
import { LabelList } from '../shared/components/LabelCode';
import { CountsLozenge } from '../shared/components/Lozenges';
import { Notice } from '../shared/components/Notice';
import { VisuallyHidden } from '../shared/components/VisuallyHidden';
import { ErrorState, LoadingState } from '../shared/components/States';
import { formatDay } from '../shared/format';
import { useIssueReport } from '../shared/hooks';

const cardStyle = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

function CheckRow({ check }: { check: Check }) {
  const color = token(check.pass ? 'color.text.success' : 'color.text.danger');
  return (
    <li
      style={{ display: 'flex', gap: token('space.100'), alignItems: 'baseline', marginBlockEnd: token('space.075') }}
    >
      <span style={{ color, fontWeight: token('font.weight.bold'), minWidth: '3.2em', flexShrink: 0 }}>
        <span aria-hidden="true">{check.pass ? '✓ ' : '✗ '}</span>
        {check.pass ? 'Pass' : 'Fail'}
        <VisuallyHidden>: </VisuallyHidden>
      </span>
      <Text>{check.message}</Text>
    </li>
  );
}

function CategoryCard({ category }: { category: CategoryExplanation }) {
  const headingId = `c51-cat-${category.id}`;
  return (
    <Box as="section" aria-labelledby={headingId} padding="space.150" xcss={cardStyle}>
      <Stack space="space.100">
        <Inline space="space.100" spread="space-between" alignBlock="center" shouldWrap>
          <Heading size="xsmall" as="h3" id={headingId}>
            {category.name}
          </Heading>
          <CountsLozenge counts={category.counts} />
        </Inline>
        {category.expiresOn ? (
          <Text size="small">
            {category.counts ? 'Stops counting on ' : 'Would have stopped counting on '}
            <strong>{formatDay(category.expiresOn)}</strong>
          </Text>
        ) : null}
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }} aria-label={`Checks for ${category.name}`}>
          {category.checks.map((check) => (
            <CheckRow key={check.id} check={check} />
          ))}
        </ul>
      </Stack>
    </Box>
  );
}

function NotEvidence({ report }: { report: IssueReport }) {
  return (
    <Stack space="space.150">
      <Notice appearance="information" title="Not Clause 5.1 evidence">
        <Text as="p">{report.nextStep}</Text>
      </Notice>
      {report.suggestedLabels.length > 0 ? (
        <Stack space="space.075">
          <Heading size="xxsmall" as="h3">
            Labels that would make it evidence
          </Heading>
          <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
            {report.suggestedLabels.map((s) => (
              <li key={s.categoryId} style={{ marginBlockEnd: token('space.050') }}>
                {categoryDefinition(s.categoryId).name}: <LabelList labels={s.labels} />
              </li>
            ))}
          </ul>
        </Stack>
      ) : null}
    </Stack>
  );
}

export function IssueReportView({ report }: { report: IssueReport }) {
  const allCount = report.categories.length > 0 && report.categories.every((c) => c.counts);
  return (
    <Stack space="space.150">
      {report.settingsNotice ? (
        <Notice appearance="warning" title="Graded with the default settings">
          <Text as="p">{report.settingsNotice}</Text>
        </Notice>
      ) : null}
      {report.categories.length === 0 ? (
        <NotEvidence report={report} />
      ) : (
        <>
          <Notice
            appearance={allCount ? 'success' : 'warning'}
            title={allCount ? 'Counts as Clause 5.1 evidence' : 'Next step'}
          >
            <Text as="p">{report.nextStep}</Text>
          </Notice>
          {report.categories.map((category) => (
            <CategoryCard key={category.id} category={category} />
          ))}
        </>
      )}
      <Text size="small" color="color.text.subtle">
        Checked as of {formatDay(report.asOf)}.
      </Text>
    </Stack>
  );
}

/** The issue panel: is this issue Clause 5.1 evidence, does it count, and what to do next. */
export function IssuePanel() {
  const { state, retry } = useIssueReport();
  return (
    <Box as="main" padding="space.100">
      {state.status === 'loading' ? <LoadingState label="Checking this issue's evidence…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} subject="issue" onRetry={retry} /> : null}
      {state.status === 'ready' ? <IssueReportView report={state.data} /> : null}
    </Box>
  );
}
