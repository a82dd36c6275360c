import type { ProjectReport } from '../../../src/contract/invoke';
import { PageLayout } from '../shared/components/PageLayout';
import { upcomingFixAction } from '../shared/fix';
import { CategoryTable } from './CategoryTable';
import { ExportActions } from './ExportActions';
import { FindingList } from './FindingList';
import { ItemList } from './ItemList';
import { NoEvidence } from './NoEvidence';
import { ReportSummary } from './ReportSummary';
import { TimelineSection } from './timeline/TimelineSection';

export function ReportView({ report, onReload }: { report: ProjectReport; onReload: () => void }) {
  return (
    <PageLayout
      title={`Clause 5.1 coverage: ${report.projectName}`}
      subtitle={`ISO/IEC 27001:2022 Clause 5.1, leadership and commitment · project ${report.projectKey}`}
      actions={<ExportActions report={report} onReload={onReload} />}
    >
      <ReportSummary report={report} />
      {report.evidenceIssueCount === 0 ? (
        <NoEvidence report={report} />
      ) : (
        <>
          <CategoryTable categories={report.categories} />
          <ItemList report={report} />
          <TimelineSection report={report} upcomingAction={upcomingFixAction(report.fixes)} />
          <FindingList findings={report.findings} fixes={report.fixes} />
        </>
      )}
    </PageLayout>
  );
}
