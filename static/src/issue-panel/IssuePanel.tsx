import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { IssueReport } from '../../../src/contract/invoke';
import { categoryDefinition } from '../../../src/core/categories';
import { LabelList } from '../shared/components/LabelCode';
import { Notice } from '../shared/components/Notice';
import { ErrorState, LoadingState } from '../shared/components/States';
import { FixAction } from '../shared/fix';
import { formatDay } from '../shared/format';
import { useIssueReport } from '../shared/hooks';
import { CategoryCard } from './CategoryCard';

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

/**
 * The panel's headline, true to its checks: green only when every category counts and none lapses
 * soon; "Cannot tell" when what fails could not be checked (spec 15); else the next step.
 */
function headline(report: IssueReport): { appearance: 'success' | 'warning' | 'information'; title: string } {
  const { categories } = report;
  if (categories.every((c) => c.counts))
    return categories.some((c) => c.lapsesSoon === true)
      ? { appearance: 'warning', title: 'Counts, but lapses soon' }
      : { appearance: 'success', title: 'Counts as Clause 5.1 evidence' };
  if (categories.every((c) => c.counts || c.cannotTell === true))
    return { appearance: 'information', title: 'Cannot tell yet' };
  return { appearance: 'warning', title: 'Next step' };
}

export function IssueReportView({ report }: { report: IssueReport }) {
  const fixes = report.fixes;
  const { appearance, title } = headline(report);
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
          <Notice appearance={appearance} title={title}>
            <Text as="p">{report.nextStep}</Text>
          </Notice>
          {report.categories.map((category) => (
            <CategoryCard
              key={category.id}
              category={category}
              asOf={report.asOf}
              action={
                fixes?.renewable.includes(category.id) ? (
                  <FixAction
                    request={{ categoryId: category.id, origin: 'panel' }}
                    fixes={fixes}
                    label="Create the renewal issue"
                    context={category.name}
                  />
                ) : undefined
              }
            />
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
